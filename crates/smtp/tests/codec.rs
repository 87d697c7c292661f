//! Known-answer tests from the RFCs' own examples, run both ways, and proptest round trips.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a panic is a failed assertion

use std::borrow::Cow;

use bytes::BytesMut;
use mailwire_core::Secret;
use mailwire_smtp::address::{
    AddressError, AddressLiteral, Domain, ForwardPath, Host, LocalPart, Mailbox, ReversePath,
};
use mailwire_smtp::command::{Command, CommandError};
use mailwire_smtp::ehlo::{Capability, EhloReply};
use mailwire_smtp::params::{
    Body, MailAuth, MailParameters, Notify, OriginalRecipient, ParamError, Parameter,
    RcptParameters, Ret,
};
use mailwire_smtp::reply::{EnhancedCode, Reply, ReplyCode};
use proptest::prelude::*;

fn encode(cmd: &Command<'_>) -> Vec<u8> {
    let mut out = BytesMut::new();
    cmd.encode(&mut out);
    out.to_vec()
}

/// Parses `line`, checks that encoding gives it back exactly, returns the value.
fn both_ways(line: &str) -> Command<'_> {
    let cmd = Command::parse(line.as_bytes()).unwrap_or_else(|e| panic!("{line}: {e}"));
    assert_eq!(
        String::from_utf8(encode(&cmd)).unwrap(),
        format!("{line}\r\n")
    );
    cmd
}

#[test]
fn rfc_examples_round_trip_exactly() {
    // RFC 5321 Appendix D.
    both_ways("EHLO bar.com");
    both_ways("HELO bar.com");
    both_ways("MAIL FROM:<Smith@bar.com>");
    both_ways("RCPT TO:<Jones@foo.com>");
    both_ways("DATA");
    both_ways("QUIT");
    both_ways("VRFY Crispin");
    both_ways("EXPN Example-People");
    both_ways("RSET");
    both_ways("NOOP");
    both_ways("HELP");
    both_ways("HELP MAIL");
    both_ways("EHLO [192.0.2.1]");
    both_ways("EHLO [IPv6:2001:db8::1]");
    // RFC 1870.
    let cmd = both_ways("MAIL FROM:<ned@thor.innosoft.com> SIZE=500000");
    assert!(matches!(
        cmd,
        Command::Mail {
            params: MailParameters {
                size: Some(500000),
                ..
            },
            ..
        }
    ));
    // RFC 6152 / RFC 3030.
    both_ways("MAIL FROM:<Sam@Random.com> BODY=8BITMIME");
    both_ways("MAIL FROM:<Sam@Random.com> BODY=BINARYMIME");
    assert_eq!(
        both_ways("BDAT 86 LAST"),
        Command::Bdat {
            size: 86,
            last: true
        }
    );
    assert_eq!(
        both_ways("BDAT 0 LAST"),
        Command::Bdat {
            size: 0,
            last: true
        }
    );
    assert_eq!(
        both_ways("BDAT 100000"),
        Command::Bdat {
            size: 100000,
            last: false
        }
    );
    // RFC 3461.
    both_ways("MAIL FROM:<Alice@Pure-Heart.ORG> RET=HDRS ENVID=QQ314159");
    let cmd = both_ways(
        "RCPT TO:<Dana@Ivory.example.net> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Dana@Ivory.example.net",
    );
    let Command::Rcpt { params, .. } = cmd else {
        panic!()
    };
    assert_eq!(
        params.orcpt,
        Some(OriginalRecipient {
            addr_type: "rfc822".into(),
            address: "Dana@Ivory.example.net".into()
        })
    );
    both_ways("RCPT TO:<x@y.org> NOTIFY=NEVER");
    // RFC 4954.
    let cmd = both_ways("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=");
    assert_eq!(
        cmd,
        Command::Auth {
            mechanism: "PLAIN".into(),
            initial_response: Some(Secret::new(b"test\0test\x001234".to_vec())),
        }
    );
    assert_eq!(
        both_ways("AUTH EXTERNAL ="),
        Command::Auth {
            mechanism: "EXTERNAL".into(),
            initial_response: Some(Secret::new(vec![]))
        }
    );
    both_ways("AUTH CRAM-MD5");
    both_ways("MAIL FROM:<e=mc2@example.com> AUTH=e+3Dmc2@example.com");
    both_ways("MAIL FROM:<> AUTH=<>");
    // RFC 6531.
    let cmd = both_ways("MAIL FROM:<用户@例子.广告> SMTPUTF8");
    let Command::Mail { from, params } = cmd else {
        panic!()
    };
    assert!(params.smtputf8 && !from.is_ascii());
    both_ways("RCPT TO:<θσερ@παράδειγμα.ελ>");
    // RFC 8689.
    both_ways("MAIL FROM:<roger@example.com> REQUIRETLS");
    // RFC 2033.
    assert!(matches!(both_ways("LHLO foo.edu"), Command::Lhlo(_)));
    // RFC 3207.
    both_ways("STARTTLS");
    // Quoted local parts, postmaster, unknown parameters.
    both_ways("MAIL FROM:<\"john q. public\"@example.com>");
    both_ways("RCPT TO:<\"a>b\"@example.com>");
    assert_eq!(
        both_ways("RCPT TO:<Postmaster>"),
        Command::Rcpt {
            to: ForwardPath::Postmaster,
            params: RcptParameters::default()
        }
    );
    both_ways("MAIL FROM:<a@b.org> X-UNKNOWN=1 XFLAG");
}

