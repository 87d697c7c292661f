//! Known-answer tests from the examples of the base specifications, RFC 3501 (IMAP4rev1) and
//! RFC 9051 (IMAP4rev2), both directions: every protocol line of their §6 (client commands)
//! and §7 (server responses) examples, RFC 9051's §8 sample session as printed, and the
//! examples given in §4.5, §5.1.3 (Appendix A.1 in RFC 9051) and the §9 grammar comments.
//! RFC 3501 §8 (and a session in the shape of RFC 9051 §8) are also replayed, at every
//! chunking, in `rfc_sessions.rs`.
//!
//! Every entry is one protocol message of an RFC example, as printed there after `C:` or `S:`
//! (lines the RFC wraps for width are joined with one space where the wrap falls between two
//! tokens, with nothing inside base64 the RFC says it broke for clarity; a literal's data
//! follows its `{n}` line). Each goes through the framer of the side that reads it (which
//! must find exactly that one message, however the bytes are split), is parsed, checked to be
//! the typed value expected (its `Debug` form starts with the variant named in the table,
//! never a generic fallback such as `Data::Other` unless the data is an experimental
//! command's), encoded again and compared with the RFC bytes. Where the RFC's text is not the
//! encoder's canonical form the entry names the canonical bytes and says why; those must
//! parse back to the same value.
//!
//! Left out everywhere: prose, `...`, `. . .` and `[...]` elisions, `<...>` annotations such
//! as `<TLS negotiation ...>`, and the `//` comments of RFC 9051 §6.4.4.4. Each table says
//! what else it leaves out and why.

mod common;

use common::{Ex, auth, c, done, experimental_data, run, s};
use mailwire_imap::command::parse_command;
use mailwire_imap::framing::{FrameEvent, Framer, FramerOptions, Role};
use mailwire_imap::response::{Data, FetchItem, Response, parse_response};
use mailwire_imap::types::Mailbox;

/// RFC 3501 §6.1.1 CAPABILITY. The first CAPABILITY response is wrapped in the RFC between
/// two capability names; it is joined with a space.
const R3501_6_1_1: &[Ex] = &[
    c("6.1.1", "abcd CAPABILITY", "Capability"),
    s(
        "6.1.1",
        "* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED",
        "Data(Capability",
    ),
    s("6.1.1", "abcd OK CAPABILITY completed", "Status"),
    c("6.1.1", "efgh STARTTLS", "StartTls"),
    s("6.1.1", "efgh OK STARTLS completed", "Status"),
    c("6.1.1", "ijkl CAPABILITY", "Capability"),
    s(
        "6.1.1",
        "* CAPABILITY IMAP4rev1 AUTH=GSSAPI AUTH=PLAIN",
        "Data(Capability",
    ),
    s("6.1.1", "ijkl OK CAPABILITY completed", "Status"),
];

/// RFC 3501 §6.1.2 NOOP.
const R3501_6_1_2: &[Ex] = &[
    c("6.1.2", "a002 NOOP", "Noop"),
    s("6.1.2", "a002 OK NOOP completed", "Status"),
    c("6.1.2", "a047 NOOP", "Noop"),
    s("6.1.2", "* 22 EXPUNGE", "Data(Expunge(22))"),
    s("6.1.2", "* 23 EXISTS", "Data(Exists(23))"),
    s("6.1.2", "* 3 RECENT", "Data(Recent(3))"),
    s(
        "6.1.2",
        "* 14 FETCH (FLAGS (\\Seen \\Deleted))",
        "Data(Fetch { seq: 14",
    ),
    s("6.1.2", "a047 OK NOOP completed", "Status"),
];

/// RFC 3501 §6.1.3 LOGOUT.
const R3501_6_1_3: &[Ex] = &[
    c("6.1.3", "A023 LOGOUT", "Logout"),
    s(
        "6.1.3",
        "* BYE IMAP4rev1 Server logging out",
        "Status(StatusResponse { tag: None, kind: Bye",
    ),
    s("6.1.3", "A023 OK LOGOUT completed", "Status"),
];

/// RFC 3501 §6.2.1 STARTTLS.
const R3501_6_2_1: &[Ex] = &[
    c("6.2.1", "a001 CAPABILITY", "Capability"),
    s(
        "6.2.1",
        "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED",
        "Data(Capability",
    ),
    s("6.2.1", "a001 OK CAPABILITY completed", "Status"),
    c("6.2.1", "a002 STARTTLS", "StartTls"),
    s("6.2.1", "a002 OK Begin TLS negotiation now", "Status"),
    c("6.2.1", "a003 CAPABILITY", "Capability"),
    s(
        "6.2.1",
        "* CAPABILITY IMAP4rev1 AUTH=PLAIN",
        "Data(Capability",
    ),
    s("6.2.1", "a003 OK CAPABILITY completed", "Status"),
    c("6.2.1", "a004 LOGIN joe password", "Login"),
    s("6.2.1", "a004 OK LOGIN completed", "Status"),
];

/// RFC 3501 §6.2.2 AUTHENTICATE (GSSAPI). The RFC says the line breaks inside the challenges
/// and responses are editorial and not sent, so those base64 lines are joined with nothing.
const R3501_6_2_2: &[Ex] = &[
    s("6.2.2", "* OK IMAP4rev1 Server", "Status"),
    c("6.2.2", "A001 AUTHENTICATE GSSAPI", "Authenticate"),
    // RFC 3501's grammar wants `"+" SP`; the bare `+` of the example is read as an empty
    // challenge (RFC 9051 §7.5 prints it the same way), and the encoder sends `+ `.
    s("6.2.2", "+", "Continuation").canon("+ "),
    auth(
        "6.2.2",
        "YIIB+wYJKoZIhvcSAQICAQBuggHqMIIB5qADAgEFoQMCAQ6iBwMFACAAAACjggEmYYIBIjCCAR6gAwIBBaESGxB1Lndhc2hpbmd0b24uZWR1oi0wK6ADAgEDoSQwIhsEaW1hcBsac2hpdmFtcy5jYWMud2FzaGluZ3Rvbi5lZHWjgdMwgdCgAwIBAaEDAgEDooHDBIHAcS1GSa5b+fXnPZNmXB9SjL8Ollj2SKyb+3S0iXMljen/jNkpJXAleKTz6BQPzj8duz8EtoOuNfKgweViyn/9B9bccy1uuAE2HI0yC/PHXNNU9ZrBziJ8Lm0tTNc98kUpjXnHZhsMcz5Mx2GR6dGknbI0iaGcRerMUsWOuBmKKKRmVMMdR9T3EZdpqsBd7jZCNMWotjhivd5zovQlFqQ2Wjc2+y46vKP/iXxWIuQJuDiisyXF0Y8+5GTpALpHDc1/pIGmMIGjoAMCAQGigZsEgZg2on5mSuxoDHEA1w9bcW9nFdFxDKpdrQhVGVRDIzcCMCTzvUboqb5KjY1NJKJsfjRQiBYBdENKfzK+g5DlV8nrw81uOcP8NOQCLR5XkoMHC0Dr/80ziQzbNqhxO6652Npft0LQwJvenwDI13YxpwOdMXzkWZN/XrEqOWp6GCgXTBvCyLWLlWnbaUkZdEYbKHBPjd8t/1x5Yg==",
        "Continue",
    ),
    s(
        "6.2.2",
        "+ YGgGCSqGSIb3EgECAgIAb1kwV6ADAgEFoQMCAQ+iSzBJoAMCAQGiQgRAtHTEuOP2BXb9sBYFR4SJlDZxmg39IxmRBOhXRKdDA0uHTCOT9Bq3OsUTXUlk0CsFLoa8j+gvGDlgHuqzWHPSQg==",
        "Continuation",
    ),
    // `C:` with nothing after it: an empty response.
    auth("6.2.2", "", "Continue"),
    s(
        "6.2.2",
        "+ YDMGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=",
        "Continuation",
    ),
    auth(
        "6.2.2",
        "YDMGCSqGSIb3EgECAgIBAAD/////3LQBHXTpFfZgrejpLlLImPwkhbfa2QteAQAgAG1yYwE=",
        "Continue",
    ),
    s(
        "6.2.2",
        "A001 OK GSSAPI authentication successful",
        "Status",
    ),
];

/// RFC 3501 §6.2.3 LOGIN.
const R3501_6_2_3: &[Ex] = &[
    c("6.2.3", "a001 LOGIN SMITH SESAME", "Login"),
    s("6.2.3", "a001 OK LOGIN completed", "Status"),
];

