//! The server session in memory, driven by a scripted application, with every scenario also
//! run with its input split at every byte offset.
#![allow(clippy::unwrap_used)] // Test helpers: a panic is a failed assertion.

use std::time::{Duration, Instant};

use bytes::BytesMut;
use mailwire_core::DotUnstuffer;
use mailwire_core::Secret;
use mailwire_pop3::*;
use mailwire_sasl::{ClientAuth, ScramHash};

mod common;
use common::{App, Harness};

/// Runs the scenario whole, then with each segment split at every byte offset, then one byte
/// at a time; all runs must give the same transcript and events. Returns the transcript.
fn scenario(make: impl Fn() -> Harness, segments: &[&[u8]]) -> (String, Vec<String>, Harness) {
    let run = |split: Option<(usize, usize)>, bytewise: bool| {
        let mut h = make();
        for (s, segment) in segments.iter().enumerate() {
            if bytewise {
                for b in segment.iter() {
                    h.feed(std::slice::from_ref(b));
                }
            } else if let Some((_, at)) = split.filter(|(i, _)| *i == s) {
                h.feed(&segment[..at]);
                h.feed(&segment[at..]);
            } else {
                h.feed(segment);
            }
        }
        h
    };
    let whole = run(None, false);
    let expected = (whole.out.clone(), whole.log.clone());
    for (s, segment) in segments.iter().enumerate() {
        for at in 1..segment.len() {
            let h = run(Some((s, at)), false);
            assert_eq!(
                (String::from_utf8_lossy(&h.out), &h.log),
                (String::from_utf8_lossy(&expected.0), &expected.1),
                "segment {s} split at {at}"
            );
        }
    }
    let h = run(None, true);
    assert_eq!(
        String::from_utf8_lossy(&h.out),
        String::from_utf8_lossy(&expected.0)
    );
    assert_eq!(h.log, expected.1);
    (
        String::from_utf8(whole.out.clone()).unwrap(),
        whole.log.clone(),
        whole,
    )
}

fn plaintext_ok() -> ServerOptions {
    ServerOptions {
        allow_cleartext_login_without_tls: true,
        ..ServerOptions::default()
    }
}

/// A message whose RETR data (CRLF line ends) is exactly `size` octets; stored with LF.
fn message_of_size(size: usize) -> Vec<u8> {
    let mut m = b"Subject: sized\n\n".to_vec();
    let wire = wire_size(&m) as usize;
    // Body: one line of x's plus LF (2 octets on the wire for the line end).
    m.extend(std::iter::repeat_n(b'x', size - wire - 2));
    m.push(b'\n');
    assert_eq!(wire_size(&m) as usize, size);
    m
}

#[test]
fn rfc1939_example_session() {
    let app = App {
        messages: vec![message_of_size(120), message_of_size(200)],
        ..App::default()
    };
    let make = || {
        Harness::apop(
            ServerOptions::default(),
            app.clone(),
            "<1896.697170952@dbc.mtview.ca.us>",
        )
    };
    let (out, log, h) = scenario(
        make,
        &[
            b"APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n",
            b"STAT\r\n",
            b"LIST\r\n",
            b"RETR 1\r\n",
            b"DELE 1\r\n",
            b"RETR 2\r\n",
            b"DELE 2\r\n",
            b"QUIT\r\n",
        ],
    );
    let m1 = String::from_utf8(app.messages[0].clone())
        .unwrap()
        .replace('\n', "\r\n");
    let m2 = String::from_utf8(app.messages[1].clone())
        .unwrap()
        .replace('\n', "\r\n");
    assert_eq!(
        out,
        format!(
            "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n\
             +OK Logged in, 2 messages (320 octets)\r\n\
             +OK 2 320\r\n\
             +OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n\
             +OK 120 octets\r\n{m1}.\r\n\
             +OK Message 1 deleted\r\n\
             +OK 200 octets\r\n{m2}.\r\n\
             +OK Message 2 deleted\r\n\
             +OK POP3 server signing off\r\n"
        )
    );
    assert_eq!(
        log,
        [
            "login mrose apop true",
            "retrieve 1 None",
            "retrieve 2 None",
            "update [1, 2]"
        ]
    );
    assert!(h.session.is_closed());
}