#[test]
fn tolerated_forms() {
    let cmd = Command::parse(b"mail from: <a@b.org>  size=10").unwrap();
    assert_eq!(
        String::from_utf8(encode(&cmd)).unwrap(),
        "MAIL FROM:<a@b.org> SIZE=10\r\n"
    );
    let cmd = Command::parse(b"RCPT TO:<@hosta.int,@jkl.org:userc@d.bar.org>").unwrap();
    assert_eq!(
        String::from_utf8(encode(&cmd)).unwrap(),
        "RCPT TO:<userc@d.bar.org>\r\n"
    );
    let cmd = Command::parse(b"auth plain =").unwrap();
    assert!(matches!(cmd, Command::Auth { ref mechanism, .. } if mechanism == "PLAIN"));
    assert_eq!(
        Command::parse(b"bdat 5 last").unwrap(),
        Command::Bdat {
            size: 5,
            last: true
        }
    );
    assert!(matches!(
        Command::parse(b"EHLO client.example some text").unwrap(),
        Command::Ehlo(_)
    ));
    // Only ASCII space separates arguments: a U+00A0 is not trimmed, and not a domain character.
    assert!(Command::parse("EHLO x\u{a0} y".as_bytes()).is_err());
    let cmd = Command::parse("NOOP \u{a0}x\u{a0}".as_bytes()).unwrap();
    assert_eq!(cmd, Command::Noop(Some("\u{a0}x\u{a0}".into())));
}

#[test]
fn errors_and_their_replies() {
    let cases: &[(&[u8], CommandError, u16)] = &[
        (b"FOO", CommandError::Unrecognized, 500),
        (b"", CommandError::Unrecognized, 500),
        (b"MAIL FROM:<a@b.org", CommandError::Syntax("MAIL"), 501),
        (b"MAIL TO:<a@b.org>", CommandError::Syntax("MAIL"), 501),
        (
            b"MAIL FROM:<a@b.org>SIZE=1",
            CommandError::Syntax("MAIL"),
            501,
        ),
        (
            b"RCPT TO:<a@-b.org>",
            CommandError::Recipient(AddressError::Syntax),
            501,
        ),
        (
            b"MAIL FROM:<a b@c.org>",
            CommandError::Sender(AddressError::Syntax),
            501,
        ),
        (b"EHLO", CommandError::Syntax("EHLO"), 501),
        (
            b"EHLO bad..name",
            CommandError::Hello(AddressError::Syntax),
            501,
        ),
        (b"DATA x", CommandError::Syntax("DATA"), 501),
        (b"BDAT", CommandError::Syntax("BDAT"), 501),
        (b"BDAT 1 FIRST", CommandError::Syntax("BDAT"), 501),
        (
            b"BDAT 99999999999999999999999",
            CommandError::Syntax("BDAT"),
            501,
        ),
        (b"AUTH PLAIN !!!", CommandError::Syntax("AUTH"), 501),
        (b"AUTH PLAIN abc", CommandError::Base64, 501),
        (b"VRFY", CommandError::Syntax("VRFY"), 501),
        (
            b"MAIL FROM:<a@b.org> SIZE=1 SIZE=2",
            CommandError::Param(ParamError::Duplicate("SIZE")),
            501,
        ),
        (b"NOOP \xff", CommandError::InvalidCharacters, 500),
        (b"NOOP a\nb", CommandError::InvalidCharacters, 500),
    ];
    for (line, error, code) in cases {
        let got = Command::parse(line).unwrap_err();
        assert_eq!(&got, error, "{}", String::from_utf8_lossy(line));
        assert_eq!(got.reply().code().get(), *code);
        assert!(got.reply().enhanced().is_some());
    }
    let long = format!("MAIL FROM:<{}@example.org>", "a".repeat(300));
    assert_eq!(
        Command::parse(long.as_bytes()).unwrap_err(),
        CommandError::Sender(AddressError::PathTooLong)
    );
}