/// RFC 3501 §6.3.1 SELECT.
const R3501_6_3_1: &[Ex] = &[
    c("6.3.1", "A142 SELECT INBOX", "Select"),
    s("6.3.1", "* 172 EXISTS", "Data(Exists(172))"),
    s("6.3.1", "* 1 RECENT", "Data(Recent(1))"),
    s(
        "6.3.1",
        "* OK [UNSEEN 12] Message 12 is first unseen",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Unseen(12",
    ),
    s(
        "6.3.1",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidValidity(3857529045",
    ),
    s(
        "6.3.1",
        "* OK [UIDNEXT 4392] Predicted next UID",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidNext(4392",
    ),
    s(
        "6.3.1",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "6.3.1",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(PermanentFlags",
    ),
    s(
        "6.3.1",
        "A142 OK [READ-WRITE] SELECT completed",
        "Status(StatusResponse { tag: Some(Tag(\"A142\")), kind: Ok, code: Some(ReadWrite",
    ),
];

/// RFC 3501 §6.3.2 EXAMINE.
const R3501_6_3_2: &[Ex] = &[
    c("6.3.2", "A932 EXAMINE blurdybloop", "Examine"),
    s("6.3.2", "* 17 EXISTS", "Data(Exists(17))"),
    s("6.3.2", "* 2 RECENT", "Data(Recent(2))"),
    s(
        "6.3.2",
        "* OK [UNSEEN 8] Message 8 is first unseen",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Unseen(8",
    ),
    s(
        "6.3.2",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidValidity(",
    ),
    s(
        "6.3.2",
        "* OK [UIDNEXT 4392] Predicted next UID",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidNext(",
    ),
    s(
        "6.3.2",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "6.3.2",
        "* OK [PERMANENTFLAGS ()] No permanent flags permitted",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(PermanentFlags([]",
    ),
    s(
        "6.3.2",
        "A932 OK [READ-ONLY] EXAMINE completed",
        "Status(StatusResponse { tag: Some(Tag(\"A932\")), kind: Ok, code: Some(ReadOnly",
    ),
];

/// RFC 3501 §6.3.3 CREATE.
const R3501_6_3_3: &[Ex] = &[
    c("6.3.3", "A003 CREATE owatagusiam/", "Create"),
    s("6.3.3", "A003 OK CREATE completed", "Status"),
    c("6.3.3", "A004 CREATE owatagusiam/blurdybloop", "Create"),
    s("6.3.3", "A004 OK CREATE completed", "Status"),
];

/// RFC 3501 §6.3.4 DELETE, both examples.
const R3501_6_3_4: &[Ex] = &[
    c("6.3.4", "A682 LIST \"\" *", "List"),
    s("6.3.4", "* LIST () \"/\" blurdybloop", "Data(List"),
    s("6.3.4", "* LIST (\\Noselect) \"/\" foo", "Data(List"),
    s("6.3.4", "* LIST () \"/\" foo/bar", "Data(List"),
    s("6.3.4", "A682 OK LIST completed", "Status"),
    c("6.3.4", "A683 DELETE blurdybloop", "Delete"),
    s("6.3.4", "A683 OK DELETE completed", "Status"),
    c("6.3.4", "A684 DELETE foo", "Delete"),
    s(
        "6.3.4",
        "A684 NO Name \"foo\" has inferior hierarchical names",
        "Status(StatusResponse { tag: Some(Tag(\"A684\")), kind: No",
    ),
    c("6.3.4", "A685 DELETE foo/bar", "Delete"),
    s("6.3.4", "A685 OK DELETE Completed", "Status"),
    c("6.3.4", "A686 LIST \"\" *", "List"),
    s("6.3.4", "* LIST (\\Noselect) \"/\" foo", "Data(List"),
    s("6.3.4", "A686 OK LIST completed", "Status"),
    c("6.3.4", "A687 DELETE foo", "Delete"),
    s("6.3.4", "A687 OK DELETE Completed", "Status"),
    c("6.3.4", "A82 LIST \"\" *", "List"),
    s("6.3.4", "* LIST () \".\" blurdybloop", "Data(List"),
    s("6.3.4", "* LIST () \".\" foo", "Data(List"),
    s("6.3.4", "* LIST () \".\" foo.bar", "Data(List"),
    s("6.3.4", "A82 OK LIST completed", "Status"),
    c("6.3.4", "A83 DELETE blurdybloop", "Delete"),
    s("6.3.4", "A83 OK DELETE completed", "Status"),
    c("6.3.4", "A84 DELETE foo", "Delete"),
    s("6.3.4", "A84 OK DELETE Completed", "Status"),
    c("6.3.4", "A85 LIST \"\" *", "List"),
    s("6.3.4", "* LIST () \".\" foo.bar", "Data(List"),
    s("6.3.4", "A85 OK LIST completed", "Status"),
    c("6.3.4", "A86 LIST \"\" %", "List"),
    s("6.3.4", "* LIST (\\Noselect) \".\" foo", "Data(List"),
    s("6.3.4", "A86 OK LIST completed", "Status"),
];

/// RFC 3501 §6.3.5 RENAME, both examples.
const R3501_6_3_5: &[Ex] = &[
    c("6.3.5", "A682 LIST \"\" *", "List"),
    s("6.3.5", "* LIST () \"/\" blurdybloop", "Data(List"),
    s("6.3.5", "* LIST (\\Noselect) \"/\" foo", "Data(List"),
    s("6.3.5", "* LIST () \"/\" foo/bar", "Data(List"),
    s("6.3.5", "A682 OK LIST completed", "Status"),
    c("6.3.5", "A683 RENAME blurdybloop sarasoop", "Rename"),
    s("6.3.5", "A683 OK RENAME completed", "Status"),
    c("6.3.5", "A684 RENAME foo zowie", "Rename"),
    s("6.3.5", "A684 OK RENAME Completed", "Status"),
    c("6.3.5", "A685 LIST \"\" *", "List"),
    s("6.3.5", "* LIST () \"/\" sarasoop", "Data(List"),
    s("6.3.5", "* LIST (\\Noselect) \"/\" zowie", "Data(List"),
    s("6.3.5", "* LIST () \"/\" zowie/bar", "Data(List"),
    s("6.3.5", "A685 OK LIST completed", "Status"),
    c("6.3.5", "Z432 LIST \"\" *", "List"),
    s("6.3.5", "* LIST () \".\" INBOX", "Data(List"),
    s("6.3.5", "* LIST () \".\" INBOX.bar", "Data(List"),
    s("6.3.5", "Z432 OK LIST completed", "Status"),
    c("6.3.5", "Z433 RENAME INBOX old-mail", "Rename"),
    s("6.3.5", "Z433 OK RENAME completed", "Status"),
    c("6.3.5", "Z434 LIST \"\" *", "List"),
    s("6.3.5", "* LIST () \".\" INBOX", "Data(List"),
    s("6.3.5", "* LIST () \".\" INBOX.bar", "Data(List"),
    s("6.3.5", "* LIST () \".\" old-mail", "Data(List"),
    s("6.3.5", "Z434 OK LIST completed", "Status"),
];

/// RFC 3501 §6.3.6 SUBSCRIBE and §6.3.7 UNSUBSCRIBE.
const R3501_6_3_6_7: &[Ex] = &[
    c("6.3.6", "A002 SUBSCRIBE #news.comp.mail.mime", "Subscribe"),
    s("6.3.6", "A002 OK SUBSCRIBE completed", "Status"),
    c(
        "6.3.7",
        "A002 UNSUBSCRIBE #news.comp.mail.mime",
        "Unsubscribe",
    ),
    s("6.3.7", "A002 OK UNSUBSCRIBE completed", "Status"),
];

/// RFC 3501 §6.3.8 LIST. Left out: the table of reference and mailbox name interpretations,
/// which is prose, not protocol.
const R3501_6_3_8: &[Ex] = &[
    c("6.3.8", "A101 LIST \"\" \"\"", "List"),
    s("6.3.8", "* LIST (\\Noselect) \"/\" \"\"", "Data(List"),
    s("6.3.8", "A101 OK LIST Completed", "Status"),
    c("6.3.8", "A102 LIST #news.comp.mail.misc \"\"", "List"),
    s("6.3.8", "* LIST (\\Noselect) \".\" #news.", "Data(List"),
    s("6.3.8", "A102 OK LIST Completed", "Status"),
    c("6.3.8", "A103 LIST /usr/staff/jones \"\"", "List"),
    s("6.3.8", "* LIST (\\Noselect) \"/\" /", "Data(List"),
    s("6.3.8", "A103 OK LIST Completed", "Status"),
    c("6.3.8", "A202 LIST ~/Mail/ %", "List"),
    s("6.3.8", "* LIST (\\Noselect) \"/\" ~/Mail/foo", "Data(List"),
    s("6.3.8", "* LIST () \"/\" ~/Mail/meetings", "Data(List"),
    s("6.3.8", "A202 OK LIST completed", "Status"),
];

/// RFC 3501 §6.3.9 LSUB.
const R3501_6_3_9: &[Ex] = &[
    c("6.3.9", "A002 LSUB \"#news.\" \"comp.mail.*\"", "Lsub"),
    s("6.3.9", "* LSUB () \".\" #news.comp.mail.mime", "Data(Lsub"),
    s("6.3.9", "* LSUB () \".\" #news.comp.mail.misc", "Data(Lsub"),
    s("6.3.9", "A002 OK LSUB completed", "Status"),
    c("6.3.9", "A003 LSUB \"#news.\" \"comp.%\"", "Lsub"),
    s(
        "6.3.9",
        "* LSUB (\\NoSelect) \".\" #news.comp.mail",
        "Data(Lsub",
    ),
    s("6.3.9", "A003 OK LSUB completed", "Status"),
];

/// RFC 3501 §6.3.10 STATUS.
const R3501_6_3_10: &[Ex] = &[
    c(
        "6.3.10",
        "A042 STATUS blurdybloop (UIDNEXT MESSAGES)",
        "Status",
    ),
    s(
        "6.3.10",
        "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)",
        "Data(Status",
    ),
    s("6.3.10", "A042 OK STATUS completed", "Status"),
];

/// The message of the RFC 3501 §6.3.11 APPEND example: each `C:` line ends in CRLF, 310
/// octets as the literal announces; the last, empty, `C:` line ends the command.
macro_rules! append_message_3501 {
    () => {
        concat!(
            "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n",
            "From: Fred Foobar <foobar@Blurdybloop.COM>\r\n",
            "Subject: afternoon meeting\r\n",
            "To: mooch@owatagu.siam.edu\r\n",
            "Message-Id: <B27397-0100000@Blurdybloop.COM>\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n",
            "\r\n",
            "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
        )
    };
}

/// RFC 3501 §6.3.11 APPEND: the command and its literal are one message for the framer,
/// which asks for the `+` the server sends in the middle.
const R3501_6_3_11: &[Ex] = &[
    c(
        "6.3.11",
        concat!(
            "A003 APPEND saved-messages (\\Seen) {310}\r\n",
            append_message_3501!()
        ),
        "Append",
    ),
    s("6.3.11", "+ Ready for literal data", "Continuation"),
    s("6.3.11", "A003 OK APPEND completed", "Status"),
];

/// RFC 3501 §6.4.1 CHECK, §6.4.2 CLOSE and §6.4.3 EXPUNGE.
const R3501_6_4_1_3: &[Ex] = &[
    c("6.4.1", "FXXZ CHECK", "Check"),
    s("6.4.1", "FXXZ OK CHECK Completed", "Status"),
    c("6.4.2", "A341 CLOSE", "Close"),
    s("6.4.2", "A341 OK CLOSE completed", "Status"),
    c("6.4.3", "A202 EXPUNGE", "Expunge"),
    s("6.4.3", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("6.4.3", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("6.4.3", "* 5 EXPUNGE", "Data(Expunge(5))"),
    s("6.4.3", "* 8 EXPUNGE", "Data(Expunge(8))"),
    s("6.4.3", "A202 OK EXPUNGE completed", "Status"),
];

/// RFC 3501 §6.4.4 SEARCH. The third command's `{6}` literal and its data (the RFC's
/// placeholder `XXXXXX`) are one message.
const R3501_6_4_4: &[Ex] = &[
    c(
        "6.4.4",
        "A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false",
    ),
    s("6.4.4", "* SEARCH 2 84 882", "Data(Search"),
    s("6.4.4", "A282 OK SEARCH completed", "Status"),
    c(
        "6.4.4",
        "A283 SEARCH TEXT \"string not in mailbox\"",
        "Search { uid: false",
    ),
    s("6.4.4", "* SEARCH", "Data(Search"),
    s("6.4.4", "A283 OK SEARCH completed", "Status"),
    c(
        "6.4.4",
        "A284 SEARCH CHARSET UTF-8 TEXT {6}\r\nXXXXXX",
        "Search { uid: false",
    ),
    s("6.4.4", "* SEARCH 43", "Data(Search"),
    s("6.4.4", "A284 OK SEARCH completed", "Status"),
];

/// RFC 3501 §6.4.5 FETCH. Left out: the three `* n FETCH ....` lines, whose data the RFC
/// elides.
const R3501_6_4_5: &[Ex] = &[
    c(
        "6.4.5",
        "A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])",
        "Fetch { uid: false",
    ),
    s("6.4.5", "A654 OK FETCH completed", "Status"),
];

/// RFC 3501 §6.4.6 STORE and §6.4.7 COPY.
const R3501_6_4_6_7: &[Ex] = &[
    c(
        "6.4.6",
        "A003 STORE 2:4 +FLAGS (\\Deleted)",
        "Store { uid: false",
    ),
    s(
        "6.4.6",
        "* 2 FETCH (FLAGS (\\Deleted \\Seen))",
        "Data(Fetch { seq: 2",
    ),
    s(
        "6.4.6",
        "* 3 FETCH (FLAGS (\\Deleted))",
        "Data(Fetch { seq: 3",
    ),
    s(
        "6.4.6",
        "* 4 FETCH (FLAGS (\\Deleted \\Flagged \\Seen))",
        "Data(Fetch { seq: 4",
    ),
    s("6.4.6", "A003 OK STORE completed", "Status"),
    c("6.4.7", "A003 COPY 2:4 MEETING", "Copy { uid: false"),
    s("6.4.7", "A003 OK COPY completed", "Status"),
];

/// RFC 3501 §6.4.8 UID. The prose example `UID SEARCH 1:100 UID 443:557` is not a protocol
/// line (it has no tag) and is left out.
const R3501_6_4_8: &[Ex] = &[
    c(
        "6.4.8",
        "A999 UID FETCH 4827313:4828442 FLAGS",
        "Fetch { uid: true",
    ),
    s(
        "6.4.8",
        "* 23 FETCH (FLAGS (\\Seen) UID 4827313)",
        "Data(Fetch { seq: 23",
    ),
    s(
        "6.4.8",
        "* 24 FETCH (FLAGS (\\Seen) UID 4827943)",
        "Data(Fetch { seq: 24",
    ),
    s(
        "6.4.8",
        "* 25 FETCH (FLAGS (\\Seen) UID 4828442)",
        "Data(Fetch { seq: 25",
    ),
    s("6.4.8", "A999 OK UID FETCH completed", "Status"),
];

/// RFC 3501 §7.1.1 to §7.1.5, the status responses. Left out: `C: ...very long command
/// line...` and `C: ...empty line...`, which stand for bytes the RFC does not give.
const R3501_7_1: &[Ex] = &[
    s("7.1.1", "* OK IMAP4rev1 server ready", "Status"),
    c("7.1.1", "A001 LOGIN fred blurdybloop", "Login"),
    s(
        "7.1.1",
        "* OK [ALERT] System shutdown in 10 minutes",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Alert",
    ),
    s("7.1.1", "A001 OK LOGIN Completed", "Status"),
    c("7.1.2", "A222 COPY 1:2 owatagusiam", "Copy { uid: false"),
    s(
        "7.1.2",
        "* NO Disk is 98% full, please delete unnecessary data",
        "Status(StatusResponse { tag: None, kind: No",
    ),
    s("7.1.2", "A222 OK COPY completed", "Status"),
    c("7.1.2", "A223 COPY 3:200 blurdybloop", "Copy { uid: false"),
    s(
        "7.1.2",
        "* NO Disk is 98% full, please delete unnecessary data",
        "Status(StatusResponse { tag: None, kind: No",
    ),
    s(
        "7.1.2",
        "* NO Disk is 99% full, please delete unnecessary data",
        "Status(StatusResponse { tag: None, kind: No",
    ),
    s(
        "7.1.2",
        "A223 NO COPY failed: disk is full",
        "Status(StatusResponse { tag: Some(Tag(\"A223\")), kind: No",
    ),
    s(
        "7.1.3",
        "* BAD Command line too long",
        "Status(StatusResponse { tag: None, kind: Bad",
    ),
    s(
        "7.1.3",
        "* BAD Empty command line",
        "Status(StatusResponse { tag: None, kind: Bad",
    ),
    c("7.1.3", "A443 EXPUNGE", "Expunge"),
    s(
        "7.1.3",
        "* BAD Disk crash, attempting salvage to a new disk!",
        "Status(StatusResponse { tag: None, kind: Bad",
    ),
    s("7.1.3", "* OK Salvage successful, no data lost", "Status"),
    s("7.1.3", "A443 OK Expunge completed", "Status"),
    s(
        "7.1.4",
        "* PREAUTH IMAP4rev1 server logged in as Smith",
        "Status(StatusResponse { tag: None, kind: PreAuth",
    ),
    s(
        "7.1.5",
        "* BYE Autologout; idle for too long",
        "Status(StatusResponse { tag: None, kind: Bye",
    ),
];

/// RFC 3501 §7.2 to §7.4, one example each. The body structures §7.4.2 gives in its prose
/// are checked in `rfc3501_body_structure_prose`.
const R3501_7_2_4: &[Ex] = &[
    s(
        "7.2.1",
        "* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI XPIG-LATIN",
        "Data(Capability",
    ),
    s("7.2.2", "* LIST (\\Noselect) \"/\" ~/Mail/foo", "Data(List"),
    s("7.2.3", "* LSUB () \".\" #news.comp.mail.misc", "Data(Lsub"),
    s(
        "7.2.4",
        "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)",
        "Data(Status",
    ),
    s("7.2.5", "* SEARCH 2 3 6", "Data(Search"),
    s(
        "7.2.6",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s("7.3.1", "* 23 EXISTS", "Data(Exists(23))"),
    s("7.3.2", "* 5 RECENT", "Data(Recent(5))"),
    s("7.4.1", "* 44 EXPUNGE", "Data(Expunge(44))"),
    s(
        "7.4.2",
        "* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)",
        "Data(Fetch { seq: 23",
    ),
];

/// RFC 3501 §7.5, the continuation requests of a LOGIN with two synchronising literals: the
/// command is one message for the framer, which asks for a `+` before each literal. The
/// rejected `A044 BLURDYBLOOP {102856}` is checked in `unknown_command_with_literal_is_refused`.
const R3501_7_5: &[Ex] = &[
    c(
        "7.5",
        "A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man",
        "Login",
    ),
    s("7.5", "+ Ready for additional command text", "Continuation"),
    s("7.5", "A001 OK LOGIN completed", "Status"),
    s(
        "7.5",
        "A044 BAD No such command as \"BLURDYBLOOP\"",
        "Status(StatusResponse { tag: Some(Tag(\"A044\")), kind: Bad",
    ),
];

#[test]
fn rfc3501_section6_1_any_state() {
    run("3501", R3501_6_1_1);
    run("3501", R3501_6_1_2);
    run("3501", R3501_6_1_3);
}

#[test]
fn rfc3501_section6_2_not_authenticated() {
    run("3501", R3501_6_2_1);
    run("3501", R3501_6_2_2);
    run("3501", R3501_6_2_3);
}

#[test]
fn rfc3501_section6_3_authenticated() {
    for table in [
        R3501_6_3_1,
        R3501_6_3_2,
        R3501_6_3_3,
        R3501_6_3_4,
        R3501_6_3_5,
        R3501_6_3_6_7,
        R3501_6_3_8,
        R3501_6_3_9,
        R3501_6_3_10,
        R3501_6_3_11,
    ] {
        run("3501", table);
    }
}

#[test]
fn rfc3501_section6_4_selected() {
    for table in [
        R3501_6_4_1_3,
        R3501_6_4_4,
        R3501_6_4_5,
        R3501_6_4_6_7,
        R3501_6_4_8,
    ] {
        run("3501", table);
    }
}

#[test]
fn rfc3501_section7_responses() {
    run("3501", R3501_7_1);
    run("3501", R3501_7_2_4);
    run("3501", R3501_7_5);
}

/// RFC 9051 §4.5 NIL: `NIL` as a mailbox name is the atom NIL, the same mailbox as `"NIL"`.
/// The §4.5 FETCH lines are checked in `rfc9051_nil_body_section`.
const R9051_4_5: &[Ex] = &[
    s("4.5", "* LIST () \"/\" NIL", "Data(List"),
    s("4.5", "* LIST () \"/\" \"NIL\"", "Data(List"),
];

/// RFC 9051 §6.1.1 CAPABILITY. The first CAPABILITY response is wrapped in the RFC between
/// two capability names; it is joined with a space.
const R9051_6_1_1: &[Ex] = &[
    c("6.1.1", "abcd CAPABILITY", "Capability"),
    s(
        "6.1.1",
        "* CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED",
        "Data(Capability",
    ),
    s("6.1.1", "abcd OK CAPABILITY completed", "Status"),
    c("6.1.1", "efgh STARTTLS", "StartTls"),
    s("6.1.1", "efgh OK STARTTLS completed", "Status"),
    c("6.1.1", "ijkl CAPABILITY", "Capability"),
    s(
        "6.1.1",
        "* CAPABILITY IMAP4rev2 AUTH=GSSAPI AUTH=PLAIN",
        "Data(Capability",
    ),
    s("6.1.1", "ijkl OK CAPABILITY completed", "Status"),
];

/// RFC 9051 §6.1.2 NOOP and §6.1.3 LOGOUT.
const R9051_6_1_2_3: &[Ex] = &[
    c("6.1.2", "a002 NOOP", "Noop"),
    s("6.1.2", "a002 OK NOOP completed", "Status"),
    c("6.1.2", "a047 NOOP", "Noop"),
    s("6.1.2", "* 22 EXPUNGE", "Data(Expunge(22))"),
    s("6.1.2", "* 23 EXISTS", "Data(Exists(23))"),
    s(
        "6.1.2",
        "* 14 FETCH (UID 1305 FLAGS (\\Seen \\Deleted))",
        "Data(Fetch { seq: 14",
    ),
    s("6.1.2", "a047 OK NOOP completed", "Status"),
    c("6.1.3", "A023 LOGOUT", "Logout"),
    s(
        "6.1.3",
        "* BYE IMAP4rev2 Server logging out",
        "Status(StatusResponse { tag: None, kind: Bye",
    ),
    s("6.1.3", "A023 OK LOGOUT completed", "Status"),
];

/// RFC 9051 §6.2.1 STARTTLS.
const R9051_6_2_1: &[Ex] = &[
    c("6.2.1", "a001 CAPABILITY", "Capability"),
    s(
        "6.2.1",
        "* CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED",
        "Data(Capability",
    ),
    s("6.2.1", "a001 OK CAPABILITY completed", "Status"),
    c("6.2.1", "a002 STARTTLS", "StartTls"),
    s("6.2.1", "a002 OK Begin TLS negotiation now", "Status"),
    c("6.2.1", "a003 CAPABILITY", "Capability"),
    s(
        "6.2.1",
        "* CAPABILITY IMAP4rev2 AUTH=PLAIN",
        "Data(Capability",
    ),
    s("6.2.1", "a003 OK CAPABILITY completed", "Status"),
    c(
        "6.2.1",
        "a004 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=",
        "Authenticate",
    ),
    s("6.2.1", "a004 OK Success (tls protection)", "Status"),
];

/// RFC 9051 §6.2.2 AUTHENTICATE, all four examples. The greetings are wrapped in the RFC
/// between two tokens and joined with a space; the RFC says the line breaks inside the
/// base64 challenges and responses are editorial, so those are joined with nothing.
const R9051_6_2_2: &[Ex] = &[
    s(
        "6.2.2",
        "* OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI] Capabilities",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Capability",
    ),
    c("6.2.2", "A001 AUTHENTICATE GSSAPI", "Authenticate"),
    // RFC 9051's grammar wants `"+" [SP ...]`-less continuations to carry a space; the bare
    // `+` of the example is read as an empty challenge and the encoder sends `+ `.
    s("6.2.2", "+", "Continuation").canon("+ "),
    auth(
        "6.2.2",
        "YIIB+wYJKoZIhvcSAQICAQBuggHqMIIB5qADAgEFoQMCAQ6iBwMFACAAAACjggEmYYIBIjCCAR6gAwIBBaESGxB1Lndhc2hpbmd0b24uZWR1oi0wK6ADAgEDoSQwIhsEaW1hcBsac2hpdmFtcy5jYWMud2FzaGluZ3Rvbi5lZHWjgdMwgdCgAwIBAaEDAgEDooHDBIHAcS1GSa5b+fXnPZNmXB9SjL8Ollj2SKyb+3S0iXMljen/jNkpJXAleKTz6BQPzj8duz8EtoOuNfKgweViyn/9B9bccy1uuAE2HI0yC/PHXNNU9ZrBziJ8Lm0tTNc98kUpjXnHZhsMcz5Mx2GR6dGknbI0iaGcRerMUsWOuBmKKKRmVMMdR9T3EZdpqsBd7jZCNMWotjhivd5zovQlFqQ2Wjc2+y46vKP/iXxWIuQJuDiisyXF0Y8+5GTpALpHDc1/pIGmMIGjoAMCAQGigZsEgZg2on5mSuxoDHEA1w9bcW9nFdFxDKpdrQhVGVRDIzcCMCTzvUboqb5KjY1NJKJsfjRQiBYBdENKfzK+g5DlV8nrw81uOcP8NOQCLR5XkoMHC0Dr/80ziQzbNqhxO6652Npft0LQwJvenwDI13YxpwOdMXzkWZN/XrEqOWp6GCgXTBvCyLWLlWnbaUkZdEYbKHBPjd8t/1x5Yg==",
        "Continue",
    ),
    s(
        "6.2.2",
        "+ YGgGCSqGSIb3EgECAgIAb1kwV6ADAgEFoQMCAQ+iSzBJoAMCAQGiQgRAtHTEuOP2BXb9sBYFR4SJlDZxmg39IxmRBOhXRKdDA0uHTCOT9Bq3OsUTXUlk0CsFLoa8j+gvGDlgHuqzWHPSQg==",
        "Continuation",
    ),
    auth("6.2.2", "", "Continue"),
    s(
        "6.2.2",
        "+ YDMGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=",
        "Continuation",
    ),
    auth(
        "6.2.2",
        "YDMGCSqGSIb3EgECAgIBAAD/////3LQBHXTpFfZgrejpLlLImPwkhbfa2QteAQAgAG1yYwE=",
        "Continue",
    ),
    s(
        "6.2.2",
        "A001 OK GSSAPI authentication successful",
        "Status",
    ),
    s(
        "6.2.2",
        "* OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED] Server ready",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Capability",
    ),
    c("6.2.2", "A01 STARTTLS", "StartTls"),
    s("6.2.2", "A01 OK STARTTLS completed", "Status"),
    c("6.2.2", "A02 CAPABILITY", "Capability"),
    s(
        "6.2.2",
        "* CAPABILITY IMAP4rev2 AUTH=GSSAPI AUTH=PLAIN",
        "Data(Capability",
    ),
    s("6.2.2", "A02 OK CAPABILITY completed", "Status"),
    c(
        "6.2.2",
        "A03 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=",
        "Authenticate",
    ),
    s("6.2.2", "A03 OK Success (tls protection)", "Status"),
    c("6.2.2", "C01 CAPABILITY", "Capability"),
    s(
        "6.2.2",
        "* CAPABILITY IMAP4rev2 AUTH=PLAIN",
        "Data(Capability",
    ),
    s("6.2.2", "C01 OK Completed", "Status"),
    c("6.2.2", "A01 AUTHENTICATE PLAIN", "Authenticate"),
    // The RFC notes the space after this `+`: an empty challenge.
    s("6.2.2", "+ ", "Continuation"),
    auth("6.2.2", "dGVzdAB0ZXN0AHRlc3Q=", "Continue"),
    s("6.2.2", "A01 OK Success (tls protection)", "Status"),
    c("6.2.2", "C01 CAPABILITY", "Capability"),
    s(
        "6.2.2",
        "* CAPABILITY IMAP4rev2 AUTH=PLAIN AUTH=EXTERNAL",
        "Data(Capability",
    ),
    s("6.2.2", "C01 OK Completed", "Status"),
    // `=`: an initial response that is present and empty.
    c("6.2.2", "A01 AUTHENTICATE EXTERNAL =", "Authenticate"),
    s("6.2.2", "A01 OK Success (tls protection)", "Status"),
];

/// RFC 9051 §6.2.3 LOGIN.
const R9051_6_2_3: &[Ex] = &[
    c("6.2.3", "a001 LOGIN SMITH SESAME", "Login"),
    s("6.2.3", "a001 OK LOGIN completed", "Status"),
];

/// RFC 9051 §6.3.1 ENABLE, both examples.
const R9051_6_3_1: &[Ex] = &[
    c("6.3.1", "t1 CAPABILITY", "Capability"),
    s(
        "6.3.1",
        "* CAPABILITY IMAP4rev2 ID LITERAL+ X-GOOD-IDEA",
        "Data(Capability",
    ),
    s("6.3.1", "t1 OK foo", "Status"),
    c("6.3.1", "t2 ENABLE CONDSTORE X-GOOD-IDEA", "Enable"),
    s("6.3.1", "* ENABLED X-GOOD-IDEA", "Data(Enabled"),
    s("6.3.1", "t2 OK foo", "Status"),
    c("6.3.1", "t3 CAPABILITY", "Capability"),
    s(
        "6.3.1",
        "* CAPABILITY IMAP4rev2 ID LITERAL+ X-GOOD-IDEA",
        "Data(Capability",
    ),
    s("6.3.1", "t3 OK foo again", "Status"),
    c("6.3.1", "a1 ENABLE CONDSTORE", "Enable"),
    s("6.3.1", "* ENABLED CONDSTORE", "Data(Enabled"),
    s("6.3.1", "a1 OK Conditional Store enabled", "Status"),
];

/// RFC 9051 §6.3.2 SELECT, both examples. The last PERMANENTFLAGS line is wrapped in the RFC
/// between two flags and joined with a space.
const R9051_6_3_2: &[Ex] = &[
    c("6.3.2", "A142 SELECT INBOX", "Select"),
    s("6.3.2", "* 172 EXISTS", "Data(Exists(172))"),
    s(
        "6.3.2",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidValidity(3857529045",
    ),
    s(
        "6.3.2",
        "* OK [UIDNEXT 4392] Predicted next UID",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidNext(4392",
    ),
    s(
        "6.3.2",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "6.3.2",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(PermanentFlags",
    ),
    s("6.3.2", "* LIST () \"/\" INBOX", "Data(List"),
    s(
        "6.3.2",
        "A142 OK [READ-WRITE] SELECT completed",
        "Status(StatusResponse { tag: Some(Tag(\"A142\")), kind: Ok, code: Some(ReadWrite",
    ),
    c("6.3.2", "A142 SELECT INBOX", "Select"),
    s("6.3.2", "* 172 EXISTS", "Data(Exists(172))"),
    s(
        "6.3.2",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status",
    ),
    s("6.3.2", "* OK [UIDNEXT 4392] Predicted next UID", "Status"),
    s(
        "6.3.2",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "6.3.2",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "Status",
    ),
    s("6.3.2", "A142 OK [READ-WRITE] SELECT completed", "Status"),
    c("6.3.2", "A143 SELECT Drafts", "Select"),
    s(
        "6.3.2",
        "* OK [CLOSED] Previous mailbox is now closed",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Simple(Closed",
    ),
    s("6.3.2", "* 5 EXISTS", "Data(Exists(5))"),
    // 9877410381 does not fit the 32-bit nz-number a UIDVALIDITY is; the parser keeps the
    // code as one it does not know (so the line still round-trips) rather than fail it.
    s(
        "6.3.2",
        "* OK [UIDVALIDITY 9877410381] UIDs valid",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Other(Atom(\"UIDVALIDITY\"), Some([57, 56, 55",
    )
    .kept_generic(),
    s(
        "6.3.2",
        "* OK [UIDNEXT 102] Predicted next UID",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidNext(102",
    ),
    s("6.3.2", "* LIST () \"/\" Drafts", "Data(List"),
    s(
        "6.3.2",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "6.3.2",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\Answered \\Flagged \\Draft \\*)] System flags and keywords allowed",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(PermanentFlags",
    ),
    s("6.3.2", "A143 OK [READ-WRITE] SELECT completed", "Status"),
    // From the note after the examples: the RECENT response IMAP4rev1 servers still send.
    s("6.3.2", "* 0 RECENT", "Data(Recent(0))"),
];

/// RFC 9051 §6.3.3 EXAMINE.
const R9051_6_3_3: &[Ex] = &[
    c("6.3.3", "A932 EXAMINE blurdybloop", "Examine"),
    s("6.3.3", "* 17 EXISTS", "Data(Exists(17))"),
    s(
        "6.3.3",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status",
    ),
    s("6.3.3", "* OK [UIDNEXT 4392] Predicted next UID", "Status"),
    s("6.3.3", "* LIST () \"/\" blurdybloop", "Data(List"),
    s(
        "6.3.3",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "6.3.3",
        "* OK [PERMANENTFLAGS ()] No permanent flags permitted",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(PermanentFlags([]",
    ),
    s(
        "6.3.3",
        "A932 OK [READ-ONLY] EXAMINE completed",
        "Status(StatusResponse { tag: Some(Tag(\"A932\")), kind: Ok, code: Some(ReadOnly",
    ),
];

/// RFC 9051 §6.3.4 CREATE.
const R9051_6_3_4: &[Ex] = &[
    c("6.3.4", "A003 CREATE owatagusiam/", "Create"),
    s("6.3.4", "A003 OK CREATE completed", "Status"),
    c("6.3.4", "A004 CREATE owatagusiam/blurdybloop", "Create"),
    s("6.3.4", "A004 OK CREATE completed", "Status"),
    c("6.3.4", "A005 CREATE NonNormalized", "Create"),
    s(
        "6.3.4",
        "* LIST () \"/\" \"Normalized\" (\"OLDNAME\" (\"NonNormalized\"))",
        "Data(List",
    ),
    s("6.3.4", "A005 OK CREATE completed", "Status"),
];

/// RFC 9051 §6.3.5 DELETE, both examples.
const R9051_6_3_5: &[Ex] = &[
    c("6.3.5", "A682 LIST \"\" *", "List"),
    s("6.3.5", "* LIST () \"/\" blurdybloop", "Data(List"),
    s("6.3.5", "* LIST (\\Noselect) \"/\" foo", "Data(List"),
    s("6.3.5", "* LIST () \"/\" foo/bar", "Data(List"),
    s("6.3.5", "A682 OK LIST completed", "Status"),
    c("6.3.5", "A683 DELETE blurdybloop", "Delete"),
    s("6.3.5", "A683 OK DELETE completed", "Status"),
    c("6.3.5", "A684 DELETE foo", "Delete"),
    s(
        "6.3.5",
        "A684 NO Name \"foo\" has inferior hierarchical names",
        "Status(StatusResponse { tag: Some(Tag(\"A684\")), kind: No",
    ),
    c("6.3.5", "A685 DELETE foo/bar", "Delete"),
    s("6.3.5", "A685 OK DELETE Completed", "Status"),
    c("6.3.5", "A686 LIST \"\" *", "List"),
    s("6.3.5", "* LIST (\\Noselect) \"/\" foo", "Data(List"),
    s("6.3.5", "A686 OK LIST completed", "Status"),
    c("6.3.5", "A687 DELETE foo", "Delete"),
    s("6.3.5", "A687 OK DELETE Completed", "Status"),
    c("6.3.5", "A82 LIST \"\" *", "List"),
    s("6.3.5", "* LIST () \".\" blurdybloop", "Data(List"),
    s("6.3.5", "* LIST () \".\" foo", "Data(List"),
    s("6.3.5", "* LIST () \".\" foo.bar", "Data(List"),
    s("6.3.5", "A82 OK LIST completed", "Status"),
    c("6.3.5", "A83 DELETE blurdybloop", "Delete"),
    s("6.3.5", "A83 OK DELETE completed", "Status"),
    c("6.3.5", "A84 DELETE foo", "Delete"),
    s("6.3.5", "A84 OK DELETE Completed", "Status"),
    c("6.3.5", "A85 LIST \"\" *", "List"),
    s("6.3.5", "* LIST () \".\" foo.bar", "Data(List"),
    s("6.3.5", "A85 OK LIST completed", "Status"),
    c("6.3.5", "A86 LIST \"\" %", "List"),
    s("6.3.5", "* LIST (\\Noselect) \".\" foo", "Data(List"),
    s("6.3.5", "A86 OK LIST completed", "Status"),
];

/// RFC 9051 §6.3.6 RENAME, both examples and the RENAME/SUBSCRIBE/UNSUBSCRIBE sequence.
const R9051_6_3_6: &[Ex] = &[
    c("6.3.6", "A682 LIST \"\" *", "List"),
    s("6.3.6", "* LIST () \"/\" blurdybloop", "Data(List"),
    s("6.3.6", "* LIST (\\Noselect) \"/\" foo", "Data(List"),
    s("6.3.6", "* LIST () \"/\" foo/bar", "Data(List"),
    s("6.3.6", "A682 OK LIST completed", "Status"),
    c("6.3.6", "A683 RENAME blurdybloop sarasoop", "Rename"),
    s("6.3.6", "A683 OK RENAME completed", "Status"),
    c("6.3.6", "A684 RENAME foo zowie", "Rename"),
    s("6.3.6", "A684 OK RENAME Completed", "Status"),
    c("6.3.6", "A685 LIST \"\" *", "List"),
    s("6.3.6", "* LIST () \"/\" sarasoop", "Data(List"),
    s("6.3.6", "* LIST (\\Noselect) \"/\" zowie", "Data(List"),
    s("6.3.6", "* LIST () \"/\" zowie/bar", "Data(List"),
    s("6.3.6", "A685 OK LIST completed", "Status"),
    c("6.3.6", "Z432 LIST \"\" *", "List"),
    s("6.3.6", "* LIST () \".\" INBOX", "Data(List"),
    s("6.3.6", "* LIST () \".\" INBOX.bar", "Data(List"),
    s("6.3.6", "Z432 OK LIST completed", "Status"),
    c("6.3.6", "Z433 RENAME INBOX old-mail", "Rename"),
    s("6.3.6", "Z433 OK RENAME completed", "Status"),
    c("6.3.6", "Z434 LIST \"\" *", "List"),
    s("6.3.6", "* LIST () \".\" INBOX", "Data(List"),
    s("6.3.6", "* LIST () \".\" INBOX.bar", "Data(List"),
    s("6.3.6", "* LIST () \".\" old-mail", "Data(List"),
    s("6.3.6", "Z434 OK LIST completed", "Status"),
    c("6.3.6", "1001 RENAME X Y", "Rename"),
    c("6.3.6", "1002 SUBSCRIBE Y", "Subscribe"),
    c("6.3.6", "1003 UNSUBSCRIBE X", "Unsubscribe"),
];

/// RFC 9051 §6.3.7 SUBSCRIBE and §6.3.8 UNSUBSCRIBE.
const R9051_6_3_7_8: &[Ex] = &[
    c("6.3.7", "A002 SUBSCRIBE #news.comp.mail.mime", "Subscribe"),
    s("6.3.7", "A002 OK SUBSCRIBE completed", "Status"),
    c(
        "6.3.8",
        "A002 UNSUBSCRIBE #news.comp.mail.mime",
        "Unsubscribe",
    ),
    s("6.3.8", "A002 OK UNSUBSCRIBE completed", "Status"),
];

/// RFC 9051 §6.3.9.3 and §6.3.9.7, the LIST responses given alone.
const R9051_6_3_9_3_7: &[Ex] = &[
    s(
        "6.3.9.3",
        "* LIST (\\Subscribed \\NonExistent) \"/\" \"Fruit/Peach\"",
        "Data(List",
    ),
    s(
        "6.3.9.7",
        "* LIST (\\NonExistent) \".\" \"INBOX.DeletedMailbox\"",
        "Data(List",
    ),
    s(
        "6.3.9.7",
        "* LIST () \"/\" \"NewMailbox\" (\"OLDNAME\" (\"OldMailbox\"))",
        "Data(List",
    ),
];

/// RFC 9051 §6.3.9.8, the basic LIST examples.
const R9051_6_3_9_8_BASIC: &[Ex] = &[
    c("6.3.9.8", "A101 LIST \"\" \"\"", "List"),
    s("6.3.9.8", "* LIST (\\Noselect) \"/\" \"\"", "Data(List"),
    s("6.3.9.8", "A101 OK LIST Completed", "Status"),
    c("6.3.9.8", "A102 LIST #news.comp.mail.misc \"\"", "List"),
    s("6.3.9.8", "* LIST (\\Noselect) \".\" #news.", "Data(List"),
    s("6.3.9.8", "A102 OK LIST Completed", "Status"),
    c("6.3.9.8", "A103 LIST /usr/staff/jones \"\"", "List"),
    s("6.3.9.8", "* LIST (\\Noselect) \"/\" /", "Data(List"),
    s("6.3.9.8", "A103 OK LIST Completed", "Status"),
    c("6.3.9.8", "A202 LIST ~/Mail/ %", "List"),
    s(
        "6.3.9.8",
        "* LIST (\\Noselect) \"/\" ~/Mail/foo",
        "Data(List",
    ),
    s("6.3.9.8", "* LIST () \"/\" ~/Mail/meetings", "Data(List"),
    s("6.3.9.8", "A202 OK LIST completed", "Status"),
];

/// INBOX is case-insensitive: the parser reads any spelling as INBOX and the encoder sends
/// the canonical name, as an atom.
const INBOX_MARKED: &str = "* LIST (\\Marked \\NoInferiors) \"/\" INBOX";
/// As [`INBOX_MARKED`], with `\Subscribed`.
const INBOX_MARKED_SUBSCRIBED: &str = "* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" INBOX";

/// RFC 9051 §6.3.9.8, extended examples 1 to 6.
const R9051_6_3_9_8_EX1_6: &[Ex] = &[
    c("6.3.9.8 ex. 1", "A01 LIST \"\" \"*\"", "List"),
    s(
        "6.3.9.8 ex. 1",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED),
    s("6.3.9.8 ex. 1", "* LIST () \"/\" \"Fruit\"", "Data(List"),
    s(
        "6.3.9.8 ex. 1",
        "* LIST () \"/\" \"Fruit/Apple\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 1",
        "* LIST () \"/\" \"Fruit/Banana\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 1", "* LIST () \"/\" \"Tofu\"", "Data(List"),
    s(
        "6.3.9.8 ex. 1",
        "* LIST () \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 1",
        "* LIST () \"/\" \"Vegetable/Broccoli\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 1",
        "* LIST () \"/\" \"Vegetable/Corn\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 1", "A01 OK done", "Status"),
    c("6.3.9.8 ex. 2", "A02 LIST (SUBSCRIBED) \"\" \"*\"", "List"),
    s(
        "6.3.9.8 ex. 2",
        "* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED_SUBSCRIBED),
    s(
        "6.3.9.8 ex. 2",
        "* LIST (\\Subscribed) \"/\" \"Fruit/Banana\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 2",
        "* LIST (\\Subscribed \\NonExistent) \"/\" \"Fruit/Peach\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 2",
        "* LIST (\\Subscribed) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 2",
        "* LIST (\\Subscribed) \"/\" \"Vegetable/Broccoli\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 2", "A02 OK done", "Status"),
    // An empty selection list is sent as none (the project's canonical form; only an empty
    // pattern would tell the two apart, and RETURN keeps this one extended anyway).
    c(
        "6.3.9.8 ex. 3",
        "A03 LIST () \"\" \"%\" RETURN (CHILDREN)",
        "List { selection: []",
    )
    .canon("A03 LIST \"\" \"%\" RETURN (CHILDREN)"),
    s(
        "6.3.9.8 ex. 3",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED),
    s(
        "6.3.9.8 ex. 3",
        "* LIST (\\HasChildren) \"/\" \"Fruit\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 3",
        "* LIST (\\HasNoChildren) \"/\" \"Tofu\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 3",
        "* LIST (\\HasChildren) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 3", "A03 OK done", "Status"),
    c(
        "6.3.9.8 ex. 4",
        "A04 LIST (REMOTE) \"\" \"%\" RETURN (CHILDREN)",
        "List",
    ),
    s(
        "6.3.9.8 ex. 4",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED),
    s(
        "6.3.9.8 ex. 4",
        "* LIST (\\HasChildren) \"/\" \"Fruit\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 4",
        "* LIST (\\HasNoChildren) \"/\" \"Tofu\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 4",
        "* LIST (\\HasChildren) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 4",
        "* LIST (\\Remote \\HasNoChildren) \"/\" \"Bread\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 4",
        "* LIST (\\HasChildren \\Remote) \"/\" \"Meat\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 4", "A04 OK done", "Status"),
    c(
        "6.3.9.8 ex. 5",
        "A05 LIST (REMOTE SUBSCRIBED) \"\" \"*\"",
        "List",
    ),
    s(
        "6.3.9.8 ex. 5",
        "* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED_SUBSCRIBED),
    s(
        "6.3.9.8 ex. 5",
        "* LIST (\\Subscribed) \"/\" \"Fruit/Banana\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 5",
        "* LIST (\\Subscribed \\NonExistent) \"/\" \"Fruit/Peach\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 5",
        "* LIST (\\Subscribed) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 5",
        "* LIST (\\Subscribed) \"/\" \"Vegetable/Broccoli\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 5",
        "* LIST (\\Remote \\Subscribed) \"/\" \"Bread\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 5", "A05 OK done", "Status"),
    c(
        "6.3.9.8 ex. 6",
        "A06 LIST (REMOTE) \"\" \"*\" RETURN (SUBSCRIBED)",
        "List",
    ),
    s(
        "6.3.9.8 ex. 6",
        "* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED_SUBSCRIBED),
    s("6.3.9.8 ex. 6", "* LIST () \"/\" \"Fruit\"", "Data(List"),
    s(
        "6.3.9.8 ex. 6",
        "* LIST () \"/\" \"Fruit/Apple\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 6",
        "* LIST (\\Subscribed) \"/\" \"Fruit/Banana\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 6", "* LIST () \"/\" \"Tofu\"", "Data(List"),
    s(
        "6.3.9.8 ex. 6",
        "* LIST (\\Subscribed) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 6",
        "* LIST (\\Subscribed) \"/\" \"Vegetable/Broccoli\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 6",
        "* LIST () \"/\" \"Vegetable/Corn\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 6",
        "* LIST (\\Remote \\Subscribed) \"/\" \"Bread\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 6",
        "* LIST (\\Remote) \"/\" \"Meat\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 6", "A06 OK done", "Status"),
];

/// RFC 9051 §6.3.9.8, extended example 7 (CHILDINFO against \HasChildren). Lines the RFC
/// wraps between two tokens are joined with a space.
const R9051_6_3_9_8_EX7: &[Ex] = &[
    c("6.3.9.8 ex. 7", "C01 LIST \"\" \"*\"", "List"),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED),
    s("6.3.9.8 ex. 7", "* LIST () \"/\" \"Foo\"", "Data(List"),
    s("6.3.9.8 ex. 7", "* LIST () \"/\" \"Foo/Bar\"", "Data(List"),
    s("6.3.9.8 ex. 7", "* LIST () \"/\" \"Foo/Baz\"", "Data(List"),
    s("6.3.9.8 ex. 7", "* LIST () \"/\" \"Moo\"", "Data(List"),
    s("6.3.9.8 ex. 7", "C01 OK done", "Status"),
    c(
        "6.3.9.8 ex. 7",
        "CA3 LIST \"\" \"%\" RETURN (CHILDREN)",
        "List",
    ),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\HasChildren) \"/\" \"Foo\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\HasNoChildren) \"/\" \"Moo\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 7", "CA3 OK done", "Status"),
    c("6.3.9.8 ex. 7", "C02 LIST (SUBSCRIBED) \"\" \"*\"", "List"),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\Subscribed) \"/\" \"Foo/Baz\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 7", "C02 OK done", "Status"),
    c(
        "6.3.9.8 ex. 7",
        "C04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"",
        "List",
    ),
    s(
        "6.3.9.8 ex. 7",
        "* LIST () \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s("6.3.9.8 ex. 7", "C04 OK done", "Status"),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\Subscribed) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\Subscribed \\HasChildren) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\NonExistent) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    c(
        "6.3.9.8 ex. 7",
        "C04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\" RETURN (CHILDREN)",
        "List",
    ),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\HasChildren \\Subscribed) \"/\" \"Foo\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 7",
        "* LIST (\\HasNoChildren \\Subscribed) \"/\" \"Moo\"",
        "Data(List",
    ),
];

/// RFC 9051 §6.3.9.8, extended example 8 (CHILDINFO whatever the pattern).
const R9051_6_3_9_8_EX8: &[Ex] = &[
    c("6.3.9.8 ex. 8", "D01 LIST \"\" \"*\"", "List"),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon(INBOX_MARKED),
    s("6.3.9.8 ex. 8", "* LIST () \"/\" \"foo2\"", "Data(List"),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"foo2/bar1\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"foo2/bar2\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 8", "* LIST () \"/\" \"baz2\"", "Data(List"),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"baz2/bar2\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"baz2/bar22\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"baz2/bar222\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 8", "* LIST () \"/\" \"eps2\"", "Data(List"),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"eps2/mamba\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"qux2/bar2\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 8", "D01 OK done", "Status"),
    c("6.3.9.8 ex. 8", "D02 LIST (SUBSCRIBED) \"\" \"*\"", "List"),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar1\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar2\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar2\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar22\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar222\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"eps2\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"eps2/mamba\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"qux2/bar2\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 8", "D02 OK done", "Status"),
    c(
        "6.3.9.8 ex. 8",
        "D03 LIST (RECURSIVEMATCH SUBSCRIBED) \"\" \"*2\"",
        "List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"foo2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar2\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar2\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar22\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar222\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"eps2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"qux2/bar2\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 8", "D03 OK done", "Status"),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"baz2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\NonExistent) \"/\" \"qux2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    c(
        "6.3.9.8 ex. 8",
        "D03 LIST (RECURSIVEMATCH SUBSCRIBED) \"\" \"*\"",
        "List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"foo2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar1\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar2\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST () \"/\" \"baz2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar2\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar22\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar222\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"eps2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"eps2/mamba\"",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"qux2/bar2\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 8", "D03 OK done", "Status"),
];

/// RFC 9051 §6.3.9.8, extended examples 9 to 11. In example 11 the RFC prints two spaces
/// before the mailbox name of two LIST lines and wraps one command between two tokens
/// (joined with a space).
const R9051_6_3_9_8_EX9_11: &[Ex] = &[
    // A single pattern in parentheses is sent bare (the project's canonical form, as for an
    // empty selection list).
    c("6.3.9.8 ex. 9", "a1 LIST \"\" (\"foo\")", "List").canon("a1 LIST \"\" \"foo\""),
    s("6.3.9.8 ex. 9", "* LIST () \"/\" foo", "Data(List"),
    s("6.3.9.8 ex. 9", "a1 OK done", "Status"),
    c(
        "6.3.9.8 ex. 9",
        "a2 LIST (SUBSCRIBED) \"\" \"foo/*\"",
        "List",
    ),
    s(
        "6.3.9.8 ex. 9",
        "* LIST (\\Subscribed \\NonExistent) \"/\" foo/bar",
        "Data(List",
    ),
    s("6.3.9.8 ex. 9", "a2 OK done", "Status"),
    c(
        "6.3.9.8 ex. 9",
        "a3 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" foo RETURN (CHILDREN)",
        "List",
    ),
    s(
        "6.3.9.8 ex. 9",
        "* LIST (\\HasNoChildren) \"/\" foo (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s("6.3.9.8 ex. 9", "a3 OK done", "Status"),
    c("6.3.9.8 ex. 10", "a1 LIST (REMOTE) \"\" *", "List"),
    s("6.3.9.8 ex. 10", "* LIST () \"/\" music/rock", "Data(List"),
    s(
        "6.3.9.8 ex. 10",
        "* LIST (\\Remote) \"/\" also/jazz",
        "Data(List",
    ),
    s("6.3.9.8 ex. 10", "a1 OK done", "Status"),
    // An empty selection list is sent as none, as in example 3.
    c(
        "6.3.9.8 ex. 10",
        "a2 LIST () \"\" %",
        "List { selection: []",
    )
    .canon("a2 LIST \"\" %"),
    s(
        "6.3.9.8 ex. 10",
        "* LIST (\\NonExistent \\HasChildren) \"/\" music",
        "Data(List",
    ),
    s("6.3.9.8 ex. 10", "a2 OK done", "Status"),
    c("6.3.9.8 ex. 10", "a3 LIST (REMOTE) \"\" %", "List"),
    s(
        "6.3.9.8 ex. 10",
        "* LIST (\\NonExistent \\HasChildren) \"/\" music",
        "Data(List",
    ),
    s(
        "6.3.9.8 ex. 10",
        "* LIST (\\NonExistent \\HasChildren) \"/\" also",
        "Data(List",
    ),
    s("6.3.9.8 ex. 10", "a3 OK done", "Status"),
    c("6.3.9.8 ex. 10", "a3.1 LIST \"\" (% music/rock)", "List"),
    s("6.3.9.8 ex. 10", "* LIST () \"/\" music/rock", "Data(List"),
    s("6.3.9.8 ex. 10", "a3.1 OK done", "Status"),
    c(
        "6.3.9.8 ex. 11",
        "A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))",
        "List",
    ),
    // The doubled space is not in the grammar; the parser takes it (servers copied the
    // example) and the encoder sends one.
    s("6.3.9.8 ex. 11", "* LIST () \".\"  \"INBOX\"", "Data(List").canon("* LIST () \".\" INBOX"),
    // INBOX is sent as an atom.
    s(
        "6.3.9.8 ex. 11",
        "* STATUS \"INBOX\" (MESSAGES 17 UNSEEN 16)",
        "Data(Status",
    )
    .canon("* STATUS INBOX (MESSAGES 17 UNSEEN 16)"),
    s("6.3.9.8 ex. 11", "* LIST () \".\" \"foo\"", "Data(List"),
    s(
        "6.3.9.8 ex. 11",
        "* STATUS \"foo\" (MESSAGES 30 UNSEEN 29)",
        "Data(Status",
    ),
    s(
        "6.3.9.8 ex. 11",
        "* LIST (\\NoSelect) \".\" \"bar\"",
        "Data(List",
    ),
    s("6.3.9.8 ex. 11", "A01 OK List completed.", "Status"),
    c(
        "6.3.9.8 ex. 11",
        "A02 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" % RETURN (STATUS (MESSAGES))",
        "List",
    ),
    s(
        "6.3.9.8 ex. 11",
        "* LIST (\\Subscribed) \".\"  \"INBOX\"",
        "Data(List",
    )
    .canon("* LIST (\\Subscribed) \".\" INBOX"),
    s(
        "6.3.9.8 ex. 11",
        "* STATUS \"INBOX\" (MESSAGES 17)",
        "Data(Status",
    )
    .canon("* STATUS INBOX (MESSAGES 17)"),
    // The extended item tag is an astring; the encoder quotes it, as the other examples do.
    s(
        "6.3.9.8 ex. 11",
        "* LIST () \".\" \"foo\" (CHILDINFO (\"SUBSCRIBED\"))",
        "Data(List",
    )
    .canon("* LIST () \".\" \"foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))"),
    s("6.3.9.8 ex. 11", "A02 OK List completed.", "Status"),
];

/// RFC 9051 §6.3.10 NAMESPACE, examples 1 to 5 and the CREATE that follows. Example 4's
/// NAMESPACE line is wrapped in the RFC between two groups, which touch as elsewhere in it.
const R9051_6_3_10_A: &[Ex] = &[
    c("6.3.10 ex. 1", "A001 NAMESPACE", "Namespace"),
    s(
        "6.3.10 ex. 1",
        "* NAMESPACE ((\"\" \"/\")) NIL NIL",
        "Data(Namespace",
    ),
    s(
        "6.3.10 ex. 1",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 2", "A001 NAMESPACE", "Namespace"),
    s(
        "6.3.10 ex. 2",
        "* NAMESPACE NIL NIL ((\"\" \".\"))",
        "Data(Namespace",
    ),
    s(
        "6.3.10 ex. 2",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 3", "A001 NAMESPACE", "Namespace"),
    s(
        "6.3.10 ex. 3",
        "* NAMESPACE ((\"\" \"/\")) NIL ((\"Public Folders/\" \"/\"))",
        "Data(Namespace",
    ),
    s(
        "6.3.10 ex. 3",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 4", "A001 NAMESPACE", "Namespace"),
    s(
        "6.3.10 ex. 4",
        "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" \"/\")(\"#ftp/\" \"/\")(\"#news.\" \".\"))",
        "Data(Namespace",
    ),
    s(
        "6.3.10 ex. 4",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 5", "A001 NAMESPACE", "Namespace"),
    // Two spaces between the NILs, as in RFC 2342: taken, and sent as one.
    s(
        "6.3.10 ex. 5",
        "* NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL",
        "Data(Namespace",
    )
    .canon("* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL"),
    s(
        "6.3.10 ex. 5",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 5", "A002 CREATE \"INBOX.Sent Mail\"", "Create"),
    s("6.3.10 ex. 5", "A002 OK CREATE command completed", "Status"),
];

/// RFC 9051 §6.3.10 NAMESPACE, examples 6 to 9. Example 6's NAMESPACE line is wrapped in the
/// RFC between two tokens and joined with a space.
const R9051_6_3_10_B: &[Ex] = &[
    c("6.3.10 ex. 6", "A001 NAMESPACE", "Namespace"),
    s(
        "6.3.10 ex. 6",
        "* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL",
        "Data(Namespace",
    ),
    s(
        "6.3.10 ex. 6",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 6", "A002 LIST (SPECIAL-USE) \"\" \"*\"", "List"),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Archive) \"/\" Archives",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Drafts) \"/\" Drafts",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Junk) \"/\" Junk",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Sent) \"/\" \"Sent Mail\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Trash) \"/\" \"Deleted Items\"",
        "Data(List",
    ),
    s("6.3.10 ex. 6", "A002 OK LIST Completed", "Status"),
    c(
        "6.3.10 ex. 6",
        "A003 LIST (SPECIAL-USE) \"#mh/\" \"*\"",
        "List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Archive) \"/\" \"#mh/Archives\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Drafts) \"/\" \"#mh/Drafts\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Junk) \"/\" \"#mh/Junk\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Sent) \"/\" \"#mh/Sent Mail\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 6",
        "* LIST (\\NonExistent \\Trash) \"/\" \"#mh/Deleted Items\"",
        "Data(List",
    ),
    s("6.3.10 ex. 6", "A003 OK LIST Completed", "Status"),
    c("6.3.10 ex. 6", "A004 CREATE \"Sent Mail\"", "Create"),
    s("6.3.10 ex. 6", "A004 OK CREATE command completed", "Status"),
    c("6.3.10 ex. 6", "A005 CREATE \"Delete Items\"", "Create"),
    s("6.3.10 ex. 6", "A005 OK CREATE command completed", "Status"),
    c(
        "6.3.10 ex. 6",
        "A006 CREATE \"#mh/Deleted Items\"",
        "Create",
    ),
    s("6.3.10 ex. 6", "A006 OK CREATE command completed", "Status"),
    c("6.3.10 ex. 7", "A001 NAMESPACE", "Namespace"),
    s(
        "6.3.10 ex. 7",
        "* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) NIL",
        "Data(Namespace",
    ),
    s(
        "6.3.10 ex. 7",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 7", "A002 LIST \"\" \"Other Users/%\"", "List"),
    s(
        "6.3.10 ex. 7",
        "* LIST () \"/\" \"Other Users/Mike\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 7",
        "* LIST () \"/\" \"Other Users/Karen\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 7",
        "* LIST () \"/\" \"Other Users/Matthew\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 7",
        "* LIST () \"/\" \"Other Users/Tesa\"",
        "Data(List",
    ),
    s("6.3.10 ex. 7", "A002 OK LIST command completed", "Status"),
    c("6.3.10 ex. 8", "A001 NAMESPACE", "Namespace"),
    s(
        "6.3.10 ex. 8",
        "* NAMESPACE ((\"\" \"/\")) ((\"#Users/\" \"/\")) NIL",
        "Data(Namespace",
    ),
    s(
        "6.3.10 ex. 8",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 8", "A002 LIST \"\" \"#Users/%\"", "List"),
    s(
        "6.3.10 ex. 8",
        "A002 NO The requested item could not be found.",
        "Status(StatusResponse { tag: Some(Tag(\"A002\")), kind: No",
    ),
    c("6.3.10 ex. 8", "A003 LIST \"\" \"#Users/Mike/%\"", "List"),
    s(
        "6.3.10 ex. 8",
        "* LIST () \"/\" \"#Users/Mike/INBOX\"",
        "Data(List",
    ),
    s(
        "6.3.10 ex. 8",
        "* LIST () \"/\" \"#Users/Mike/Foo\"",
        "Data(List",
    ),
    s("6.3.10 ex. 8", "A003 OK LIST command completed.", "Status"),
    c("6.3.10 ex. 9", "A001 NAMESPACE", "Namespace"),
    s(
        "6.3.10 ex. 9",
        "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) NIL",
        "Data(Namespace",
    ),
    s(
        "6.3.10 ex. 9",
        "A001 OK NAMESPACE command completed",
        "Status",
    ),
    c("6.3.10 ex. 9", "A002 LIST \"\" \"~mark/%\"", "List"),
    s(
        "6.3.10 ex. 9",
        "* LIST () \"/\" \"~mark/INBOX\"",
        "Data(List",
    ),
    s("6.3.10 ex. 9", "* LIST () \"/\" \"~mark/foo\"", "Data(List"),
    s("6.3.10 ex. 9", "A002 OK LIST command completed", "Status"),
];

/// RFC 9051 §6.3.11 STATUS.
const R9051_6_3_11: &[Ex] = &[
    c(
        "6.3.11",
        "A042 STATUS blurdybloop (UIDNEXT MESSAGES)",
        "Status",
    ),
    s(
        "6.3.11",
        "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)",
        "Data(Status",
    ),
    s("6.3.11", "A042 OK STATUS completed", "Status"),
];

/// The message of the first RFC 9051 §6.3.12 APPEND example: 326 octets, each `C:` line
/// ending in CRLF; the last, empty, `C:` line ends the command.
macro_rules! append_message_9051_a {
    () => {
        concat!(
            "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n",
            "From: Fred Foobar <foobar@Blurdybloop.example>\r\n",
            "Subject: afternoon meeting\r\n",
            "To: mooch@owatagu.siam.edu.example\r\n",
            "Message-Id: <B27397-0100000@Blurdybloop.example>\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n",
            "\r\n",
            "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
        )
    };
}

/// The message of the second RFC 9051 §6.3.12 APPEND example: 297 octets.
macro_rules! append_message_9051_b {
    () => {
        concat!(
            "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n",
            "From: Fred Foobar <foobar@example.com>\r\n",
            "Subject: afternoon meeting\r\n",
            "To: mooch@example.com\r\n",
            "Message-Id: <B27397-0100000@example.com>\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n",
            "\r\n",
            "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
        )
    };
}

/// RFC 9051 §6.3.12 APPEND, both examples: a synchronising literal (the framer asks for the
/// `+`) and a non-synchronising one (it does not).
const R9051_6_3_12: &[Ex] = &[
    c(
        "6.3.12",
        concat!(
            "A003 APPEND saved-messages (\\Seen) {326}\r\n",
            append_message_9051_a!()
        ),
        "Append",
    ),
    s("6.3.12", "+ Ready for literal data", "Continuation"),
    s("6.3.12", "A003 OK APPEND completed", "Status"),
    c(
        "6.3.12",
        concat!(
            "A003 APPEND saved-messages (\\Seen) {297+}\r\n",
            append_message_9051_b!()
        ),
        "Append",
    ),
    s(
        "6.3.12",
        "A003 OK [APPENDUID 38505 3955] APPEND completed",
        "Status(StatusResponse { tag: Some(Tag(\"A003\")), kind: Ok, code: Some(AppendUid",
    ),
    c("6.3.12", "A004 COPY 2:4 meeting", "Copy { uid: false"),
    s(
        "6.3.12",
        "A004 OK [COPYUID 38505 304,319:320 3956:3958] Done",
        "Status(StatusResponse { tag: Some(Tag(\"A004\")), kind: Ok, code: Some(CopyUid",
    ),
    c(
        "6.3.12",
        "A005 UID COPY 305:310 meeting",
        "Copy { uid: true",
    ),
    s(
        "6.3.12",
        "A005 OK No matching messages, so nothing copied",
        "Status",
    ),
    c("6.3.12", "A006 COPY 2 funny", "Copy { uid: false"),
    s("6.3.12", "A006 OK Done", "Status"),
    c("6.3.12", "A007 SELECT funny", "Select"),
    s("6.3.12", "* 1 EXISTS", "Data(Exists(1))"),
    s(
        "6.3.12",
        "* OK [UIDVALIDITY 3857529045] Validity session-only",
        "Status",
    ),
    s("6.3.12", "* OK [UIDNEXT 2] Predicted next UID", "Status"),
    s(
        "6.3.12",
        "* NO [UIDNOTSTICKY] Non-persistent UIDs",
        "Status(StatusResponse { tag: None, kind: No, code: Some(Simple(UidNotSticky",
    ),
    s(
        "6.3.12",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "6.3.12",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen)] Limited",
        "Status",
    ),
    s("6.3.12", "* LIST () \".\" funny", "Data(List"),
    s("6.3.12", "A007 OK [READ-WRITE] SELECT completed", "Status"),
];

/// RFC 9051 §6.3.13 IDLE. Left out: the `...time passes...` narration and the two
/// `* n FETCH (...)` lines, whose data the RFC elides.
const R9051_6_3_13: &[Ex] = &[
    c("6.3.13", "A001 SELECT INBOX", "Select"),
    s(
        "6.3.13",
        "* FLAGS (\\Deleted \\Seen \\Flagged)",
        "Data(Flags",
    ),
    s(
        "6.3.13",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\Flagged)] Limited",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(PermanentFlags",
    ),
    s("6.3.13", "* 3 EXISTS", "Data(Exists(3))"),
    // RFC 9051 lets the text after a response code be empty.
    s(
        "6.3.13",
        "* OK [UIDVALIDITY 1]",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidValidity(1",
    ),
    s(
        "6.3.13",
        "* OK [UIDNEXT 1]",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidNext(1",
    ),
    s("6.3.13", "* LIST () \"/\" INBOX", "Data(List"),
    s("6.3.13", "A001 OK [READ-WRITE] SELECT completed", "Status"),
    c("6.3.13", "A002 IDLE", "Idle"),
    s("6.3.13", "+ idling", "Continuation"),
    s("6.3.13", "* 4 EXISTS", "Data(Exists(4))"),
    done("6.3.13"),
    s("6.3.13", "A002 OK IDLE terminated", "Status"),
    c("6.3.13", "A003 FETCH 4 ALL", "Fetch { uid: false"),
    s("6.3.13", "A003 OK FETCH completed", "Status"),
    c("6.3.13", "A004 IDLE", "Idle"),
    s("6.3.13", "* 2 EXPUNGE", "Data(Expunge(2))"),
    s("6.3.13", "* 3 EXISTS", "Data(Exists(3))"),
    s("6.3.13", "+ idling", "Continuation"),
    s("6.3.13", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("6.3.13", "* 2 EXISTS", "Data(Exists(2))"),
    s("6.3.13", "* 3 EXISTS", "Data(Exists(3))"),
    done("6.3.13"),
    s("6.3.13", "A004 OK IDLE terminated", "Status"),
    c("6.3.13", "A005 FETCH 3 ALL", "Fetch { uid: false"),
    s("6.3.13", "A005 OK FETCH completed", "Status"),
    c("6.3.13", "A006 IDLE", "Idle"),
];

/// RFC 9051 §6.4.1 CLOSE, §6.4.2 UNSELECT and §6.4.3 EXPUNGE.
const R9051_6_4_1_3: &[Ex] = &[
    c("6.4.1", "A341 CLOSE", "Close"),
    s("6.4.1", "A341 OK CLOSE completed", "Status"),
    c("6.4.2", "A342 UNSELECT", "Unselect"),
    s("6.4.2", "A342 OK Unselect completed", "Status"),
    c("6.4.3", "A202 EXPUNGE", "Expunge"),
    s("6.4.3", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("6.4.3", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("6.4.3", "* 5 EXPUNGE", "Data(Expunge(5))"),
    s("6.4.3", "* 8 EXPUNGE", "Data(Expunge(8))"),
    s("6.4.3", "A202 OK EXPUNGE completed", "Status"),
];

/// RFC 9051 §6.4.4 SEARCH. Commands the RFC wraps between two search keys are joined with a
/// space; the literals (`{12}` with UTF-8 data) are one message with their command.
const R9051_6_4_4: &[Ex] = &[
    c(
        "6.4.4",
        "A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Min, Count])",
    ),
    s(
        "6.4.4",
        "* ESEARCH (TAG \"A282\") MIN 2 COUNT 3",
        "Data(ESearch",
    ),
    s("6.4.4", "A282 OK SEARCH completed", "Status"),
    c(
        "6.4.4",
        "A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([])",
    ),
    s(
        "6.4.4",
        "* ESEARCH (TAG \"A283\") ALL 2,10:11",
        "Data(ESearch",
    ),
    s("6.4.4", "A283 OK SEARCH completed", "Status"),
    c(
        "6.4.4",
        "A284 SEARCH TEXT \"string not in mailbox\"",
        "Search { uid: false, returns: None",
    ),
    s("6.4.4", "* ESEARCH (TAG \"A284\")", "Data(ESearch"),
    s("6.4.4", "A284 OK SEARCH completed", "Status"),
    c(
        "6.4.4",
        "A285 SEARCH CHARSET UTF-8 TEXT {12}\r\nотпуск",
        "Search { uid: false",
    ),
    s("6.4.4", "+ Ready for literal text", "Continuation"),
    s("6.4.4", "* ESEARCH (TAG \"A285\") ALL 43", "Data(ESearch"),
    s("6.4.4", "A285 OK SEARCH completed", "Status"),
    c(
        "6.4.4",
        "A284 SEARCH RETURN (MIN) UNSEEN",
        "Search { uid: false, returns: Some([Min])",
    ),
    s("6.4.4", "* ESEARCH (TAG \"A284\") MIN 4", "Data(ESearch"),
    s("6.4.4", "A284 OK SEARCH completed", "Status"),
    c(
        "6.4.4",
        "A285 UID SEARCH RETURN (MIN MAX) 1:5000",
        "Search { uid: true, returns: Some([Min, Max])",
    ),
    s(
        "6.4.4",
        "* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800",
        "Data(ESearch",
    ),
    s("6.4.4", "A285 OK SEARCH completed", "Status"),
    c(
        "6.4.4",
        "A286 SEARCH RETURN (COUNT) DELETED",
        "Search { uid: false, returns: Some([Count])",
    ),
    s("6.4.4", "* ESEARCH (TAG \"A286\") COUNT 15", "Data(ESearch"),
    s("6.4.4", "A286 OK SEARCH completed", "Status"),
];

/// RFC 9051 §6.4.4.4, the SAVE result option, examples 1 to 10. Commands the RFC wraps
/// between two tokens are joined with a space. Left out: the `//` comments, which the RFC
/// says are not protocol, and the `* n FETCH (UID m ...` lines, whose data it elides.
const R9051_6_4_4_4: &[Ex] = &[
    c(
        "6.4.4.4 ex. 1",
        "A282 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Save])",
    ),
    s(
        "6.4.4.4 ex. 1",
        "A282 OK SEARCH completed, result saved",
        "Status",
    ),
    c(
        "6.4.4.4 ex. 1",
        "A283 FETCH $ (UID INTERNALDATE FLAGS BODY.PEEK[HEADER])",
        "Fetch { uid: false, set: Saved",
    ),
    s("6.4.4.4 ex. 1", "A283 OK completed", "Status"),
    c(
        "6.4.4.4 ex. 2",
        "A282 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Save])",
    ),
    c(
        "6.4.4.4 ex. 2",
        "A283 FETCH $ (UID INTERNALDATE FLAGS BODY.PEEK[HEADER])",
        "Fetch { uid: false, set: Saved",
    ),
    s("6.4.4.4 ex. 2", "A282 OK SEARCH completed", "Status"),
    s("6.4.4.4 ex. 2", "A283 OK completed", "Status"),
    c(
        "6.4.4.4 ex. 3",
        "A300 SEARCH RETURN (SAVE) SINCE 1-Jan-2004 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Save])",
    ),
    s("6.4.4.4 ex. 3", "A300 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 3",
        "A301 UID SEARCH UID $ SMALLER 4096",
        "Search { uid: true",
    ),
    s(
        "6.4.4.4 ex. 3",
        "* ESEARCH (TAG \"A301\") UID ALL 17,900,901",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 3", "A301 OK completed", "Status"),
    c(
        "6.4.4.4 ex. 3",
        "A301 UID SEARCH $ SMALLER 4096",
        "Search { uid: true",
    ),
    c(
        "6.4.4.4 ex. 4",
        "P282 SEARCH RETURN (SAVE) SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Save])",
    ),
    s("6.4.4.4 ex. 4", "P282 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 4",
        "P283 SEARCH CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8+}\r\nмать",
        "Search { uid: false",
    ),
    s(
        "6.4.4.4 ex. 4",
        "* ESEARCH (TAG \"P283\") ALL 882,1102,3003,3005:3006",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 4", "P283 OK completed", "Status"),
    c(
        "6.4.4.4 ex. 5",
        "B282 SEARCH RETURN (SAVE) SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Save])",
    ),
    s("6.4.4.4 ex. 5", "B282 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 5",
        "B283 SEARCH RETURN (SAVE) CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {4}\r\nXXXX",
        "Search { uid: false, returns: Some([Save])",
    ),
    // The grammar puts the charsets in parentheses; the parser takes the bare one (servers
    // copy RFC examples) and the encoder adds them.
    s(
        "6.4.4.4 ex. 5",
        "B283 NO [BADCHARSET UTF-8] KOI8-R is not supported",
        "Status(StatusResponse { tag: Some(Tag(\"B283\")), kind: No, code: Some(BadCharset",
    )
    .canon("B283 NO [BADCHARSET (UTF-8)] KOI8-R is not supported"),
    c(
        "6.4.4.4 ex. 6",
        "E282 SEARCH RETURN (SAVE) SINCE 28-Oct-2006 NOT FROM \"Eric\"",
        "Search { uid: false, returns: Some([Save])",
    ),
    c(
        "6.4.4.4 ex. 6",
        "E283 COPY $ \"Other Messages\"",
        "Copy { uid: false, set: Saved",
    ),
    s("6.4.4.4 ex. 6", "E282 OK SEARCH completed", "Status"),
    s(
        "6.4.4.4 ex. 6",
        "E283 OK COPY completed, nothing copied",
        "Status",
    ),
    c(
        "6.4.4.4 ex. 7",
        "F282 SEARCH RETURN (SAVE) KEYWORD $Junk",
        "Search { uid: false, returns: Some([Save])",
    ),
    // A mailbox name that is an atom is sent as one; the RFC quotes it.
    c(
        "6.4.4.4 ex. 7",
        "F283 COPY $ \"Junk\"",
        "Copy { uid: false, set: Saved",
    ),
    // Data item names are case-insensitive; the encoder writes `.SILENT` in capitals.
    c(
        "6.4.4.4 ex. 7",
        "F284 STORE $ +FLAGS.Silent (\\Deleted)",
        "Store { uid: false, set: Saved",
    )
    .canon("F284 STORE $ +FLAGS.SILENT (\\Deleted)"),
    s("6.4.4.4 ex. 7", "F282 OK SEARCH completed", "Status"),
    s("6.4.4.4 ex. 7", "F283 OK COPY completed", "Status"),
    s("6.4.4.4 ex. 7", "F284 OK STORE completed", "Status"),
    c(
        "6.4.4.4 ex. 8",
        "G282 SEARCH RETURN (SAVE) KEYWORD $Junk",
        "Search { uid: false, returns: Some([Save])",
    ),
    c(
        "6.4.4.4 ex. 8",
        "G283 SEARCH RETURN (ALL) SINCE 28-Oct-2006 FROM \"Eric\"",
        "Search { uid: false, returns: Some([All])",
    ),
    s(
        "6.4.4.4 ex. 8",
        "* ESEARCH (TAG \"G283\") ALL 3:15,27,29:103",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 8", "G283 OK SEARCH completed", "Status"),
    s("6.4.4.4 ex. 8", "G282 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 9",
        "H282 SEARCH RETURN (SAVE) KEYWORD $Junk",
        "Search { uid: false, returns: Some([Save])",
    ),
    c(
        "6.4.4.4 ex. 9",
        "H283 SEARCH RETURN (SAVE) SINCE 28-Oct-2006 FROM \"Eric\"",
        "Search { uid: false, returns: Some([Save])",
    ),
    s("6.4.4.4 ex. 9", "H282 OK SEARCH completed", "Status"),
    s("6.4.4.4 ex. 9", "H283 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 10",
        "C282 SEARCH RETURN (ALL) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([All])",
    ),
    s(
        "6.4.4.4 ex. 10",
        "* ESEARCH (TAG \"C283\") ALL 2,10:15,21",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 10", "C282 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 10",
        "C283 SEARCH RETURN (ALL SAVE) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([All, Save])",
    ),
    s(
        "6.4.4.4 ex. 10",
        "* ESEARCH (TAG \"C283\") ALL 2,10:15,21",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 10", "C283 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 10",
        "C284 SEARCH RETURN (SAVE MIN) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Save, Min])",
    ),
    s(
        "6.4.4.4 ex. 10",
        "* ESEARCH (TAG \"C284\") MIN 2",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 10", "C284 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 10",
        "C285 SEARCH RETURN (MAX SAVE MIN) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Max, Save, Min])",
    ),
    s(
        "6.4.4.4 ex. 10",
        "* ESEARCH (TAG \"C285\") MIN 2 MAX 21",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 10", "C285 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 10",
        "C286 SEARCH RETURN (MAX SAVE MIN COUNT) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Max, Save, Min, Count])",
    ),
    s(
        "6.4.4.4 ex. 10",
        "* ESEARCH (TAG \"C286\") MIN 2 MAX 21 COUNT 8",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 10", "C286 OK SEARCH completed", "Status"),
    c(
        "6.4.4.4 ex. 10",
        "C286 SEARCH RETURN (ALL SAVE MIN) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([All, Save, Min])",
    ),
    s(
        "6.4.4.4 ex. 10",
        "* ESEARCH (TAG \"C286\") MIN 2 ALL 2,10:15,21",
        "Data(ESearch",
    ),
    s("6.4.4.4 ex. 10", "C286 OK SEARCH completed", "Status"),
];

#[test]
fn rfc9051_section4_data_formats() {
    run("9051", R9051_4_5);
}

#[test]
fn rfc9051_section6_1_any_state() {
    run("9051", R9051_6_1_1);
    run("9051", R9051_6_1_2_3);
}

#[test]
fn rfc9051_section6_2_not_authenticated() {
    run("9051", R9051_6_2_1);
    run("9051", R9051_6_2_2);
    run("9051", R9051_6_2_3);
}

#[test]
fn rfc9051_section6_3_authenticated() {
    for table in [
        R9051_6_3_1,
        R9051_6_3_2,
        R9051_6_3_3,
        R9051_6_3_4,
        R9051_6_3_5,
        R9051_6_3_6,
        R9051_6_3_7_8,
        R9051_6_3_11,
        R9051_6_3_12,
        R9051_6_3_13,
    ] {
        run("9051", table);
    }
}

#[test]
fn rfc9051_section6_3_9_list() {
    for table in [
        R9051_6_3_9_3_7,
        R9051_6_3_9_8_BASIC,
        R9051_6_3_9_8_EX1_6,
        R9051_6_3_9_8_EX7,
        R9051_6_3_9_8_EX8,
        R9051_6_3_9_8_EX9_11,
    ] {
        run("9051", table);
    }
}

#[test]
fn rfc9051_section6_3_10_namespace() {
    run("9051", R9051_6_3_10_A);
    run("9051", R9051_6_3_10_B);
}

#[test]
fn rfc9051_section6_4_selected() {
    for table in [R9051_6_4_1_3, R9051_6_4_4, R9051_6_4_4_4] {
        run("9051", table);
    }
}

/// RFC 9051 §6.4.5 FETCH to §6.4.8 MOVE. Left out: the three `* n FETCH ....` lines of
/// §6.4.5 and the "...More EXPUNGE responses..." of §6.4.8, which the RFC elides.
const R9051_6_4_5_8: &[Ex] = &[
    c(
        "6.4.5",
        "A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])",
        "Fetch { uid: false",
    ),
    s("6.4.5", "A654 OK FETCH completed", "Status"),
    c(
        "6.4.6",
        "A003 STORE 2:4 +FLAGS (\\Deleted)",
        "Store { uid: false",
    ),
    s(
        "6.4.6",
        "* 2 FETCH (FLAGS (\\Deleted \\Seen))",
        "Data(Fetch { seq: 2",
    ),
    s(
        "6.4.6",
        "* 3 FETCH (FLAGS (\\Deleted))",
        "Data(Fetch { seq: 3",
    ),
    s(
        "6.4.6",
        "* 4 FETCH (FLAGS (\\Deleted \\Flagged \\Seen))",
        "Data(Fetch { seq: 4",
    ),
    s("6.4.6", "A003 OK STORE completed", "Status"),
    c("6.4.7", "A003 COPY 2:4 MEETING", "Copy { uid: false"),
    s(
        "6.4.7",
        "A003 OK [COPYUID 38505 304,319:320 3956:3958] COPY completed",
        "Status(StatusResponse { tag: Some(Tag(\"A003\")), kind: Ok, code: Some(CopyUid",
    ),
    c("6.4.8", "a UID MOVE 42:69 foo", "Move { uid: true"),
    s(
        "6.4.8",
        "* OK [COPYUID 432432 42:69 1202:1229]",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(CopyUid",
    ),
    s("6.4.8", "* 22 EXPUNGE", "Data(Expunge(22))"),
    s("6.4.8", "a OK Done", "Status"),
];

/// RFC 9051 §6.4.9 UID. The prose example `UID SEARCH 1:100 UID 443:557` has no tag and is
/// left out.
const R9051_6_4_9: &[Ex] = &[
    c("6.4.9", "A003 UID EXPUNGE 3000:3002", "UidExpunge"),
    s("6.4.9", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("6.4.9", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("6.4.9", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("6.4.9", "A003 OK UID EXPUNGE completed", "Status"),
    c(
        "6.4.9",
        "A999 UID FETCH 4827313:4828442 FLAGS",
        "Fetch { uid: true",
    ),
    s(
        "6.4.9",
        "* 23 FETCH (FLAGS (\\Seen) UID 4827313)",
        "Data(Fetch { seq: 23",
    ),
    s(
        "6.4.9",
        "* 24 FETCH (FLAGS (\\Seen) UID 4827943)",
        "Data(Fetch { seq: 24",
    ),
    s(
        "6.4.9",
        "* 25 FETCH (FLAGS (\\Seen) UID 4828442)",
        "Data(Fetch { seq: 25",
    ),
    s("6.4.9", "A999 OK UID FETCH completed", "Status"),
];

/// RFC 9051 §7.1, the response code examples. Left out: the `[...]` elisions, and the
/// LIMIT example's `m STORE 42 FLAGS f1 f2 f3 f4 f5 ... f250`, whose flags the RFC elides.
/// The HASCHILDREN line is wrapped in the RFC inside its text and joined with a space.
/// Command names and data items are case-insensitive and the encoder sends them in capitals.
const R9051_7_1_CODES: &[Ex] = &[
    c("7.1", "o356 RENAME this that", "Rename"),
    s(
        "7.1",
        "o356 NO [ALREADYEXISTS] Mailbox \"that\" already exists",
        "Status(StatusResponse { tag: Some(Tag(\"o356\")), kind: No, code: Some(Simple(AlreadyExists",
    ),
    c("7.1", "b LOGIN \"fred\" \"foo\"", "Login"),
    s(
        "7.1",
        "b NO [AUTHENTICATIONFAILED] Authentication failed",
        "Status(StatusResponse { tag: Some(Tag(\"b\")), kind: No, code: Some(Simple(AuthenticationFailed",
    ),
    c("7.1", "c1 AUTHENTICATE PLAIN", "Authenticate"),
    s(
        "7.1",
        "c1 NO [AUTHORIZATIONFAILED] No such authorization-ID",
        "Status(StatusResponse { tag: Some(Tag(\"c1\")), kind: No, code: Some(Simple(AuthorizationFailed",
    ),
    c("7.1", "c2 AUTHENTICATE PLAIN", "Authenticate"),
    s(
        "7.1",
        "c2 NO [AUTHORIZATIONFAILED] Authenticator is not an admin",
        "Status(StatusResponse { tag: Some(Tag(\"c2\")), kind: No, code: Some(Simple(AuthorizationFailed",
    ),
    c("7.1", "l create \"///////\"", "Create").canon("l CREATE \"///////\""),
    s(
        "7.1",
        "l NO [CANNOT] Adjacent slashes are not supported",
        "Status(StatusResponse { tag: Some(Tag(\"l\")), kind: No, code: Some(Simple(Cannot",
    ),
    c(
        "7.1",
        "k1 select \"/archive/projects/experiment-iv\"",
        "Select",
    )
    .canon("k1 SELECT \"/archive/projects/experiment-iv\""),
    s(
        "7.1",
        "k1 OK [READ-ONLY] Done",
        "Status(StatusResponse { tag: Some(Tag(\"k1\")), kind: Ok, code: Some(ReadOnly",
    ),
    c(
        "7.1",
        "k2 status \"/archive/projects/experiment-iv\" (messages)",
        "Status",
    )
    .canon("k2 STATUS \"/archive/projects/experiment-iv\" (MESSAGES)"),
    s(
        "7.1",
        "k2 OK [CLIENTBUG] Done",
        "Status(StatusResponse { tag: Some(Tag(\"k2\")), kind: Ok, code: Some(Simple(ClientBug",
    ),
    c("7.1", "e login \"fred\" \"foo\"", "Login").canon("e LOGIN \"fred\" \"foo\""),
    // RFC 9051 lets the text after a response code be empty.
    s(
        "7.1",
        "e NO [CONTACTADMIN]",
        "Status(StatusResponse { tag: Some(Tag(\"e\")), kind: No, code: Some(Simple(ContactAdmin",
    ),
    c(
        "7.1",
        "i select \"/archive/projects/experiment-iv\"",
        "Select",
    )
    .canon("i SELECT \"/archive/projects/experiment-iv\""),
    s(
        "7.1",
        "i NO [CORRUPTION] Cannot open mailbox",
        "Status(StatusResponse { tag: Some(Tag(\"i\")), kind: No, code: Some(Simple(Corruption",
    ),
    c("7.1", "d login \"fred\" \"foo\"", "Login").canon("d LOGIN \"fred\" \"foo\""),
    s(
        "7.1",
        "d NO [EXPIRED] That password isn't valid any more",
        "Status(StatusResponse { tag: Some(Tag(\"d\")), kind: No, code: Some(Simple(Expired",
    ),
    c(
        "7.1",
        "h search from maria@example.com",
        "Search { uid: false",
    )
    .canon("h SEARCH FROM maria@example.com"),
    s(
        "7.1",
        "* ESEARCH (TAG \"h\") ALL 1:3,5,8,13,21,42",
        "Data(ESearch",
    ),
    s(
        "7.1",
        "h OK [EXPUNGEISSUED] Search completed",
        "Status(StatusResponse { tag: Some(Tag(\"h\")), kind: Ok, code: Some(Simple(ExpungeIssued",
    ),
    c("7.1", "m356 DELETE Notes", "Delete"),
    s(
        "7.1",
        "o356 NO [HASCHILDREN] Mailbox \"Notes\" has children that need to be deleted first",
        "Status(StatusResponse { tag: Some(Tag(\"o356\")), kind: No, code: Some(Simple(HasChildren",
    ),
    c(
        "7.1",
        "g delete \"/archive/projects/experiment-iv\"",
        "Delete",
    )
    .canon("g DELETE \"/archive/projects/experiment-iv\""),
    s(
        "7.1",
        "g NO [INUSE] Mailbox in use",
        "Status(StatusResponse { tag: Some(Tag(\"g\")), kind: No, code: Some(Simple(InUse",
    ),
    s(
        "7.1",
        "m NO [LIMIT] At most 32 flags in one mailbox supported",
        "Status(StatusResponse { tag: Some(Tag(\"m\")), kind: No, code: Some(Simple(Limit",
    ),
    c("7.1", "p RENAME this that", "Rename"),
    s(
        "7.1",
        "p NO [NONEXISTENT] No such mailbox",
        "Status(StatusResponse { tag: Some(Tag(\"p\")), kind: No, code: Some(Simple(NonExistent",
    ),
    c(
        "7.1",
        "f select \"/archive/projects/experiment-iv\"",
        "Select",
    )
    .canon("f SELECT \"/archive/projects/experiment-iv\""),
    s(
        "7.1",
        "f NO [NOPERM] Access denied",
        "Status(StatusResponse { tag: Some(Tag(\"f\")), kind: No, code: Some(Simple(NoPerm",
    ),
    c("7.1", "n1 uid copy 1:* oldmail", "Copy { uid: true").canon("n1 UID COPY 1:* oldmail"),
    s(
        "7.1",
        "n1 NO [OVERQUOTA] Sorry",
        "Status(StatusResponse { tag: Some(Tag(\"n1\")), kind: No, code: Some(Simple(OverQuota",
    ),
    c("7.1", "n2 uid copy 1:* oldmail", "Copy { uid: true").canon("n2 UID COPY 1:* oldmail"),
    s(
        "7.1",
        "n2 OK [OVERQUOTA] You are now over your soft quota",
        "Status(StatusResponse { tag: Some(Tag(\"n2\")), kind: Ok, code: Some(Simple(OverQuota",
    ),
    c("7.1", "d login \"fred\" \"foo\"", "Login").canon("d LOGIN \"fred\" \"foo\""),
    s(
        "7.1",
        "d NO [PRIVACYREQUIRED] Connection offers no privacy",
        "Status(StatusResponse { tag: Some(Tag(\"d\")), kind: No, code: Some(Simple(PrivacyRequired",
    ),
    // `inbox` is INBOX, which the encoder spells in capitals.
    c("7.1", "d select inbox", "Select").canon("d SELECT INBOX"),
    s(
        "7.1",
        "d NO [PRIVACYREQUIRED] Connection offers no privacy",
        "Status(StatusResponse { tag: Some(Tag(\"d\")), kind: No, code: Some(Simple(PrivacyRequired",
    ),
    c(
        "7.1",
        "j select \"/archive/projects/experiment-iv\"",
        "Select",
    )
    .canon("j SELECT \"/archive/projects/experiment-iv\""),
    s(
        "7.1",
        "j NO [SERVERBUG] This should not happen",
        "Status(StatusResponse { tag: Some(Tag(\"j\")), kind: No, code: Some(Simple(ServerBug",
    ),
    c("7.1", "a LOGIN \"fred\" \"foo\"", "Login"),
    s(
        "7.1",
        "a NO [UNAVAILABLE] User's backend down for maintenance",
        "Status(StatusResponse { tag: Some(Tag(\"a\")), kind: No, code: Some(Simple(Unavailable",
    ),
];

/// RFC 9051 §7.1.1 to §7.1.5, the status responses. Left out: `C: ...very long command
/// line...` and `C: ...empty line...`, which stand for bytes the RFC does not give.
const R9051_7_1_STATUS: &[Ex] = &[
    s("7.1.1", "* OK IMAP4rev2 server ready", "Status"),
    c("7.1.1", "A001 LOGIN fred blurdybloop", "Login"),
    s(
        "7.1.1",
        "* OK [ALERT] System shutdown in 10 minutes",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Alert",
    ),
    s("7.1.1", "A001 OK LOGIN Completed", "Status"),
    c("7.1.2", "A222 COPY 1:2 owatagusiam", "Copy { uid: false"),
    s(
        "7.1.2",
        "* NO Disk is 98% full, please delete unnecessary data",
        "Status(StatusResponse { tag: None, kind: No",
    ),
    s("7.1.2", "A222 OK COPY completed", "Status"),
    c("7.1.2", "A223 COPY 3:200 blurdybloop", "Copy { uid: false"),
    s(
        "7.1.2",
        "* NO Disk is 98% full, please delete unnecessary data",
        "Status(StatusResponse { tag: None, kind: No",
    ),
    s(
        "7.1.2",
        "* NO Disk is 99% full, please delete unnecessary data",
        "Status(StatusResponse { tag: None, kind: No",
    ),
    s(
        "7.1.2",
        "A223 NO COPY failed: disk is full",
        "Status(StatusResponse { tag: Some(Tag(\"A223\")), kind: No",
    ),
    s(
        "7.1.3",
        "* BAD Command line too long",
        "Status(StatusResponse { tag: None, kind: Bad",
    ),
    s(
        "7.1.3",
        "* BAD Empty command line",
        "Status(StatusResponse { tag: None, kind: Bad",
    ),
    c("7.1.3", "A443 EXPUNGE", "Expunge"),
    s(
        "7.1.3",
        "* BAD Disk crash, attempting salvage to a new disk!",
        "Status(StatusResponse { tag: None, kind: Bad",
    ),
    s("7.1.3", "* OK Salvage successful, no data lost", "Status"),
    s("7.1.3", "A443 OK Expunge completed", "Status"),
    s(
        "7.1.4",
        "* PREAUTH IMAP4rev2 server logged in as Smith",
        "Status(StatusResponse { tag: None, kind: PreAuth",
    ),
    s(
        "7.1.5",
        "* BYE Autologout; idle for too long",
        "Status(StatusResponse { tag: None, kind: Bye",
    ),
];

/// RFC 9051 §7.2. The CAPABILITY line is wrapped in the RFC between two names and joined with
/// a space.
const R9051_7_2: &[Ex] = &[
    s("7.2.1", "* ENABLED CONDSTORE QRESYNC", "Data(Enabled"),
    s(
        "7.2.2",
        "* CAPABILITY STARTTLS AUTH=GSSAPI IMAP4rev2 LOGINDISABLED XPIG-LATIN",
        "Data(Capability",
    ),
];

#[test]
fn rfc9051_section6_4_5_to_6_4_9() {
    run("9051", R9051_6_4_5_8);
    run("9051", R9051_6_4_9);
}

#[test]
fn rfc9051_section7_1_status_responses() {
    run("9051", R9051_7_1_CODES);
    run("9051", R9051_7_1_STATUS);
}

#[test]
fn rfc9051_section7_2_server_status() {
    run("9051", R9051_7_2);
}

/// RFC 9051 §7.3 to §7.5, the examples of each response. The two LIST lines with extended
/// data are wrapped in the RFC between two tokens and joined with a space. The body
/// structures §7.5.2 gives in its prose are checked in `rfc9051_body_structure_prose`.
const R9051_7_3_5: &[Ex] = &[
    s("7.3.1", "* LIST (\\Noselect) \"/\" ~/Mail/foo", "Data(List"),
    s(
        "7.3.1",
        "* LIST (\\Marked) \":\" Tables (tablecloth ((\"edge\" \"lacy\") (\"color\" \"red\")) Sample \"text\")",
        "Data(List",
    ),
    s(
        "7.3.1",
        "* LIST () \":\" Tables:new (tablecloth (\"edge\" \"lacy\") Sample (\"text\" \"more text\"))",
        "Data(List",
    ),
    s(
        "7.3.2",
        "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) NIL",
        "Data(Namespace",
    ),
    s(
        "7.3.3",
        "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)",
        "Data(Status",
    ),
    s(
        "7.3.4",
        "* ESEARCH UID COUNT 17 ALL 4:18,21,28",
        "Data(ESearch { tag: None, uid: true",
    ),
    s(
        "7.3.4",
        "* ESEARCH (TAG \"a567\") UID COUNT 17 ALL 4:18,21,28",
        "Data(ESearch",
    ),
    s(
        "7.3.4",
        "* ESEARCH COUNT 18 ALL 1:17,21",
        "Data(ESearch { tag: None, uid: false",
    ),
    s(
        "7.3.5",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s("7.4.1", "* 23 EXISTS", "Data(Exists(23))"),
    s("7.5.1", "* 44 EXPUNGE", "Data(Expunge(44))"),
    s(
        "7.5.2",
        "* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827 UID 447)",
        "Data(Fetch { seq: 23",
    ),
];

/// RFC 9051 §7.6, the continuation requests of a LOGIN with two synchronising literals (one
/// message for the framer, which asks for a `+` before each literal). The rejected
/// `A044 BLURDYBLOOP {102856}` is checked in `unknown_command_with_literal_is_refused`.
const R9051_7_6: &[Ex] = &[
    c(
        "7.6",
        "A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man",
        "Login",
    ),
    s("7.6", "+ Ready for additional command text", "Continuation"),
    s("7.6", "A001 OK LOGIN completed", "Status"),
    s(
        "7.6",
        "A044 BAD No such command as \"BLURDYBLOOP\"",
        "Status(StatusResponse { tag: Some(Tag(\"A044\")), kind: Bad",
    ),
];

#[test]
fn rfc9051_section7_3_to_7_6() {
    run("9051", R9051_7_3_5);
    run("9051", R9051_7_6);
}

/// RFC 3501 §6.5.1, an experimental command and its untagged data.
const R3501_6_5_1: &[Ex] = &[
    c("6.5.1", "a441 CAPABILITY", "Capability"),
    s(
        "6.5.1",
        "* CAPABILITY IMAP4rev1 XPIG-LATIN",
        "Data(Capability",
    ),
    s("6.5.1", "a441 OK CAPABILITY completed", "Status"),
    c("6.5.1", "A442 XPIG-LATIN", "Experimental"),
    experimental_data("6.5.1", "* XPIG-LATIN ow-nay eaking-spay ig-pay atin-lay"),
    s("6.5.1", "A442 OK XPIG-LATIN ompleted-cay", "Status"),
];

/// RFC 9051 §6.5, the same experimental command.
const R9051_6_5: &[Ex] = &[
    c("6.5", "a441 CAPABILITY", "Capability"),
    s(
        "6.5",
        "* CAPABILITY IMAP4rev2 XPIG-LATIN",
        "Data(Capability",
    ),
    s("6.5", "a441 OK CAPABILITY completed", "Status"),
    c("6.5", "A442 XPIG-LATIN", "Experimental"),
    experimental_data("6.5", "* XPIG-LATIN ow-nay eaking-spay ig-pay atin-lay"),
    s("6.5", "A442 OK XPIG-LATIN ompleted-cay", "Status"),
];

#[test]
fn experimental_commands() {
    run("3501", R3501_6_5_1);
    run("9051", R9051_6_5);
}

/// RFC 3501 §7.5 and RFC 9051 §7.6: `A044 BLURDYBLOOP {102856}` announces a synchronising
/// literal for a command that does not exist. The framer stops for a decision, the line does
/// not parse (its error names the tag the server answers `BAD` with), and refusing the
/// literal leaves the framer ready for the next command: the 102856 octets are never asked
/// for.
#[test]
fn unknown_command_with_literal_is_refused() {
    let line = b"A044 BLURDYBLOOP {102856}\r\n";
    let mut framer = Framer::new(FramerOptions::new(Role::Server));
    framer.push(line);
    assert_eq!(
        framer.next_event(),
        Some(FrameEvent::ContinuationNeeded { size: 102_856 })
    );
    assert_eq!(framer.next_event(), None);
    let err = parse_command(line).expect_err("no such command");
    assert_eq!(err.tag(), Some("A044"));
    assert!(framer.refuse_literal());
    assert_eq!(framer.buffered(), 0);
    framer.push(b"A001 NOOP\r\n");
    assert_eq!(
        framer.next_event(),
        Some(FrameEvent::Message(b"A001 NOOP\r\n"[..].into()))
    );
}

/// RFC 9051 §4.5: as a mailbox name, `NIL` is the mailbox called NIL, the same as `"NIL"`;
/// as body section data, `NIL` is the absence of the part, which the three-character string
/// `"NIL"` is not. The RFC prints the FETCH lines as `* FETCH 1 (...)`, number and name
/// swapped against the grammar (`"*" SP nz-number SP "FETCH"`); they are checked here in the
/// grammar's order.
#[test]
fn rfc9051_nil_is_not_a_string() {
    let mailbox = |line: &[u8]| match parse_response(line) {
        Ok(Response::Data(Data::List(l))) => l.mailbox.wire_bytes().to_vec(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        mailbox(b"* LIST () \"/\" NIL\r\n"),
        mailbox(b"* LIST () \"/\" \"NIL\"\r\n")
    );
    assert_eq!(mailbox(b"* LIST () \"/\" NIL\r\n"), b"NIL");
    let section = |line: &'static [u8]| match parse_response(line) {
        Ok(Response::Data(Data::Fetch { items, .. })) => match items.into_iter().next() {
            Some(FetchItem::BodySection { data, .. }) => data.map(|d| d.as_bytes().to_vec()),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    assert_eq!(section(b"* 1 FETCH (BODY[1] NIL)\r\n"), None);
    assert_eq!(
        section(b"* 1 FETCH (BODY[1] \"NIL\")\r\n"),
        Some(b"NIL".to_vec())
    );
    run(
        "9051",
        &[
            s("4.5", "* 1 FETCH (BODY[1] NIL)", "Data(Fetch { seq: 1"),
            s("4.5", "* 1 FETCH (BODY[1] \"NIL\")", "Data(Fetch { seq: 1"),
        ],
    );
}

/// The body structures RFC 3501 §7.4.2 and RFC 9051 §7.5.2 give in their prose (the same
/// two in both), each sent in a FETCH response as BODY and as BODYSTRUCTURE (they carry no
/// extension data, so both may carry them). The RFCs wrap the second between two tokens
/// (joined with a space) and, in RFC 9051, between its two parts, which touch as the grammar
/// wants (`1*body SP media-subtype`).
const BODY_STRUCTURE_PROSE: &[Ex] = &[
    s(
        "7.4.2 / 7.5.2",
        "* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 2279 48))",
        "Data(Fetch { seq: 1",
    ),
    s(
        "7.4.2 / 7.5.2",
        "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 2279 48))",
        "Data(Fetch { seq: 1",
    ),
    s(
        "7.4.2 / 7.5.2",
        "* 1 FETCH (BODY ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\"))",
        "Data(Fetch { seq: 1",
    ),
    s(
        "7.4.2 / 7.5.2",
        "* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\"))",
        "Data(Fetch { seq: 1",
    ),
];

#[test]
fn body_structure_prose() {
    run("3501 and 9051", BODY_STRUCTURE_PROSE);
}

/// The header RFC 9051 §8 fetches: 342 octets, as its literal announces.
macro_rules! header_9051 {
    () => {
        concat!(
            "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\n",
            "From: Terry Gray <gray@cac.washington.edu>\r\n",
            "Subject: IMAP4rev2 WG mtg summary and minutes\r\n",
            "To: imap@cac.washington.edu\r\n",
            "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\n",
            "Message-Id: <B27397-0100000@cac.washington.edu>\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n",
            "\r\n",
        )
    };
}

/// RFC 9051 §8 as the RFC prints it (STARTTLS, SCRAM-SHA-256, ENABLE, a LIST with OLDNAME),
/// line by line; `rfc_sessions.rs` replays a session in its shape through the framers at
/// every chunking. The RFC says its long lines are broken for editorial clarity: base64 is
/// joined with nothing, the FETCH line with a space between tokens and with nothing after
/// `(` and between the two touching cc addresses. Commands are sent in lowercase, which the
/// encoder writes in capitals.
const R9051_8: &[Ex] = &[
    s(
        "8",
        "* OK [CAPABILITY STARTTLS AUTH=SCRAM-SHA-256 LOGINDISABLED IMAP4rev2] IMAP4rev2 Service Ready",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Capability",
    ),
    c("8", "a000 starttls", "StartTls").canon("a000 STARTTLS"),
    s("8", "a000 OK Proceed with TLS negotiation", "Status"),
    c(
        "8",
        "A001 AUTHENTICATE SCRAM-SHA-256 biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8=",
        "Authenticate",
    ),
    s(
        "8",
        "+ cj1yT3ByTkdmd0ViZVJXZ2JORWtxTyVodllEcFdVYTJSYVRDQWZ1eEZJbGopaE5sRiRrMCxzPVcyMlphSjBTTlk3c29Fc1VFamI2Z1E9PSxpPTQwOTY=",
        "Continuation",
    ),
    auth(
        "8",
        "Yz1iaXdzLHI9ck9wck5HZndFYmVSV2diTkVrcU8laHZZRHBXVWEyUmFUQ0FmdXhGSWxqKWhObEYkazAscD1kSHpiWmFwV0lrNGpVaE4rVXRlOXl0YWc5empmTUhnc3FtbWl6N0FuZFZRPQ==",
        "Continue",
    ),
    s(
        "8",
        "+ dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQ==",
        "Continuation",
    ),
    auth("8", "", "Continue"),
    s(
        "8",
        "A001 OK SCRAM-SHA-256 authentication successful",
        "Status",
    ),
    c("8", "babc ENABLE IMAP4rev2", "Enable"),
    s("8", "* ENABLED IMAP4rev2", "Data(Enabled"),
    s("8", "babc OK Some capabilities enabled", "Status"),
    c("8", "a002 select inbox", "Select").canon("a002 SELECT INBOX"),
    s("8", "* 18 EXISTS", "Data(Exists(18))"),
    s(
        "8",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s("8", "* OK [UIDVALIDITY 3857529045] UIDs valid", "Status"),
    // OLDNAME carries a mailbox, to which the INBOX rule applies: `"inbox"` is INBOX, sent
    // as the atom.
    s(
        "8",
        "* LIST () \"/\" INBOX (\"OLDNAME\" (\"inbox\"))",
        "Data(List",
    )
    .canon("* LIST () \"/\" INBOX (\"OLDNAME\" (INBOX))"),
    s("8", "a002 OK [READ-WRITE] SELECT completed", "Status"),
    c("8", "a003 fetch 12 full", "Fetch { uid: false").canon("a003 FETCH 12 FULL"),
    s(
        "8",
        "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev2 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.ed>\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))",
        "Data(Fetch { seq: 12",
    ),
    s("8", "a003 OK FETCH completed", "Status"),
    c("8", "a004 fetch 12 body[header]", "Fetch { uid: false").canon("a004 FETCH 12 BODY[HEADER]"),
    s(
        "8",
        concat!("* 12 FETCH (BODY[HEADER] {342}\r\n", header_9051!(), ")"),
        "Data(Fetch { seq: 12",
    ),
    s("8", "a004 OK FETCH completed", "Status"),
    c("8", "a005 store 12 +flags \\deleted", "Store { uid: false")
        .canon("a005 STORE 12 +FLAGS (\\Deleted)"),
    s(
        "8",
        "* 12 FETCH (FLAGS (\\Seen \\Deleted))",
        "Data(Fetch { seq: 12",
    ),
    s("8", "a005 OK +FLAGS completed", "Status"),
    c("8", "a006 logout", "Logout").canon("a006 LOGOUT"),
    s(
        "8",
        "* BYE IMAP4rev2 server terminating connection",
        "Status(StatusResponse { tag: None, kind: Bye",
    ),
    s("8", "a006 OK LOGOUT completed", "Status"),
];

#[test]
fn rfc9051_section8_as_printed() {
    run("9051", R9051_8);
}

/// RFC 9051 §9, the selection option lists the `list-select-opts` comment allows, each sent
/// in a LIST command (`A1 LIST <options> "" "*"`; the comment gives the lists alone). The two
/// it does not allow, `(RECURSIVEMATCH)` and `(REMOTE RECURSIVEMATCH)`, are checked in
/// `rfc9051_recursivematch_alone_is_refused`.
const R9051_9_LIST_SELECT_OPTS: &[Ex] = &[
    // An empty list is sent as none, as in §6.3.9.8 example 3.
    c("9", "A1 LIST () \"\" \"*\"", "List { selection: []").canon("A1 LIST \"\" \"*\""),
    c(
        "9",
        "A1 LIST (REMOTE) \"\" \"*\"",
        "List { selection: [Remote]",
    ),
    c(
        "9",
        "A1 LIST (SUBSCRIBED) \"\" \"*\"",
        "List { selection: [Subscribed]",
    ),
    c(
        "9",
        "A1 LIST (SUBSCRIBED REMOTE) \"\" \"*\"",
        "List { selection: [Subscribed, Remote]",
    ),
    c(
        "9",
        "A1 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"*\"",
        "List { selection: [Subscribed, RecursiveMatch]",
    ),
    c(
        "9",
        "A1 LIST (SUBSCRIBED REMOTE RECURSIVEMATCH) \"\" \"*\"",
        "List { selection: [Subscribed, Remote, RecursiveMatch]",
    ),
];

#[test]
fn rfc9051_section9_list_select_opts() {
    run("9051", R9051_9_LIST_SELECT_OPTS);
}

/// RFC 9051 §9: `(RECURSIVEMATCH)` and `(REMOTE RECURSIVEMATCH)` are not selection options
/// (RECURSIVEMATCH modifies another one), so the command does not parse and the server
/// answers BAD, as §6.3.9.1 requires.
#[test]
fn rfc9051_recursivematch_alone_is_refused() {
    for line in [
        &b"A1 LIST (RECURSIVEMATCH) \"\" \"*\"\r\n"[..],
        b"A1 LIST (REMOTE RECURSIVEMATCH) \"\" \"*\"\r\n",
    ] {
        let err = parse_command(line).expect_err("not a LIST command");
        assert_eq!(err.tag(), Some("A1"));
    }
}

/// RFC 3501 §9 and RFC 9051 §9, the example in the `mailbox` comment: every spelling of
/// INBOX is INBOX (sent in a SELECT here; the comment gives the name alone), which the
/// encoder writes in capitals.
const SECTION9_MAILBOX: &[Ex] =
    &[c("9", "A1 SELECT iNbOx", "Select { mailbox: Inbox").canon("A1 SELECT INBOX")];

#[test]
fn section9_mailbox() {
    run("3501 and 9051", SECTION9_MAILBOX);
}

/// RFC 3501 §9 and RFC 9051 §9 (the same words in both), the examples in the `seq-range` and
/// `sequence-set` comments, read through the sequence sets of FETCH commands.
#[test]
fn section9_sequence_sets() {
    let set = |s: &str| match parse_command(format!("A1 FETCH {s} FLAGS\r\n").as_bytes()) {
        Ok(cmd) => match cmd.body {
            mailwire_imap::command::CommandBody::Fetch { set, .. } => set,
            other => panic!("{other:?}"),
        },
        Err(e) => panic!("{s}: {e}"),
    };
    let members = |s: &str, largest: u32| -> Vec<u32> {
        let set = set(s);
        (1..=largest.max(4000))
            .filter(|&n| set.contains(n, largest))
            .collect()
    };
    // "2:4 and 4:2 are equivalent and indicate values 2, 3, and 4."
    assert_eq!(members("2:4", 10), [2, 3, 4]);
    assert_eq!(members("4:2", 10), [2, 3, 4]);
    // "a unique identifier sequence range of 3291:* includes the UID of the last message in
    // the mailbox, even if that value is less than 3291."
    assert!(set("3291:*").contains(3000, 3000));
    // "2,4:7,9,12:* for a mailbox with 15 messages is equivalent to 2,4,5,6,7,9,12,13,14,15"
    assert_eq!(
        members("2,4:7,9,12:*", 15),
        [2, 4, 5, 6, 7, 9, 12, 13, 14, 15]
    );
    // "*:4,5:7 for a mailbox with 10 messages is equivalent to 10,9,8,7,6,5,4,5,6,7" (as a set).
    assert_eq!(members("*:4,5:7", 10), [4, 5, 6, 7, 8, 9, 10]);
}

/// RFC 3501 §5.1.3 and RFC 9051 Appendix A.1 (the same words in both), the modified UTF-7
/// mailbox names: the name mixing English, Chinese and Japanese, the two wrong forms and the
/// right forms the RFCs give for them.
#[test]
fn international_mailbox_names() {
    let wire = |w: &'static str| Mailbox::try_from(w).expect("astring");
    let named = Mailbox::from_name(
        "~peter/mail/\u{53F0}\u{5317}/\u{65E5}\u{672C}\u{8A9E}",
        false,
    )
    .expect("encodes");
    assert_eq!(named.wire_bytes(), b"~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    assert_eq!(
        wire("~peter/mail/&U,BTFw-/&ZeVnLIqe-")
            .name(false)
            .as_deref(),
        Ok("~peter/mail/\u{53F0}\u{5317}/\u{65E5}\u{672C}\u{8A9E}")
    );
    // "&Jjo!" lacks the shift back to US-ASCII before "!"; "&Jjo-!" is right.
    assert!(wire("&Jjo!").name(false).is_err());
    assert_eq!(wire("&Jjo-!").name(false).as_deref(), Ok("\u{263A}!"));
    // "&U,BTFw-&ZeVnLIqe-" has a superfluous shift; "&U,BTF2XlZyyKng-" is right.
    assert!(wire("&U,BTFw-&ZeVnLIqe-").name(false).is_err());
    assert_eq!(
        wire("&U,BTF2XlZyyKng-").name(false).as_deref(),
        Ok("\u{53F0}\u{5317}\u{65E5}\u{672C}\u{8A9E}")
    );
    assert_eq!(
        Mailbox::from_name("\u{53F0}\u{5317}\u{65E5}\u{672C}\u{8A9E}", false)
            .expect("encodes")
            .wire_bytes(),
        b"&U,BTF2XlZyyKng-"
    );
}
