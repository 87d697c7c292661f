//! Known-answer tests from the RFCs' own examples, run both ways, and round-trip properties.
#![allow(clippy::unwrap_used)] // Test helpers: a panic is a failed assertion.

use bytes::BytesMut;
use mailwire_core::Secret;
use mailwire_pop3::*;
use proptest::prelude::*;

fn encoded(f: impl FnOnce(&mut BytesMut)) -> Vec<u8> {
    let mut out = BytesMut::new();
    f(&mut out);
    out.to_vec()
}

fn n(v: u32) -> MessageNumber {
    MessageNumber::new(v).unwrap()
}

fn text(s: &str) -> Text<'_> {
    Text::try_from(s).unwrap()
}

/// Parses `line` (with CRLF) as a command, checks it equals `value`, and checks `value` encodes
/// back to `line`.
fn command_both_ways(line: &[u8], value: Command<'_>) {
    let body = &line[..line.len() - 2];
    assert_eq!(
        Command::parse(body).unwrap(),
        value,
        "{:?}",
        String::from_utf8_lossy(line)
    );
    assert_eq!(encoded(|o| value.encode(o)), line);
}

fn response_both_ways(line: &[u8], value: Response<'_>) {
    let body = &line[..line.len() - 2];
    assert_eq!(
        Response::parse(body).unwrap(),
        value,
        "{:?}",
        String::from_utf8_lossy(line)
    );
    assert_eq!(encoded(|o| value.encode(o)), line);
}

fn capability_both_ways(line: &[u8], value: Capability<'_>) {
    let body = &line[..line.len() - 2];
    assert_eq!(Capability::parse(body).unwrap(), value);
    assert_eq!(encoded(|o| value.encode(o)), line);
}

#[test]
fn rfc1939_commands() {
    command_both_ways(
        b"USER mrose\r\n",
        Command::User(UserName::try_from("mrose").unwrap()),
    );
    command_both_ways(
        b"PASS secret\r\n",
        Command::Pass(Secret::new(text("secret"))),
    );
    command_both_ways(b"STAT\r\n", Command::Stat);
    command_both_ways(b"LIST\r\n", Command::List(None));
    command_both_ways(b"LIST 2\r\n", Command::List(Some(n(2))));
    command_both_ways(b"RETR 1\r\n", Command::Retr(n(1)));
    command_both_ways(b"DELE 1\r\n", Command::Dele(n(1)));
    command_both_ways(b"NOOP\r\n", Command::Noop);
    command_both_ways(b"RSET\r\n", Command::Rset);
    command_both_ways(b"QUIT\r\n", Command::Quit);
    command_both_ways(
        b"TOP 1 10\r\n",
        Command::Top {
            message: n(1),
            lines: 10,
        },
    );
    command_both_ways(b"UIDL\r\n", Command::Uidl(None));
    command_both_ways(b"UIDL 2\r\n", Command::Uidl(Some(n(2))));
    command_both_ways(
        b"APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n",
        Command::Apop {
            name: UserName::try_from("mrose").unwrap(),
            digest: [
                0xc4, 0xc9, 0x33, 0x4b, 0xac, 0x56, 0x0e, 0xcc, 0x97, 0x9e, 0x58, 0x00, 0x1b, 0x3e,
                0x22, 0xfb,
            ],
        },
    );
}

#[test]
fn rfc1939_apop_digest() {
    let digest = apop_digest("<1896.697170952@dbc.mtview.ca.us>", b"tanstaaf");
    assert_eq!(
        encoded(|o| Command::Apop {
            name: UserName::try_from("mrose").unwrap(),
            digest
        }
        .encode(o)),
        b"APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n"
    );
}