#[test]
fn auth_is_redacted_in_display() {
    let cmd = Command::parse(b"AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=").unwrap();
    assert_eq!(cmd.to_string(), "AUTH PLAIN ****");
    assert!(!format!("{cmd:?}").contains("1234"));
}

#[test]
fn reply_examples() {
    let wire = b"250-mx.example.com Hello\r\n250-SIZE 1000\r\n250 8BITMIME\r\n";
    let (reply, _) = Reply::parse(wire).unwrap().unwrap();
    let ehlo = EhloReply::from_reply(&reply);
    assert_eq!(
        ehlo.capabilities,
        [Capability::Size(Some(1000)), Capability::EightBitMime]
    );
    let reply = Reply::new(
        ReplyCode::MAILBOX_UNAVAILABLE,
        EnhancedCode::new(5, 1, 1),
        "No such user",
    );
    assert_eq!(reply.to_string(), "550 5.1.1 No such user\r\n");
}

// ---- proptest round trips ----

fn domain() -> impl Strategy<Value = Domain<'static>> {
    prop_oneof![
        "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\\.[a-z][a-z0-9]{0,8}){0,3}",
        "[a-zé]{1,5}\\.例子",
    ]
    .prop_map(|d| Domain::new(d).unwrap())
}

fn host() -> impl Strategy<Value = Host<'static>> {
    prop_oneof![
        4 => domain().prop_map(Host::Domain),
        1 => any::<std::net::Ipv4Addr>().prop_map(|a| Host::Literal(AddressLiteral::Ipv4(a))),
        1 => any::<std::net::Ipv6Addr>().prop_map(|a| Host::Literal(AddressLiteral::Ipv6(a))),
        1 => ("x-[a-z]{1,4}", "[!-Z^-~]{1,8}").prop_map(|(t, c)| Host::Literal(
            AddressLiteral::General { tag: t.into(), content: c.into() })),
    ]
}

fn mailbox() -> impl Strategy<Value = Mailbox<'static>> {
    let local = prop_oneof![
        "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,10}(\\.[a-z0-9]{1,6}){0,2}",
        "[ -~]{1,20}",
        "[a-zü]{1,6}",
    ];
    (local, host()).prop_map(|(l, h)| Mailbox::new(LocalPart::new(&l).unwrap(), h).unwrap())
}

fn text() -> impl Strategy<Value = Cow<'static, str>> {
    "[!-~]{1,6}( [!-~]{1,6}){0,2}".prop_map(Cow::Owned)
}

fn other_params() -> impl Strategy<Value = Vec<Parameter<'static>>> {
    prop::collection::vec(
        ("X-[A-Z0-9]{1,5}", proptest::option::of("[!-<>-~]{1,8}")).prop_map(|(k, v)| Parameter {
            keyword: k.into(),
            value: v.map(Cow::Owned),
        }),
        0..3,
    )
}

fn mail_params() -> impl Strategy<Value = MailParameters<'static>> {
    (
        proptest::option::of(any::<u64>()),
        proptest::option::of(prop_oneof![
            Just(Body::SevenBit),
            Just(Body::EightBitMime),
            Just(Body::BinaryMime)
        ]),
        any::<bool>(),
        proptest::option::of(prop_oneof![Just(Ret::Full), Just(Ret::Headers)]),
        proptest::option::of("[ -~]{1,12}".prop_map(Cow::Owned)),
        proptest::option::of(prop_oneof![
            Just(MailAuth::Unknown),
            "[ -~]{1,12}".prop_map(|s| MailAuth::Identity(s.into()))
        ]),
        any::<bool>(),
        other_params(),
    )
        .prop_map(
            |(size, body, smtputf8, ret, envid, auth, requiretls, other)| MailParameters {
                size,
                body,
                smtputf8,
                ret,
                envid,
                auth,
                requiretls,
                other,
            },
        )
}