#[test]
fn pipelined_session_with_dot_stuffing_and_top() {
    let make = || Harness::new(plaintext_ok(), App::default());
    let (out, log, h) = scenario(
        make,
        &[b"USER alice\r\nPASS secret\r\nRETR 1\r\nRETR 2\r\nTOP 1 0\r\nTOP 2 1\r\nTOP 3 9\r\nUIDL\r\nUIDL 3\r\nLIST 2\r\nNOOP\r\nQUIT\r\n"],
    );
    assert_eq!(
        out,
        "+OK POP3 server ready\r\n\
         +OK\r\n\
         +OK Logged in, 3 messages (107 octets)\r\n\
         +OK 39 octets\r\nSubject: one\r\n\r\n..hidden dot\r\nline two\r\n.\r\n\
         +OK 44 octets\r\nSubject: two\r\n\r\n...\r\n..\r\nend without newline\r\n.\r\n\
         +OK Top of message follows\r\nSubject: one\r\n\r\n.\r\n\
         +OK Top of message follows\r\nSubject: two\r\n\r\n...\r\n.\r\n\
         +OK Top of message follows\r\nSubject: three\r\n\r\nbody\r\n.\r\n\
         +OK Unique-id listing follows\r\n1 uid-0\r\n2 uid-1\r\n3 uid-2\r\n.\r\n\
         +OK 3 uid-2\r\n\
         +OK 2 44\r\n\
         +OK\r\n\
         +OK POP3 server signing off\r\n"
    );
    assert_eq!(log.first().unwrap(), "login alice pass true");
    assert_eq!(log.last().unwrap(), "update []");
    assert!(h.session.is_closed());
}

#[test]
fn list_sizes_match_the_bytes_retr_sends() {
    let app = App::default();
    let mut h = Harness::new(plaintext_ok(), app.clone());
    h.feed(b"USER alice\r\nPASS secret\r\n");
    for (i, message) in app.messages.iter().enumerate() {
        let n = i + 1;
        h.out.clear();
        h.feed(format!("LIST {n}\r\nRETR {n}\r\n").as_bytes());
        let text = String::from_utf8(h.out.clone()).unwrap();
        let (list_line, rest) = text.split_once("\r\n").unwrap();
        let listed: u64 = list_line.rsplit(' ').next().unwrap().parse().unwrap();
        let (_, data) = rest.split_once("\r\n").unwrap();
        let mut body = BytesMut::new();
        let decoded = DotUnstuffer::new().decode(data.as_bytes(), &mut body);
        assert!(decoded.done);
        assert_eq!(body.len() as u64, listed, "message {n}");
        assert_eq!(listed, wire_size(message));
    }
}

#[test]
fn deleted_messages_are_hidden_and_rset_unmarks() {
    let make = || Harness::new(plaintext_ok(), App::default());
    let (out, log, _) = scenario(
        make,
        &[
            b"USER alice\r\nPASS secret\r\n",
            b"DELE 2\r\nDELE 2\r\nRETR 2\r\nTOP 2 1\r\nLIST 2\r\nUIDL 2\r\nSTAT\r\nLIST\r\nUIDL\r\nDELE 4\r\nRETR 0\r\n",
            b"RSET\r\nLIST 2\r\nDELE 3\r\nQUIT\r\n",
        ],
    );
    let expected = "+OK POP3 server ready\r\n+OK\r\n+OK Logged in, 3 messages (107 octets)\r\n\
         +OK Message 2 deleted\r\n\
         -ERR Message is deleted\r\n-ERR Message is deleted\r\n-ERR Message is deleted\r\n\
         -ERR Message is deleted\r\n-ERR Message is deleted\r\n\
         +OK 2 63\r\n\
         +OK 2 messages (63 octets)\r\n1 39\r\n3 24\r\n.\r\n\
         +OK Unique-id listing follows\r\n1 uid-0\r\n3 uid-2\r\n.\r\n\
         -ERR No such message\r\n\
         -ERR Syntax error: bad message number\r\n\
         +OK Maildrop has 3 messages (107 octets)\r\n\
         +OK 2 44\r\n\
         +OK Message 3 deleted\r\n+OK POP3 server signing off\r\n";
    assert_eq!(out, expected);
    assert_eq!(log.last().unwrap(), "update [3]");
}