#[test]
fn keywords_are_case_insensitive_and_errors_are_items() {
    assert_eq!(Command::parse(b"stat").unwrap(), Command::Stat);
    assert_eq!(Command::parse(b"rEtR 7").unwrap(), Command::Retr(n(7)));
    assert_eq!(
        Command::parse(b"XTND XMIT"),
        Err(ParseError::UnknownCommand)
    );
    assert_eq!(Command::parse(b""), Err(ParseError::UnknownCommand));
    assert!(matches!(
        Command::parse(b"RETR 0"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        Command::parse(b"RETR"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        Command::parse(b"RETR x"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        Command::parse(b"RETR 99999999999"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        Command::parse(b"STAT 1"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        Command::parse(b"TOP 1"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        Command::parse(b"APOP mrose c4c9"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        Command::parse(b"PASS \xff"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        Command::parse(b"AUTH PLAIN !!!"),
        Err(ParseError::Syntax(_))
    ));
}

#[test]
fn passwords_keep_spaces_and_never_print() {
    let command = Command::parse(b"PASS a b  c").unwrap();
    let Command::Pass(password) = &command else {
        panic!("PASS expected")
    };
    assert_eq!(password.expose().as_str(), "a b  c");
    assert!(!format!("{command:?}").contains("a b"));
}

#[test]
fn rfc1939_responses() {
    response_both_ways(
        b"+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n",
        Response::ok(text("POP3 server ready <1896.697170952@dbc.mtview.ca.us>")).unwrap(),
    );
    let greeting =
        Response::parse(b"+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>").unwrap();
    assert_eq!(
        greeting.apop_timestamp(),
        Some("<1896.697170952@dbc.mtview.ca.us>")
    );
    response_both_ways(
        b"+OK mrose's maildrop has 2 messages (320 octets)\r\n",
        Response::ok(text("mrose's maildrop has 2 messages (320 octets)")).unwrap(),
    );
    response_both_ways(b"+OK 2 320\r\n", Response::ok(text("2 320")).unwrap());
    assert_eq!(
        DropListing::parse("2 320").unwrap(),
        DropListing {
            count: 2,
            size: 320
        }
    );
    response_both_ways(
        b"-ERR no such message, only 2 messages in maildrop\r\n",
        Response::err(None, text("no such message, only 2 messages in maildrop")).unwrap(),
    );
    response_both_ways(b"+OK\r\n", Response::ok(text("")).unwrap());
    assert_eq!(
        ScanListing::parse(b"2 200").unwrap(),
        ScanListing {
            message: n(2),
            size: 200
        }
    );
    assert_eq!(
        encoded(|o| ScanListing {
            message: n(1),
            size: 120
        }
        .encode(o)),
        b"1 120\r\n"
    );
    let uid = UidListing::parse(b"2 QhdPYR:00WBw1Ph7x7").unwrap();
    assert_eq!(uid.message, n(2));
    assert_eq!(uid.uid.as_str(), "QhdPYR:00WBw1Ph7x7");
    assert_eq!(encoded(|o| uid.encode(o)), b"2 QhdPYR:00WBw1Ph7x7\r\n");
    assert_eq!(BodyLine::parse(b"."), BodyLine::End);
    assert_eq!(BodyLine::parse(b"..."), BodyLine::Data(b".."));
    assert_eq!(encoded(|o| BodyLine::Data(b".x").encode(o)), b"..x\r\n");
    assert!(Response::parse(b"OK").is_err());
    assert!(Response::parse(b"+OKAY").is_err());
}

#[test]
fn rfc2449_capa_and_codes() {
    let lines: [(&[u8], Capability<'_>); 9] = [
        (b"TOP\r\n", Capability::Top),
        (b"USER\r\n", Capability::User),
        (
            b"SASL CRAM-MD5 KERBEROS_V4\r\n",
            Capability::Sasl(vec![
                Mechanism::try_from("CRAM-MD5").unwrap(),
                Mechanism::try_from("KERBEROS_V4").unwrap(),
            ]),
        ),
        (b"RESP-CODES\r\n", Capability::RespCodes),
        (
            b"LOGIN-DELAY 900\r\n",
            Capability::LoginDelay {
                seconds: 900,
                per_user: false,
            },
        ),
        (b"PIPELINING\r\n", Capability::Pipelining),
        (
            b"EXPIRE 60\r\n",
            Capability::Expire {
                policy: ExpirePolicy::Days(60),
                per_user: false,
            },
        ),
        (b"UIDL\r\n", Capability::Uidl),
        (
            b"IMPLEMENTATION Shlemazle-Plotz-v302\r\n",
            Capability::Implementation(text("Shlemazle-Plotz-v302")),
        ),
    ];
    for (line, value) in lines {
        capability_both_ways(line, value);
    }
    capability_both_ways(
        b"EXPIRE NEVER USER\r\n",
        Capability::Expire {
            policy: ExpirePolicy::Never,
            per_user: true,
        },
    );
    capability_both_ways(
        b"X-FOO a b\r\n",
        Capability::other(
            CapabilityWord::try_from("X-FOO").unwrap(),
            vec![
                CapabilityWord::try_from("a").unwrap(),
                CapabilityWord::try_from("b").unwrap(),
            ],
        )
        .unwrap(),
    );
    assert!(Capability::other(CapabilityWord::try_from("top").unwrap(), vec![]).is_err());
    response_both_ways(
        b"-ERR [IN-USE] Do you have another POP session running?\r\n",
        Response::err(
            Some(ResponseCode::InUse),
            text("Do you have another POP session running?"),
        )
        .unwrap(),
    );
    response_both_ways(
        b"-ERR [LOGIN-DELAY] wait longer\r\n",
        Response::err(Some(ResponseCode::LoginDelay), text("wait longer")).unwrap(),
    );
}

#[test]
fn rfc3206_codes() {
    response_both_ways(
        b"-ERR [SYS/TEMP] Problem creating lock file, please try later\r\n",
        Response::err(
            Some(ResponseCode::SysTemp),
            text("Problem creating lock file, please try later"),
        )
        .unwrap(),
    );
    response_both_ways(
        b"-ERR [SYS/PERM] Your maildrop is corrupt\r\n",
        Response::err(
            Some(ResponseCode::SysPerm),
            text("Your maildrop is corrupt"),
        )
        .unwrap(),
    );
    response_both_ways(
        b"-ERR [AUTH] Invalid password\r\n",
        Response::err(Some(ResponseCode::Auth), text("Invalid password")).unwrap(),
    );
    capability_both_ways(b"AUTH-RESP-CODE\r\n", Capability::AuthRespCode);
    // Text that would read as a code cannot be built without one.
    assert!(Response::err(None, text("[AUTH] no")).is_err());
    // A bracket that is not a valid code stays text.
    let r = Response::parse(b"-ERR [not closed").unwrap();
    assert_eq!(r.code(), None);
    assert_eq!(r.text().as_str(), "[not closed");
}

#[test]
fn rfc5034_auth() {
    command_both_ways(
        b"AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n",
        Command::Auth {
            mechanism: Mechanism::try_from("PLAIN").unwrap(),
            initial_response: Some(Secret::new(b"test\0test\0test".to_vec())),
        },
    );
    command_both_ways(
        b"AUTH PLAIN =\r\n",
        Command::Auth {
            mechanism: Mechanism::try_from("PLAIN").unwrap(),
            initial_response: Some(Secret::new(Vec::new())),
        },
    );
    command_both_ways(
        b"AUTH GSSAPI\r\n",
        Command::Auth {
            mechanism: Mechanism::try_from("GSSAPI").unwrap(),
            initial_response: None,
        },
    );
    assert_eq!(
        Reply::parse(b"+ ").unwrap(),
        Reply::Continuation(Vec::new())
    );
    assert_eq!(Reply::parse(b"+").unwrap(), Reply::Continuation(Vec::new()));
    let challenge = b"<1896.697170952@postoffice.example.net>".to_vec();
    let line = b"+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UuZXhhbXBsZS5uZXQ+\r\n";
    assert_eq!(
        Reply::parse(&line[..line.len() - 2]).unwrap(),
        Reply::Continuation(challenge.clone())
    );
    assert_eq!(encoded(|o| Reply::Continuation(challenge).encode(o)), line);
    assert_eq!(SaslResponse::parse(b"*").unwrap(), SaslResponse::Cancel);
    assert_eq!(
        SaslResponse::parse(b"").unwrap(),
        SaslResponse::Data(Secret::new(Vec::new()))
    );
    assert_eq!(encoded(|o| SaslResponse::Cancel.encode(o)), b"*\r\n");
    assert!(SaslResponse::parse(b"not base64!").is_err());
}

#[test]
fn rfc6856_utf8_and_lang() {
    command_both_ways(b"UTF8\r\n", Command::Utf8);
    command_both_ways(b"LANG\r\n", Command::Lang(None));
    command_both_ways(
        b"LANG es\r\n",
        Command::Lang(Some(LangTag::try_from("es").unwrap())),
    );
    command_both_ways(
        b"LANG *\r\n",
        Command::Lang(Some(LangTag::try_from("*").unwrap())),
    );
    capability_both_ways(b"UTF8\r\n", Capability::Utf8 { user: false });
    capability_both_ways(b"UTF8 USER\r\n", Capability::Utf8 { user: true });
    capability_both_ways(b"LANG\r\n", Capability::Lang);
    let listing = LangListing::parse(b"en-boont English Boontling dialect").unwrap();
    assert_eq!(listing.tag.as_str(), "en-boont");
    assert_eq!(listing.description.as_str(), "English Boontling dialect");
    assert_eq!(
        encoded(|o| listing.encode(o)),
        b"en-boont English Boontling dialect\r\n"
    );
    response_both_ways(
        b"-ERR [UTF8] need UTF8 first\r\n",
        Response::err(Some(ResponseCode::Utf8), text("need UTF8 first")).unwrap(),
    );
    command_both_ways(
        "USER jörg\r\n".as_bytes(),
        Command::User(UserName::try_from("jörg").unwrap()),
    );
}

fn text_strategy() -> impl Strategy<Value = String> {
    "[ -~\u{e4}\u{4e2d}]{0,30}"
}

fn message_number() -> impl Strategy<Value = MessageNumber> {
    (1u32..).prop_map(|v| MessageNumber::new(v).unwrap())
}

fn command_strategy() -> impl Strategy<Value = Command<'static>> {
    let user = "[!-~\u{e9}][ -~\u{e9}]{0,20}".prop_map(|s| UserName::try_from(s).unwrap());
    prop_oneof![
        user.clone().prop_map(Command::User),
        text_strategy().prop_map(|s| Command::Pass(Secret::new(Text::try_from(s).unwrap()))),
        (user, any::<[u8; 16]>()).prop_map(|(name, digest)| Command::Apop { name, digest }),
        Just(Command::Stat),
        proptest::option::of(message_number()).prop_map(Command::List),
        message_number().prop_map(Command::Retr),
        message_number().prop_map(Command::Dele),
        Just(Command::Noop),
        Just(Command::Rset),
        Just(Command::Quit),
        (message_number(), any::<u32>())
            .prop_map(|(message, lines)| Command::Top { message, lines }),
        proptest::option::of(message_number()).prop_map(Command::Uidl),
        Just(Command::Capa),
        Just(Command::Stls),
        (
            "[A-Z0-9_-]{1,20}",
            proptest::option::of(proptest::collection::vec(any::<u8>(), 0..40))
        )
            .prop_map(|(m, r)| Command::Auth {
                mechanism: Mechanism::try_from(m).unwrap(),
                initial_response: r.map(Secret::new),
            }),
        Just(Command::Utf8),
        proptest::option::of("\\*|[a-zA-Z0-9][a-zA-Z0-9-]{0,10}")
            .prop_map(|t| Command::Lang(t.map(|t| LangTag::try_from(t).unwrap()))),
    ]
}

fn code_strategy() -> impl Strategy<Value = ResponseCode<'static>> {
    prop_oneof![
        Just(ResponseCode::InUse),
        Just(ResponseCode::LoginDelay),
        Just(ResponseCode::SysTemp),
        Just(ResponseCode::SysPerm),
        Just(ResponseCode::Auth),
        Just(ResponseCode::Utf8),
        "X-[A-Z]{1,5}(/[A-Z ]{1,5}){0,2}"
            .prop_map(|s| ResponseCode::Other(ResponseCodeText::try_from(s).unwrap())),
    ]
}

fn capability_strategy() -> impl Strategy<Value = Capability<'static>> {
    let word = "[!-~]{1,10}".prop_map(|s| CapabilityWord::try_from(s).unwrap());
    prop_oneof![
        Just(Capability::Top),
        Just(Capability::User),
        proptest::collection::vec("[A-Z0-9_-]{1,20}", 0..4).prop_map(|m| Capability::Sasl(
            m.into_iter()
                .map(|m| Mechanism::try_from(m).unwrap())
                .collect()
        )),
        Just(Capability::RespCodes),
        Just(Capability::AuthRespCode),
        Just(Capability::Pipelining),
        Just(Capability::Stls),
        any::<bool>().prop_map(|user| Capability::Utf8 { user }),
        Just(Capability::Lang),
        Just(Capability::Uidl),
        "[!-~][ -~]{0,20}[!-~]"
            .prop_map(|s| Capability::Implementation(Text::try_from(s).unwrap())),
        (proptest::option::of(any::<u32>()), any::<bool>()).prop_map(|(days, per_user)| {
            Capability::Expire {
                policy: days.map_or(ExpirePolicy::Never, ExpirePolicy::Days),
                per_user,
            }
        }),
        (any::<u32>(), any::<bool>())
            .prop_map(|(seconds, per_user)| Capability::LoginDelay { seconds, per_user }),
        ("X-[A-Z]{1,8}", proptest::collection::vec(word, 0..3)).prop_map(|(name, args)| {
            Capability::other(CapabilityWord::try_from(name).unwrap(), args).unwrap()
        }),
    ]
}

proptest! {
    #[test]
    fn commands_round_trip(command in command_strategy()) {
        let line = encoded(|o| command.encode(o));
        prop_assert!(line.ends_with(b"\r\n"));
        prop_assert_eq!(Command::parse(&line[..line.len() - 2]).unwrap(), command);
    }

    #[test]
    fn responses_round_trip(
        ok in any::<bool>(),
        code in proptest::option::of(code_strategy()),
        text in text_strategy(),
    ) {
        let status = if ok { Status::Ok } else { Status::Err };
        let Ok(response) = Response::new(status, code, Text::try_from(text).unwrap()) else {
            return Ok(());
        };
        let line = encoded(|o| response.encode(o));
        prop_assert_eq!(Response::parse(&line[..line.len() - 2]).unwrap(), response.clone());
        prop_assert_eq!(Reply::parse(&line[..line.len() - 2]).unwrap(), Reply::Status(response));
    }

    #[test]
    fn continuations_round_trip(data in proptest::collection::vec(any::<u8>(), 0..60)) {
        let reply = Reply::Continuation(data);
        let line = encoded(|o| reply.encode(o));
        prop_assert_eq!(Reply::parse(&line[..line.len() - 2]).unwrap(), reply);
    }

    #[test]
    fn sasl_responses_round_trip(data in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..60))) {
        let response = data.map_or(SaslResponse::Cancel, |d| SaslResponse::Data(Secret::new(d)));
        let line = encoded(|o| response.encode(o));
        prop_assert_eq!(SaslResponse::parse(&line[..line.len() - 2]).unwrap(), response);
    }

    #[test]
    fn capabilities_round_trip(capability in capability_strategy()) {
        let line = encoded(|o| capability.encode(o));
        prop_assert_eq!(Capability::parse(&line[..line.len() - 2]).unwrap(), capability);
    }

    #[test]
    fn listings_round_trip(number in message_number(), size in any::<u64>(), uid in "[!-~]{1,70}") {
        let scan = ScanListing { message: number, size };
        let line = encoded(|o| scan.encode(o));
        prop_assert_eq!(ScanListing::parse(&line[..line.len() - 2]).unwrap(), scan);
        let listing = UidListing { message: number, uid: Uid::try_from(uid).unwrap() };
        let line = encoded(|o| listing.encode(o));
        prop_assert_eq!(UidListing::parse(&line[..line.len() - 2]).unwrap(), listing);
    }

    #[test]
    fn body_lines_round_trip(data in proptest::collection::vec(any::<u8>().prop_filter("no CR/LF", |b| *b != b'\r' && *b != b'\n'), 0..40)) {
        let line = encoded(|o| BodyLine::Data(&data).encode(o));
        prop_assert_eq!(BodyLine::parse(&line[..line.len() - 2]), BodyLine::Data(&data));
    }

    #[test]
    fn parsers_never_panic(line in proptest::collection::vec(any::<u8>(), 0..80)) {
        let _ = Command::parse(&line);
        let _ = Reply::parse(&line);
        let _ = Capability::parse(&line);
        let _ = ScanListing::parse(&line);
        let _ = UidListing::parse(&line);
        let _ = LangListing::parse(&line);
        let _ = SaslResponse::parse(&line);
    }
}
