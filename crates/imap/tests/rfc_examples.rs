//! Known-answer tests from the examples of the IMAP extension RFCs, both directions.
//!
//! Every entry is one protocol line of an RFC example, as printed there after `C:` or `S:`
//! (lines the RFC wraps for width are joined with one space, as the RFC's text says they are
//! sent; a literal's data follows its `{n}` line). Each is parsed, checked to be the typed
//! value expected (its `Debug` form starts with the variant named in the table, never a
//! generic fallback such as `Data::Other`), encoded again and compared with the RFC bytes.
//! Where the RFC's text is not the encoder's canonical form the entry names the canonical
//! bytes and says why; those must parse back to the same value.
//!
//! Lines that are not protocol (prose, `...`, elided data such as `* 4 FETCH (...)`) are left
//! out; each table says which examples it leaves out and why.

use mailwire_imap::command::{parse_authenticate_data, parse_command, parse_idle_done};
use mailwire_imap::encode::Encode;
use mailwire_imap::response::parse_response;

/// Who sends the line and how it is read.
#[derive(Clone, Copy, Debug)]
enum Side {
    /// A tagged command.
    Client,
    /// A response.
    Server,
    /// The `DONE` that ends IDLE.
    Done,
    /// A line sent in answer to an AUTHENTICATE challenge.
    AuthData,
}
use Side::{AuthData, Client, Done, Server};

/// One RFC line.
#[derive(Clone, Copy, Debug)]
struct Ex {
    /// The RFC section.
    section: &'static str,
    side: Side,
    /// The bytes as sent, without the final CRLF.
    wire: &'static str,
    /// The start of the `Debug` form of the parsed command body or response.
    shape: &'static str,
    /// The canonical encoding, when the RFC's text is not it (and why, in a comment beside it).
    canonical: Option<&'static str>,
}

const fn c(section: &'static str, wire: &'static str, shape: &'static str) -> Ex {
    Ex {
        section,
        side: Client,
        wire,
        shape,
        canonical: None,
    }
}

const fn s(section: &'static str, wire: &'static str, shape: &'static str) -> Ex {
    Ex {
        section,
        side: Server,
        wire,
        shape,
        canonical: None,
    }
}

const fn done(section: &'static str) -> Ex {
    Ex {
        section,
        side: Done,
        wire: "DONE",
        shape: "",
        canonical: None,
    }
}

const fn auth(section: &'static str, wire: &'static str) -> Ex {
    Ex {
        section,
        side: AuthData,
        wire,
        shape: "Continue",
        canonical: None,
    }
}

impl Ex {
    const fn canon(mut self, canonical: &'static str) -> Self {
        self.canonical = Some(canonical);
        self
    }
}

/// Runs a table; returns how many lines it checked.
fn run(rfc: &str, table: &[Ex]) -> usize {
    for ex in table {
        let input = format!("{}\r\n", ex.wire);
        let want = format!("{}\r\n", ex.canonical.unwrap_or(ex.wire));
        let what = format!("RFC {rfc} {}: {}", ex.section, ex.wire);
        match ex.side {
            Client => {
                let cmd = parse_command(input.as_bytes())
                    .unwrap_or_else(|e| panic!("{what}: does not parse: {e}"));
                let shape = format!("{:?}", cmd.body);
                assert!(shape.starts_with(ex.shape), "{what}: parsed as {shape}");
                let bytes = cmd.to_bytes();
                assert_eq!(String::from_utf8_lossy(&bytes), want, "{what}");
                assert_eq!(parse_command(&bytes).expect("re-parses"), cmd, "{what}");
            }
            Server => {
                let r = parse_response(input.as_bytes())
                    .unwrap_or_else(|e| panic!("{what}: does not parse: {e}"));
                let shape = format!("{r:?}");
                assert!(shape.starts_with(ex.shape), "{what}: parsed as {shape}");
                assert!(!shape.starts_with("Data(Other"), "{what}: generic {shape}");
                let bytes = r.to_bytes();
                assert_eq!(String::from_utf8_lossy(&bytes), want, "{what}");
                assert_eq!(parse_response(&bytes).expect("re-parses"), r, "{what}");
            }
            Done => {
                parse_idle_done(input.as_bytes())
                    .unwrap_or_else(|e| panic!("{what}: does not parse: {e}"));
            }
            AuthData => {
                let d = parse_authenticate_data(input.as_bytes())
                    .unwrap_or_else(|e| panic!("{what}: does not parse: {e}"));
                assert!(format!("{d:?}").starts_with(ex.shape), "{what}: {d:?}");
            }
        }
    }
    table.len()
}