#[test]
fn quit_before_login_commits_nothing() {
    let (out, log, h) = scenario(
        || Harness::new(plaintext_ok(), App::default()),
        &[b"USER alice\r\nQUIT\r\nNOOP\r\n"],
    );
    assert_eq!(
        out,
        "+OK POP3 server ready\r\n+OK\r\n+OK POP3 server signing off\r\n"
    );
    assert!(log.is_empty());
    assert!(h.session.is_closed());
}

#[test]
fn commands_in_the_wrong_state_are_refused() {
    let (out, _, _) = scenario(
        || Harness::new(plaintext_ok(), App::default()),
        &[b"STAT\r\nPASS secret\r\nUSER alice\r\nPASS secret\r\nUSER bob\r\nUTF8\r\nSTLS\r\n"],
    );
    assert_eq!(
        out,
        "+OK POP3 server ready\r\n-ERR Command not valid before login\r\n-ERR USER first\r\n+OK\r\n\
         +OK Logged in, 3 messages (107 octets)\r\n-ERR Command not valid after login\r\n\
         -ERR Command not valid after login\r\n-ERR Command not valid after login\r\n"
    );
}

#[test]
fn failed_logins_are_delayed_then_limited() {
    let (out, log, h) = scenario(
        || Harness::new(plaintext_ok(), App::default()),
        &[
            b"USER alice\r\nPASS wrong\r\nCAPA\r\n",
            b"APOP alice 00000000000000000000000000000000\r\n",
            b"USER alice\r\nPASS nope\r\nUSER alice\r\nPASS bad\r\nUSER alice\r\n",
        ],
    );
    assert!(
        out.starts_with(
            "+OK POP3 server ready\r\n+OK\r\n-ERR [AUTH] Authentication failed\r\n+OK Capability"
        ),
        "{out}"
    );
    assert!(out.contains("-ERR APOP not offered\r\n"));
    assert!(out.ends_with(
        "+OK\r\n-ERR [AUTH] Authentication failed\r\n\
         +OK\r\n-ERR [AUTH] Authentication failed\r\n-ERR Too many failed logins\r\n"
    ));
    assert_eq!(log.iter().filter(|l| l.starts_with("waited 2s")).count(), 3);
    assert!(h.session.is_closed());
}

#[test]
fn failed_login_reply_waits_for_the_clock() {
    let mut h = Harness::new(plaintext_ok(), App::default());
    h.out.clear();
    h.session.handle_input(b"USER alice\r\nPASS wrong\r\n");
    while let Some(event) = h.session.poll_event() {
        h.answer(event);
    }
    let mut out = BytesMut::new();
    h.session.poll_transmit(&mut out);
    assert_eq!(&out[..], b"+OK\r\n");
    let at = h.session.poll_timeout().unwrap();
    h.session.handle_timeout(at - Duration::from_millis(1));
    assert_eq!(h.session.poll_transmit(&mut out), 0);
    h.session.handle_timeout(at);
    h.session.poll_transmit(&mut out);
    assert!(out.ends_with(b"-ERR [AUTH] Authentication failed\r\n"));
}

#[test]
fn in_use_and_temporary_failures_carry_codes() {
    let (out, log, _) = scenario(
        || Harness::new(plaintext_ok(), App::default()),
        &[b"USER locked\r\nPASS x\r\nUSER down\r\nPASS x\r\nUSER alice\r\nPASS secret\r\n"],
    );
    assert_eq!(
        out,
        "+OK POP3 server ready\r\n+OK\r\n-ERR [IN-USE] Maildrop is locked by another session\r\n\
         +OK\r\n-ERR [SYS/TEMP] Temporary failure, try again later\r\n\
         +OK\r\n+OK Logged in, 3 messages (107 octets)\r\n"
    );
    assert!(!log.iter().any(|l| l.starts_with("waited")));
}

