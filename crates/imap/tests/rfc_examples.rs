//! Known-answer tests from the examples of the IMAP extension RFCs, both directions.
//!
//! Every entry is one protocol line of an RFC example, as printed there after `C:` or `S:`
//! (lines the RFC wraps for width are joined with one space, as the RFC's text says they are
//! sent, except where a table says the break falls inside a value; a literal's data follows its
//! `{n}` line). Each is parsed, checked to be the typed value expected (its `Debug` form starts
//! with the variant named in the table, never a generic fallback such as `Data::Other`),
//! encoded again and compared with the RFC bytes. Where the RFC's text is not the encoder's
//! canonical form the entry names the canonical bytes and says why; those must parse back to
//! the same value. Where an RFC line breaks its own grammar and a verified erratum corrects it,
//! the table uses the corrected line and cites the erratum.
//!
//! The lines were taken from the RFC texts stored under `rfc/` in the jstedfast/MailKit
//! repository (RFC 2971 from `docs/rfcs/` in scanner/asimap), read in full, and each table
//! cites the section (and the example number where the RFC numbers its examples). Covered:
//! IDLE (2177), MAILBOX-REFERRALS (2193), LOGIN-REFERRALS (2221), NAMESPACE (2342), ID (2971),
//! CHILDREN (3348), MULTIAPPEND (3502), UNSELECT (3691), ACL (4314), UIDPLUS (4315), CATENATE
//! (4469), ESEARCH (4731), SASL-IR (4959), COMPRESS (4978), WITHIN (5032), ENABLE (5161),
//! SEARCHRES (5182), LANGUAGE/I18NLEVEL (5255), SORT/THREAD (5256),
//! LIST-EXTENDED (5258), CONTEXT=SEARCH/ESORT (5267), METADATA (5464), NOTIFY (5465),
//! LIST-STATUS (5819), SPECIAL-USE (6154), SEARCH=FUZZY (6203), MOVE (6851), CONDSTORE/QRESYNC
//! (7162), LITERAL+ (7888), APPENDLIMIT (7889), STATUS=SIZE (8438), OBJECTID (8474), SAVEDATE
//! (8514), PREVIEW (8970) and QUOTA (9208).
//!
//! Lines that are not protocol (prose, `...`, `[...]`, elided data such as `* 4 FETCH (...)`)
//! are left out, and so are the few lines that break the grammar with no erratum to correct
//! them; each table says which and why. BINARY (3516), UNAUTHENTICATE (8437), UTF8=ACCEPT
//! (6855) and SORT=DISPLAY (5957) print no protocol examples, so they have no table; their
//! grammar is covered by the unit tests in `src/command` and `src/response` and by the
//! proptest round-trips. The base specifications' examples (RFC 3501, RFC 9051) are tested
//! apart from this file: `rfc_base_examples.rs` holds every example line of their §6 and §7,
//! and `rfc_sessions.rs` replays their §8 sample sessions.

mod common;

use common::{Ex, auth, c, done, run, s};