/// RFC 2177 (IDLE) §3. Left out: `* 4 FETCH (...)`, whose data the RFC elides.
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
];

/// RFC 3691 (UNSELECT) §2.
const RFC3691: &[Ex] = &[
    c("2", "A341 UNSELECT", "Unselect"),
    s("2", "A341 OK Unselect completed", "Status"),
];

/// RFC 4315 (UIDPLUS) §2.1 and §3. Left out: the APPEND of §3, whose message the RFC elides.
const RFC4315: &[Ex] = &[
    c("2.1", "A003 UID EXPUNGE 3000:3002", "UidExpunge"),
    s("2.1", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("2.1", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("2.1", "* 3 EXPUNGE", "Data(Expunge(3))"),
    s("2.1", "A003 OK UID EXPUNGE completed", "Status"),
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

/// RFC 5161 (ENABLE) §3.1 and §4.
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
    c("4", "a1 ENABLE CONDSTORE", "Enable"),
    s("4", "* ENABLED CONDSTORE", "Data(Enabled"),
    s("4", "a1 OK Conditional Store enabled", "Status"),
];

/// RFC 2342 (NAMESPACE) §5, examples 5.1 to 5.7 and 5.9 (5.8 prints only the NAMESPACE line
/// of 5.7 again with another prefix).
const RFC2342: &[Ex] = &[
    c("5.1", "A001 NAMESPACE", "Namespace"),
    s(
        "5.1",
        "* NAMESPACE ((\"\" \"/\")) NIL NIL",
        "Data(Namespace",
    ),
    s("5.1", "A001 OK NAMESPACE command completed", "Status"),
    s(
        "5.2",
        "* NAMESPACE NIL NIL ((\"\" \".\"))",
        "Data(Namespace",
    ),
    s(
        "5.3",
        "* NAMESPACE ((\"\" \"/\")) NIL ((\"Public Folders/\" \"/\"))",
        "Data(Namespace",
    ),
    // Wrapped in the RFC after `("#shared/" "/")`; the groups touch, as in 5.6.
    s(
        "5.4",
        "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" \"/\")(\"#ftp/\" \"/\")(\"#news.\" \".\"))",
        "Data(Namespace",
    ),
    // The RFC prints two spaces between the NILs, which the grammar does not allow; the
    // parser takes them (servers copied the example) and the encoder sends one.
    s(
        "5.5",
        "* NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL",
        "Data(Namespace",
    )
    .canon("* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL"),
    s(
        "5.6",
        "* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL",
        "Data(Namespace",
    ),
    s(
        "5.7",
        "* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) NIL",
        "Data(Namespace",
    ),
    s(
        "5.9",
        "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) NIL",
        "Data(Namespace",
    ),
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

/// RFC 4959 (SASL-IR) §3.
const RFC4959: &[Ex] = &[
    c("3", "A01 AUTHENTICATE PLAIN", "Authenticate"),
    // The RFC notes the space after `+`: an empty challenge.
    s("3", "+ ", "Continuation"),
    auth("3", "dGVzdAB0ZXN0AHRlc3Q="),
    s("3", "A01 OK Success (tls protection)", "Status"),
    c(
        "3",
        "A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=",
        "Authenticate",
    ),
    s("3", "A01 OK Success (tls protection)", "Status"),
];

/// RFC 7888 (LITERAL+ / LITERAL-) §4: one command with two non-synchronising literals.
const RFC7888: &[Ex] = &[
    c(
        "4",
        "A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man",
        "Login",
    ),
    s("4", "A001 OK LOGIN completed", "Status"),
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