#[test]
fn cleartext_login_needs_tls_and_stls_discards_injected_plaintext() {
    let options = ServerOptions {
        stls: true,
        sasl_mechanisms: vec![SaslMechanism::ScramSha256, SaslMechanism::Plain],
        ..ServerOptions::default()
    };
    let (out, log, h) = scenario(
        || Harness::sasl(options.clone(), App::default()),
        &[
            b"CAPA\r\nUSER alice\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n",
            b"STLS\r\n",
            b"CAPA\r\nSTLS\r\nUSER alice\r\nPASS secret\r\nCAPA\r\n",
        ],
    );
    let capa_before = "+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\n\
         PIPELINING\r\nLANG\r\nUTF8 USER\r\nSASL SCRAM-SHA-256\r\nSTLS\r\n.\r\n";
    let capa_tls = "+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\n\
         PIPELINING\r\nLANG\r\nUTF8 USER\r\nUSER\r\nSASL SCRAM-SHA-256 PLAIN\r\n.\r\n";
    let capa_after = "+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\n\
         PIPELINING\r\nLANG\r\n.\r\n";
    assert_eq!(
        out,
        format!(
            "+OK POP3 server ready\r\n{capa_before}\
             -ERR [AUTH] Plaintext authentication disallowed without TLS, use STLS\r\n\
             -ERR [AUTH] Plaintext authentication disallowed without TLS, use STLS\r\n\
             +OK Begin TLS negotiation\r\n\
             {capa_tls}-ERR Command not permitted when TLS active\r\n+OK\r\n\
             +OK Logged in, 3 messages (107 octets)\r\n{capa_after}"
        )
    );
    assert_eq!(log, ["starttls", "login alice pass true"]);
    assert!(h.session.is_tls());
}

#[test]
fn plaintext_pipelined_behind_stls_is_discarded() {
    let options = ServerOptions {
        stls: true,
        ..ServerOptions::default()
    };
    let mut h = Harness::new(options, App::default());
    h.feed(b"STLS\r\nUSER alice\r\nPASS secret\r\n");
    h.feed(b"NOOP\r\n");
    assert_eq!(
        String::from_utf8(h.out.clone()).unwrap(),
        "+OK POP3 server ready\r\n+OK Begin TLS negotiation\r\n\
         -ERR Command not valid before login\r\n"
    );
    assert_eq!(h.log, ["starttls"]);
}

#[test]
fn implicit_tls_offers_user_and_no_stls() {
    let options = ServerOptions {
        implicit_tls: true,
        stls: true,
        ..ServerOptions::default()
    };
    let (out, _, _) = scenario(
        || Harness::new(options.clone(), App::default()),
        &[b"CAPA\r\nSTLS\r\n"],
    );
    assert!(out.contains("\r\nUSER\r\n"));
    assert!(!out.contains("\r\nSTLS\r\n"));
    assert!(out.ends_with("-ERR Command not permitted when TLS active\r\n"));
}

fn sasl_options() -> ServerOptions {
    ServerOptions {
        implicit_tls: true,
        sasl_mechanisms: vec![
            SaslMechanism::ScramSha256,
            SaslMechanism::CramMd5,
            SaslMechanism::Plain,
        ],
        ..ServerOptions::default()
    }
}

#[test]
fn sasl_with_and_without_initial_response_and_cancel() {
    let (out, log, _) = scenario(
        || Harness::sasl(sasl_options(), App::default()),
        &[
            b"AUTH X-UNKNOWN\r\nAUTH PLAIN\r\n*\r\nAUTH PLAIN\r\n!!\r\n",
            b"auth plain\r\nAGFsaWNlAHNlY3JldA==\r\nSTAT\r\n",
        ],
    );
    assert_eq!(
        out,
        "+OK POP3 server ready\r\n-ERR Unsupported authentication mechanism\r\n\
         + \r\n-ERR Authentication cancelled\r\n+ \r\n-ERR Malformed SASL response\r\n\
         + \r\n+OK Logged in, 3 messages (107 octets)\r\n+OK 3 107\r\n"
    );
    assert_eq!(log, ["sasl-check alice true", "sasl-success alice"]);
    let (out, log, _) = scenario(
        || Harness::sasl(sasl_options(), App::default()),
        &[b"AUTH PLAIN AGFsaWNlAHdyb25n\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n"],
    );
    assert!(out.ends_with(
        "-ERR [AUTH] Authentication failed\r\n+OK Logged in, 3 messages (107 octets)\r\n"
    ));
    assert_eq!(log[0], "sasl-check alice false");
}

#[test]
fn sasl_is_offered_only_with_a_config() {
    let (out, _, _) = scenario(
        || Harness::new(sasl_options(), App::default()),
        &[b"CAPA\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n"],
    );
    assert!(!out.contains("SASL"));
    assert!(out.ends_with("-ERR Unsupported authentication mechanism\r\n"));
}