/// RFC 2177 (IDLE) §3. Left out: `* 4 FETCH (...)` and `* 3 FETCH (...)`, whose data the RFC
/// elides.
const RFC2177: &[Ex] = &[
    c("3", "A001 SELECT INBOX", "Select"),
    s("3", "* FLAGS (Deleted Seen)", "Data(Flags"),
    s("3", "* 3 EXISTS", "Data(Exists(3))"),
    s("3", "* 0 RECENT", "Data(Recent(0))"),
    s(
        "3",
        "* OK [UIDVALIDITY 1]",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidValidity(",
    ),
    s("3", "A001 OK SELECT completed", "Status"),
    c("3", "A002 IDLE", "Idle"),
    s("3", "+ idling", "Continuation"),
    s("3", "* 4 EXISTS", "Data(Exists(4))"),
    done("3"),
    s("3", "A002 OK IDLE terminated", "Status"),
    c("3", "A003 FETCH 4 ALL", "Fetch"),
    s("3", "A003 OK FETCH completed", "Status"),
    c("3", "A004 IDLE", "Idle"),
    s("3", "* 2 EXPUNGE", "Data(Expunge(2))"),
    s("3", "* 3 EXISTS", "Data(Exists(3))"),
    s("3", "+ idling", "Continuation"),
    s("3", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("3", "* 2 EXISTS", "Data(Exists(2))"),
    s("3", "* 3 EXISTS", "Data(Exists(3))"),
    done("3"),
    s("3", "A004 OK IDLE terminated", "Status"),
    c("3", "A005 FETCH 3 ALL", "Fetch"),
    s("3", "A005 OK FETCH completed", "Status"),
    c("3", "A006 IDLE", "Idle"),
];

/// RFC 3691 (UNSELECT) §2.
const RFC3691: &[Ex] = &[
    c("2", "A341 UNSELECT", "Unselect"),
    s("2", "A341 OK Unselect completed", "Status"),
];

/// RFC 4315 (UIDPLUS) §2.1 and §3. The APPEND's message is the `C:` lines after its `{297}` line
/// joined with CRLF, the last (empty) `C:` line being the command's own CRLF.
const RFC4315: &[Ex] = &[
    c("2.1", "A003 UID EXPUNGE 3000:3002", "UidExpunge"),
    s("2.1", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("2.1", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("2.1", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("2.1", "A003 OK UID EXPUNGE completed", "Status"),
    c(
        "3",
        "A003 APPEND saved-messages (\\Seen) {297}\r\n\
         Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n\
         From: Fred Foobar <foobar@example.com>\r\n\
         Subject: afternoon meeting\r\n\
         To: mooch@example.com\r\n\
         Message-Id: <B27397-0100000@example.com>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\
         \r\n\
         Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
        "Append",
    ),
    s(
        "3",
        "A003 OK [APPENDUID 38505 3955] APPEND completed",
        "Status(StatusResponse { tag: Some(Tag(\"A003\")), kind: Ok, code: Some(AppendUid",
    ),
    c("3", "A004 COPY 2:4 meeting", "Copy"),
    s(
        "3",
        "A004 OK [COPYUID 38505 304,319:320 3956:3958] Done",
        "Status(StatusResponse { tag: Some(Tag(\"A004\")), kind: Ok, code: Some(CopyUid",
    ),
    c("3", "A005 UID COPY 305:310 meeting", "Copy { uid: true"),
    s(
        "3",
        "A005 OK No matching messages, so nothing copied",
        "Status",
    ),
    c("3", "A006 COPY 2 funny", "Copy"),
    s("3", "A006 OK Done", "Status"),
    c("3", "A007 SELECT funny", "Select"),
    s("3", "* 1 EXISTS", "Data(Exists(1))"),
    s("3", "* 1 RECENT", "Data(Recent(1))"),
    s("3", "* OK [UNSEEN 1] Message 1 is first unseen", "Status"),
    s(
        "3",
        "* OK [UIDVALIDITY 3857529045] Validity session-only",
        "Status",
    ),
    s("3", "* OK [UIDNEXT 2] Predicted next UID", "Status"),
    s(
        "3",
        "* NO [UIDNOTSTICKY] Non-persistent UIDs",
        "Status(StatusResponse { tag: None, kind: No, code: Some(Simple(UidNotSticky",
    ),
    s(
        "3",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "3",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen)] Limited",
        "Status",
    ),
    s("3", "A007 OK [READ-WRITE] SELECT completed", "Status"),
];

/// RFC 5161 (ENABLE) §3.1, both examples.
const RFC5161: &[Ex] = &[
    c("3.1", "t1 CAPABILITY", "Capability"),
    s(
        "3.1",
        "* CAPABILITY IMAP4rev1 ID LITERAL+ ENABLE X-GOOD-IDEA",
        "Data(Capability",
    ),
    s("3.1", "t1 OK foo", "Status"),
    c("3.1", "t2 ENABLE CONDSTORE X-GOOD-IDEA", "Enable"),
    s("3.1", "* ENABLED X-GOOD-IDEA", "Data(Enabled"),
    s("3.1", "t2 OK foo", "Status"),
    c("3.1", "t3 CAPABILITY", "Capability"),
    s(
        "3.1",
        "* CAPABILITY IMAP4rev1 ID LITERAL+ ENABLE X-GOOD-IDEA",
        "Data(Capability",
    ),
    s("3.1", "t3 OK foo again", "Status"),
    c("3.1", "a1 ENABLE CONDSTORE", "Enable"),
    s("3.1", "* ENABLED CONDSTORE", "Data(Enabled"),
    s("3.1", "a1 OK Conditional Store enabled", "Status"),
];

/// RFC 2342 (NAMESPACE) §5, examples 5.1 to 5.9, all their lines. The RFC wraps example 5.4's
/// NAMESPACE line between two namespace descriptions, which touch (as in 5.6), so that line is
/// joined without a space; 5.6's is joined with one. Example 5.5 prints two spaces between the
/// NILs, which the grammar does not allow; the parser takes them (servers copied the example)
/// and the encoder sends one.
const RFC2342: &[Ex] = &[
    c("5 ex. 5.1", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.1",
        "* NAMESPACE ((\"\" \"/\")) NIL NIL",
        "Data(Namespace",
    ),
    s("5 ex. 5.1", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.2", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.2",
        "* NAMESPACE NIL NIL ((\"\" \".\"))",
        "Data(Namespace",
    ),
    s("5 ex. 5.2", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.3", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.3",
        "* NAMESPACE ((\"\" \"/\")) NIL ((\"Public Folders/\" \"/\"))",
        "Data(Namespace",
    ),
    s("5 ex. 5.3", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.4", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.4",
        "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" \"/\")(\"#ftp/\" \"/\")(\"#news.\" \".\"))",
        "Data(Namespace",
    ),
    s("5 ex. 5.4", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.5", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.5",
        "* NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL",
        "Data(Namespace",
    )
    .canon("* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL"),
    s("5 ex. 5.5", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.5", "A002 CREATE \"INBOX.Sent Mail\"", "Create"),
    s("5 ex. 5.5", "A002 OK CREATE command completed", "Status"),
    c("5 ex. 5.6", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.6",
        "* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL",
        "Data(Namespace",
    ),
    s("5 ex. 5.6", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.6", "A002 CREATE \"Sent Mail\"", "Create"),
    s("5 ex. 5.6", "A002 OK CREATE command completed", "Status"),
    c("5 ex. 5.6", "A003 CREATE \"Delete Items\"", "Create"),
    s("5 ex. 5.6", "A003 OK CREATE command completed", "Status"),
    c("5 ex. 5.6", "A004 CREATE \"#mh/Deleted Items\"", "Create"),
    s("5 ex. 5.6", "A004 OK CREATE command completed", "Status"),
    c("5 ex. 5.7", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.7",
        "* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) NIL",
        "Data(Namespace",
    ),
    s("5 ex. 5.7", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.7", "A002 LIST \"\" \"Other Users/%\"", "List"),
    s(
        "5 ex. 5.7",
        "* LIST () \"/\" \"Other Users/Mike\"",
        "Data(List",
    ),
    s(
        "5 ex. 5.7",
        "* LIST () \"/\" \"Other Users/Karen\"",
        "Data(List",
    ),
    s(
        "5 ex. 5.7",
        "* LIST () \"/\" \"Other Users/Matthew\"",
        "Data(List",
    ),
    s(
        "5 ex. 5.7",
        "* LIST () \"/\" \"Other Users/Tesa\"",
        "Data(List",
    ),
    s("5 ex. 5.7", "A002 OK LIST command completed", "Status"),
    c("5 ex. 5.8", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.8",
        "* NAMESPACE ((\"\" \"/\")) ((\"#Users/\" \"/\")) NIL",
        "Data(Namespace",
    ),
    s("5 ex. 5.8", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.8", "A002 LIST \"\" \"#Users/%\"", "List"),
    s(
        "5 ex. 5.8",
        "A002 NO The requested item could not be found.",
        "Status",
    ),
    c("5 ex. 5.8", "A003 LIST \"\" \"#Users/Mike/%\"", "List"),
    s(
        "5 ex. 5.8",
        "* LIST () \"/\" \"#Users/Mike/INBOX\"",
        "Data(List",
    ),
    s(
        "5 ex. 5.8",
        "* LIST () \"/\" \"#Users/Mike/Foo\"",
        "Data(List",
    ),
    s("5 ex. 5.8", "A003 OK LIST command completed.", "Status"),
    c("5 ex. 5.9", "A001 NAMESPACE", "Namespace"),
    s(
        "5 ex. 5.9",
        "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) NIL",
        "Data(Namespace",
    ),
    s("5 ex. 5.9", "A001 OK NAMESPACE command completed", "Status"),
    c("5 ex. 5.9", "A002 LIST \"\" \"~mark/%\"", "List"),
    s("5 ex. 5.9", "* LIST () \"/\" \"~mark/INBOX\"", "Data(List"),
    s("5 ex. 5.9", "* LIST () \"/\" \"~mark/foo\"", "Data(List"),
    s("5 ex. 5.9", "A002 OK LIST command completed", "Status"),
];

/// RFC 2971 (ID) §3.1 and §3.2.
const RFC2971: &[Ex] = &[
    c(
        "3.1",
        "a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music Limited\")",
        "Id",
    ),
    s("3.1", "* ID NIL", "Data(Id(None))"),
    s("3.1", "a023 OK ID completed", "Status"),
    c("3.2", "a042 ID NIL", "Id { fields: None }"),
    s(
        "3.2",
        "* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" \"os-version\" \"5.5\" \"support-url\" \"mailto:cyrus-bugs+@andrew.cmu.edu\")",
        "Data(Id(Some",
    ),
    s("3.2", "a042 OK ID command completed", "Status"),
];

/// RFC 4959 (SASL-IR) §4, its four examples. The RFC notes the space after each `+`: an empty
/// challenge. The last example's empty `C:` line is an empty initial response.
const RFC4959: &[Ex] = &[
    c("4", "C01 CAPABILITY", "Capability"),
    s(
        "4",
        "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN",
        "Data(Capability",
    ),
    s("4", "C01 OK Completed", "Status"),
    c(
        "4",
        "A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=",
        "Authenticate",
    ),
    s("4", "A01 OK Success (tls protection)", "Status"),
    c("4", "C01 CAPABILITY", "Capability"),
    s(
        "4",
        "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN",
        "Data(Capability",
    ),
    s("4", "C01 OK Completed", "Status"),
    c("4", "A01 AUTHENTICATE PLAIN", "Authenticate"),
    s("4", "+ ", "Continuation"),
    auth("4", "dGVzdAB0ZXN0AHRlc3Q=", "Continue"),
    s("4", "A01 OK Success (tls protection)", "Status"),
    c("4", "C01 CAPABILITY", "Capability"),
    s(
        "4",
        "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=EXTERNAL",
        "Data(Capability",
    ),
    s("4", "C01 OK Completed", "Status"),
    c("4", "A01 AUTHENTICATE EXTERNAL =", "Authenticate"),
    s("4", "A01 OK Success (tls protection)", "Status"),
    c("4", "C01 CAPABILITY", "Capability"),
    s(
        "4",
        "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=EXTERNAL",
        "Data(Capability",
    ),
    s("4", "C01 OK Completed", "Status"),
    c("4", "A01 AUTHENTICATE EXTERNAL", "Authenticate"),
    s("4", "+ ", "Continuation"),
    auth("4", "", "Continue"),
    s("4", "A01 OK Success (tls protection)", "Status"),
];

/// RFC 7888 (LITERAL+ / LITERAL-) §3: one command with two non-synchronising literals, and the
/// same command with quoted strings.
const RFC7888: &[Ex] = &[
    c(
        "3",
        "A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man",
        "Login",
    ),
    s("3", "A001 OK LOGIN completed", "Status"),
    c("3", "A001 LOGIN \"FRED FOOBAR\" \"fat man\"", "Login"),
    s("3", "A001 OK LOGIN completed", "Status"),
];

#[test]
fn rfc2177_idle() {
    run("2177", RFC2177);
}

#[test]
fn rfc3691_unselect() {
    run("3691", RFC3691);
}

#[test]
fn rfc4315_uidplus() {
    run("4315", RFC4315);
}

#[test]
fn rfc5161_enable() {
    run("5161", RFC5161);
}

#[test]
fn rfc2342_namespace() {
    run("2342", RFC2342);
}

#[test]
fn rfc2971_id() {
    run("2971", RFC2971);
}

#[test]
fn rfc4959_sasl_ir() {
    run("4959", RFC4959);
}

#[test]
fn rfc7888_literal_plus() {
    run("7888", RFC7888);
}

/// RFC 6851 (MOVE) §3.3. Left out: the "(more expunges)" line.
const RFC6851: &[Ex] = &[
    c("3.3", "a UID MOVE 42:69 foo", "Move { uid: true"),
    s(
        "3.3",
        "* OK [COPYUID 432432 42:69 1202:1229]",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(CopyUid",
    ),
    s("3.3", "* 22 EXPUNGE", "Data(Expunge(22))"),
    s("3.3", "a OK Done", "Status"),
];

/// RFC 7162 (CONDSTORE, QRESYNC), all its examples, cited by section and (where the RFC numbers
/// them) example number. Lines the RFC wraps are joined with one space, except inside B04's
/// sequence-match sets, which the RFC breaks after a comma, so there they are joined without
/// one. Left out: the lines the RFC elides (`...`, `[...]`, and A04's `* VANISHED (EARLIER)
/// 1:2,4:5,...,[...],` whose set is cut), and §3.1.3's `e105 STORE ...`, prose rather than a
/// `C:` line. Where the encoder's bytes differ from the RFC's: system flags are case-insensitive
/// and sent in RFC 3501's spelling (`\SEEN` as `\Seen`), a single FETCH attribute in
/// parentheses is sent bare, and STORE flags given without parentheses are sent as a list.
const RFC7162: &[Ex] = &[
    c("3.1.2.1 ex. 1", "A142 SELECT INBOX", "Select"),
    s("3.1.2.1 ex. 1", "* 172 EXISTS", "Data(Exists(172))"),
    s("3.1.2.1 ex. 1", "* 1 RECENT", "Data(Recent(1))"),
    s(
        "3.1.2.1 ex. 1",
        "* OK [UNSEEN 12] Message 12 is first unseen",
        "Status",
    ),
    s(
        "3.1.2.1 ex. 1",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status",
    ),
    s(
        "3.1.2.1 ex. 1",
        "* OK [UIDNEXT 4392] Predicted next UID",
        "Status",
    ),
    s(
        "3.1.2.1 ex. 1",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "3.1.2.1 ex. 1",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "Status",
    ),
    s(
        "3.1.2.1 ex. 1",
        "* OK [HIGHESTMODSEQ 715194045007]",
        "Status",
    ),
    s(
        "3.1.2.1 ex. 1",
        "A142 OK [READ-WRITE] SELECT completed",
        "Status",
    ),
    c("3.1.2.2 ex. 2", "A142 SELECT INBOX", "Select"),
    s("3.1.2.2 ex. 2", "* 172 EXISTS", "Data(Exists(172))"),
    s("3.1.2.2 ex. 2", "* 1 RECENT", "Data(Recent(1))"),
    s(
        "3.1.2.2 ex. 2",
        "* OK [UNSEEN 12] Message 12 is first unseen",
        "Status",
    ),
    s(
        "3.1.2.2 ex. 2",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status",
    ),
    s(
        "3.1.2.2 ex. 2",
        "* OK [UIDNEXT 4392] Predicted next UID",
        "Status",
    ),
    s(
        "3.1.2.2 ex. 2",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "3.1.2.2 ex. 2",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "Status",
    ),
    s(
        "3.1.2.2 ex. 2",
        "* OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences",
        "Status",
    ),
    s(
        "3.1.2.2 ex. 2",
        "A142 OK [READ-WRITE] SELECT completed",
        "Status",
    ),
    c(
        "3.1.3 ex. 3",
        "a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)",
        "Store { uid: true",
    ),
    s(
        "3.1.3 ex. 3",
        "* 1 FETCH (UID 4 MODSEQ (12121231000))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 3",
        "* 2 FETCH (UID 6 MODSEQ (12121230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 3",
        "* 4 FETCH (UID 8 MODSEQ (12121230956))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 3",
        "a103 OK Conditional Store completed",
        "Status",
    ),
    c(
        "3.1.3 ex. 4",
        "a104 STORE * (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted $Processed)",
        "Store",
    ),
    s(
        "3.1.3 ex. 4",
        "* 50 FETCH (MODSEQ (12111230047))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 4",
        "a104 OK Store (conditional) completed",
        "Status",
    ),
    c(
        "3.1.3 ex. 5",
        "c101 STORE 50 (UNCHANGEDSINCE 12121230045) -FLAGS.SILENT (\\Deleted)",
        "Store",
    ),
    s("3.1.3 ex. 5", "* OK [HIGHESTMODSEQ 12111230047]", "Status"),
    s(
        "3.1.3 ex. 5",
        "* 50 FETCH (MODSEQ (12111230048))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 5",
        "c101 OK Store (conditional) completed",
        "Status",
    ),
    c(
        "3.1.3 ex. 6",
        "d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
        "Store",
    ),
    s(
        "3.1.3 ex. 6",
        "* 5 FETCH (MODSEQ (320162350))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 6",
        "d105 OK [MODIFIED 7,9] Conditional STORE failed",
        "Status",
    ),
    c(
        "3.1.3 ex. 7",
        "d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
        "Store",
    ),
    s(
        "3.1.3 ex. 7",
        "* 7 FETCH (MODSEQ (320162342) FLAGS (\\Seen \\Deleted))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 7",
        "* 5 FETCH (MODSEQ (320162350))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 7",
        "* 9 FETCH (MODSEQ (320162349) FLAGS (\\Answered))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 7",
        "d105 OK [MODIFIED 7,9] Conditional STORE failed",
        "Status",
    ),
    c(
        "3.1.3 ex. 8",
        "a102 STORE 12 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)",
        "Store",
    ),
    s(
        "3.1.3 ex. 8",
        "a102 OK [MODIFIED 12] Conditional STORE failed",
        "Status",
    ),
    c(
        "3.1.3 ex. 9",
        "a106 STORE 100:150 (UNCHANGEDSINCE 212030000000) +FLAGS.SILENT ($Processed)",
        "Store",
    ),
    s(
        "3.1.3 ex. 9",
        "* 100 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 9",
        "* 102 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 9",
        "* 150 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 9",
        "a106 OK [MODIFIED 101] Conditional STORE failed",
        "Status",
    ),
    c("3.1.3 ex. 9", "a107 NOOP", "Noop"),
    s(
        "3.1.3 ex. 9",
        "* 101 FETCH (MODSEQ (303011130956) FLAGS ($Processed))",
        "Data(Fetch",
    ),
    s("3.1.3 ex. 9", "a107 OK", "Status"),
    c("3.1.3 ex. 9", "b107 NOOP", "Noop"),
    s(
        "3.1.3 ex. 9",
        "* 101 FETCH (MODSEQ (303011130956) FLAGS (\\Deleted \\Answered))",
        "Data(Fetch",
    ),
    s("3.1.3 ex. 9", "b107 OK", "Status"),
    c(
        "3.1.3 ex. 9",
        "b108 STORE 101 (UNCHANGEDSINCE 303011130956) +FLAGS.SILENT ($Processed)",
        "Store",
    ),
    s(
        "3.1.3 ex. 9",
        "* 101 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 9",
        "b108 OK Conditional Store completed",
        "Status",
    ),
    c(
        "3.1.3 ex. 10",
        "a106 STORE 100:150 (UNCHANGEDSINCE 212030000000) +FLAGS.SILENT ($Processed)",
        "Store",
    ),
    s(
        "3.1.3 ex. 10",
        "* 100 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 101 FETCH (MODSEQ (303011130956) FLAGS ($Processed))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 102 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 150 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "a106 OK [MODIFIED 101] Conditional STORE failed",
        "Status",
    ),
    c(
        "3.1.3 ex. 10",
        "a106 STORE 100:150 (UNCHANGEDSINCE 212030000000) +FLAGS.SILENT ($Processed)",
        "Store",
    ),
    s(
        "3.1.3 ex. 10",
        "* 100 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 101 FETCH (MODSEQ (303011130956) FLAGS (\\Deleted \\Answered))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 102 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 150 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "a106 OK [MODIFIED 101] Conditional STORE failed",
        "Status",
    ),
    c(
        "3.1.3 ex. 10",
        "b108 STORE 101 (UNCHANGEDSINCE 303011130956) +FLAGS.SILENT ($Processed)",
        "Store",
    ),
    s(
        "3.1.3 ex. 10",
        "* 101 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "b108 OK Conditional Store completed",
        "Status",
    ),
    c(
        "3.1.3 ex. 10",
        "a106 STORE 100:150 (UNCHANGEDSINCE 212030000000) +FLAGS.SILENT ($Processed)",
        "Store",
    ),
    s(
        "3.1.3 ex. 10",
        "* 100 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 101 FETCH (MODSEQ (303011130956) FLAGS ($Processed \\Deleted \\Answered))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 102 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "* 150 FETCH (MODSEQ (303181230852))",
        "Data(Fetch",
    ),
    s(
        "3.1.3 ex. 10",
        "a106 OK Conditional STORE completed",
        "Status",
    ),
    c(
        "3.1.3 ex. 11",
        "B001 STORE 1:7 (UNCHANGEDSINCE 320172338) +FLAGS (\\SEEN)",
        "Store",
    )
    .canon("B001 STORE 1:7 (UNCHANGEDSINCE 320172338) +FLAGS (\\Seen)"),
    s(
        "3.1.3 ex. 11",
        "* 1 FETCH (MODSEQ (320172342) FLAGS (\\SEEN))",
        "Data(Fetch",
    )
    .canon("* 1 FETCH (MODSEQ (320172342) FLAGS (\\Seen))"),
    s(
        "3.1.3 ex. 11",
        "* 3 FETCH (MODSEQ (320172342) FLAGS (\\SEEN))",
        "Data(Fetch",
    )
    .canon("* 3 FETCH (MODSEQ (320172342) FLAGS (\\Seen))"),
    s(
        "3.1.3 ex. 11",
        "B001 NO [MODIFIED 2] Some of the messages no longer exist.",
        "Status",
    ),
    c("3.1.3 ex. 11", "B002 NOOP", "Noop"),
    s("3.1.3 ex. 11", "* 4 EXPUNGE", "Data(Expunge(4))"),
    s("3.1.3 ex. 11", "* 4 EXPUNGE", "Data(Expunge(4))"),
    s("3.1.3 ex. 11", "* 4 EXPUNGE", "Data(Expunge(4))"),
    s("3.1.3 ex. 11", "* 4 EXPUNGE", "Data(Expunge(4))"),
    s(
        "3.1.3 ex. 11",
        "* 2 FETCH (MODSEQ (320172340) FLAGS (\\Deleted \\Answered))",
        "Data(Fetch",
    ),
    s("3.1.3 ex. 11", "B002 OK NOOP Completed.", "Status"),
    c(
        "3.1.3 ex. 11",
        "b003 STORE 2 (UNCHANGEDSINCE 320172340) +FLAGS (\\Seen)",
        "Store",
    ),
    s(
        "3.1.3 ex. 11",
        "* 2 FETCH (MODSEQ (320180050) FLAGS (\\SEEN \\Flagged))",
        "Data(Fetch",
    )
    .canon("* 2 FETCH (MODSEQ (320180050) FLAGS (\\Seen \\Flagged))"),
    s(
        "3.1.3 ex. 11",
        "b003 OK Conditional Store completed",
        "Status",
    ),
    c(
        "3.1.4.1 ex. 12",
        "s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)",
        "Fetch { uid: true",
    )
    .canon("s100 UID FETCH 1:* FLAGS (CHANGEDSINCE 12345)"),
    s(
        "3.1.4.1 ex. 12",
        "* 1 FETCH (UID 4 MODSEQ (65402) FLAGS (\\Seen))",
        "Data(Fetch",
    ),
    s(
        "3.1.4.1 ex. 12",
        "* 2 FETCH (UID 6 MODSEQ (75403) FLAGS (\\Deleted))",
        "Data(Fetch",
    ),
    s(
        "3.1.4.1 ex. 12",
        "* 4 FETCH (UID 8 MODSEQ (29738) FLAGS ($NoJunk $AutoJunk $MDNSent))",
        "Data(Fetch",
    ),
    s("3.1.4.1 ex. 12", "s100 OK FETCH completed", "Status"),
    c("3.1.4.2 ex. 13", "a FETCH 1:3 (MODSEQ)", "Fetch").canon("a FETCH 1:3 MODSEQ"),
    s(
        "3.1.4.2 ex. 13",
        "* 1 FETCH (MODSEQ (624140003))",
        "Data(Fetch",
    ),
    s(
        "3.1.4.2 ex. 13",
        "* 2 FETCH (MODSEQ (624140007))",
        "Data(Fetch",
    ),
    s(
        "3.1.4.2 ex. 13",
        "* 3 FETCH (MODSEQ (624140005))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 13", "a OK Fetch complete", "Status"),
    c("3.1.4.2 ex. 14", "A142 SELECT INBOX", "Select"),
    s(
        "3.1.4.2 ex. 14",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "3.1.4.2 ex. 14",
        "* OK [PERMANENTFLAGS (\\Answered \\Deleted \\Seen \\*)] Limited",
        "Status",
    ),
    c(
        "3.1.4.2 ex. 14",
        "A160 STORE 7 +FLAGS.SILENT (\\Deleted)",
        "Store",
    ),
    s(
        "3.1.4.2 ex. 14",
        "* 7 FETCH (MODSEQ (2121231000))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 14", "A160 OK Store completed", "Status"),
    c("3.1.4.2 ex. 14", "C180 NOOP", "Noop"),
    s(
        "3.1.4.2 ex. 14",
        "* 7 FETCH (FLAGS (\\Deleted \\Answered) MODSEQ (12121231000))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 14", "C180 OK Noop completed", "Status"),
    c("3.1.4.2 ex. 14", "D210 NOOP", "Noop"),
    s(
        "3.1.4.2 ex. 14",
        "* 7 FETCH (FLAGS (\\Deleted \\Answered) MODSEQ (12121231000))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 14", "D210 OK Noop completed", "Status"),
    c(
        "3.1.4.2 ex. 14",
        "A240 STORE 7 +FLAGS.SILENT (\\Seen)",
        "Store",
    ),
    s(
        "3.1.4.2 ex. 14",
        "* 7 FETCH (MODSEQ (12121231777))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 14", "A240 OK Store completed", "Status"),
    c("3.1.4.2 ex. 14", "C270 NOOP", "Noop"),
    s(
        "3.1.4.2 ex. 14",
        "* 7 FETCH (FLAGS (\\Deleted \\Answered \\Seen) MODSEQ (12121231777))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 14", "C270 OK Noop completed", "Status"),
    c("3.1.4.2 ex. 14", "D300 NOOP", "Noop"),
    s("3.1.4.2 ex. 14", "D300 OK Noop completed", "Status"),
    c(
        "3.1.4.2 ex. 14",
        "A330 STORE 7 -FLAGS.SILENT (\\Answered \\Seen)",
        "Store",
    ),
    s(
        "3.1.4.2 ex. 14",
        "* 7 FETCH (MODSEQ (12121245160))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 14", "A330 OK Store completed", "Status"),
    c("3.1.4.2 ex. 14", "C360 NOOP", "Noop"),
    s(
        "3.1.4.2 ex. 14",
        "* 7 FETCH (FLAGS (\\Deleted) MODSEQ (12121245160))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 14", "C360 OK Noop completed", "Status"),
    c("3.1.4.2 ex. 14", "D390 NOOP", "Noop"),
    s(
        "3.1.4.2 ex. 14",
        "* 7 FETCH (FLAGS (\\Deleted) MODSEQ (12121245160))",
        "Data(Fetch",
    ),
    s("3.1.4.2 ex. 14", "D390 OK Noop completed", "Status"),
    c(
        "3.1.5 ex. 15",
        "a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338",
        "Search",
    ),
    s(
        "3.1.5 ex. 15",
        "* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)",
        "Data(Search",
    ),
    s("3.1.5 ex. 15", "a OK Search complete", "Status"),
    c(
        "3.1.5 ex. 16",
        "t SEARCH OR NOT MODSEQ 720162338 LARGER 50000",
        "Search",
    ),
    s("3.1.5 ex. 16", "* SEARCH", "Data(Search"),
    s(
        "3.1.5 ex. 16",
        "t OK Search complete, nothing found",
        "Status",
    ),
    c(
        "3.1.7 ex. 17",
        "A042 STATUS blurdybloop (UIDNEXT MESSAGES HIGHESTMODSEQ)",
        "Status",
    ),
    s(
        "3.1.7 ex. 17",
        "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292 HIGHESTMODSEQ 7011231777)",
        "Data(Status",
    ),
    s("3.1.7 ex. 17", "A042 OK STATUS completed", "Status"),
    c("3.1.8 ex. 18", "A142 SELECT INBOX (CONDSTORE)", "Select"),
    s("3.1.8 ex. 18", "* 172 EXISTS", "Data(Exists(172))"),
    s("3.1.8 ex. 18", "* 1 RECENT", "Data(Recent(1))"),
    s(
        "3.1.8 ex. 18",
        "* OK [UNSEEN 12] Message 12 is first unseen",
        "Status",
    ),
    s(
        "3.1.8 ex. 18",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status",
    ),
    s(
        "3.1.8 ex. 18",
        "* OK [UIDNEXT 4392] Predicted next UID",
        "Status",
    ),
    s(
        "3.1.8 ex. 18",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "3.1.8 ex. 18",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "Status",
    ),
    s(
        "3.1.8 ex. 18",
        "* OK [HIGHESTMODSEQ 715194045007]",
        "Status",
    ),
    s(
        "3.1.8 ex. 18",
        "A142 OK [READ-WRITE] SELECT completed, CONDSTORE is now enabled",
        "Status",
    ),
    c(
        "3.1.10 ex. 19",
        "a SEARCH RETURN (ALL) MODSEQ 1234",
        "Search",
    ),
    s(
        "3.1.10 ex. 19",
        "* ESEARCH (TAG \"a\") ALL 1:3,5 MODSEQ 1236",
        "Data(ESearch",
    ),
    s("3.1.10 ex. 19", "a OK Extended SEARCH completed", "Status"),
    c(
        "3.1.10 ex. 20",
        "a SORT RETURN (ALL) (DATE) UTF-8 MODSEQ 1234",
        "",
    ),
    s(
        "3.1.10 ex. 20",
        "* ESEARCH (TAG \"a\") ALL 5,3,2,1 MODSEQ 1236",
        "Data(ESearch",
    ),
    s("3.1.10 ex. 20", "a OK Extended SORT completed", "Status"),
    c(
        "3.1.12",
        "a106 STORE 100:150 (UNCHANGEDSINCE 212030000000) +FLAGS.SILENT ($Processed)",
        "Store",
    ),
    s(
        "3.1.12",
        "* 101 FETCH (MODSEQ (303011130956) FLAGS ($Processed \\Deleted \\Answered))",
        "Data(Fetch",
    ),
    c(
        "3.2.5",
        "A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))",
        "Select",
    ),
    s("3.2.5", "* 464 EXISTS", "Data(Exists(464))"),
    s("3.2.5", "* 3 RECENT", "Data(Recent(3))"),
    s(
        "3.2.5",
        "* OK [UIDVALIDITY 3857529045] UIDVALIDITY",
        "Status",
    ),
    s("3.2.5", "* OK [UIDNEXT 550] Predicted next UID", "Status"),
    s(
        "3.2.5",
        "* OK [HIGHESTMODSEQ 90060128194045007] Highest mailbox mod-sequence",
        "Status",
    ),
    s(
        "3.2.5",
        "* OK [UNSEEN 12] Message 12 is first unseen",
        "Status",
    ),
    s(
        "3.2.5",
        "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen)",
        "Data(Flags",
    ),
    s(
        "3.2.5",
        "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen \\*)] Permanent flags",
        "Status",
    ),
    s(
        "3.2.5",
        "A02 OK [READ-WRITE] Sorry, UIDVALIDITY mismatch",
        "Status",
    ),
    c(
        "3.2.5.1",
        "A03 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541))",
        "Select",
    ),
    s("3.2.5.1", "* OK [CLOSED]", "Status"),
    s("3.2.5.1", "* 100 EXISTS", "Data(Exists(100))"),
    s("3.2.5.1", "* 11 RECENT", "Data(Recent(11))"),
    s(
        "3.2.5.1",
        "* OK [UIDVALIDITY 67890007] UIDVALIDITY",
        "Status",
    ),
    s("3.2.5.1", "* OK [UIDNEXT 600] Predicted next UID", "Status"),
    s(
        "3.2.5.1",
        "* OK [HIGHESTMODSEQ 90060115205545359] Highest mailbox mod-sequence",
        "Status",
    ),
    s(
        "3.2.5.1",
        "* OK [UNSEEN 7] There are some unseen messages in the mailbox",
        "Status",
    ),
    s(
        "3.2.5.1",
        "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen)",
        "Data(Flags",
    ),
    s(
        "3.2.5.1",
        "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen \\*)] Permanent flags",
        "Status",
    ),
    s(
        "3.2.5.1",
        "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540",
        "Data(Vanished",
    ),
    s(
        "3.2.5.1",
        "* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))",
        "Data(Fetch",
    ),
    s(
        "3.2.5.1",
        "* 50 FETCH (UID 119 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045308))",
        "Data(Fetch",
    ),
    s(
        "3.2.5.1",
        "* 51 FETCH (UID 541 FLAGS (\\Seen $Forwarded) MODSEQ (90060115194045001))",
        "Data(Fetch",
    ),
    s("3.2.5.1", "A03 OK [READ-WRITE] mailbox selected", "Status"),
    c(
        "3.2.5.2",
        "A04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997))",
        "Select",
    ),
    s("3.2.5.2", "* 10003 EXISTS", "Data(Exists(10003))"),
    s("3.2.5.2", "* 4 RECENT", "Data(Recent(4))"),
    s(
        "3.2.5.2",
        "* OK [UIDVALIDITY 67890007] UIDVALIDITY",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* OK [UIDNEXT 30013] Predicted next UID",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* OK [HIGHESTMODSEQ 90060115205545359] Highest mailbox mod-sequence",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* OK [UNSEEN 7] There are some unseen messages in the mailbox",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen)",
        "Data(Flags",
    ),
    s(
        "3.2.5.2",
        "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen \\*)] Permanent flags",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* 1 FETCH (UID 3 FLAGS (\\Seen \\Answered $Important) MODSEQ (90060115194045001))",
        "Data(Fetch",
    ),
    s(
        "3.2.5.2",
        "* 9889 FETCH (UID 29667 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045027))",
        "Data(Fetch",
    ),
    s(
        "3.2.5.2",
        "* 9890 FETCH (UID 29670 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045028))",
        "Data(Fetch",
    ),
    s(
        "3.2.5.2",
        "* 9999 FETCH (UID 29997 FLAGS (\\Seen $Forwarded) MODSEQ (90060115194045031))",
        "Data(Fetch",
    ),
    s("3.2.5.2", "A04 OK [READ-WRITE] mailbox selected", "Status"),
    c(
        "3.2.5.2",
        "B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))",
        "Select",
    ),
    s("3.2.5.2", "* 10003 EXISTS", "Data(Exists(10003))"),
    s("3.2.5.2", "* 4 RECENT", "Data(Recent(4))"),
    s(
        "3.2.5.2",
        "* OK [UIDVALIDITY 67890007] UIDVALIDITY",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* OK [UIDNEXT 30013] Predicted next UID",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* OK [HIGHESTMODSEQ 90060115205545359] Highest mailbox mod- sequence",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* OK [UNSEEN 7] There are some unseen messages in the mailbox",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen)",
        "Data(Flags",
    ),
    s(
        "3.2.5.2",
        "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen \\*)] Permanent flags",
        "Status",
    ),
    s(
        "3.2.5.2",
        "* 1 FETCH (UID 3 FLAGS (\\Seen \\Answered $Important) MODSEQ (90060115194045001))",
        "Data(Fetch",
    ),
    s(
        "3.2.5.2",
        "* 9889 FETCH (UID 29667 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045027))",
        "Data(Fetch",
    ),
    s(
        "3.2.5.2",
        "* 9890 FETCH (UID 29670 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045028))",
        "Data(Fetch",
    ),
    s(
        "3.2.5.2",
        "* 9999 FETCH (UID 29997 FLAGS (\\Seen $Forwarded) MODSEQ (90060115194045031))",
        "Data(Fetch",
    ),
    s("3.2.5.2", "B04 OK [READ-WRITE] mailbox selected", "Status"),
    c(
        "3.2.6 ex. 1",
        "s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345)",
        "Fetch { uid: true",
    )
    .canon("s100 UID FETCH 300:500 FLAGS (CHANGEDSINCE 12345)"),
    s(
        "3.2.6 ex. 1",
        "* 1 FETCH (UID 404 MODSEQ (65402) FLAGS (\\Seen))",
        "Data(Fetch",
    ),
    s(
        "3.2.6 ex. 1",
        "* 2 FETCH (UID 406 MODSEQ (75403) FLAGS (\\Deleted))",
        "Data(Fetch",
    ),
    s(
        "3.2.6 ex. 1",
        "* 4 FETCH (UID 408 MODSEQ (29738) FLAGS ($NoJunk $AutoJunk $MDNSent))",
        "Data(Fetch",
    ),
    s("3.2.6 ex. 1", "s100 OK FETCH completed", "Status"),
    c(
        "3.2.6 ex. 1",
        "s101 UID SEARCH 300:500",
        "Search { uid: true",
    ),
    s(
        "3.2.6 ex. 1",
        "* SEARCH 404 406 407 408 410 412",
        "Data(Search",
    ),
    s("3.2.6 ex. 1", "s101 OK search completed", "Status"),
    c(
        "3.2.6 ex. 1",
        "s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)",
        "Fetch { uid: true",
    )
    .canon("s100 UID FETCH 300:500 FLAGS (CHANGEDSINCE 12345 VANISHED)"),
    s(
        "3.2.6 ex. 1",
        "* VANISHED (EARLIER) 300:310,405,411",
        "Data(Vanished",
    ),
    s(
        "3.2.6 ex. 1",
        "* 1 FETCH (UID 404 MODSEQ (65402) FLAGS (\\Seen))",
        "Data(Fetch",
    ),
    s(
        "3.2.6 ex. 1",
        "* 2 FETCH (UID 406 MODSEQ (75403) FLAGS (\\Deleted))",
        "Data(Fetch",
    ),
    s(
        "3.2.6 ex. 1",
        "* 4 FETCH (UID 408 MODSEQ (29738) FLAGS ($NoJunk $AutoJunk $MDNSent))",
        "Data(Fetch",
    ),
    s("3.2.6 ex. 1", "s100 OK FETCH completed", "Status"),
    c("3.2.7", "A202 EXPUNGE", "Expunge"),
    s("3.2.7", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("3.2.7", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("3.2.7", "* 5 EXPUNGE", "Data(Expunge(5))"),
    s("3.2.7", "* 8 EXPUNGE", "Data(Expunge(8))"),
    s(
        "3.2.7",
        "A202 OK [HIGHESTMODSEQ 20010715194045319] expunged",
        "Status",
    ),
    c("3.2.7", "B202 EXPUNGE", "Expunge"),
    s("3.2.7", "* VANISHED 405,407,410,425", "Data(Vanished"),
    s(
        "3.2.7",
        "B202 OK [HIGHESTMODSEQ 20010715194045319] expunged",
        "Status",
    ),
    c("3.2.8", "A202 CLOSE", ""),
    s("3.2.8", "A202 OK done", "Status"),
    c("3.2.9", ". UID EXPUNGE 3000:3002", "UidExpunge"),
    s("3.2.9", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("3.2.9", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("3.2.9", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s(
        "3.2.9",
        ". OK [HIGHESTMODSEQ 20010715194045319] Ok",
        "Status",
    ),
    c("3.2.10.2", "A202 EXPUNGE", "Expunge"),
    s("3.2.10.2", "* VANISHED 505,507,510,625", "Data(Vanished"),
    s("3.2.10.2", "A202 OK EXPUNGE completed", "Status"),
    c("3.2.10.2", "A202 EXPUNGE", "Expunge"),
    s("3.2.10.2", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("3.2.10.2", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("3.2.10.2", "* 5 EXPUNGE", "Data(Expunge(5))"),
    s("3.2.10.2", "* 8 EXPUNGE", "Data(Expunge(8))"),
    s("3.2.10.2", "A202 OK EXPUNGE completed", "Status"),
    c("3.2.10.2", "A210 EXPUNGE", "Expunge"),
    s("3.2.10.2", "* VANISHED 504,508", "Data(Vanished"),
    s("3.2.10.2", "A210 OK EXPUNGE completed", "Status"),
    s("3.2.10.2", "* VANISHED 1", "Data(Vanished"),
    s("3.2.10.2", "* VANISHED 3", "Data(Vanished"),
    s("3.2.10.2", "* VANISHED 5", "Data(Vanished"),
    c(
        "6",
        "A150 STORE 1:2 (UNCHANGEDSINCE 96) +FLAGS.SILENT \\Seen",
        "Store",
    )
    .canon("A150 STORE 1:2 (UNCHANGEDSINCE 96) +FLAGS.SILENT (\\Seen)"),
    s("6", "* 1 FETCH (UID 6 MODSEQ (103))", "Data(Fetch"),
    s("6", "* 2 FETCH (UID 7 MODSEQ (101))", "Data(Fetch"),
    s(
        "6",
        "* OK [HIGHESTMODSEQ 99] VANISHED reply with MODSEQ 100 is delayed",
        "Status",
    ),
    s("6", "A150 OK [MODIFIED 3] done", "Status"),
    c("6", "A151 STORE 3 +FLAGS.SILENT \\Seen", "Store")
        .canon("A151 STORE 3 +FLAGS.SILENT (\\Seen)"),
    s("6", "* 3 FETCH (UID 8 MODSEQ (104))", "Data(Fetch"),
    s(
        "6",
        "A151 OK [HIGHESTMODSEQ 99] Still delaying VANISHED",
        "Status",
    ),
    c("6", "A152 NOOP", "Noop"),
    s("6", "* VANISHED 8", "Data(Vanished"),
    s("6", "A153 OK [HIGHESTMODSEQ 104] done", "Status"),
    c(
        "6",
        "A142 SELECT INBOX (QRESYNC (3857529045 20010715194032001 1:198))",
        "Select",
    ),
    s("6", "* 172 EXISTS", "Data(Exists(172))"),
    s("6", "* 1 RECENT", "Data(Recent(1))"),
    s("6", "* OK [UNSEEN 12] Message 12 is first unseen", "Status"),
    s("6", "* OK [UIDVALIDITY 3857529045] UIDs valid", "Status"),
    s("6", "* OK [UIDNEXT 201] Predicted next UID", "Status"),
    s(
        "6",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "6",
        "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "Status",
    ),
    s(
        "6",
        "* OK [HIGHESTMODSEQ 20010715194045007] Highest mailbox mod-sequence",
        "Status",
    ),
    s("6", "* VANISHED (EARLIER) 1:5,7:8,10:15", "Data(Vanished"),
    s(
        "6",
        "* 2 FETCH (UID 6 MODSEQ (20010715205008000) FLAGS (\\Deleted))",
        "Data(Fetch",
    ),
    s(
        "6",
        "* 5 FETCH (UID 9 MODSEQ (20010715195517000) FLAGS ($NoJunk $AutoJunk $MDNSent))",
        "Data(Fetch",
    ),
    s("6", "A142 OK [READ-WRITE] SELECT completed", "Status"),
];

/// RFC 4731 (ESEARCH) §3.1 and §3.2, all their examples (wrapped command lines joined).
const RFC4731: &[Ex] = &[
    c(
        "3.1",
        "A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([Min, Count])",
    ),
    s(
        "3.1",
        "* ESEARCH (TAG \"A282\") MIN 2 COUNT 3",
        "Data(ESearch",
    ),
    s("3.1", "A282 OK SEARCH completed", "Status"),
    c(
        "3.1",
        "A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search { uid: false, returns: Some([])",
    ),
    s(
        "3.1",
        "* ESEARCH (TAG \"A283\") ALL 2,10:11",
        "Data(ESearch",
    ),
    s("3.1", "A283 OK SEARCH completed", "Status"),
    c("3.1", "A284 SEARCH RETURN (MIN) UNSEEN", "Search"),
    s("3.1", "* ESEARCH (TAG \"A284\") MIN 4", "Data(ESearch"),
    s("3.1", "A284 OK SEARCH completed", "Status"),
    c(
        "3.1",
        "A285 UID SEARCH RETURN (MIN MAX) 1:5000",
        "Search { uid: true",
    ),
    s(
        "3.1",
        "* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800",
        "Data(ESearch",
    ),
    s("3.1", "A285 OK SEARCH completed", "Status"),
    c("3.1", "A286 SEARCH RETURN (COUNT) DELETED", "Search"),
    s("3.1", "* ESEARCH (TAG \"A286\") COUNT 15", "Data(ESearch"),
    s("3.1", "A286 OK SEARCH completed", "Status"),
    c(
        "3.2",
        "a1 SEARCH RETURN (MIN) MODSEQ \"/flags/\\\\draft\" all 620162338",
        "Search",
    ),
    s(
        "3.2",
        "* ESEARCH (TAG \"a1\") MIN 2 MODSEQ 917162488",
        "Data(ESearch",
    ),
    s("3.2", "a1 OK Search complete", "Status"),
    c(
        "3.2",
        "a2 SEARCH RETURN (MAX) MODSEQ \"/flags/\\\\draft\" all 620162338",
        "Search",
    ),
    s(
        "3.2",
        "* ESEARCH (TAG \"a2\") MAX 23 MODSEQ 907162321",
        "Data(ESearch",
    ),
    s("3.2", "a2 OK Search complete", "Status"),
    c(
        "3.2",
        "a3 SEARCH RETURN (MIN MAX) MODSEQ \"/flags/\\\\draft\" all 620162338",
        "Search",
    ),
    s(
        "3.2",
        "* ESEARCH (TAG \"a3\") MIN 2 MAX 23 MODSEQ 917162488",
        "Data(ESearch",
    ),
    s("3.2", "a3 OK Search complete", "Status"),
    c(
        "3.2",
        "a4 SEARCH RETURN (MIN COUNT) MODSEQ \"/flags/\\\\draft\" all 620162338",
        "Search",
    ),
    s(
        "3.2",
        "* ESEARCH (TAG \"a4\") MIN 2 COUNT 10 MODSEQ 917162500",
        "Data(ESearch",
    ),
    s("3.2", "a4 OK Search complete", "Status"),
];

#[test]
fn rfc6851_move() {
    run("6851", RFC6851);
}

#[test]
fn rfc7162_condstore_qresync() {
    run("7162", RFC7162);
}

#[test]
fn rfc4731_esearch() {
    run("4731", RFC4731);
}

/// RFC 5182 (SEARCHRES) §2.2 to §2.4, examples 1 to 10 (wrapped command lines joined; a
/// literal's data, the RFC's placeholder octets, follows its `{n}` line). Left out: the FETCH
/// answers the RFC elides (`* 2 FETCH (UID 14 ...`) and its `//` comments. `B283 NO
/// [BADCHARSET UTF-8] ...` gives the charset without the parentheses RFC 3501's grammar
/// requires; it is read as a list of one and sent back with them (RFC 9051 §6.4.4.4 repeats the
/// example). `+FLAGS.Silent` is case-insensitive and the encoder sends it uppercase.
const RFC5182: &[Ex] = &[
    c(
        "2.2 ex. 1",
        "A282 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search",
    ),
    s(
        "2.2 ex. 1",
        "A282 OK SEARCH completed, result saved",
        "Status",
    ),
    c(
        "2.2 ex. 1",
        "A283 FETCH $ (UID INTERNALDATE FLAGS RFC822.HEADER)",
        "Fetch",
    ),
    s("2.2 ex. 1", "A283 OK completed", "Status"),
    c(
        "2.2 ex. 2",
        "A282 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search",
    ),
    c(
        "2.2 ex. 2",
        "A283 FETCH $ (UID INTERNALDATE FLAGS RFC822.HEADER)",
        "Fetch",
    ),
    s("2.2 ex. 2", "A282 OK SEARCH completed", "Status"),
    s("2.2 ex. 2", "A283 OK completed", "Status"),
    c(
        "2.2 ex. 3",
        "A300 SEARCH RETURN (SAVE) SINCE 1-Jan-2004 NOT FROM \"Smith\"",
        "Search",
    ),
    s("2.2 ex. 3", "A300 OK SEARCH completed", "Status"),
    c(
        "2.2 ex. 3",
        "A301 UID SEARCH UID $ SMALLER 4096",
        "Search { uid: true",
    ),
    s("2.2 ex. 3", "* SEARCH 17 900 901", "Data(Search"),
    s("2.2 ex. 3", "A301 OK completed", "Status"),
    c(
        "2.2 ex. 3",
        "A301 UID SEARCH $ SMALLER 4096",
        "Search { uid: true",
    ),
    c(
        "2.2 ex. 4",
        "P282 SEARCH RETURN (SAVE) SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search",
    ),
    s("2.2 ex. 4", "P282 OK SEARCH completed", "Status"),
    c(
        "2.2 ex. 4",
        "P283 SEARCH CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8}\r\nYYYYYYYY",
        "Search",
    ),
    s(
        "2.2 ex. 4",
        "* SEARCH 882 1102 3003 3005 3006",
        "Data(Search",
    ),
    s("2.2 ex. 4", "P283 OK completed", "Status"),
    c(
        "2.2 ex. 5",
        "B282 SEARCH RETURN (SAVE) SINCE 1-Feb-1994 NOT FROM \"Smith\"",
        "Search",
    ),
    s("2.2 ex. 5", "B282 OK SEARCH completed", "Status"),
    c(
        "2.2 ex. 5",
        "B283 SEARCH CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {4}\r\nXXXX",
        "Search",
    ),
    s(
        "2.2 ex. 5",
        "B283 NO [BADCHARSET UTF-8] KOI8-R is not supported",
        "Status",
    )
    .canon("B283 NO [BADCHARSET (UTF-8)] KOI8-R is not supported"),
    c(
        "2.2 ex. 6",
        "E282 SEARCH RETURN (SAVE) SINCE 28-Oct-2006 NOT FROM \"Eric\"",
        "Search",
    ),
    c("2.2 ex. 6", "E283 COPY $ \"Other Messages\"", "Copy"),
    s("2.2 ex. 6", "E282 OK SEARCH completed", "Status"),
    s(
        "2.2 ex. 6",
        "E283 OK COPY completed, nothing copied",
        "Status",
    ),
    c(
        "2.3 ex. 7",
        "F282 SEARCH RETURN (SAVE) KEYWORD $Junk",
        "Search",
    ),
    c("2.3 ex. 7", "F283 COPY $ \"Junk\"", "Copy"),
    c(
        "2.3 ex. 7",
        "F284 STORE $ +FLAGS.Silent (\\Deleted)",
        "Store",
    )
    .canon("F284 STORE $ +FLAGS.SILENT (\\Deleted)"),
    s("2.3 ex. 7", "F282 OK SEARCH completed", "Status"),
    s("2.3 ex. 7", "F283 OK COPY completed", "Status"),
    s("2.3 ex. 7", "F284 OK STORE completed", "Status"),
    c(
        "2.3 ex. 8",
        "G282 SEARCH RETURN (SAVE) KEYWORD $Junk",
        "Search",
    ),
    c(
        "2.3 ex. 8",
        "G283 SEARCH RETURN (ALL) SINCE 28-Oct-2006 FROM \"Eric\"",
        "Search",
    ),
    s(
        "2.3 ex. 8",
        "* ESEARCH (TAG \"G283\") ALL 3:15,27,29:103",
        "Data(ESearch",
    ),
    s("2.3 ex. 8", "G283 OK SEARCH completed", "Status"),
    s("2.3 ex. 8", "G282 OK SEARCH completed", "Status"),
    c(
        "2.3 ex. 9",
        "H282 SEARCH RETURN (SAVE) KEYWORD $Junk",
        "Search",
    ),
    c(
        "2.3 ex. 9",
        "H283 SEARCH RETURN (SAVE) SINCE 28-Oct-2006 FROM \"Eric\"",
        "Search",
    ),
    s("2.3 ex. 9", "H282 OK SEARCH completed", "Status"),
    s("2.3 ex. 9", "H283 OK SEARCH completed", "Status"),
    c(
        "2.4 ex. 10",
        "C282 SEARCH RETURN (ALL) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search",
    ),
    s(
        "2.4 ex. 10",
        "* ESEARCH (TAG \"C283\") ALL 2,10:15,21",
        "Data(ESearch",
    ),
    s("2.4 ex. 10", "C282 OK SEARCH completed", "Status"),
    c(
        "2.4 ex. 10",
        "C283 SEARCH RETURN (ALL SAVE) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search",
    ),
    s(
        "2.4 ex. 10",
        "* ESEARCH (TAG \"C283\") ALL 2,10:15,21",
        "Data(ESearch",
    ),
    s("2.4 ex. 10", "C283 OK SEARCH completed", "Status"),
    c(
        "2.4 ex. 10",
        "C284 SEARCH RETURN (SAVE MIN) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search",
    ),
    s(
        "2.4 ex. 10",
        "* ESEARCH (TAG \"C284\") MIN 2",
        "Data(ESearch",
    ),
    s("2.4 ex. 10", "C284 OK SEARCH completed", "Status"),
    c(
        "2.4 ex. 10",
        "C285 SEARCH RETURN (MAX SAVE MIN) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search",
    ),
    s(
        "2.4 ex. 10",
        "* ESEARCH (TAG \"C285\") MIN 2 MAX 21",
        "Data(ESearch",
    ),
    s("2.4 ex. 10", "C285 OK SEARCH completed", "Status"),
    c(
        "2.4 ex. 10",
        "C286 SEARCH RETURN (MAX SAVE MIN COUNT) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search",
    ),
    s(
        "2.4 ex. 10",
        "* ESEARCH (TAG \"C286\") MIN 2 MAX 21 COUNT 8",
        "Data(ESearch",
    ),
    s("2.4 ex. 10", "C286 OK SEARCH completed", "Status"),
    c(
        "2.4 ex. 10",
        "C286 SEARCH RETURN (ALL SAVE MIN) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
        "Search",
    ),
    s(
        "2.4 ex. 10",
        "* ESEARCH (TAG \"C286\") MIN 2 ALL 2,10:15,21",
        "Data(ESearch",
    ),
    s("2.4 ex. 10", "C286 OK SEARCH completed", "Status"),
];

/// RFC 5258 (LIST-EXTENDED) §5, examples 1 to 11, all their lines (the one line the RFC wraps,
/// in example 8, joined). INBOX is case-insensitive: the parser reads any spelling as INBOX and
/// the encoder sends the canonical name, as an atom. An empty selection list is the same as
/// none, and the encoder leaves it out.
const RFC5258: &[Ex] = &[
    c("5 ex. 1", "A01 LIST \"\" \"*\"", "List"),
    s(
        "5 ex. 1",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors) \"/\" INBOX"),
    s("5 ex. 1", "* LIST () \"/\" \"Fruit\"", "Data(List"),
    s("5 ex. 1", "* LIST () \"/\" \"Fruit/Apple\"", "Data(List"),
    s("5 ex. 1", "* LIST () \"/\" \"Fruit/Banana\"", "Data(List"),
    s("5 ex. 1", "* LIST () \"/\" \"Tofu\"", "Data(List"),
    s("5 ex. 1", "* LIST () \"/\" \"Vegetable\"", "Data(List"),
    s(
        "5 ex. 1",
        "* LIST () \"/\" \"Vegetable/Broccoli\"",
        "Data(List",
    ),
    s("5 ex. 1", "* LIST () \"/\" \"Vegetable/Corn\"", "Data(List"),
    s("5 ex. 1", "A01 OK done", "Status"),
    c("5 ex. 2", "A02 LIST (SUBSCRIBED) \"\" \"*\"", "List"),
    s(
        "5 ex. 2",
        "* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" INBOX"),
    s(
        "5 ex. 2",
        "* LIST (\\Subscribed) \"/\" \"Fruit/Banana\"",
        "Data(List",
    ),
    s(
        "5 ex. 2",
        "* LIST (\\Subscribed \\NonExistent) \"/\" \"Fruit/Peach\"",
        "Data(List",
    ),
    s(
        "5 ex. 2",
        "* LIST (\\Subscribed) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s(
        "5 ex. 2",
        "* LIST (\\Subscribed) \"/\" \"Vegetable/Broccoli\"",
        "Data(List",
    ),
    s("5 ex. 2", "A02 OK done", "Status"),
    c(
        "5 ex. 3",
        "A03 LIST () \"\" \"%\" RETURN (CHILDREN)",
        "List",
    )
    .canon("A03 LIST \"\" \"%\" RETURN (CHILDREN)"),
    s(
        "5 ex. 3",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors) \"/\" INBOX"),
    s(
        "5 ex. 3",
        "* LIST (\\HasChildren) \"/\" \"Fruit\"",
        "Data(List",
    ),
    s(
        "5 ex. 3",
        "* LIST (\\HasNoChildren) \"/\" \"Tofu\"",
        "Data(List",
    ),
    s(
        "5 ex. 3",
        "* LIST (\\HasChildren) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s("5 ex. 3", "A03 OK done", "Status"),
    c(
        "5 ex. 4",
        "A04 LIST (REMOTE) \"\" \"%\" RETURN (CHILDREN)",
        "List",
    ),
    s(
        "5 ex. 4",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors) \"/\" INBOX"),
    s(
        "5 ex. 4",
        "* LIST (\\HasChildren) \"/\" \"Fruit\"",
        "Data(List",
    ),
    s(
        "5 ex. 4",
        "* LIST (\\HasNoChildren) \"/\" \"Tofu\"",
        "Data(List",
    ),
    s(
        "5 ex. 4",
        "* LIST (\\HasChildren) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s("5 ex. 4", "* LIST (\\Remote) \"/\" \"Bread\"", "Data(List"),
    s(
        "5 ex. 4",
        "* LIST (\\HasChildren \\Remote) \"/\" \"Meat\"",
        "Data(List",
    ),
    s("5 ex. 4", "A04 OK done", "Status"),
    c("5 ex. 5", "A05 LIST (REMOTE SUBSCRIBED) \"\" \"*\"", "List"),
    s(
        "5 ex. 5",
        "* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" INBOX"),
    s(
        "5 ex. 5",
        "* LIST (\\Subscribed) \"/\" \"Fruit/Banana\"",
        "Data(List",
    ),
    s(
        "5 ex. 5",
        "* LIST (\\Subscribed \\NonExistent) \"/\" \"Fruit/Peach\"",
        "Data(List",
    ),
    s(
        "5 ex. 5",
        "* LIST (\\Subscribed) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s(
        "5 ex. 5",
        "* LIST (\\Subscribed) \"/\" \"Vegetable/Broccoli\"",
        "Data(List",
    ),
    s(
        "5 ex. 5",
        "* LIST (\\Remote \\Subscribed) \"/\" \"Bread\"",
        "Data(List",
    ),
    s("5 ex. 5", "A05 OK done", "Status"),
    c(
        "5 ex. 6",
        "A06 LIST (REMOTE) \"\" \"*\" RETURN (SUBSCRIBED)",
        "List",
    ),
    s(
        "5 ex. 6",
        "* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors \\Subscribed) \"/\" INBOX"),
    s("5 ex. 6", "* LIST () \"/\" \"Fruit\"", "Data(List"),
    s("5 ex. 6", "* LIST () \"/\" \"Fruit/Apple\"", "Data(List"),
    s(
        "5 ex. 6",
        "* LIST (\\Subscribed) \"/\" \"Fruit/Banana\"",
        "Data(List",
    ),
    s("5 ex. 6", "* LIST () \"/\" \"Tofu\"", "Data(List"),
    s(
        "5 ex. 6",
        "* LIST (\\Subscribed) \"/\" \"Vegetable\"",
        "Data(List",
    ),
    s(
        "5 ex. 6",
        "* LIST (\\Subscribed) \"/\" \"Vegetable/Broccoli\"",
        "Data(List",
    ),
    s("5 ex. 6", "* LIST () \"/\" \"Vegetable/Corn\"", "Data(List"),
    s(
        "5 ex. 6",
        "* LIST (\\Remote \\Subscribed) \"/\" \"Bread\"",
        "Data(List",
    ),
    s("5 ex. 6", "* LIST (\\Remote) \"/\" \"Meat\"", "Data(List"),
    s("5 ex. 6", "A06 OK done", "Status"),
    c(
        "5 ex. 7",
        "BBB LIST \"\" (\"INBOX\" \"Drafts\" \"Sent/%\")",
        "List",
    ),
    s("5 ex. 7", "* LIST () \"/\" \"INBOX\"", "Data(List").canon("* LIST () \"/\" INBOX"),
    s(
        "5 ex. 7",
        "* LIST (\\NoInferiors) \"/\" \"Drafts\"",
        "Data(List",
    ),
    s("5 ex. 7", "* LIST () \"/\" \"Sent/March2004\"", "Data(List"),
    s(
        "5 ex. 7",
        "* LIST (\\Marked) \"/\" \"Sent/December2003\"",
        "Data(List",
    ),
    s(
        "5 ex. 7",
        "* LIST () \"/\" \"Sent/August2004\"",
        "Data(List",
    ),
    s("5 ex. 7", "BBB OK done", "Status"),
    c("5 ex. 8", "C01 LIST \"\" \"*\"", "List"),
    s(
        "5 ex. 8",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors) \"/\" INBOX"),
    s("5 ex. 8", "* LIST () \"/\" \"Foo\"", "Data(List"),
    s("5 ex. 8", "* LIST () \"/\" \"Foo/Bar\"", "Data(List"),
    s("5 ex. 8", "* LIST () \"/\" \"Foo/Baz\"", "Data(List"),
    s("5 ex. 8", "* LIST () \"/\" \"Moo\"", "Data(List"),
    s("5 ex. 8", "C01 OK done", "Status"),
    c("5 ex. 8", "CA3 LIST \"\" \"%\" RETURN (CHILDREN)", "List"),
    s(
        "5 ex. 8",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors) \"/\" INBOX"),
    s(
        "5 ex. 8",
        "* LIST (\\HasChildren) \"/\" \"Foo\"",
        "Data(List",
    ),
    s(
        "5 ex. 8",
        "* LIST (\\HasNoChildren) \"/\" \"Moo\"",
        "Data(List",
    ),
    s("5 ex. 8", "CA3 OK done", "Status"),
    c("5 ex. 8", "C02 LIST (SUBSCRIBED) \"\" \"*\"", "List"),
    s(
        "5 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"Foo/Baz\"",
        "Data(List",
    ),
    s("5 ex. 8", "C02 OK done", "Status"),
    c(
        "5 ex. 8",
        "C04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"",
        "List",
    ),
    s(
        "5 ex. 8",
        "* LIST () \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s("5 ex. 8", "C04 OK done", "Status"),
    c(
        "5 ex. 8",
        "C04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"",
        "List",
    ),
    s(
        "5 ex. 8",
        "* LIST (\\Subscribed) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s("5 ex. 8", "C04 OK done", "Status"),
    c(
        "5 ex. 8",
        "C04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"",
        "List",
    ),
    s(
        "5 ex. 8",
        "* LIST (\\Subscribed \\HasChildren) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s("5 ex. 8", "C04 OK done", "Status"),
    c(
        "5 ex. 8",
        "C04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"",
        "List",
    ),
    s(
        "5 ex. 8",
        "* LIST (\\NonExistent) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s("5 ex. 8", "C04 OK done", "Status"),
    c(
        "5 ex. 8",
        "C04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\" RETURN (CHILDREN)",
        "List",
    ),
    s(
        "5 ex. 8",
        "* LIST (\\HasChildren \\Subscribed) \"/\" \"Foo\"",
        "Data(List",
    ),
    s(
        "5 ex. 8",
        "* LIST (\\HasNoChildren \\Subscribed) \"/\" \"Moo\"",
        "Data(List",
    ),
    s("5 ex. 8", "C04 OK done", "Status"),
    c("5 ex. 9", "D01 LIST \"\" \"*\"", "List"),
    s(
        "5 ex. 9",
        "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\NoInferiors) \"/\" INBOX"),
    s("5 ex. 9", "* LIST () \"/\" \"foo2\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"foo2/bar1\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"foo2/bar2\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"baz2\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"baz2/bar2\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"baz2/bar22\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"baz2/bar222\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"eps2\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"eps2/mamba\"", "Data(List"),
    s("5 ex. 9", "* LIST () \"/\" \"qux2/bar2\"", "Data(List"),
    s("5 ex. 9", "D01 OK done", "Status"),
    c("5 ex. 9", "D02 LIST (SUBSCRIBED) \"\" \"*\"", "List"),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar1\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar2\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar2\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar22\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar222\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"eps2\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"eps2/mamba\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"qux2/bar2\"",
        "Data(List",
    ),
    s("5 ex. 9", "D02 OK done", "Status"),
    c(
        "5 ex. 9",
        "D03 LIST (RECURSIVEMATCH SUBSCRIBED) \"\" \"*2\"",
        "List",
    ),
    s(
        "5 ex. 9",
        "* LIST () \"/\" \"foo2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar2\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar2\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar22\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar222\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"eps2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"qux2/bar2\"",
        "Data(List",
    ),
    s("5 ex. 9", "D03 OK done", "Status"),
    s(
        "5 ex. 9",
        "* LIST () \"/\" \"baz2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\NonExistent) \"/\" \"qux2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    c(
        "5 ex. 9",
        "D03 LIST (RECURSIVEMATCH SUBSCRIBED) \"\" \"*\"",
        "List",
    ),
    s(
        "5 ex. 9",
        "* LIST () \"/\" \"foo2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar1\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"foo2/bar2\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST () \"/\" \"baz2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar2\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar22\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"baz2/bar222\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"eps2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"eps2/mamba\"",
        "Data(List",
    ),
    s(
        "5 ex. 9",
        "* LIST (\\Subscribed) \"/\" \"qux2/bar2\"",
        "Data(List",
    ),
    s("5 ex. 9", "D03 OK done", "Status"),
    c("5 ex. 10", "a1 LIST \"\" (\"foo\" \"foo/*\")", "List"),
    s("5 ex. 10", "* LIST () \"/\" foo", "Data(List"),
    s("5 ex. 10", "a1 OK done", "Status"),
    c("5 ex. 10", "a2 LIST (SUBSCRIBED) \"\" \"foo/*\"", "List"),
    s(
        "5 ex. 10",
        "* LIST (\\Subscribed \\NonExistent) \"/\" foo/bar",
        "Data(List",
    ),
    s("5 ex. 10", "a2 OK done", "Status"),
    c(
        "5 ex. 10",
        "a3 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" foo RETURN (CHILDREN)",
        "List",
    ),
    s(
        "5 ex. 10",
        "* LIST (\\HasNoChildren) \"/\" foo (\"CHILDINFO\" (\"SUBSCRIBED\"))",
        "Data(List",
    ),
    s("5 ex. 10", "a3 OK done", "Status"),
    c("5 ex. 11", "a1 LIST (REMOTE) \"\" *", "List"),
    s("5 ex. 11", "* LIST () \"/\" music/rock", "Data(List"),
    s("5 ex. 11", "* LIST (\\Remote) \"/\" also/jazz", "Data(List"),
    s("5 ex. 11", "a1 OK done", "Status"),
    c("5 ex. 11", "a2 LIST () \"\" %", "List").canon("a2 LIST \"\" %"),
    s(
        "5 ex. 11",
        "* LIST (\\NonExistent \\HasChildren) \"/\" music",
        "Data(List",
    ),
    s("5 ex. 11", "a2 OK done", "Status"),
    c("5 ex. 11", "a3 LIST (REMOTE) \"\" %", "List"),
    s(
        "5 ex. 11",
        "* LIST (\\NonExistent \\HasChildren) \"/\" music",
        "Data(List",
    ),
    s(
        "5 ex. 11",
        "* LIST (\\NonExistent \\HasChildren) \"/\" also",
        "Data(List",
    ),
    s("5 ex. 11", "a3 OK done", "Status"),
    c("5 ex. 11", "a3.1 LIST \"\" (% music/rock)", "List"),
    s("5 ex. 11", "* LIST () \"/\" music/rock", "Data(List"),
    s("5 ex. 11", "a3.1 OK done", "Status"),
];

/// RFC 5819 (LIST-STATUS) §3, both examples. The RFC prints two spaces before the name in the
/// INBOX lines; the parser takes them and the encoder sends one, and INBOX as an atom. The
/// encoder quotes the CHILDINFO tag, which RFC 5258 allows either way. Left out: `A02 LIST
/// (SUBSCRIBED RECURSIVEMATCH)"" % RETURN (STATUS (MESSAGES))`, which has no space between the
/// selection options and the reference name, where the grammar requires one.
const RFC5819: &[Ex] = &[
    c(
        "3",
        "A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))",
        "List",
    ),
    s("3", "* LIST () \".\"  \"INBOX\"", "Data(List").canon("* LIST () \".\" INBOX"),
    s(
        "3",
        "* STATUS \"INBOX\" (MESSAGES 17 UNSEEN 16)",
        "Data(Status",
    )
    .canon("* STATUS INBOX (MESSAGES 17 UNSEEN 16)"),
    s("3", "* LIST () \".\" \"foo\"", "Data(List"),
    s(
        "3",
        "* STATUS \"foo\" (MESSAGES 30 UNSEEN 29)",
        "Data(Status",
    ),
    s("3", "* LIST (\\NoSelect) \".\" \"bar\"", "Data(List"),
    s("3", "A01 OK List completed.", "Status"),
    s("3", "* LIST (\\Subscribed) \".\"  \"INBOX\"", "Data(List")
        .canon("* LIST (\\Subscribed) \".\" INBOX"),
    s("3", "* STATUS \"INBOX\" (MESSAGES 17)", "Data(Status").canon("* STATUS INBOX (MESSAGES 17)"),
    s(
        "3",
        "* LIST () \".\" \"foo\" (CHILDINFO (\"SUBSCRIBED\"))",
        "Data(List",
    )
    .canon("* LIST () \".\" \"foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))"),
    s("3", "A02 OK List completed.", "Status"),
];

#[test]
fn rfc5182_searchres() {
    run("5182", RFC5182);
}

#[test]
fn rfc5258_list_extended() {
    run("5258", RFC5258);
}

#[test]
fn rfc5819_list_status() {
    run("5819", RFC5819);
}

/// RFC 5256 (SORT, THREAD) §3 (BASE.6.4.SORT, BASE.6.4.THREAD) and §4 (BASE.7.2.SORT,
/// BASE.7.2.THREAD), all their examples. The RFC wraps two THREAD data lines and notes that the
/// breaks are not sent: they join without a space where a line ends in `)` and the next starts
/// with `(`, and with one elsewhere (`(177` / `(183)`).
const RFC5256: &[Ex] = &[
    c(
        "3 (BASE.6.4.SORT)",
        "A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994",
        "Sort { uid: false, returns: None",
    ),
    s("3 (BASE.6.4.SORT)", "* SORT 2 84 882", "Data(Sort"),
    s("3 (BASE.6.4.SORT)", "A282 OK SORT completed", "Status"),
    c(
        "3 (BASE.6.4.SORT)",
        "A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL",
        "Sort",
    ),
    s("3 (BASE.6.4.SORT)", "* SORT 5 3 4 1 2", "Data(Sort"),
    s("3 (BASE.6.4.SORT)", "A283 OK SORT completed", "Status"),
    c(
        "3 (BASE.6.4.SORT)",
        "A284 SORT (SUBJECT) US-ASCII TEXT \"not in mailbox\"",
        "Sort",
    ),
    s("3 (BASE.6.4.SORT)", "* SORT", "Data(Sort"),
    s("3 (BASE.6.4.SORT)", "A284 OK SORT completed", "Status"),
    c(
        "3 (BASE.6.4.THREAD)",
        "A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000",
        "Thread",
    )
    // Month names are case-insensitive; the encoder writes RFC 3501's spelling.
    .canon("A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-Mar-2000"),
    s(
        "3 (BASE.6.4.THREAD)",
        "* THREAD (166)(167)(168)(169)(172)(170)(171)(173)(174 (175)(176)(178)(181)(180))(179)(177 (183)(182)(188)(184)(185)(186)(187)(189))(190)(191)(192)(193)(194 195)(196 (197)(198))(199)(200 202)(201)(203)(204)(205)(206 207)(208)",
        "Data(Thread",
    ),
    s("3 (BASE.6.4.THREAD)", "A283 OK THREAD completed", "Status"),
    c(
        "3 (BASE.6.4.THREAD)",
        "A284 THREAD ORDEREDSUBJECT US-ASCII TEXT \"gewp\"",
        "Thread",
    ),
    s("3 (BASE.6.4.THREAD)", "* THREAD", "Data(Thread"),
    s("3 (BASE.6.4.THREAD)", "A284 OK THREAD completed", "Status"),
    c(
        "3 (BASE.6.4.THREAD)",
        "A285 THREAD REFERENCES UTF-8 SINCE 5-MAR-2000",
        "Thread",
    )
    .canon("A285 THREAD REFERENCES UTF-8 SINCE 5-Mar-2000"),
    s(
        "3 (BASE.6.4.THREAD)",
        "* THREAD (166)(167)(168)(169)(172)((170)(179))(171)(173)((174)(175)(176)(178)(181)(180))((177)(183)(182)(188 (184)(189))(185 186)(187))(190)(191)(192)(193)((194)(195 196))(197 198)(199)(200 202)(201)(203)(204)(205 206 207)(208)",
        "Data(Thread",
    ),
    s("3 (BASE.6.4.THREAD)", "A285 OK THREAD completed", "Status"),
    s("4 (BASE.7.2.SORT)", "* SORT 2 3 6", "Data(Sort"),
    s(
        "4 (BASE.7.2.THREAD)",
        "* THREAD (2)(3 6 (4 23)(44 7 96))",
        "Data(Thread",
    ),
    s("4 (BASE.7.2.THREAD)", "* THREAD ((3)(5))", "Data(Thread"),
];

#[test]
fn rfc5256_sort_thread() {
    run("5256", RFC5256);
}

/// RFC 9208 (QUOTA) §4.1.1 to §4.3.1, all their examples; an APPEND's message is the `C:` lines
/// after its `{326}` line joined with CRLF, the last (empty) `C:` line being the command's own
/// CRLF. Left out: the CAPABILITY lines and `[...]`, which the RFC elides, and the `//` comments.
const RFC9208: &[Ex] = &[
    c(
        "4.1.1",
        "G0001 GETQUOTA \"!partition/sda4\"",
        "Quota(GetQuota",
    ),
    s(
        "4.1.1",
        "* QUOTA \"!partition/sda4\" (STORAGE 104 10923847)",
        "Data(Quota(",
    ),
    s("4.1.1", "G0001 OK Getquota complete", "Status"),
    c("4.1.2", "G0002 GETQUOTAROOT INBOX", "Quota(GetQuotaRoot"),
    s(
        "4.1.2",
        "* QUOTAROOT INBOX \"#user/alice\" \"!partition/sda4\"",
        "Data(Quota(",
    ),
    s(
        "4.1.2",
        "* QUOTA \"#user/alice\" (MESSAGE 42 1000)",
        "Data(Quota(",
    ),
    s(
        "4.1.2",
        "* QUOTA \"!partition/sda4\" (STORAGE 104 10923847)",
        "Data(Quota(",
    ),
    s("4.1.2", "G0002 OK Getquotaroot complete", "Status"),
    c("4.1.3", "S0000 GETQUOTA \"#user/alice\"", "Quota(GetQuota"),
    s(
        "4.1.3",
        "* QUOTA \"#user/alice\" (STORAGE 54 111 MESSAGE 42 1000)",
        "Data(Quota(",
    ),
    s("4.1.3", "S0000 OK Getquota completed", "Status"),
    c(
        "4.1.3",
        "S0001 SETQUOTA \"#user/alice\" (STORAGE 510)",
        "Quota(SetQuota",
    ),
    s(
        "4.1.3",
        "* QUOTA \"#user/alice\" (STORAGE 58 512)",
        "Data(Quota(",
    ),
    s("4.1.3", "S0001 OK Rounded quota", "Status"),
    c(
        "4.1.3",
        "S0002 SETQUOTA \"!partition/sda4\" (STORAGE 99999999)",
        "Quota(SetQuota",
    ),
    s(
        "4.1.3",
        "* QUOTA \"!partition/sda4\" (STORAGE 104 10923847)",
        "Data(Quota(",
    ),
    s("4.1.3", "S0002 NO Cannot change system limit", "Status"),
    c(
        "4.1.4",
        "S0003 STATUS INBOX (MESSAGES DELETED DELETED-STORAGE)",
        "Status",
    ),
    s(
        "4.1.4",
        "* STATUS INBOX (MESSAGES 12 DELETED 4 DELETED-STORAGE 8)",
        "Data(Status",
    ),
    s("4.1.4", "S0003 OK Status complete.", "Status"),
    s("4.2.1", "* QUOTA \"\" (STORAGE 10 512)", "Data(Quota("),
    s("4.2.2", "* QUOTAROOT INBOX \"\"", "Data(Quota("),
    s("4.2.2", "* QUOTAROOT comp.mail.mime", "Data(Quota("),
    c(
        "4.3.1 ex. 1",
        "A003 APPEND saved-messages (\\Seen) {326}\r\nDate: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nFrom: Fred Foobar <foobar@Blurdybloop.example>\r\nSubject: afternoon meeting\r\nTo: mooch@owatagu.siam.edu.example\r\nMessage-Id: <B27397-0100000@Blurdybloop.example>\r\nMIME-Version: 1.0\r\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\nHello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
        "Append",
    ),
    s("4.3.1 ex. 1", "+ Ready for literal data", "Continuation"),
    s("4.3.1 ex. 1", "A003 NO [OVERQUOTA] APPEND Failed", "Status"),
    c(
        "4.3.1 ex. 2",
        "A003 APPEND saved-messages (\\Seen) {326}\r\nDate: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nFrom: Fred Foobar <foobar@Blurdybloop.example>\r\nSubject: afternoon meeting\r\nTo: mooch@owatagu.siam.edu.example\r\nMessage-Id: <B27397-0100000@Blurdybloop.example>\r\nMIME-Version: 1.0\r\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\nHello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
        "Append",
    ),
    s("4.3.1 ex. 2", "+ Ready for literal data", "Continuation"),
    s(
        "4.3.1 ex. 2",
        "* NO [OVERQUOTA] Soft quota has been exceeded",
        "Status",
    ),
    s(
        "4.3.1 ex. 2",
        "A003 OK [APPENDUID 38505 3955] APPEND completed",
        "Status",
    ),
    c("4.3.1 ex. 3", "A004 COPY 2:4 MEETING", "Copy"),
    s(
        "4.3.1 ex. 3",
        "* NO [OVERQUOTA] Soft quota has been exceeded",
        "Status",
    ),
    s(
        "4.3.1 ex. 3",
        "A004 OK [COPYUID 38505 304,319:320 3956:3958] COPY command completed",
        "Status",
    ),
];

#[test]
fn rfc9208_quota() {
    run("9208", RFC9208);
}

/// RFC 4314 (ACL) §2.1.1 to §5.1.1, all their examples (wrapped lines joined). Command names are
/// case-insensitive and the encoder sends them uppercase; a single FETCH attribute in
/// parentheses is sent bare. Left out: `S: a005 Listrights successful` and `S: A006 Select
/// Completed`, tagged lines without a status word, which no grammar allows; §4's three
/// `* n FETCH (FLAGS (...)` lines after A004, whose closing parenthesis the RFC leaves out; and
/// the `...` the RFC elides.
const RFC4314: &[Ex] = &[
    c(
        "2.1.1",
        "A001 SeTacl INBOX/Drafts David lrswida",
        "Acl(SetAcl",
    )
    .canon("A001 SETACL INBOX/Drafts David lrswida"),
    s("2.1.1", "A001 OK Setacl complete", "Status"),
    c("2.1.1", "A002 getacl INBOX/Drafts", "Acl(GetAcl").canon("A002 GETACL INBOX/Drafts"),
    s(
        "2.1.1",
        "* ACL INBOX Fred rwipslxcetda David lrswideta",
        "Data(Acl(Acl",
    ),
    s("2.1.1", "A002 OK Getacl complete", "Status"),
    c(
        "2.1.1",
        "A003 Setacl INBOX/Drafts Byron lrswikda",
        "Acl(SetAcl",
    )
    .canon("A003 SETACL INBOX/Drafts Byron lrswikda"),
    s("2.1.1", "A001 OK Setacl complete", "Status"),
    c("2.1.1", "A002 getAcl INBOX/Drafts", "Acl(GetAcl").canon("A002 GETACL INBOX/Drafts"),
    s(
        "2.1.1",
        "* ACL INBOX Fred rwipslxcetda Byron lrswikcdeta",
        "Data(Acl(Acl",
    ),
    s("2.1.1", "A002 OK Getacl complete", "Status"),
    s(
        "2.1.1",
        "* LISTRIGHTS archive/imap anyone \"\" lr s w i p k x t c d",
        "Data(Acl(ListRights",
    ),
    s(
        "2.1.1",
        "* LISTRIGHTS archive/imap anyone \"\" lr s w i p k xte c d",
        "Data(Acl(ListRights",
    ),
    s(
        "2.1.1",
        "* LISTRIGHTS archive/imap anyone \"\" lr s w i p k c x te d",
        "Data(Acl(ListRights",
    ),
    s(
        "2.1.1",
        "* LISTRIGHTS archive/imap anyone \"\" lr swted i p k x c",
        "Data(Acl(ListRights",
    ),
    c("3.1", "A001 GETACL INBOX/Drafts", "Acl(GetAcl"),
    s(
        "3.1",
        "* ACL INBOX/Drafts Fred rwipslxetad Chris lrswi",
        "Data(Acl(Acl",
    ),
    s("3.1", "A001 OK Getacl complete", "Status"),
    c("3.1", "A002 SETACL INBOX/Drafts Chris +cda", "Acl(SetAcl"),
    s("3.1", "A002 OK Setacl complete", "Status"),
    c("3.1", "A003 GETACL INBOX/Drafts", "Acl(GetAcl"),
    s(
        "3.1",
        "* ACL INBOX/Drafts Fred rwipslxetad Chris lrswicdakxet",
        "Data(Acl(Acl",
    ),
    s("3.1", "A003 OK Getacl complete", "Status"),
    c(
        "3.1",
        "A035 SETACL INBOX/Drafts John lrQswicda",
        "Acl(SetAcl",
    ),
    s("3.1", "A035 BAD Uppercase rights are not allowed", "Status"),
    c(
        "3.1",
        "A036 SETACL INBOX/Drafts John lrqswicda",
        "Acl(SetAcl",
    ),
    s("3.1", "A036 BAD The q right is not supported", "Status"),
    c("3.2", "B001 getacl INBOX", "Acl(GetAcl").canon("B001 GETACL INBOX"),
    s(
        "3.2",
        "* ACL INBOX Fred rwipslxetad -Fred wetd $team w",
        "Data(Acl(Acl",
    ),
    s("3.2", "B001 OK Getacl complete", "Status"),
    c("3.2", "B002 DeleteAcl INBOX Fred", "Acl(DeleteAcl").canon("B002 DELETEACL INBOX Fred"),
    s("3.2", "B002 OK Deleteacl complete", "Status"),
    c("3.2", "B003 GETACL INBOX", "Acl(GetAcl"),
    s("3.2", "* ACL INBOX -Fred wetd $team w", "Data(Acl(Acl"),
    s("3.2", "B003 OK Getacl complete", "Status"),
    c("3.3", "A002 GETACL INBOX", "Acl(GetAcl"),
    s("3.3", "* ACL INBOX Fred rwipsldexta", "Data(Acl(Acl"),
    s("3.3", "A002 OK Getacl complete", "Status"),
    c(
        "3.4",
        "a001 LISTRIGHTS ~/Mail/saved smith",
        "Acl(ListRights",
    ),
    s(
        "3.4",
        "* LISTRIGHTS ~/Mail/saved smith la r swicdkxte",
        "Data(Acl(ListRights",
    ),
    s("3.4", "a001 OK Listrights completed", "Status"),
    c(
        "3.4",
        "a005 listrights archive/imap anyone",
        "Acl(ListRights",
    )
    .canon("a005 LISTRIGHTS archive/imap anyone"),
    s(
        "3.4",
        "* LISTRIGHTS archive.imap anyone \"\" l r s w i p k x t e c d a 0 1 2 3 4 5 6 7 8 9",
        "Data(Acl(ListRights",
    ),
    c("3.5", "A003 MYRIGHTS INBOX", "Acl(MyRights"),
    s("3.5", "* MYRIGHTS INBOX rwiptsldaex", "Data(Acl(MyRights"),
    s("3.5", "A003 OK Myrights complete", "Status"),
    c("4", "A777 LIST \"\" *", "List"),
    s("4", "* LIST (\\NoInferiors) \"/\" \"A/B\"", "Data(List"),
    s("4", "* LIST () \"/\" \"C\"", "Data(List"),
    s("4", "* LIST (\\NoInferiors) \"/\" \"C/D\"", "Data(List"),
    s("4", "A777 OK LIST completed", "Status"),
    c("4", "A003 MYRIGHTS TargetMailbox", "Acl(MyRights"),
    s("4", "* MYRIGHTS TargetMailbox rwis", "Data(Acl(MyRights"),
    s("4", "A003 OK Myrights complete", "Status"),
    c("4", "A004 FETCH 1:3 (FLAGS)", "Fetch").canon("A004 FETCH 1:3 FLAGS"),
    s("4", "A004 OK Fetch Completed", "Status"),
    c("4", "A005 COPY 1:3 TargetMailbox", "Copy"),
    s("4", "A005 OK Copy completed", "Status"),
    c("4", "A006 SELECT TargetMailbox", "Select"),
    c("4", "A007 FETCH 77:79 (FLAGS)", "Fetch").canon("A007 FETCH 77:79 FLAGS"),
    s("4", "* 77 FETCH (FLAGS (\\Draft))", "Data(Fetch"),
    s("4", "* 78 FETCH (FLAGS (\\Answered))", "Data(Fetch"),
    s("4", "* 79 FETCH (FLAGS ($Forwarded \\Seen))", "Data(Fetch"),
    s("4", "A007 OK Fetch Completed", "Status"),
    s("4", "* MYRIGHTS TargetMailbox rsti", "Data(Acl(MyRights"),
    c("4", "A007 FETCH 77:79 (FLAGS)", "Fetch").canon("A007 FETCH 77:79 FLAGS"),
    s("4", "* 77 FETCH (FLAGS (\\Deleted))", "Data(Fetch"),
    s("4", "* 78 FETCH (FLAGS ())", "Data(Fetch"),
    s("4", "* 79 FETCH (FLAGS (\\Seen))", "Data(Fetch"),
    s("4", "A007 OK Fetch Completed", "Status"),
    c("5.1.1", "1 capability", "Capability").canon("1 CAPABILITY"),
    s(
        "5.1.1",
        "* CAPABILITY IMAP4REV1 STARTTLS LITERAL+ ACL RIGHTS=texk",
        "Data(Capability",
    ),
    s("5.1.1", "1 OK completed", "Status"),
    c("5.1.1", "A142 SELECT INBOX", "Select"),
    s("5.1.1", "* 172 EXISTS", "Data(Exists(172))"),
    s("5.1.1", "* 1 RECENT", "Data(Recent(1))"),
    s(
        "5.1.1",
        "* OK [UNSEEN 12] Message 12 is first unseen",
        "Status",
    ),
    s(
        "5.1.1",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status",
    ),
    s("5.1.1", "* OK [UIDNEXT 4392] Predicted next UID", "Status"),
    s(
        "5.1.1",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "5.1.1",
        "* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\*)] L",
        "Status",
    ),
    s("5.1.1", "A142 OK [READ-WRITE] SELECT completed", "Status"),
    c("5.1.1", "A143 MYRIGHTS INBOX", "Acl(MyRights"),
    s("5.1.1", "* MYRIGHTS INBOX lrwis", "Data(Acl(MyRights"),
    s("5.1.1", "A143 OK completed", "Status"),
    c("5.1.1", "A142 SELECT INBOX", "Select"),
    c("5.1.1", "A143 MYRIGHTS INBOX", "Acl(MyRights"),
    s("5.1.1", "* 172 EXISTS", "Data(Exists(172))"),
    s("5.1.1", "* 1 RECENT", "Data(Recent(1))"),
    s(
        "5.1.1",
        "* OK [UNSEEN 12] Message 12 is first unseen",
        "Status",
    ),
    s(
        "5.1.1",
        "* OK [UIDVALIDITY 3857529045] UIDs valid",
        "Status",
    ),
    s("5.1.1", "* OK [UIDNEXT 4392] Predicted next UID", "Status"),
    s(
        "5.1.1",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s(
        "5.1.1",
        "* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\*)] L",
        "Status",
    ),
    s("5.1.1", "A142 OK [READ-WRITE] SELECT completed", "Status"),
    s("5.1.1", "* MYRIGHTS INBOX lrwis", "Data(Acl(MyRights"),
    s("5.1.1", "A143 OK completed", "Status"),
];

#[test]
fn rfc4314_acl() {
    run("4314", RFC4314);
}

/// RFC 6154 (SPECIAL-USE) §5.1 to §5.4, all its examples. INBOX is case-insensitive and the
/// encoder sends it as `INBOX`.
const RFC6154: &[Ex] = &[
    c("5.1", "t1 LIST \"\" \"%\"", "List"),
    s(
        "5.1",
        "* LIST (\\Marked \\HasNoChildren) \"/\" Inbox",
        "Data(List",
    )
    .canon("* LIST (\\Marked \\HasNoChildren) \"/\" INBOX"),
    s("5.1", "* LIST (\\HasNoChildren) \"/\" ToDo", "Data(List"),
    s("5.1", "* LIST (\\HasChildren) \"/\" Projects", "Data(List"),
    s(
        "5.1",
        "* LIST (\\Sent \\HasNoChildren) \"/\" SentMail",
        "Data(List",
    ),
    s(
        "5.1",
        "* LIST (\\Marked \\Drafts \\HasNoChildren) \"/\" MyDrafts",
        "Data(List",
    ),
    s(
        "5.1",
        "* LIST (\\Trash \\HasNoChildren) \"/\" Trash",
        "Data(List",
    ),
    s("5.1", "t1 OK done", "Status"),
    c("5.2", "t1 CAPABILITY", "Capability"),
    s(
        "5.2",
        "* CAPABILITY IMAP4rev1 SPECIAL-USE",
        "Data(Capability",
    ),
    s("5.2", "t1 OK done", "Status"),
    c(
        "5.2",
        "t2 LIST \"\" \"%\" RETURN (SPECIAL-USE)",
        "List { selection: [], reference: Other(String(Quoted(Quoted(\"\")))), patterns: [String(Quoted(Quoted(\"%\")))], returns: [SpecialUse]",
    ),
    s("5.2", "* LIST (\\Marked) \"/\" Inbox", "Data(List").canon("* LIST (\\Marked) \"/\" INBOX"),
    s("5.2", "* LIST () \"/\" ToDo", "Data(List"),
    s("5.2", "* LIST () \"/\" Projects", "Data(List"),
    s("5.2", "* LIST (\\Sent) \"/\" SentMail", "Data(List"),
    s(
        "5.2",
        "* LIST (\\Marked \\Drafts) \"/\" MyDrafts",
        "Data(List",
    ),
    s("5.2", "* LIST (\\Trash) \"/\" Trash", "Data(List"),
    s("5.2", "t2 OK done", "Status"),
    c(
        "5.2",
        "t3 LIST (SPECIAL-USE) \"\" \"*\"",
        "List { selection: [SpecialUse]",
    ),
    s("5.2", "* LIST (\\Sent) \"/\" SentMail", "Data(List"),
    s(
        "5.2",
        "* LIST (\\Marked \\Drafts) \"/\" MyDrafts",
        "Data(List",
    ),
    s("5.2", "* LIST (\\Trash) \"/\" Trash", "Data(List"),
    s("5.2", "t3 OK done", "Status"),
    c("5.3", "t1 CAPABILITY", "Capability"),
    s(
        "5.3",
        "* CAPABILITY IMAP4rev1 CREATE-SPECIAL-USE",
        "Data(Capability",
    ),
    s("5.3", "t1 OK done", "Status"),
    c(
        "5.3",
        "t2 CREATE MySpecial (USE (\\Drafts \\Sent))",
        "Create { mailbox: Other(Atom(AtomExt(\"MySpecial\"))), special_use: [",
    ),
    s("5.3", "t2 OK MySpecial created", "Status"),
    c(
        "5.3",
        "t3 CREATE Everything (USE (\\All))",
        "Create { mailbox: Other(Atom(AtomExt(\"Everything\"))), special_use: [",
    ),
    s(
        "5.3",
        "t3 NO [USEATTR] \\All not supported",
        "Status(StatusResponse { tag: Some(Tag(\"t3\")), kind: No, code: Some(Simple(UseAttr",
    ),
    c("5.4", "t1 LIST \"\" \"%\" RETURN (SPECIAL-USE)", "List"),
    s("5.4", "* LIST (\\Sent) \"/\" SentMail", "Data(List"),
    s("5.4", "* LIST (\\Drafts) \"/\" MyDrafts", "Data(List"),
    s("5.4", "* LIST () \"/\" SavedDrafts", "Data(List"),
    s("5.4", "* LIST (\\Trash) \"/\" Trash", "Data(List"),
    s("5.4", "t1 OK done", "Status"),
    c(
        "5.4",
        "t2 GETMETADATA \"MyDrafts\" /private/specialuse",
        "Metadata(GetMetadata",
    ),
    s(
        "5.4",
        "* METADATA \"MyDrafts\" (/private/specialuse \"\\\\Drafts\")",
        "Data(Metadata(",
    ),
    s("5.4", "t2 OK done", "Status"),
    c(
        "5.4",
        "t3 SETMETADATA \"SavedDrafts\" (/private/specialuse \"\\\\Drafts\")",
        "Metadata(SetMetadata",
    ),
    s(
        "5.4",
        "* METADATA \"MyDrafts\" (/private/specialuse NIL)",
        "Data(Metadata(",
    ),
    s("5.4", "t3 OK SETMETADATA complete", "Status"),
    c(
        "5.4",
        "t4 SETMETADATA \"SentMail\" (/private/specialuse NIL)",
        "Metadata(SetMetadata",
    ),
    s("5.4", "t4 OK SETMETADATA complete", "Status"),
    c("5.4", "t5 LIST \"\" \"%\" RETURN (SPECIAL-USE)", "List"),
    s("5.4", "* LIST () \"/\" SentMail", "Data(List"),
    s("5.4", "* LIST () \"/\" MyDrafts", "Data(List"),
    s("5.4", "* LIST (\\Drafts) \"/\" SavedDrafts", "Data(List"),
    s("5.4", "* LIST (\\Trash) \"/\" Trash", "Data(List"),
    s("5.4", "t5 OK done", "Status"),
];

/// RFC 5465 (NOTIFY) §3.1 and §5 to §7, wrapped lines joined, with the two NOTIFY SET commands
/// of §3.1 as corrected by verified erratum 1804 (the RFC prints each event list without the
/// parentheses its grammar requires). Left out: the `[...]` lines the RFC elides; `S: d STATUS
/// completed`, a tagged line without a status word (verified erratum 2318 rewrites that part of
/// the example); and in §7 `* EXISTS 93` and `* ESEARCH (TAG "a00") (COUNT 17)`, which put the
/// number after EXISTS and the COUNT in parentheses where the grammar does neither.
const RFC5465: &[Ex] = &[
    s("3.1", "* OK [CAPABILITY IMAP4REV1 NOTIFY]", "Status"),
    c("3.1", "a login bob alice", "Login").canon("a LOGIN bob alice"),
    s("3.1", "a OK Password matched", "Status"),
    // Keywords are case-insensitive; the encoder sends them uppercase.
    c("3.1 (erratum 1804)", "b notify set status (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))", "Notify(Set")
        .canon("b NOTIFY SET STATUS (selected (MessageNew (UID BODY.PEEK[HEADER.FIELDS (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))"),
    s("3.1", "* STATUS Lists/Lemonade (UIDVALIDITY 4 UIDNEXT 9999 MESSAGES 500)", "Data(Status"),
    s("3.1", "* STATUS Lists/Im2000 (UIDVALIDITY 901 UIDNEXT 1 MESSAGES 0)", "Data(Status"),
    s("3.1", "b OK done", "Status"),
    c("3.1", "c select inbox", "Select").canon("c SELECT INBOX"),
    s("3.1", "c OK INBOX selected", "Status"),
    s("3.1", "* STATUS Lists/Lemonade (UIDVALIDITY 4 UIDNEXT 10000 MESSAGES 501)", "Data(Status"),
    s(
        "3.1",
        "* 127 FETCH (UID 127001 BODY[HEADER.FIELDS (From To Subject)] {75}\r\n\
         Subject: Re: good morning\r\n\
         From: alice@example.org\r\n\
         To: bob@example.org\r\n\
         \r\n\
         )",
        "Data(Fetch { seq: 127, items: [Uid(127001), BodySection",
    ),
    c("3.1", "d STATUS misc (UIDVALIDITY UIDNEXT MESSAGES)", "Status"),
    s("3.1", "* STATUS misc (UIDVALIDITY 1 UIDNEXT 999)", "Data(Status"),
    c("3.1 (erratum 1804)", "e notify set (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew)) (mailboxes misc (MessageNew))", "Notify(Set")
        .canon("e NOTIFY SET (selected (MessageNew (UID BODY.PEEK[HEADER.FIELDS (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew)) (mailboxes misc (MessageNew))"),
    s("3.1", "e OK done", "Status"),
    s("5.1", "* 99 FETCH (UID 9999 FLAGS ($Junk))", "Data(Fetch"),
    s("5.1", "* STATUS Lists/Lemonade (HIGHESTMODSEQ 65666665 UIDVALIDITY 101)", "Data(Status"),
    s("5.2", "* 444 EXISTS", "Data(Exists(444))"),
    s("5.2", "* 444 FETCH (UID 9999)", "Data(Fetch"),
    s("5.2", "* STATUS Lists/Lemonade (UIDNEXT 10002 MESSAGES 503)", "Data(Status"),
    s("5.3", "* 444 EXPUNGE", "Data(Expunge(444))"),
    s("5.3", "* VANISHED 5444", "Data(Vanished"),
    s("5.3", "* STATUS misc (UIDNEXT 999 MESSAGES 554)", "Data(Status"),
    s("5.4", "* LIST () \"/\" \"NewMailbox\"", "Data(List"),
    s("5.4", "* LIST (\\NonExistent) \".\" \"INBOX.DeletedMailbox\"", "Data(List"),
    s("5.4", "* LIST () \"/\" \"NewMailbox\" (\"OLDNAME\" (\"OldMailbox\"))", "Data(List"),
    s("5.5", "* LIST (\\Subscribed) \"/\" \"SubscribedMailbox\"", "Data(List"),
    s("5.6", "* METADATA \"INBOX\" /shared/comment", "Data(Metadata(").canon("* METADATA INBOX /shared/comment"),
    s("5.7", "* METADATA \"\" /shared/comment", "Data(Metadata("),
    s("5.8", "* OK [NOTIFICATIONOVERFLOW] ...A comment can go here...", "Status"),
    c("6", "a notify set (mailboxes INBOX (Messagenew messageExpunge)) (personal (SubscriptionChange))", "Notify(Set").canon("a NOTIFY SET (mailboxes INBOX (Messagenew messageExpunge)) (personal (SubscriptionChange))"),
    c("6", "a notify set (selected (Messagenew (uid flags) messageExpunge)) (personal (MessageNew FlagChange MessageExpunge))", "Notify(Set").canon("a NOTIFY SET (selected (Messagenew (UID FLAGS) messageExpunge)) (personal (MessageNew FlagChange MessageExpunge))"),
    c(
        "7",
        "a00 SEARCH RETURN (COUNT UPDATE (UID BODY[HEADER.FIELDS (TO FROM SUBJECT)])) FROM \"boss\"",
        "Search { uid: false, returns: Some([Count, UpdateFetch(",
    ),
    s("7", "a00 OK", "Status"),
    s(
        "7",
        "* 93 FETCH (UID 127001 BODY[HEADER.FIELDS (FROM TO SUBJECT)] {76}\r\n\
         Subject: Re: good morning\r\n\
         From: myboss@example.org\r\n\
         To: bob@example.org\r\n\
         \r\n\
         )",
        "Data(Fetch { seq: 93, items: [Uid(127001), BodySection",
    ),
    s("7", "* ESEARCH (TAG \"a00\") ADDTO (0 93)", "Data(ESearch"),
];

#[test]
fn rfc6154_special_use() {
    run("6154", RFC6154);
}

#[test]
fn rfc5465_notify() {
    run("5465", RFC5465);
}

/// RFC 5464 (METADATA) §4.2 to §4.4.2, wrapped lines joined; the GETMETADATA commands of
/// §4.2.1 and §4.4.1 as corrected by verified errata 2785 (the options go before the mailbox
/// name) and 3868 (several entry names go in parentheses), as the RFC's own lines do not follow
/// its grammar. Left out: §4.2.2's `a GETMETADATA "INBOX" (DEPTH 1) (/private/filters/values)`,
/// which puts its options after the mailbox name as §4.2.1 does (erratum 2785 corrects only
/// the latter as far as this file knows), and §4.3's SETMETADATA with a `{33}` literal, whose
/// two lines of data are 33 octets without their final CRLF, so the `)` that follows on its
/// own line cannot be read as part of the command. INBOX is case-insensitive and the encoder
/// sends it as an atom.
const RFC5464: &[Ex] = &[
    c("4.2", "a GETMETADATA \"\" /shared/comment", "Metadata(GetMetadata"),
    s("4.2", "* METADATA \"\" (/shared/comment \"Shared comment\")", "Data(Metadata("),
    s("4.2", "a OK GETMETADATA complete", "Status"),
    c("4.2", "a GETMETADATA \"INBOX\" /private/comment", "Metadata(GetMetadata").canon("a GETMETADATA INBOX /private/comment"),
    s("4.2", "* METADATA \"INBOX\" (/private/comment \"My own comment\")", "Data(Metadata(").canon("* METADATA INBOX (/private/comment \"My own comment\")"),
    s("4.2", "a OK GETMETADATA complete", "Status"),
    c("4.2", "a GETMETADATA \"INBOX\" (/shared/comment /private/comment)", "Metadata(GetMetadata").canon("a GETMETADATA INBOX (/shared/comment /private/comment)"),
    s("4.2", "* METADATA \"INBOX\" (/shared/comment \"Shared comment\" /private/comment \"My own comment\")", "Data(Metadata(").canon("* METADATA INBOX (/shared/comment \"Shared comment\" /private/comment \"My own comment\")"),
    s("4.2", "a OK GETMETADATA complete", "Status"),
    c("4.2.1 (erratum 2785)", "a GETMETADATA (MAXSIZE 1024) \"INBOX\" (/shared/comment /private/comment)", "Metadata(GetMetadata { max_size: Some(1024)")
        .canon("a GETMETADATA (MAXSIZE 1024) INBOX (/shared/comment /private/comment)"),
    s("4.2.1", "* METADATA \"INBOX\" (/private/comment \"My own comment\")", "Data(Metadata(").canon("* METADATA INBOX (/private/comment \"My own comment\")"),
    s("4.2.1", "a OK [METADATA LONGENTRIES 2199] GETMETADATA complete", "Status"),
    s("4.2.2", "* METADATA \"INBOX\" (/private/filters/values/small \"SMALLER 5000\" /private/filters/values/boss \"FROM \\\"boss@example.com\\\"\")", "Data(Metadata(").canon("* METADATA INBOX (/private/filters/values/small \"SMALLER 5000\" /private/filters/values/boss \"FROM \\\"boss@example.com\\\"\")"),
    s("4.2.2", "a OK GETMETADATA complete", "Status"),
    s("4.3", "+ ready for data", "Continuation"),
    s("4.3", "a OK SETMETADATA complete", "Status"),
    c("4.3", "a SETMETADATA INBOX (/private/comment NIL)", "Metadata(SetMetadata"),
    s("4.3", "a OK SETMETADATA complete", "Status"),
    c("4.3", "a SETMETADATA INBOX (/private/comment \"My new comment\" /shared/comment \"This one is for you!\")", "Metadata(SetMetadata"),
    s("4.3", "a OK SETMETADATA complete", "Status"),
    c("4.3", "a SETMETADATA INBOX (/private/comment \"My new comment\")", "Metadata(SetMetadata"),
    s("4.3", "a NO [METADATA TOOMANY] SETMETADATA failed", "Status"),
    c("4.4.1", "a GETMETADATA \"\" /shared/comment", "Metadata(GetMetadata"),
    s("4.4.1", "* METADATA \"\" (/shared/comment \"My comment\")", "Data(Metadata("),
    s("4.4.1", "a OK GETMETADATA complete", "Status"),
    c("4.4.1 (erratum 3868)", "a GETMETADATA \"INBOX\" (/private/comment /shared/comment)", "Metadata(GetMetadata")
        .canon("a GETMETADATA INBOX (/private/comment /shared/comment)"),
    s("4.4.1", "* METADATA \"INBOX\" (/private/comment \"My comment\" /shared/comment \"Its sunny outside!\")", "Data(Metadata(").canon("* METADATA INBOX (/private/comment \"My comment\" /shared/comment \"Its sunny outside!\")"),
    s("4.4.1", "a OK GETMETADATA complete", "Status"),
    c("4.4.1 (erratum 3868)", "a GETMETADATA \"INBOX\" (/private/comment /shared/comment)", "Metadata(GetMetadata")
        .canon("a GETMETADATA INBOX (/private/comment /shared/comment)"),
    s("4.4.1", "* METADATA \"INBOX\" (/private/comment \"My comment\")", "Data(Metadata(").canon("* METADATA INBOX (/private/comment \"My comment\")"),
    s("4.4.1", "* METADATA \"INBOX\" (/shared/comment \"Its sunny outside!\")", "Data(Metadata(").canon("* METADATA INBOX (/shared/comment \"Its sunny outside!\")"),
    s("4.4.1", "a OK GETMETADATA complete", "Status"),
    c("4.4.2", "a NOOP", "Noop"),
    s("4.4.2", "* METADATA \"\" /shared/comment", "Data(Metadata("),
    s("4.4.2", "a OK NOOP complete", "Status"),
    c("4.4.2", "a NOOP", "Noop"),
    s("4.4.2", "* METADATA \"INBOX\" /shared/comment /private/comment", "Data(Metadata(").canon("* METADATA INBOX /shared/comment /private/comment"),
    s("4.4.2", "a OK NOOP complete", "Status"),
];

#[test]
fn rfc5464_metadata() {
    run("5464", RFC5464);
}

/// RFC 4978 (COMPRESS) §3, both examples. The `S: d OK DEFLATE active` answer to the command
/// tagged `c` is the RFC's own slip; the line is valid as it stands.
const RFC4978: &[Ex] = &[
    s(
        "3",
        "* OK [CAPABILITY IMAP4REV1 STARTTLS COMPRESS=DEFLATE]",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(Capability",
    ),
    // Command names are case-insensitive; the encoder sends them uppercase (and the mechanism
    // name as given).
    c("3", "a starttls", "StartTls").canon("a STARTTLS"),
    s("3", "a OK TLS active", "Status"),
    c("3", "b login arnt tnra", "Login").canon("b LOGIN arnt tnra"),
    s("3", "b OK Logged in as arnt", "Status"),
    c("3", "c compress deflate", "Compress").canon("c COMPRESS deflate"),
    s("3", "d OK DEFLATE active", "Status"),
    s(
        "3",
        "* OK [CAPABILITY IMAP4REV1 STARTTLS COMPRESS=DEFLATE]",
        "Status",
    ),
    c("3", "c compress deflate", "Compress").canon("c COMPRESS deflate"),
    s(
        "3",
        "c NO [COMPRESSIONACTIVE] DEFLATE active via TLS",
        "Status(StatusResponse { tag: Some(Tag(\"c\")), kind: No, code: Some(Simple(CompressionActive",
    ),
];

#[test]
fn rfc4978_compress() {
    run("4978", RFC4978);
}

/// RFC 7889 (APPENDLIMIT) §2, §3.1 and §3.2.
const RFC7889: &[Ex] = &[
    c("2", "t1 CAPABILITY", "Capability"),
    s(
        "2",
        "* CAPABILITY IMAP4rev1 ID APPENDLIMIT=257890",
        "Data(Capability",
    ),
    s("2", "t1 OK foo", "Status"),
    c("2", "t1 CAPABILITY", "Capability"),
    s(
        "2",
        "* CAPABILITY IMAP4rev1 ID APPENDLIMIT",
        "Data(Capability",
    ),
    s("2", "t1 OK foo", "Status"),
    c("3.1", "t1 STATUS INBOX (APPENDLIMIT)", "Status"),
    s("3.1", "* STATUS INBOX (APPENDLIMIT 257890)", "Data(Status"),
    s("3.1", "t1 OK STATUS completed", "Status"),
    c(
        "3.2",
        "t1 LIST \"\" % RETURN (STATUS (APPENDLIMIT))",
        "List { selection: []",
    ),
    // Two spaces before the name, as in RFC 5819's example; INBOX is sent as an atom.
    s("3.2", "* LIST () \".\"  \"INBOX\"", "Data(List").canon("* LIST () \".\" INBOX"),
    s(
        "3.2",
        "* STATUS \"INBOX\" (APPENDLIMIT 257890)",
        "Data(Status",
    )
    .canon("* STATUS INBOX (APPENDLIMIT 257890)"),
    s("3.2", "t1 OK List completed.", "Status"),
];

#[test]
fn rfc7889_appendlimit() {
    run("7889", RFC7889);
}

/// RFC 8438 (STATUS=SIZE) §3, its three examples.
const RFC8438: &[Ex] = &[
    c("3", "A01 STATUS frop (MESSAGES SIZE UIDNEXT)", "Status"),
    s(
        "3",
        "* STATUS frop (MESSAGES 8 SIZE 44421 UIDNEXT 242344)",
        "Data(Status",
    ),
    s("3", "A01 OK STATUS completed", "Status"),
    c("3", "A02 SELECT \"frop\"", "Select"),
    s(
        "3",
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "Data(Flags",
    ),
    s("3", "* 8 EXISTS", "Data(Exists(8))"),
    s("3", "* 1 RECENT", "Data(Recent(1))"),
    s("3", "* OK [UNSEEN 7] First unseen.", "Status"),
    s("3", "* OK [UIDVALIDITY 1364851417] UIDs valid", "Status"),
    s("3", "* OK [UIDNEXT 242344] Predicted next UID", "Status"),
    s(
        "3",
        "* OK [HIGHESTMODSEQ 3914] Highest",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(HighestModSeq(3914))",
    ),
    s("3", "A02 OK [READ-WRITE] Select completed.", "Status"),
    // A single FETCH attribute in parentheses: the encoder sends it bare.
    c("3", "A03 FETCH 1:* (RFC822.SIZE)", "Fetch").canon("A03 FETCH 1:* RFC822.SIZE"),
    s("3", "* 1 FETCH (RFC822.SIZE 3224)", "Data(Fetch"),
    s("3", "* 2 FETCH (RFC822.SIZE 1222)", "Data(Fetch"),
    s("3", "* 3 FETCH (RFC822.SIZE 444)", "Data(Fetch"),
    s("3", "* 4 FETCH (RFC822.SIZE 4516)", "Data(Fetch"),
    s("3", "* 5 FETCH (RFC822.SIZE 544)", "Data(Fetch"),
    s("3", "* 6 FETCH (RFC822.SIZE 922)", "Data(Fetch"),
    s("3", "* 7 FETCH (RFC822.SIZE 31126)", "Data(Fetch"),
    s("3", "* 8 FETCH (RFC822.SIZE 2423)", "Data(Fetch"),
    s("3", "A03 OK Fetch completed.", "Status"),
    c(
        "3",
        "A04 LIST \"\" % RETURN (STATUS (MESSAGES SIZE))",
        "List { selection: []",
    ),
    s("3", "* LIST () \".\" \"INBOX\"", "Data(List").canon("* LIST () \".\" INBOX"),
    s(
        "3",
        "* STATUS \"INBOX\" (MESSAGES 17 SIZE 16234)",
        "Data(Status",
    )
    .canon("* STATUS INBOX (MESSAGES 17 SIZE 16234)"),
    s("3", "* LIST () \".\" \"frop\"", "Data(List"),
    s(
        "3",
        "* STATUS \"frop\" (MESSAGES 8 SIZE 44421)",
        "Data(Status",
    ),
    s("3", "A04 OK List completed.", "Status"),
];

#[test]
fn rfc8438_status_size() {
    run("8438", RFC8438);
}

/// RFC 3348 (CHILDREN) §3, example 3.1.
const RFC3348: &[Ex] = &[
    c("3 ex. 3.1", "A001 LIST \"\" *", "List"),
    s(
        "3 ex. 3.1",
        "* LIST (\\HasNoChildren) \"/\" INBOX",
        "Data(List",
    ),
    s(
        "3 ex. 3.1",
        "* LIST (\\HasChildren) \"/\" ITEM_1",
        "Data(List",
    ),
    s(
        "3 ex. 3.1",
        "* LIST (\\HasNoChildren) \"/\" ITEM_1/ITEM_1A",
        "Data(List",
    ),
    s(
        "3 ex. 3.1",
        "* LIST (\\HasChildren) \"/\" ITEM_2",
        "Data(List",
    ),
    s("3 ex. 3.1", "A001 OK LIST Completed", "Status"),
];

#[test]
fn rfc3348_children() {
    run("3348", RFC3348);
}

/// The A003 APPEND of RFC 3502 with the given day of its second date-time.
macro_rules! rfc3502_a003 {
    ($day:literal) => {
        concat!(
            "A003 APPEND saved-messages (\\Seen) {329}\r\n",
            "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n",
            "From: Fred Foobar <foobar@Blurdybloop.example.COM>\r\n",
            "Subject: afternoon meeting\r\n",
            "To: mooch@owatagu.example.net\r\n",
            "Message-Id: <B27397-0100000@Blurdybloop.example.COM>\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n",
            "\r\n",
            "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
            " (\\Seen) \"",
            $day,
            "-Feb-1994 22:43:04 -0800\" {295}\r\n",
            "Date: Mon, 7 Feb 1994 22:43:04 -0800 (PST)\r\n",
            "From: Joe Mooch <mooch@OWaTaGu.example.net>\r\n",
            "Subject: Re: afternoon meeting\r\n",
            "To: foobar@blurdybloop.example.com\r\n",
            "Message-Id: <a0434793874930@OWaTaGu.example.net>\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n",
            "\r\n",
            "3:30 is fine with me.\r\n",
        )
    };
}

/// RFC 3502 (MULTIAPPEND) §6.3.11: the first APPEND, two messages in one command, each after
/// its synchronising literal (the client's `C:` lines joined with CRLF, the final empty `C:`
/// line being the command's own CRLF). Left out: the APPENDs tagged A004 and A005, whose
/// literals the client never finishes sending (the server refuses them first).
const RFC3502: &[Ex] = &[
    // The RFC writes the day of the second date-time with a leading space (`date-day-fixed`);
    // the encoder writes it with two digits, which the grammar also allows.
    c("6.3.11", rfc3502_a003!(" 7"), "Append").canon(rfc3502_a003!("07")),
    s("6.3.11", "+ Ready for literal data", "Continuation"),
    s("6.3.11", "A003 OK APPEND completed", "Status"),
    s(
        "6.3.11",
        "A004 NO [TRYCREATE] No such mailbox as bogusname",
        "Status(StatusResponse { tag: Some(Tag(\"A004\")), kind: No, code: Some(TryCreate",
    ),
    s(
        "6.3.11",
        "A005 NO APPEND failed: Disk quota exceeded",
        "Status",
    ),
];

#[test]
fn rfc3502_multiappend() {
    run("3502", RFC3502);
}

/// RFC 8474 (OBJECTID) §4.1 to §6. Left out: the APPENDs of §5.3, whose messages the RFC
/// elides with `[...]`, and the `C: 25 select "foo"` the RFC prints twice (kept once).
const RFC8474: &[Ex] = &[
    // Command names and the keywords of STATUS, FETCH, SEARCH and LIST are case-insensitive;
    // the encoder sends them uppercase.
    c("4.1", "3 create foo", "Create").canon("3 CREATE foo"),
    s(
        "4.1",
        "3 OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Completed",
        "Status(StatusResponse { tag: Some(Tag(\"3\")), kind: Ok, code: Some(MailboxId",
    ),
    c("4.1", "4 create bar", "Create").canon("4 CREATE bar"),
    s(
        "4.1",
        "4 OK [MAILBOXID (F6352ae03-b7f5-463c-896f-d8b48ee3)] Completed",
        "Status(StatusResponse { tag: Some(Tag(\"4\")), kind: Ok, code: Some(MailboxId",
    ),
    c("4.1", "5 create foo", "Create").canon("5 CREATE foo"),
    s("4.1", "5 NO Mailbox already exists", "Status"),
    c("4.2", "27 select \"foo\"", "Select").canon("27 SELECT \"foo\""),
    s(
        "4.2",
        "* OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Ok",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(MailboxId",
    ),
    s("4.2", "27 OK [READ-WRITE] Completed", "Status"),
    c(
        "4.3",
        "6 status foo (mailboxid)",
        "Status { mailbox: Other(Atom(AtomExt(\"foo\"))), items: [MailboxId]",
    )
    .canon("6 STATUS foo (MAILBOXID)"),
    s(
        "4.3",
        "* STATUS foo (MAILBOXID (F2212ea87-6097-4256-9d51-71338625))",
        "Data(Status",
    ),
    s("4.3", "6 OK Completed", "Status"),
    c("4.3", "7 status bar (mailboxid)", "Status").canon("7 STATUS bar (MAILBOXID)"),
    s(
        "4.3",
        "* STATUS bar (MAILBOXID (F6352ae03-b7f5-463c-896f-d8b48ee3))",
        "Data(Status",
    ),
    s("4.3", "7 OK Completed", "Status"),
    c("4.3", "8 rename foo renamed", "Rename").canon("8 RENAME foo renamed"),
    s("4.3", "* OK rename foo renamed", "Status"),
    s("4.3", "8 OK Completed", "Status"),
    c("4.3", "9 status renamed (mailboxid)", "Status").canon("9 STATUS renamed (MAILBOXID)"),
    s(
        "4.3",
        "* STATUS renamed (MAILBOXID (F2212ea87-6097-4256-9d51-71338625))",
        "Data(Status",
    ),
    s("4.3", "9 OK Completed", "Status"),
    c("4.3", "10 status bar (mailboxid)", "Status").canon("10 STATUS bar (MAILBOXID)"),
    s(
        "4.3",
        "* STATUS bar (MAILBOXID (F6352ae03-b7f5-463c-896f-d8b48ee3))",
        "Data(Status",
    ),
    s("4.3", "10 OK Completed", "Status"),
    c(
        "4.3",
        "11 list \"\" \"*\" return (status (mailboxid))",
        "List { selection: []",
    )
    .canon("11 LIST \"\" \"*\" RETURN (STATUS (MAILBOXID))"),
    s("4.3", "* LIST (\\HasNoChildren) \".\" INBOX", "Data(List"),
    s(
        "4.3",
        "* STATUS INBOX (MAILBOXID (Ff8e3ead4-9389-4aff-adb1-d8d89efd8cbf))",
        "Data(Status",
    ),
    s("4.3", "* LIST (\\HasNoChildren) \".\" bar", "Data(List"),
    s(
        "4.3",
        "* STATUS bar (MAILBOXID (F6352ae03-b7f5-463c-896f-d8b48ee3))",
        "Data(Status",
    ),
    s("4.3", "* LIST (\\HasNoChildren) \".\" renamed", "Data(List"),
    s(
        "4.3",
        "* STATUS renamed (MAILBOXID (F2212ea87-6097-4256-9d51-71338625))",
        "Data(Status",
    ),
    s("4.3", "11 OK Completed (0.001 secs 3 calls)", "Status"),
    s(
        "5.3",
        "5 OK [APPENDUID 1521475658 1] Completed",
        "Status(StatusResponse { tag: Some(Tag(\"5\")), kind: Ok, code: Some(AppendUid",
    ),
    s("5.3", "11 OK [APPENDUID 1521475658 2] Completed", "Status"),
    s("5.3", "17 OK [APPENDUID 1521475658 3] Completed", "Status"),
    c("5.3", "22 fetch 1:* (emailid threadid)", "Fetch").canon("22 FETCH 1:* (EMAILID THREADID)"),
    s(
        "5.3",
        "* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))",
        "Data(Fetch { seq: 1, items: [EmailId(",
    ),
    s(
        "5.3",
        "* 2 FETCH (EMAILID (M288836c4c7a762) THREADID (T64b478a75b7ea9))",
        "Data(Fetch { seq: 2, items: [EmailId(",
    ),
    s(
        "5.3",
        "* 3 FETCH (EMAILID (M5fdc09b49ea703) THREADID (T11863d02dd95b5))",
        "Data(Fetch { seq: 3, items: [EmailId(",
    ),
    s("5.3", "22 OK Completed (0.000 sec)", "Status"),
    c("5.3", "23 move 2 foo", "Move").canon("23 MOVE 2 foo"),
    s(
        "5.3",
        "* OK [COPYUID 1521475659 2 1] Completed",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(CopyUid",
    ),
    s("5.3", "* 2 EXPUNGE", "Data(Expunge(2))"),
    s("5.3", "23 OK Completed", "Status"),
    c("5.3", "24 fetch 1:* (emailid threadid)", "Fetch").canon("24 FETCH 1:* (EMAILID THREADID)"),
    s(
        "5.3",
        "* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))",
        "Data(Fetch { seq: 1, items: [EmailId(",
    ),
    s(
        "5.3",
        "* 2 FETCH (EMAILID (M5fdc09b49ea703) THREADID (T11863d02dd95b5))",
        "Data(Fetch { seq: 2, items: [EmailId(",
    ),
    s("5.3", "24 OK Completed (0.000 sec)", "Status"),
    c("5.3", "25 select \"foo\"", "Select").canon("25 SELECT \"foo\""),
    s("5.3", "25 OK [READ-WRITE] Completed", "Status"),
    c("5.3", "26 fetch 1:* (emailid threadid)", "Fetch").canon("26 FETCH 1:* (EMAILID THREADID)"),
    s(
        "5.3",
        "* 1 FETCH (EMAILID (M288836c4c7a762) THREADID (T64b478a75b7ea9))",
        "Data(Fetch { seq: 1, items: [EmailId(",
    ),
    s("5.3", "26 OK Completed (0.000 sec)", "Status"),
    c("5.3", "26 fetch 1:* (emailid threadid)", "Fetch").canon("26 FETCH 1:* (EMAILID THREADID)"),
    s(
        "5.3",
        "* 1 FETCH (EMAILID (M00000001) THREADID NIL)",
        "Data(Fetch { seq: 1, items: [EmailId(",
    ),
    s(
        "5.3",
        "* 2 FETCH (EMAILID (M00000002) THREADID NIL)",
        "Data(Fetch { seq: 2, items: [EmailId(",
    ),
    s("5.3", "26 OK Completed (0.000 sec)", "Status"),
    c(
        "6",
        "27 search emailid M6d99ac3275bb4e",
        "Search { uid: false, returns: None, charset: None, criteria: [EmailId",
    )
    .canon("27 SEARCH EMAILID M6d99ac3275bb4e"),
    s("6", "* SEARCH 1", "Data(Search"),
    s("6", "27 OK Completed (1 msgs in 0.000 secs)", "Status"),
    c("6", "28 search threadid T64b478a75b7ea9", "Search")
        .canon("28 SEARCH THREADID T64b478a75b7ea9"),
    s("6", "* SEARCH 1 2", "Data(Search"),
    s("6", "28 OK Completed (2 msgs in 0.000 secs)", "Status"),
];

#[test]
fn rfc8474_objectid() {
    run("8474", RFC8474);
}

/// RFC 5032 (WITHIN) §4. Left out: `S: a1 * SEARCH 4 8 15 16 23 42`, a tag in front of untagged
/// data, which no grammar allows (the server sends `* SEARCH 4 8 15 16 23 42`).
const RFC5032: &[Ex] = &[c(
    "4",
    "a1 SEARCH UNSEEN YOUNGER 259200",
    "Search { uid: false, returns: None, charset: None, criteria: [Unseen, Younger(259200)]",
)];

#[test]
fn rfc5032_within() {
    run("5032", RFC5032);
}

/// RFC 8970 (PREVIEW) §3.2 and §5. A literal's data follows its `{n}` line, the RFC's `S:`
/// lines joined with CRLF. Left out: the FETCH responses of example 2 whose envelopes the RFC
/// elides with `[...]`.
const RFC8970: &[Ex] = &[
    c(
        "3.2",
        "A1 FETCH 1 (PREVIEW)",
        "Fetch { uid: false, set: Set([Single(Value(1))]), items: Attributes([Preview { lazy: false }",
    )
    // A single FETCH attribute in parentheses: the encoder sends it bare.
    .canon("A1 FETCH 1 PREVIEW"),
    s(
        "3.2",
        "* 1 FETCH (PREVIEW \"Preview text!\")",
        "Data(Fetch { seq: 1, items: [Preview(",
    ),
    s("3.2", "A1 OK FETCH complete.", "Status"),
    c("5 ex. 1", "A1 CAPABILITY", "Capability"),
    s("5 ex. 1", "* CAPABILITY IMAP4rev1 PREVIEW", "Data(Capability"),
    s("5 ex. 1", "A1 OK Capability command completed.", "Status"),
    c("5 ex. 1", "A2 FETCH 1 (RFC822.SIZE PREVIEW)", "Fetch"),
    s(
        "5 ex. 1",
        "* 1 FETCH (RFC822.SIZE 5647 PREVIEW {200}\r\n\
         Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n\
         Curabitur aliquam turpis et ante dictum, et pulvinar dui congue.\r\n\
         Maecenas hendrerit, lorem non imperdiet pellentesque, nulla\r\n\
         ligula nullam\r\n\
         )",
        "Data(Fetch { seq: 1, items: [Rfc822Size(5647), Preview(",
    ),
    s("5 ex. 1", "A2 OK FETCH complete.", "Status"),
    c(
        "5 ex. 2",
        "B1 FETCH 1:4 (ENVELOPE PREVIEW (LAZY))",
        "Fetch",
    ),
    s("5 ex. 2", "B1 OK FETCH completed.", "Status"),
    c("5 ex. 2", "B2 FETCH 3:4 (PREVIEW)", "Fetch").canon("B2 FETCH 3:4 PREVIEW"),
    s(
        "5 ex. 2",
        "* 3 FETCH (PREVIEW {30}\r\nMessage data from message 3.\r\n)",
        "Data(Fetch { seq: 3, items: [Preview(",
    ),
    s(
        "5 ex. 2",
        "* 4 FETCH (PREVIEW \"Message 4 preview\")",
        "Data(Fetch { seq: 4, items: [Preview(",
    ),
    s("5 ex. 2", "B2 OK Fetch completed.", "Status"),
    c("5 ex. 3", "C1 CAPABILITY", "Capability"),
    s(
        "5 ex. 3",
        "* CAPABILITY IMAP4rev1 PREVIEW SEARCHRES",
        "Data(Capability",
    ),
    s("5 ex. 3", "C1 OK Capability command completed.", "Status"),
    c(
        "5 ex. 3",
        "C2 SEARCH RETURN (SAVE) FROM \"FOO\"",
        "Search { uid: false, returns: Some([Save])",
    ),
    c(
        "5 ex. 3",
        "C3 FETCH $ (UID PREVIEW (LAZY))",
        "Fetch { uid: false, set: Saved",
    ),
    s("5 ex. 3", "C2 OK SEARCH completed.", "Status"),
    s(
        "5 ex. 3",
        "* 5 FETCH (UID 13 PREVIEW \"Preview!\")",
        "Data(Fetch { seq: 5, items: [Uid(13), Preview(",
    ),
    s(
        "5 ex. 3",
        "* 9 FETCH (UID 23 PREVIEW NIL)",
        "Data(Fetch { seq: 9, items: [Uid(23), Preview(None)",
    ),
    s("5 ex. 3", "C3 OK FETCH completed.", "Status"),
    c("5 ex. 3", "C4 UID FETCH 23 (PREVIEW)", "Fetch { uid: true").canon("C4 UID FETCH 23 PREVIEW"),
    s(
        "5 ex. 3",
        "* 9 FETCH (UID 23 PREVIEW \"Another preview!\")",
        "Data(Fetch { seq: 9, items: [Uid(23), Preview(",
    ),
    s("5 ex. 3", "C4 OK FETCH completed.", "Status"),
];

#[test]
fn rfc8970_preview() {
    run("8970", RFC8970);
}

/// RFC 4469 (CATENATE) appendix A. Lines the RFC continues without `C: ` are joined with one
/// space; a literal's data is the following `C:` lines joined with CRLF. Left out: the APPENDs
/// of examples 2 and 4, whose literal counts ({738} and {541}) do not match the data the RFC
/// prints (721 and 540 octets), so no framer could read them as printed.
const RFC4469: &[Ex] = &[
    c(
        "A ex. 1",
        "A003 APPEND Drafts (\\Seen \\Draft $MDNSent) CATENATE \
         (URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER\" \
         TEXT {42}\r\n\
         \r\n\
         --------------030308070208000400050907\r\n \
         URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1.MIME\" \
         URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1\" TEXT {42}\r\n\
         \r\n\
         --------------030308070208000400050907\r\n \
         URL \"/Drafts;UIDVALIDITY=385759045/;UID=30\" TEXT {44}\r\n\
         \r\n\
         --------------030308070208000400050907--\r\n\
         )",
        "Append { mailbox: Other(Atom(AtomExt(\"Drafts\"))), messages: [AppendMessage { flags: [Seen, Draft, Keyword(Atom(\"$MDNSent\"))], date: None, data: Catenate([Url(",
    ),
    s("A ex. 1", "+ Ready for literal data", "Continuation"),
    s("A ex. 1", "A003 OK catenate append completed", "Status"),
    s(
        "A ex. 2",
        "A003 OK [APPENDUID 385759045 45] append Completed",
        "Status(StatusResponse { tag: Some(Tag(\"A003\")), kind: Ok, code: Some(AppendUid",
    ),
    c(
        "A ex. 2",
        "A004 UID STORE 20 +FLAGS.SILENT (\\Deleted)",
        "Store { uid: true",
    ),
    s("A ex. 2", "A004 OK STORE completed", "Status"),
    c(
        "A ex. 3",
        "A003 APPEND Drafts (\\Seen \\Draft $MDNSent) CATENATE \
         (URL \"/Drafts;UIDVALIDITY=385759045/;UID=21/;section=HEADER\" \
         TEXT {42}\r\n\
         \r\n\
         --------------030308070208000400050903\r\n \
         URL \"/Drafts;UIDVALIDITY=385759045/;UID=21/;section=1.MIME\" \
         URL \"/Drafts;UIDVALIDITY=385759045/;UID=21/;section=1\" TEXT {255}\r\n\
         \r\n\
         --------------030308070208000400050903\r\n\
         Content-type: text/plain; charset=\"us-ascii\"\r\n\
         Content-transfer-encoding: 7bit\r\n\
         \r\n\
         This body part contained a Power Point presentation that was\r\n\
         deleted upon your request.\r\n\
         --------------030308070208000400050903--\r\n\
         )",
        "Append",
    ),
    s("A ex. 3", "A003 OK append Completed", "Status"),
    // Wrapped in the RFC after `UID=113330;`.
    s(
        "A ex. 4",
        "A003 NO [BADURL \"/INBOX;UIDVALIDITY=785799047/;UID=113330; section=1.5.9\"] CATENATE append has failed, one message expunged",
        "Status(StatusResponse { tag: Some(Tag(\"A003\")), kind: No, code: Some(BadUrl(",
    ),
];

#[test]
fn rfc4469_catenate() {
    run("4469", RFC4469);
}

/// RFC 5267 (CONTEXT=SEARCH, CONTEXT=SORT, ESORT) §3.3 to §4.4, wrapped command lines joined.
/// Left out: the ESEARCH results the RFC elides (`23761,[...]`, `(23500:24000 ...)`,
/// `(1:500 ...)`), and the two SORT commands of §4.3 and §4.3.1 (`B01 SORT RETURN (UPDATE)
/// FLAGGED`, `B02 UID SORT RETURN (UPDATE COUNT) UTF-8 KEYWORD $Junk`), which lack the sort
/// criteria (and the first the charset) that RFC 5256 and §5 of this RFC require.
const RFC5267: &[Ex] = &[
    c(
        "3.3",
        "E01 UID SORT RETURN () (REVERSE DATE) UTF-8 UNDELETED UNKEYWORD $Junk",
        "Sort { uid: true, returns: Some([])",
    ),
    s("3.3", "E01 OK Sort completed", "Status"),
    c(
        "4.2",
        "A01 SEARCH RETURN (CONTEXT COUNT) UNDELETED UNKEYWORD $Junk",
        "Search { uid: false, returns: Some([Context, Count])",
    ),
    s("4.2", "* ESEARCH (TAG \"A01\") COUNT 23765", "Data(ESearch"),
    s("4.2", "A01 OK Search completed.", "Status"),
    c(
        "4.3",
        "B01 UID SEARCH RETURN (UPDATE COUNT) DELETED KEYWORD $Junk",
        "Search { uid: true, returns: Some([Update, Count])",
    ),
    s("4.3", "* ESEARCH (TAG \"B01\") COUNT 74", "Data(ESearch"),
    s("4.3", "B01 OK Search completed, will notify.", "Status"),
    s("4.3", "B01 BAD Tag reuse", "Status"),
    s("4.3.1", "* ESEARCH (TAG \"B02\") COUNT 74", "Data(ESearch"),
    s(
        "4.3.1",
        "* NO [NOUPDATE \"B02\"] Too many contexts",
        "Status(StatusResponse { tag: None, kind: No, code: Some(NoUpdate(",
    ),
    s(
        "4.3.1",
        "B02 OK Search completed, will not notify.",
        "Status",
    ),
    s(
        "4.3.3",
        "* 23762 FETCH (FLAGS (\\Deleted \\Seen))",
        "Data(Fetch",
    ),
    s(
        "4.3.3",
        "* 23763 FETCH (FLAGS ($Junk \\Seen))",
        "Data(Fetch",
    ),
    s(
        "4.3.3",
        "* ESEARCH (TAG \"B01\") UID ADDTO (0 32768:32769)",
        "Data(ESearch",
    ),
    s(
        "4.3.3",
        "* ESEARCH (TAG \"C01\") UID ADDTO (1 2733 1 2732 1 2731)",
        "Data(ESearch",
    ),
    s(
        "4.3.3",
        "* ESEARCH (TAG \"C01\") UID ADDTO (1 2733) ADDTO (1 2731:2732)",
        "Data(ESearch",
    ),
    s(
        "4.3.3",
        "* ESEARCH (TAG \"C01\") UID ADDTO (1 2731:2733)",
        "Data(ESearch",
    ),
    s(
        "4.3.4",
        "* ESEARCH (TAG \"B01\") UID REMOVEFROM (0 32768)",
        "Data(ESearch",
    ),
    c("4.3.4", "B03 NOOP", "Noop"),
    s("4.3.4", "* 23762 EXPUNGE", "Data(Expunge(23762))"),
    s("4.3.4", "B03 OK Nothing done.", "Status"),
    c("4.3.5", "B04 CANCELUPDATE \"B01\"", "CancelUpdate"),
    s("4.3.5", "B04 OK No further updates.", "Status"),
    c(
        "4.4",
        "A02 UID SEARCH RETURN (PARTIAL 23500:24000) UNDELETED UNKEYWORD $Junk",
        "Search { uid: true, returns: Some([Partial(",
    ),
    c(
        "4.4",
        "A03 UID SEARCH RETURN (PARTIAL 1:500) UNDELETED UNKEYWORD $Junk",
        "Search { uid: true, returns: Some([Partial(",
    ),
    c(
        "4.4",
        "A04 UID SEARCH RETURN (PARTIAL 24000:24500) UNDELETED UNKEYWORD $Junk",
        "Search { uid: true, returns: Some([Partial(",
    ),
    s("4.4", "A02 OK Completed.", "Status"),
    s("4.4", "A03 OK Completed.", "Status"),
    s(
        "4.4",
        "* ESEARCH (TAG \"A04\") UID PARTIAL (24000:24500 NIL)",
        "Data(ESearch",
    ),
    s("4.4", "A04 OK Completed.", "Status"),
];

#[test]
fn rfc5267_context() {
    run("5267", RFC5267);
}

/// RFC 8514 (SAVEDATE) §4.2 and §4.3.
const RFC8514: &[Ex] = &[
    // A single FETCH attribute in parentheses: the encoder sends it bare.
    c("4.2", "A101 FETCH 998 (SAVEDATE)", "Fetch").canon("A101 FETCH 998 SAVEDATE"),
    s(
        "4.2",
        "* 998 FETCH (SAVEDATE \"01-Jan-2015 18:50:53 +0100\")",
        "Data(Fetch { seq: 998, items: [SaveDate(Some(",
    ),
    s("4.2", "A101 OK Fetch completed.", "Status"),
    c(
        "4.3",
        "A102 SEARCH SAVEDON 28-Dec-2014",
        "Search { uid: false, returns: None, charset: None, criteria: [SavedOn(",
    ),
    s("4.3", "* SEARCH 993 994", "Data(Search"),
    s("4.3", "A102 OK Search completed.", "Status"),
    c(
        "4.3",
        "A103 SEARCH SAVEDSINCE 28-Dec-2014",
        "Search { uid: false, returns: None, charset: None, criteria: [SavedSince(",
    ),
    s(
        "4.3",
        "* SEARCH 993 994 995 996 997 998 999 1000 1001",
        "Data(Search",
    ),
    s("4.3", "A103 OK Search completed.", "Status"),
];

#[test]
fn rfc8514_savedate() {
    run("8514", RFC8514);
}

/// RFC 6203 (SEARCH=FUZZY) §3, §4 and §6, wrapped command lines joined.
const RFC6203: &[Ex] = &[
    c(
        "3",
        "A1 SEARCH FUZZY (SUBJECT \"IMAP break\")",
        "Search { uid: false, returns: None, charset: None, criteria: [Fuzzy(",
    ),
    s("3", "* SEARCH 1 5 10", "Data(Search"),
    s("3", "A1 OK Search completed.", "Status"),
    c(
        "3",
        "A2 SEARCH FUZZY SUBJECT work FROM user@example.com",
        "Search { uid: false, returns: None, charset: None, criteria: [Fuzzy(",
    ),
    s("3", "* SEARCH 1 4", "Data(Search"),
    s("3", "A2 OK Search completed.", "Status"),
    c(
        "4",
        "B1 SEARCH RETURN (RELEVANCY ALL) FUZZY TEXT \"Helo\"",
        "Search { uid: false, returns: Some([Relevancy, All])",
    ),
    s(
        "4",
        "* ESEARCH (TAG \"B1\") ALL 1,5,10 RELEVANCY (4 99 42)",
        "Data(ESearch",
    ),
    s("4", "B1 OK Search completed.", "Status"),
    c(
        "6",
        "C1 SORT (RELEVANCY) UTF-8 FUZZY SUBJECT \"Helo\"",
        "Sort { uid: false, returns: None, criteria: [SortCriterion { reverse: false, key: Atom(\"RELEVANCY\")",
    ),
    s("6", "* SORT 5 10 1", "Data(Sort"),
    s("6", "C1 OK Sort completed.", "Status"),
    c(
        "6",
        "C2 SORT RETURN (RELEVANCY ALL) (RELEVANCY) UTF-8 FUZZY TEXT \"Helo\"",
        "Sort { uid: false, returns: Some([Relevancy, All])",
    ),
    s(
        "6",
        "* ESEARCH (TAG \"C2\") ALL 5,10,1 RELEVANCY (99 42 4)",
        "Data(ESearch",
    ),
    s("6", "C2 OK Sort completed.", "Status"),
    c(
        "6",
        "C3 SORT RETURN (PARTIAL 1:10) (RELEVANCY) UTF-8 FUZZY TEXT \"World\"",
        "Sort { uid: false, returns: Some([Partial(",
    ),
    s(
        "6",
        "* ESEARCH (TAG \"C3\") PARTIAL (1:10 42,9,34,13,15,4,2,7,23,82)",
        "Data(ESearch",
    ),
    s("6", "C3 OK Sort completed.", "Status"),
];

#[test]
fn rfc6203_fuzzy() {
    run("6203", RFC6203);
}

/// The NAMESPACE response of RFC 5255 §3.2 and §3.4 with its TRANSLATION extensions, the RFC's
/// wrapped lines joined with one space.
const RFC5255_NAMESPACE: &str = "* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\" \"TRANSLATION\" (\"Andere Ben&APw-tzer/\"))) ((\"Public Folders/\" \"/\" \"TRANSLATION\" (\"Gemeinsame Postf&AM8-cher/\")))";

/// RFC 5255 (LANGUAGE, I18NLEVEL) §3.2, §3.4 and §4.7, all their examples. Left out: D002's
/// NAMESPACE response, which has no space between its first two namespaces (`(("" "/"))(("Other
/// Users/"`), where the grammar requires one.
const RFC5255: &[Ex] = &[
    c("3.2", "A001 LOGIN KAREN PASSWORD", "Login"),
    s("3.2", "A001 OK LOGIN completed", "Status"),
    c("3.2", "A002 LANGUAGE MUL", "UrlAuth(Language("),
    s("3.2", "A002 NO Unsupported language MUL", "Status"),
    c("3.2", "A003 LANGUAGE", "UrlAuth(Language([])"),
    s(
        "3.2",
        "* LANGUAGE (EN DE IT i-default)",
        "Data(UrlAuth(Language(",
    ),
    s(
        "3.2",
        "A003 OK Supported languages have been enumerated",
        "Status",
    ),
    c("3.2", "B001 LANGUAGE", "UrlAuth(Language([])"),
    s(
        "3.2",
        "B001 NO Server is unable to enumerate supported languages",
        "Status",
    ),
    c("3.2", "C001 LANGUAGE DE", "UrlAuth(Language("),
    s("3.2", "* LANGUAGE (DE)", "Data(UrlAuth(Language("),
    s("3.2", RFC5255_NAMESPACE, "Data(Namespace"),
    s(
        "3.2",
        "C001 OK Sprachwechsel durch LANGUAGE-Befehl ausgefuehrt",
        "Status",
    ),
    c("3.2", "D001 LANGUAGE FR", "UrlAuth(Language("),
    s(
        "3.2",
        "D001 NO Diese Sprache ist nicht unterstuetzt",
        "Status",
    ),
    c("3.2", "D002 LANGUAGE DE-IT", "UrlAuth(Language("),
    s("3.2", "* LANGUAGE (DE-IT)", "Data(UrlAuth(Language("),
    s(
        "3.2",
        "D002 OK Sprachwechsel durch LANGUAGE-Befehl ausgefuehrt",
        "Status",
    ),
    c("3.2", "D003 LANGUAGE \"default\"", "UrlAuth(Language("),
    s("3.2", "* LANGUAGE (DE)", "Data(UrlAuth(Language("),
    s(
        "3.2",
        "D003 OK Sprachwechsel durch LANGUAGE-Befehl ausgefuehrt",
        "Status",
    ),
    c("3.2", "E001 LANGUAGE FR-CA EN-CA", "UrlAuth(Language("),
    s("3.2", "* LANGUAGE (EN)", "Data(UrlAuth(Language("),
    s("3.2", "E001 OK Now speaking English", "Status"),
    c("3.4", "A001 LANGUAGE DE-IT", "UrlAuth(Language("),
    s("3.4", RFC5255_NAMESPACE, "Data(Namespace"),
    s("3.4", "A001 OK LANGUAGE-Befehl ausgefuehrt", "Status"),
    c(
        "4.7",
        "A001 COMPARATOR \"cz;*\" i;basic",
        "UrlAuth(Comparator(",
    ),
    s("4.7", "* COMPARATOR i;basic", "Data(UrlAuth(Comparator("),
    s("4.7", "A001 OK Will use i;basic for collation", "Status"),
];

#[test]
fn rfc5255_i18n() {
    run("5255", RFC5255);
}

/// RFC 2221 (LOGIN-REFERRALS) §3, §4.1 and §4.2, wrapped response lines joined. Left out: the
/// `<authentication exchange>` the RFC elides.
const RFC2221: &[Ex] = &[
    s(
        "3",
        "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/] Remote Server",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(\"IMAP://user;AUTH=*@SERVER2/\"))",
    ),
    c("4.1", "A001 LOGIN MIKE PASSWORD", "Login"),
    s(
        "4.1",
        "A001 NO [REFERRAL IMAP://MIKE@SERVER2/] Specified user is invalid on this server. Try SERVER2.",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(",
    ),
    c("4.1", "A001 LOGIN MATTHEW PASSWORD", "Login"),
    s(
        "4.1",
        "A001 OK [REFERRAL IMAP://MATTHEW@SERVER2/] Specified user's personal mailboxes located on Server2, but public mailboxes are available.",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: Ok, code: Some(Referral(",
    ),
    c("4.1", "A001 AUTHENTICATE GSSAPI", "Authenticate"),
    s(
        "4.1",
        "A001 NO [REFERRAL IMAP://user;AUTH=GSSAPI@SERVER2/] Specified user is invalid on this server. Try SERVER2.",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(",
    ),
    s(
        "4.2",
        "* BYE [REFERRAL IMAP://user;AUTH=*@SERVER2/] Server not accepting connections.  Try SERVER2",
        "Status(StatusResponse { tag: None, kind: Bye, code: Some(Referral(",
    ),
];

#[test]
fn rfc2221_login_referrals() {
    run("2221", RFC2221);
}

/// RFC 2193 (MAILBOX-REFERRALS) §3 and §4.1 to §4.4, wrapped response lines joined. Left out: the
/// `<authentication exchange>` and FETCH data (`* 10 FETCH . . .`) the RFC elides, and its
/// `* OK [PERMANENTFLAGS (Answered Deleted Seen ]`, whose list is never closed.
const RFC2193: &[Ex] = &[
    // No space between the code and the text: the grammar wants one, the parser takes the line
    // without it and the encoder sends it.
    s(
        "3",
        "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE]Remote Mailbox",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(",
    )
    .canon("A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE] Remote Mailbox"),
    c("4.1", "A001 DELETE \"SHARED/FOO\"", "Delete"),
    s(
        "4.1",
        "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/FOO] Remote mailbox. Try SERVER2.",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(",
    ),
    s("4.1", "* OK IMAP4rev1 server ready", "Status"),
    c("4.1", "B001 AUTHENTICATE KERBEROS_V4", "Authenticate"),
    s("4.1", "B001 OK user is authenticated", "Status"),
    c("4.1", "B002 DELETE \"SHARED/FOO\"", "Delete"),
    s("4.1", "B002 OK DELETE completed", "Status"),
    c("4.1", "A001 SELECT REMOTE", "Select"),
    s(
        "4.1",
        "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE IMAP://user;AUTH=*@SERVER3/REMOTE] Remote mailbox. Try SERVER2 or SERVER3.",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(\"IMAP://user;AUTH=*@SERVER2/REMOTE IMAP://user;AUTH=*@SERVER3/REMOTE\"))",
    ),
    s("4.1", "* OK IMAP4rev1 server ready", "Status"),
    c("4.1", "B001 AUTHENTICATE KERBEROS_V4", "Authenticate"),
    s("4.1", "B001 OK user is authenticated", "Status"),
    c("4.1", "B002 SELECT REMOTE", "Select"),
    s("4.1", "* 12 EXISTS", "Data(Exists(12))"),
    s("4.1", "* 1 RECENT", "Data(Recent(1))"),
    s(
        "4.1",
        "* OK [UNSEEN 10] Message 10 is first unseen",
        "Status",
    ),
    s(
        "4.1",
        "* OK [UIDVALIDITY 123456789]",
        "Status(StatusResponse { tag: None, kind: Ok, code: Some(UidValidity(",
    ),
    s(
        "4.1",
        "* FLAGS (Answered Flagged Deleted Seen Draft)",
        "Data(Flags",
    ),
    s("4.1", "B002 OK [READ-WRITE] Selected completed", "Status"),
    c("4.1", "B003 FETCH 10:12 RFC822", "Fetch"),
    s("4.1", "B003 OK FETCH Completed", "Status"),
    c("4.1", "B004 LOGOUT", "Logout"),
    s("4.1", "* BYE IMAP4rev1 server logging out", "Status"),
    s("4.1", "B004 OK LOGOUT Completed", "Status"),
    c("4.1", "A002 SELECT INBOX", "Select"),
    s("4.1", "* 16 EXISTS", "Data(Exists(16))"),
    s("4.1", "* 2 RECENT", "Data(Recent(2))"),
    s(
        "4.1",
        "* OK [UNSEEN 10] Message 10 is first unseen",
        "Status",
    ),
    s("4.1", "* OK [UIDVALIDITY 123456789]", "Status"),
    s(
        "4.1",
        "* FLAGS (Answered Flagged Deleted Seen Draft)",
        "Data(Flags",
    ),
    s("4.1", "A002 OK [READ-WRITE] Selected completed", "Status"),
    c("4.2", "A001 CREATE \"SHARED/FOO\"", "Create"),
    s(
        "4.2",
        "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/FOO] Mailbox should be created on remote server",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(",
    ),
    c("4.2", "A001 CREATE \"SHARED/FOO\"", "Create"),
    s("4.2", "A001 OK CREATE succeeded", "Status"),
    c("4.2", "A002 SELECT \"SHARED/FOO\"", "Select"),
    s(
        "4.2",
        "A002 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/FOO] Remote mailbox.  Try SERVER2",
        "Status(StatusResponse { tag: Some(Tag(\"A002\")), kind: No, code: Some(Referral(",
    ),
    c("4.3", "A001 RENAME FOO BAR", "Rename"),
    s(
        "4.3",
        "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER1/FOO IMAP://user;AUTH=*@SERVER2/BAR] Unable to rename mailbox across servers",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(",
    ),
    c("4.3", "A001 RENAME FOO BAR", "Rename"),
    s(
        "4.3",
        "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/FOO IMAP://user;AUTH=*@SERVER2/BAR] Unable to rename mailbox located on SERVER2",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(",
    ),
    c("4.4", "A001 COPY 1 \"SHARED/STUFF\"", "Copy"),
    s(
        "4.4",
        "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/STUFF] Unable to copy message(s) to SERVER2.",
        "Status(StatusResponse { tag: Some(Tag(\"A001\")), kind: No, code: Some(Referral(",
    ),
];

#[test]
fn rfc2193_mailbox_referrals() {
    run("2193", RFC2193);
}
