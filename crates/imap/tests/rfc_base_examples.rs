//! Known-answer tests from the examples of the base specifications, RFC 3501 (IMAP4rev1) and
//! RFC 9051 (IMAP4rev2), §6 (client commands) and §7 (server responses), both directions.
//! Their §8 sample sessions are replayed in `rfc_sessions.rs`.
//!
//! Every entry is one protocol message of an RFC example, as printed there after `C:` or `S:`
//! (lines the RFC wraps for width are joined with one space where the wrap falls between two
//! tokens; a literal's data follows its `{n}` line). Each goes through the framer of the side
//! that reads it, is parsed, checked to be the typed value expected (its `Debug` form starts
//! with the variant named in the table, never a generic fallback such as `Data::Other`),
//! encoded again and compared with the RFC bytes. Where the RFC's text is not the encoder's
//! canonical form the entry names the canonical bytes and says why; those must parse back to
//! the same value.
//!
//! Left out everywhere: prose, `...` and `. . .` elisions, and `<...>` annotations such as
//! `<TLS negotiation ...>`. Each table says what else it leaves out and why.

mod common;

use common::{Ex, auth, c, run, s};

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
/// rejected `A044 BLURDYBLOOP {102856}` is checked in `rfc3501_unknown_command_literal`.
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