/// Runs a SASL exchange with a mailwire-sasl client against the session.
fn sasl_login(mut client: ClientAuth, mechanism: &str, password_ok: bool) -> (String, Vec<String>) {
    let mut h = Harness::sasl(sasl_options(), App::default());
    let mut command = BytesMut::new();
    Command::Auth {
        mechanism: Mechanism::try_from(mechanism).unwrap(),
        initial_response: client.initial_response().map(Secret::new),
    }
    .encode(&mut command);
    h.feed(&command);
    loop {
        let text = String::from_utf8(h.out.clone()).unwrap();
        let last = text.trim_end().rsplit("\r\n").next().unwrap().to_owned();
        match Reply::parse(last.as_bytes()).unwrap() {
            Reply::Continuation(challenge) => {
                let response = client.step(&challenge);
                let mut line = BytesMut::new();
                match response {
                    Ok(data) => SaslResponse::Data(Secret::new(data)).encode(&mut line),
                    Err(_) => SaslResponse::Cancel.encode(&mut line),
                }
                h.feed(&line);
            }
            Reply::Status(status) => {
                assert_eq!(status.is_ok(), password_ok, "{text}");
                return (text, h.log);
            }
        }
    }
}

#[test]
fn sasl_scram_and_cram_md5_with_mailwire_sasl() {
    let password = |p: &str| Secret::new(p.to_owned());
    let scram = |p| ClientAuth::scram(ScramHash::Sha256, None, "alice", password(p), "clientnonce");
    let (_, log) = sasl_login(scram("secret").unwrap(), "SCRAM-SHA-256", true);
    assert_eq!(log, ["sasl-success alice"]);
    let (text, _) = sasl_login(scram("wrong").unwrap(), "SCRAM-SHA-256", false);
    assert!(text.ends_with("-ERR [AUTH] Authentication failed\r\n"));
    let (_, log) = sasl_login(
        ClientAuth::cram_md5("alice", password("secret")),
        "CRAM-MD5",
        true,
    );
    assert_eq!(log, ["sasl-success alice"]);
    let (_, log) = sasl_login(
        ClientAuth::cram_md5("alice", password("nope")),
        "CRAM-MD5",
        false,
    );
    assert!(log.iter().any(|l| l.starts_with("waited")));
}

#[test]
fn long_lines_and_too_many_errors() {
    let mut long = vec![b'A'; 300];
    long.extend_from_slice(b"\r\nNOOP\r\nUSER alice\r\nPASS secret\r\nNOOP\r\n");
    let (out, _, _) = scenario(|| Harness::new(plaintext_ok(), App::default()), &[&long]);
    assert_eq!(
        out,
        "+OK POP3 server ready\r\n-ERR Line too long\r\n-ERR Command not valid before login\r\n\
         +OK\r\n+OK Logged in, 3 messages (107 octets)\r\n+OK\r\n"
    );
    let garbage = b"XYZZY\r\n".repeat(12);
    let (out, _, h) = scenario(|| Harness::new(plaintext_ok(), App::default()), &[&garbage]);
    assert_eq!(out.matches("-ERR Unknown command").count(), 10);
    assert!(out.ends_with("-ERR Too many errors, closing\r\n"));
    assert!(h.session.is_closed());
}

#[test]
fn utf8_and_lang() {
    let (out, _, h) = scenario(
        || Harness::new(plaintext_ok(), App::default()),
        &["LANG\r\nLANG fr\r\nLANG *\r\nUTF8\r\nUSER jörg\r\n".as_bytes()],
    );
    assert_eq!(
        out,
        "+OK POP3 server ready\r\n+OK Language listing follows\r\nen English\r\n.\r\n\
         -ERR Language not supported\r\n+OK en Language is English\r\n+OK UTF8 enabled\r\n+OK\r\n"
    );
    assert!(h.session.is_utf8_enabled());
}

#[test]
fn failed_update_and_unreadable_message() {
    let app = App {
        update_ok: false,
        unreadable: true,
        ..App::default()
    };
    let (out, _, h) = scenario(
        || Harness::new(plaintext_ok(), app.clone()),
        &[b"USER alice\r\nPASS secret\r\nRETR 1\r\nDELE 1\r\nQUIT\r\n"],
    );
    assert!(out.ends_with(
        "-ERR [SYS/TEMP] Message cannot be read now\r\n+OK Message 1 deleted\r\n\
         -ERR [SYS/TEMP] Some deleted messages not removed\r\n"
    ));
    assert!(h.session.is_closed());
}