fn rcpt_params() -> impl Strategy<Value = RcptParameters<'static>> {
    let notify = prop_oneof![
        Just(Notify::Never),
        (any::<bool>(), any::<bool>(), any::<bool>())
            .prop_filter("one set", |(s, f, d)| *s || *f || *d)
            .prop_map(|(success, failure, delay)| Notify::On {
                success,
                failure,
                delay
            }),
    ];
    let orcpt = ("rfc822|utf-8", "[ -~]{1,12}").prop_map(|(t, a)| OriginalRecipient {
        addr_type: t.into(),
        address: a.into(),
    });
    (
        proptest::option::of(notify),
        proptest::option::of(orcpt),
        other_params(),
    )
        .prop_map(|(notify, orcpt, other)| RcptParameters {
            notify,
            orcpt,
            other,
        })
}

fn command() -> impl Strategy<Value = Command<'static>> {
    prop_oneof![
        host().prop_map(Command::Helo),
        host().prop_map(Command::Ehlo),
        host().prop_map(Command::Lhlo),
        (proptest::option::of(mailbox()), mail_params()).prop_map(|(m, params)| Command::Mail {
            from: m.map_or(ReversePath::Null, ReversePath::Mailbox),
            params
        }),
        (proptest::option::of(mailbox()), rcpt_params()).prop_map(|(m, params)| Command::Rcpt {
            to: m.map_or(ForwardPath::Postmaster, ForwardPath::Mailbox),
            params
        }),
        Just(Command::Data),
        (any::<u64>(), any::<bool>()).prop_map(|(size, last)| Command::Bdat { size, last }),
        Just(Command::Rset),
        proptest::option::of(text()).prop_map(Command::Noop),
        Just(Command::Quit),
        text().prop_map(Command::Vrfy),
        text().prop_map(Command::Expn),
        proptest::option::of(text()).prop_map(Command::Help),
        Just(Command::StartTls),
        (
            "[A-Z0-9_-]{1,20}",
            proptest::option::of(prop::collection::vec(any::<u8>(), 0..40))
        )
            .prop_map(|(m, ir)| Command::Auth {
                mechanism: m.into(),
                initial_response: ir.map(Secret::new)
            }),
    ]
}