#[test]
fn idle_clients_are_dropped_silently_without_update() {
    let mut h = Harness::new(plaintext_ok(), App::default());
    h.feed(b"USER alice\r\nPASS secret\r\nDELE 1\r\n");
    let deadline = h.session.poll_timeout().unwrap();
    assert!(deadline >= h.now + Duration::from_secs(599));
    // Activity pushes the deadline back.
    h.now += Duration::from_secs(300);
    h.feed(b"NOOP\r\n");
    assert!(h.session.poll_timeout().unwrap() > deadline);
    let deadline = h.session.poll_timeout().unwrap();
    h.out.clear();
    h.session.handle_timeout(deadline);
    assert!(h.session.is_closed());
    h.drain();
    assert!(h.out.is_empty());
    assert!(!h.log.iter().any(|l| l.starts_with("update")));
}

#[test]
fn short_timeouts_are_raised_to_ten_minutes() {
    let options = ServerOptions {
        inactivity_timeout: Duration::from_secs(5),
        ..ServerOptions::default()
    };
    let now = Instant::now();
    let session = ServerSession::new(options, now);
    assert_eq!(session.poll_timeout(), Some(now + Duration::from_secs(600)));
}

#[test]
fn misuse_is_a_usage_error() {
    let now = Instant::now();
    let mut session = ServerSession::new(ServerOptions::default(), now);
    assert_eq!(
        session.accept_login(Vec::new()),
        Err(UsageError::NotPending("login"))
    );
    assert!(session.message_data(b"x").is_err());
    assert!(session.message_end().is_err());
    assert!(session.update_done().is_err());
    assert!(session.tls_established().is_err());
    assert!(session.sasl_answer(SaslAnswer::Accept).is_err());
    assert!(ServerSession::with_apop(ServerOptions::default(), now, "no brackets").is_err());
}

#[test]
fn password_matching() {
    let request = LoginRequest {
        user: String::from("mrose"),
        credentials: Credentials::Apop {
            timestamp: String::from("<1896.697170952@dbc.mtview.ca.us>"),
            digest: apop_digest("<1896.697170952@dbc.mtview.ca.us>", b"tanstaaf"),
        },
    };
    assert!(request.password_matches(b"tanstaaf"));
    assert!(!request.password_matches(b"tanstaa"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn retr_sends_exactly_the_listed_size(
        message in proptest::collection::vec(proptest::prop_oneof![
            proptest::prelude::Just(b'\r'),
            proptest::prelude::Just(b'\n'),
            proptest::prelude::Just(b'.'),
            proptest::prelude::any::<u8>(),
        ], 0..200),
        chunk in 1usize..20,
    ) {
        let app = App { messages: vec![message.clone()], chunk, ..App::default() };
        let mut h = Harness::new(plaintext_ok(), app);
        h.feed(b"USER alice\r\nPASS secret\r\n");
        h.out.clear();
        h.feed(b"RETR 1\r\n");
        let head_end = h.out.windows(2).position(|w| w == b"\r\n").unwrap() + 2;
        let mut body = BytesMut::new();
        let decoded = DotUnstuffer::new().decode(&h.out[head_end..], &mut body);
        proptest::prop_assert!(decoded.done);
        proptest::prop_assert_eq!(decoded.consumed, h.out.len() - head_end);
        proptest::prop_assert_eq!(body.len() as u64, wire_size(&message));
        let head = format!("+OK {} octets\r\n", wire_size(&message));
        proptest::prop_assert_eq!(&h.out[..head_end], head.as_bytes());
    }
}

#[test]
fn pipelined_input_is_bounded_while_the_application_works() {
    let now = Instant::now();
    let options = ServerOptions {
        allow_cleartext_login_without_tls: true,
        max_buffered_input: 1000,
        ..ServerOptions::default()
    };
    let mut server = ServerSession::new(options, now);
    let mut out = BytesMut::new();
    server.handle_input(b"USER a\r\nPASS b\r\n");
    assert!(matches!(server.poll_event(), Some(ServerEvent::Login(_))));
    // The application has not answered; the client keeps sending.
    server.handle_input(&b"NOOP\r\n".repeat(150));
    server.handle_input(&b"NOOP\r\n".repeat(100));
    server.poll_transmit(&mut out);
    assert!(out.ends_with(b"-ERR Too much pipelined input, closing\r\n"));
    assert!(server.is_closed());
    assert!(server.accept_login(Vec::new()).is_err());
}