fn reply() -> impl Strategy<Value = Reply<'static>> {
    (
        2u16..=5,
        0u16..=5,
        0u16..=9,
        any::<bool>(),
        0u16..=20,
        0u16..=20,
    )
        .prop_flat_map(|(a, b, c, with_enh, s, d)| {
            let code = ReplyCode::new(a * 100 + b * 10 + c).unwrap();
            let class = u8::try_from(a).unwrap();
            let enhanced = (with_enh && a != 3).then(|| EnhancedCode::new(class, s, d).unwrap());
            prop::collection::vec("[ -~]{0,20}", 1..4).prop_filter_map(
                "no accidental code",
                move |lines| {
                    let first_word = lines[0].split(' ').next().unwrap_or("");
                    if enhanced.is_none() && EnhancedCode::parse(first_word).is_some() {
                        return None;
                    }
                    Some(Reply::multiline(code, enhanced, lines))
                },
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn command_round_trip(cmd in command()) {
        let wire = encode(&cmd);
        let parsed = Command::parse(&wire[..wire.len() - 2]).unwrap();
        prop_assert_eq!(&parsed, &cmd);
        prop_assert_eq!(encode(&parsed), wire);
    }

    #[test]
    fn reply_round_trip(reply in reply()) {
        let mut out = BytesMut::new();
        reply.encode(&mut out);
        let (parsed, used) = Reply::parse(&out).unwrap().unwrap();
        prop_assert_eq!(used, out.len());
        prop_assert_eq!(&parsed, &reply);
    }

    #[test]
    fn ehlo_round_trip(domain in domain(), caps in prop::collection::vec(prop_oneof![
        proptest::option::of(any::<u64>()).prop_map(Capability::Size),
        Just(Capability::EightBitMime), Just(Capability::Pipelining), Just(Capability::Chunking),
        Just(Capability::StartTls), Just(Capability::Dsn), Just(Capability::SmtpUtf8),
        prop::collection::vec("[A-Z0-9-]{1,10}", 0..4)
            .prop_map(|m| Capability::Auth(m.into_iter().map(Cow::Owned).collect())),
        ("X[A-Z0-9-]{0,8}", prop::collection::vec("[!-~]{1,5}", 0..3)).prop_map(|(k, p)| Capability::Other {
            keyword: k.into(), params: p.into_iter().map(Cow::Owned).collect() }),
    ], 0..8)) {
        let ehlo = EhloReply { domain: domain.to_string().into(), greeting: None, capabilities: caps };
        let reply = ehlo.to_reply();
        let mut out = BytesMut::new();
        reply.encode(&mut out);
        let (parsed, _) = Reply::parse(&out).unwrap().unwrap();
        prop_assert_eq!(EhloReply::from_reply(&parsed), ehlo);
    }

    #[test]
    fn command_parser_never_panics(line in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = Command::parse(&line);
    }

    #[test]
    fn reply_parser_never_panics(input in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = Reply::parse(&input);
    }
}

#[test]
fn verbs_in_any_case_and_near_misses() {
    for line in ["data", "DaTa", "qUIT", "rset", "StartTLS", "noop"] {
        assert!(Command::parse(line.as_bytes()).is_ok(), "{line}");
    }
    // Bytes one bit away from a letter (bit 5 is the case bit; bit 6 is not) and verbs of
    // the wrong length are not commands.
    for line in [
        &b"D`TA"[..],
        b"D@TA",
        b"DATA\tx",
        b"DAT",
        b"DATAS",
        b"QUI\x14",
        b"STARTTL",
        b"STARTTLSX",
        b"\xc4\x81ATA",
    ] {
        assert_eq!(
            Command::parse(line),
            Err(CommandError::Unrecognized),
            "{line:?}"
        );
    }
}

#[test]
fn paths_with_a_closing_bracket_inside_quotes_or_literals() {
    let cmd = Command::parse(b"RCPT TO:<\"a>b\"@example.org> NOTIFY=NEVER").unwrap();
    let Command::Rcpt { to, params } = cmd else {
        panic!("not RCPT");
    };
    assert_eq!(to.to_string(), "<\"a>b\"@example.org>");
    assert_eq!(params.notify, Some(Notify::Never));
    let cmd = Command::parse(b"MAIL FROM:<a@[tag:x>y]>\tSIZE=10").unwrap();
    let Command::Mail { from, params } = cmd else {
        panic!("not MAIL");
    };
    assert_eq!(from.to_string(), "<a@[tag:x>y]>");
    assert_eq!(params.size, Some(10));
    // No blank between the path and a parameter.
    assert!(Command::parse(b"MAIL FROM:<a@b.org>SIZE=10").is_err());
}

#[test]
fn domain_labels() {
    for ok in [
        "a",
        "a-b.c_d",
        "x1.example",
        &format!("{}.org", "a".repeat(63)),
    ] {
        assert!(Domain::new(ok).is_ok(), "{ok}");
    }
    for bad in [
        "-a",
        "a-",
        "a.-b",
        "a-.b",
        "a..b",
        ".a",
        "a.",
        "a b",
        "a@b",
        &format!("{}.org", "a".repeat(64)),
    ] {
        assert!(Domain::new(bad).is_err(), "{bad}");
    }
}

#[test]
fn auth_arguments() {
    let auth = |line: &str| match Command::parse(line.as_bytes()) {
        Ok(Command::Auth {
            mechanism,
            initial_response,
        }) => Ok((
            mechanism.into_owned(),
            initial_response.map(|r| r.expose().clone()),
        )),
        Ok(other) => panic!("{other:?}"),
        Err(e) => Err(e),
    };
    assert_eq!(auth("AUTH login"), Ok(("LOGIN".to_owned(), None)));
    assert_eq!(
        auth("AUTH PLAIN ="),
        Ok(("PLAIN".to_owned(), Some(Vec::new())))
    );
    assert_eq!(
        auth("AUTH PLAIN \tAGEAYg=="),
        Ok(("PLAIN".to_owned(), Some(b"\0a\0b".to_vec())))
    );
    for bad in [
        "AUTH",
        "AUTH ",
        "AUTH PLAIN ",
        "AUTH PLAIN =abc",
        "AUTH PLAIN ==",
        "AUTH PLAIN AG*A",
        "AUTH PL!AIN",
        "AUTH PLAIN AGEAYg== extra",
    ] {
        assert_eq!(auth(bad), Err(CommandError::Syntax("AUTH")), "{bad}");
    }
    assert_eq!(auth("AUTH PLAIN AGE"), Err(CommandError::Base64));
}
