//! The client session against our server in memory (bytes moved in chunks of every size), and
//! against scripted servers for the cases our server does not produce.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a panic is a failed assertion

mod common;

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use mailwire_core::Secret;
use mailwire_sasl::{ClientAuth, Mechanism, ScramHash};
use mailwire_smtp::client::{
    Client, ClientError, ClientOptions, Envelope, Event, StartTls, TransactionResult,
};
use mailwire_smtp::error::UsageError;
use mailwire_smtp::params::{Notify, Ret};
use mailwire_smtp::server::{Server, ServerOptions};

use common::{Transcript, answer};

/// What the client application does next, each time the session is ready.
enum Action {
    Auth(Mechanism, &'static str),
    Send(Envelope, &'static [u8]),
    Quit,
}

#[derive(Default)]
struct ClientLog {
    results: Vec<TransactionResult>,
    events: Vec<String>,
}

fn client_auth(mechanism: Mechanism, password: &str) -> ClientAuth {
    let password = Secret::new(password.to_owned());
    match mechanism {
        Mechanism::Plain => ClientAuth::plain(None, "alice", password).unwrap(),
        Mechanism::Login => ClientAuth::login("alice", password),
        Mechanism::CramMd5 => ClientAuth::cram_md5("alice", password),
        Mechanism::ScramSha256 => {
            ClientAuth::scram(ScramHash::Sha256, None, "alice", password, "clientnonce").unwrap()
        }
        other => panic!("not used: {other:?}"),
    }
}

fn next_action(client: &mut Client, actions: &mut VecDeque<Action>) {
    match actions.pop_front() {
        Some(Action::Auth(m, pw)) => client.authenticate(client_auth(m, pw)).unwrap(),
        Some(Action::Send(envelope, message)) => {
            client.send(envelope, Bytes::from_static(message)).unwrap();
        }
        Some(Action::Quit) | None => client.quit().unwrap(),
    }
}

/// Connects a client and a server, moving bytes `chunk` at a time, until both are quiet.
fn converse(
    client_options: ClientOptions,
    server_options: ServerOptions,
    actions: Vec<Action>,
    chunk: usize,
) -> (ClientLog, Transcript) {
    let mut client = Client::new(client_options);
    let mut server = Server::new(server_options);
    let mut actions: VecDeque<Action> = actions.into();
    let mut log = ClientLog::default();
    let mut t = Transcript::default();
    loop {
        let mut progress = false;
        while let Some(event) = server.poll_event() {
            progress = true;
            answer(&mut server, event, &mut t);
        }
        let mut bytes = BytesMut::new();
        server.poll_transmit(&mut bytes);
        t.output.push_str(&String::from_utf8_lossy(&bytes));
        for piece in bytes.chunks(chunk) {
            progress = true;
            client.handle_input(piece);
        }
        while let Some(event) = client.poll_event() {
            progress = true;
            log.events.push(format!("{event:?}"));
            match event {
                Event::Ready(_) | Event::Authenticated | Event::AuthFailed(_) => {
                    next_action(&mut client, &mut actions);
                }
                Event::AuthError(_) => {}
                Event::Sent(result) => {
                    log.results.push(result);
                    next_action(&mut client, &mut actions);
                }
                Event::StartTls => {
                    server.tls_established().unwrap();
                    client.tls_established().unwrap();
                }
                _ => {}
            }
        }
        let mut bytes = BytesMut::new();
        client.poll_transmit(&mut bytes);
        for piece in bytes.chunks(chunk) {
            progress = true;
            server.handle_input(piece);
        }
        if !progress {
            break;
        }
    }
    assert!(client.is_closed(), "client not closed: {:?}", log.events);
    (log, t)
}

/// Runs the conversation with every chunk size from 1 to 9 and whole; results must agree.
fn converse_all(
    client_options: &ClientOptions,
    server_options: &ServerOptions,
    actions: impl Fn() -> Vec<Action>,
) -> (ClientLog, Transcript) {
    let (log, t) = converse(
        client_options.clone(),
        server_options.clone(),
        actions(),
        usize::MAX,
    );
    for chunk in 1..10 {
        let (other_log, other_t) = converse(
            client_options.clone(),
            server_options.clone(),
            actions(),
            chunk,
        );
        assert_eq!(other_log.results, log.results, "chunk {chunk}");
        assert_eq!(other_t, t, "chunk {chunk}");
    }
    (log, t)
}

fn envelope(to: &[&str]) -> Envelope {
    Envelope::new("<sender@example.org>", to.iter().copied()).unwrap()
}

const MESSAGE: &[u8] = b"Subject: test\r\n\r\n.leading dot\r\n..two dots\r\nlast line without CRLF";

fn delivered(result: &TransactionResult) -> Vec<bool> {
    result.recipients.iter().map(|r| r.delivered()).collect()
}

#[test]
fn pipelined_transaction_with_one_result_per_recipient() {
    let (log, t) = converse_all(&ClientOptions::default(), &ServerOptions::default(), || {
        vec![
            Action::Send(
                envelope(&["<a@x.org>", "<bad@x.org>", "<b@x.org>"]),
                MESSAGE,
            ),
            Action::Send(envelope(&["<bad1@x.org>", "<bad2@x.org>"]), MESSAGE),
            Action::Quit,
        ]
    });
    assert_eq!(log.results.len(), 2);
    assert_eq!(delivered(&log.results[0]), [true, false, true]);
    assert_eq!(log.results[0].recipients[1].reply.code().get(), 550);
    assert_eq!(log.results[0].recipients[0].reply.code().get(), 250);
    // All recipients refused: DATA gets 554 and no body is sent.
    assert_eq!(delivered(&log.results[1]), [false, false]);
    assert_eq!(
        t.messages,
        [
            b"Subject: test\r\n\r\n.leading dot\r\n..two dots\r\nlast line without CRLF\r\n"
                .to_vec()
        ]
    );
    assert!(t.output.contains("554 5.5.1 No valid recipients"));
    assert!(!t.output.contains("500"));
    assert!(log.events.last().unwrap().starts_with("Closed(None)"));
}

#[test]
fn without_pipelining_commands_go_one_by_one() {
    let server_options = ServerOptions {
        pipelining: false,
        ..ServerOptions::default()
    };
    let (log, t) = converse_all(&ClientOptions::default(), &server_options, || {
        vec![
            Action::Send(envelope(&["<a@x.org>", "<bad@x.org>"]), MESSAGE),
            Action::Send(envelope(&["<bad@x.org>"]), MESSAGE),
            Action::Quit,
        ]
    });
    assert_eq!(delivered(&log.results[0]), [true, false]);
    assert_eq!(delivered(&log.results[1]), [false]);
    // The second transaction ends with RSET instead of DATA.
    assert!(t.events.iter().filter(|e| *e == "Reset").count() == 1);
    assert_eq!(t.messages.len(), 1);
}

#[test]
fn bdat_when_offered_and_wanted_and_binarymime_for_binary_content() {
    let client_options = ClientOptions {
        chunking: true,
        ..ClientOptions::default()
    };
    let (log, t) = converse_all(&client_options, &ServerOptions::default(), || {
        vec![
            Action::Send(envelope(&["<a@x.org>", "<bad@x.org>"]), MESSAGE),
            Action::Send(envelope(&["<a@x.org>"]), b"bin\0ary\r\n.\r\n"),
            Action::Quit,
        ]
    });
    assert_eq!(delivered(&log.results[0]), [true, false]);
    assert_eq!(delivered(&log.results[1]), [true]);
    // BDAT carries the message as is: no dot-stuffing, no line ending added.
    assert_eq!(
        t.messages,
        [MESSAGE.to_vec(), b"bin\0ary\r\n.\r\n".to_vec()]
    );
    assert!(
        t.events
            .iter()
            .any(|e| e.contains("body: Some(BinaryMime)"))
    );
    // Binary content needs BDAT even when the client does not prefer it.
    let (log, t) = converse(
        ClientOptions::default(),
        ServerOptions::default(),
        vec![
            Action::Send(envelope(&["<a@x.org>"]), b"a\0b"),
            Action::Quit,
        ],
        usize::MAX,
    );
    assert_eq!(delivered(&log.results[0]), [true]);
    assert_eq!(t.messages, [b"a\0b".to_vec()]);
}

#[test]
fn extensions_declared_only_when_the_message_needs_them() {
    let (_, t) = converse_all(&ClientOptions::default(), &ServerOptions::default(), || {
        vec![
            Action::Send(envelope(&["<a@x.org>"]), b"ascii\r\n"),
            Action::Send(
                envelope(&["<a@x.org>"]),
                "Subject: x\r\n\r\ncaf\u{e9}\r\n".as_bytes(),
            ),
            Action::Send(
                envelope(&["<a@x.org>"]),
                "Subject: caf\u{e9}\r\n\r\nx\r\n".as_bytes(),
            ),
            Action::Send(
                Envelope::new("<\u{7528}\u{6237}@example.org>", ["<a@x.org>"]).unwrap(),
                b"x\r\n",
            ),
            Action::Quit,
        ]
    });
    let mails: Vec<&String> = t.events.iter().filter(|e| e.starts_with("Mail")).collect();
    assert!(mails[0].contains("size: Some(7), body: None, smtputf8: false"));
    assert!(mails[1].contains("body: Some(EightBitMime), smtputf8: false"));
    assert!(mails[2].contains("body: Some(EightBitMime), smtputf8: true"));
    assert!(mails[3].contains("body: None, smtputf8: true"));
}

#[test]
fn extensions_not_offered_are_refused_locally() {
    let mut client = Client::new(ClientOptions::default());
    client.handle_input(b"220 mx\r\n250-mx\r\n250 SIZE 10\r\n");
    assert!(matches!(client.poll_event(), Some(Event::Ready(_))));
    let send = |client: &mut Client, env: Envelope, msg: &'static [u8]| {
        client.send(env, Bytes::from_static(msg))
    };
    assert_eq!(
        send(&mut client, envelope(&["<a@x.org>"]), b"01234567890"),
        Err(UsageError::TooBig {
            size: 11,
            limit: 10
        })
    );
    assert_eq!(
        send(&mut client, envelope(&["<a@x.org>"]), "\u{e9}".as_bytes()),
        Err(UsageError::NotOffered("8BITMIME"))
    );
    assert_eq!(
        send(&mut client, envelope(&["<a@x.org>"]), b"\0"),
        Err(UsageError::NotOffered("BINARYMIME"))
    );
    let env = Envelope::new("<a@x.org>", ["<\u{e9}@x.org>"]).unwrap();
    assert_eq!(
        send(&mut client, env, b"x"),
        Err(UsageError::NotOffered("SMTPUTF8"))
    );
    let mut env = envelope(&["<a@x.org>"]);
    env.params.ret = Some(Ret::Full);
    assert_eq!(
        send(&mut client, env, b"x"),
        Err(UsageError::NotOffered("DSN"))
    );
    let mut env = envelope(&["<a@x.org>"]);
    env.params.requiretls = true;
    assert_eq!(
        send(&mut client, env, b"x"),
        Err(UsageError::NotOffered("REQUIRETLS"))
    );
    assert!(client.is_ready());
}

#[test]
fn dsn_parameters_reach_the_server() {
    let (_, t) = converse_all(&ClientOptions::default(), &ServerOptions::default(), || {
        let mut env = envelope(&["<a@x.org>"]);
        env.params.ret = Some(Ret::Headers);
        env.params.envid = Some("id+1".into());
        env.recipients[0].1.notify = Some(Notify::On {
            success: true,
            failure: true,
            delay: false,
        });
        vec![Action::Send(env, b"x\r\n"), Action::Quit]
    });
    assert!(
        t.events
            .iter()
            .any(|e| e.contains("ret: Some(Headers), envid: Some(\"id+1\")"))
    );
    assert!(
        t.events
            .iter()
            .any(|e| e.contains("notify: Some(On { success: true, failure: true, delay: false })"))
    );
}

fn tls_auth_server() -> ServerOptions {
    ServerOptions {
        starttls: true,
        auth_mechanisms: vec![
            Mechanism::ScramSha256,
            Mechanism::CramMd5,
            Mechanism::Plain,
            Mechanism::Login,
        ],
        require_auth: true,
        ..ServerOptions::default()
    }
}

#[test]
fn starttls_then_every_auth_mechanism() {
    let client_options = ClientOptions {
        starttls: StartTls::Required,
        ..ClientOptions::default()
    };
    for mechanism in [
        Mechanism::ScramSha256,
        Mechanism::CramMd5,
        Mechanism::Plain,
        Mechanism::Login,
    ] {
        let (log, t) = converse_all(&client_options, &tls_auth_server(), || {
            vec![
                Action::Auth(mechanism, "secret"),
                Action::Send(envelope(&["<a@x.org>"]), b"x\r\n"),
                Action::Quit,
            ]
        });
        assert!(log.events.iter().any(|e| e == "StartTls"), "{mechanism:?}");
        assert!(
            log.events.iter().any(|e| e == "Authenticated"),
            "{mechanism:?}: {:?}",
            log.events
        );
        assert_eq!(delivered(&log.results[0]), [true]);
        assert!(t.output.contains("235 2.7.0"));
    }
    // A wrong password: 535, and MAIL is refused (submission needs AUTH).
    let (log, _) = converse_all(&client_options, &tls_auth_server(), || {
        vec![
            Action::Auth(Mechanism::ScramSha256, "wrong"),
            Action::Send(envelope(&["<a@x.org>"]), b"x\r\n"),
            Action::Quit,
        ]
    });
    assert!(log.events.iter().any(|e| e.starts_with("AuthFailed")));
    assert_eq!(log.results[0].mail.code().get(), 530);
    assert_eq!(delivered(&log.results[0]), [false]);
}

#[test]
fn choosing_the_strongest_mechanism() {
    let mut client = Client::new(ClientOptions::default());
    client.handle_input(b"220 mx\r\n250-mx\r\n250 AUTH LOGIN PLAIN CRAM-MD5 SCRAM-SHA-256\r\n");
    let all = [
        Mechanism::Plain,
        Mechanism::Login,
        Mechanism::CramMd5,
        Mechanism::ScramSha256,
    ];
    assert_eq!(client.choose_mechanism(&all), Some(Mechanism::ScramSha256));
    assert_eq!(
        client.choose_mechanism(&[Mechanism::Plain, Mechanism::CramMd5]),
        Some(Mechanism::CramMd5)
    );
    // Without TLS, mechanisms that send the password as is are not chosen.
    assert_eq!(
        client.choose_mechanism(&[Mechanism::Plain, Mechanism::Login]),
        None
    );
    assert_eq!(client.choose_mechanism(&[Mechanism::XOAuth2]), None);
    let auth = ClientAuth::xoauth2("a", Secret::new("t".into())).unwrap();
    assert_eq!(
        client.authenticate(auth),
        Err(UsageError::NotOffered("this SASL mechanism"))
    );
}

#[test]
fn starttls_required_but_not_offered() {
    let client_options = ClientOptions {
        starttls: StartTls::Required,
        ..ClientOptions::default()
    };
    let mut client = Client::new(client_options);
    client.handle_input(b"220 mx\r\n250-mx\r\n250 8BITMIME\r\n");
    assert_eq!(
        client.poll_event(),
        Some(Event::Closed(Some(ClientError::TlsUnavailable)))
    );
    let mut out = BytesMut::new();
    client.poll_transmit(&mut out);
    assert!(out.ends_with(b"QUIT\r\n"));
}

#[test]
fn lmtp_client_against_lmtp_server() {
    let client_options = ClientOptions {
        lmtp: true,
        ..ClientOptions::default()
    };
    let server_options = ServerOptions {
        lmtp: true,
        ..ServerOptions::default()
    };
    for chunking in [false, true] {
        let client_options = ClientOptions {
            chunking,
            ..client_options.clone()
        };
        let (log, t) = converse_all(&client_options, &server_options, || {
            vec![
                Action::Send(
                    envelope(&["<a@x.org>", "<bad@x.org>", "<b@x.org>"]),
                    MESSAGE,
                ),
                Action::Send(envelope(&["<bad@x.org>"]), MESSAGE),
                Action::Quit,
            ]
        });
        assert_eq!(delivered(&log.results[0]), [true, false, true]);
        assert_eq!(delivered(&log.results[1]), [false]);
        assert!(t.output.starts_with("220 localhost LMTP"));
        assert_eq!(t.messages.len(), 1);
    }
}

/// Feeds a scripted server's replies and returns what the client wrote.
fn scripted(
    options: ClientOptions,
    replies: &[&[u8]],
    actions: Vec<Action>,
) -> (String, Vec<Event>) {
    let mut client = Client::new(options);
    let mut actions: VecDeque<Action> = actions.into();
    let mut written = BytesMut::new();
    let mut events = Vec::new();
    for reply in replies {
        client.handle_input(reply);
        while let Some(event) = client.poll_event() {
            if matches!(event, Event::Ready(_) | Event::Sent(_)) {
                next_action(&mut client, &mut actions);
            }
            events.push(event);
        }
        client.poll_transmit(&mut written);
    }
    (String::from_utf8(written.to_vec()).unwrap(), events)
}

#[test]
fn helo_fallback_and_multiline_greeting() {
    let (written, events) = scripted(
        ClientOptions::default(),
        &[
            b"220-mx.example ESMTP\r\n220-second line\r\n220 third\r\n",
            b"502 5.5.1 no EHLO\r\n",
            b"250 mx\r\n",
            b"250 ok\r\n",
            b"250 ok\r\n",
            b"354 go\r\n",
            b"250 queued\r\n",
            b"221 bye\r\n",
        ],
        vec![
            Action::Send(envelope(&["<a@x.org>"]), b"hi\r\n"),
            Action::Quit,
        ],
    );
    assert_eq!(
        written,
        "EHLO localhost\r\nHELO localhost\r\nMAIL FROM:<sender@example.org>\r\nRCPT TO:<a@x.org>\r\nDATA\r\nhi\r\n.\r\nQUIT\r\n"
    );
    assert!(matches!(&events[0], Event::Ready(caps) if caps.capabilities.is_empty()));
    assert_eq!(events.last(), Some(&Event::Closed(None)));
}

#[test]
fn smtp_sink_style_replies() {
    // smtp-sink ends its EHLO reply with an empty "250 " line and answers every RCPT at once.
    let (written, events) = scripted(
        ClientOptions::default(),
        &[
            b"220 sink ESMTP\r\n",
            b"250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 \r\n",
            b"250 2.0.0 Ok\r\n250 2.0.0 Ok\r\n250 2.0.0 Ok\r\n354 End data\r\n",
            b"250 2.0.0 Ok: queued\r\n",
        ],
        vec![
            Action::Send(envelope(&["<a@x.org>", "<b@x.org>"]), b"hi\r\n"),
            Action::Quit,
        ],
    );
    assert!(written.starts_with("EHLO localhost\r\nMAIL FROM:<sender@example.org>\r\nRCPT TO:<a@x.org>\r\nRCPT TO:<b@x.org>\r\nDATA\r\nhi\r\n.\r\n"));
    let Some(Event::Sent(result)) = events.iter().find(|e| matches!(e, Event::Sent(_))) else {
        panic!("{events:?}")
    };
    assert_eq!(delivered(result), [true, true]);
}

#[test]
fn server_errors_end_the_session() {
    let (_, events) = scripted(ClientOptions::default(), &[b"554 go away\r\n"], vec![]);
    assert!(matches!(
        &events[0],
        Event::Closed(Some(ClientError::Refused(_)))
    ));
    let (_, events) = scripted(
        ClientOptions::default(),
        &[b"220 mx\r\n", b"421 4.3.2 shutting down\r\n"],
        vec![],
    );
    assert!(matches!(
        &events[0],
        Event::Closed(Some(ClientError::ServiceClosing(_)))
    ));
    let (_, events) = scripted(ClientOptions::default(), &[b"hello\r\n"], vec![]);
    assert!(matches!(
        &events[0],
        Event::Closed(Some(ClientError::MalformedReply(_)))
    ));
    let mut long = vec![b'2'; 10_000];
    long.extend_from_slice(b"\r\n");
    let (_, events) = scripted(ClientOptions::default(), &[&long], vec![]);
    assert!(matches!(
        &events[0],
        Event::Closed(Some(ClientError::MalformedReply(_)))
    ));
}

#[test]
fn client_timeouts() {
    let mut client = Client::new(ClientOptions::default());
    let start = Instant::now();
    client.handle_timeout(start);
    assert_eq!(
        client.poll_timeout(),
        Some(start + Duration::from_secs(300))
    );
    client.handle_input(b"220 mx\r\n250 mx\r\n");
    client.poll_event();
    client
        .send(envelope(&["<a@x.org>"]), Bytes::from_static(b"x"))
        .unwrap();
    client.handle_input(b"250 ok\r\n250 ok\r\n");
    client.handle_timeout(start);
    // Waiting for the 354: two minutes.
    assert_eq!(
        client.poll_timeout(),
        Some(start + Duration::from_secs(120))
    );
    client.handle_timeout(start + Duration::from_secs(120));
    assert_eq!(
        client.poll_event(),
        Some(Event::Closed(Some(ClientError::Timeout)))
    );
}

#[test]
fn misuse() {
    let mut client = Client::new(ClientOptions::default());
    assert_eq!(client.quit(), Err(UsageError::NotReady));
    assert_eq!(client.tls_established(), Err(UsageError::NotAwaitingTls));
    assert_eq!(
        client.send(envelope(&["<a@x.org>"]), Bytes::new()),
        Err(UsageError::NotReady)
    );
}

#[test]
fn bdat_in_chunks_of_every_size_with_and_without_pipelining() {
    for pipelining in [true, false] {
        let server_options = ServerOptions {
            pipelining,
            ..ServerOptions::default()
        };
        for size in 1..=MESSAGE.len() + 1 {
            let client_options = ClientOptions {
                chunking: true,
                bdat_chunk_size: size,
                ..ClientOptions::default()
            };
            let (log, t) = converse_all(&client_options, &server_options, || {
                vec![
                    Action::Send(envelope(&["<a@x.org>", "<bad@x.org>"]), MESSAGE),
                    Action::Send(envelope(&["<b@x.org>"]), b""),
                    Action::Quit,
                ]
            });
            assert_eq!(delivered(&log.results[0]), [true, false], "size {size}");
            assert_eq!(delivered(&log.results[1]), [true], "size {size}");
            assert_eq!(t.messages, [MESSAGE.to_vec(), Vec::new()], "size {size}");
            // One 250 per chunk before the last; the empty message is a lone `BDAT 0 LAST`.
            let chunks = MESSAGE.len().div_ceil(size);
            assert_eq!(
                t.output.matches("octets received").count(),
                chunks - 1,
                "size {size}"
            );
        }
    }
}

#[test]
fn lmtp_bdat_in_chunks() {
    let client_options = ClientOptions {
        lmtp: true,
        chunking: true,
        bdat_chunk_size: 7,
        ..ClientOptions::default()
    };
    let server_options = ServerOptions {
        lmtp: true,
        ..ServerOptions::default()
    };
    let (log, t) = converse_all(&client_options, &server_options, || {
        vec![
            Action::Send(
                envelope(&["<a@x.org>", "<bad@x.org>", "<b@x.org>"]),
                MESSAGE,
            ),
            Action::Quit,
        ]
    });
    assert_eq!(delivered(&log.results[0]), [true, false, true]);
    assert_eq!(t.messages, [MESSAGE.to_vec()]);
}

fn chunking_client(size: usize) -> ClientOptions {
    ClientOptions {
        chunking: true,
        bdat_chunk_size: size,
        ..ClientOptions::default()
    }
}

#[test]
fn refused_bdat_chunk_fails_the_message_when_pipelining() {
    let (written, events) = scripted(
        chunking_client(4),
        &[
            b"220 mx ESMTP\r\n",
            b"250-mx\r\n250-PIPELINING\r\n250 CHUNKING\r\n",
            b"250 ok\r\n250 ok\r\n250 4 octets\r\n",
            b"452 4.3.1 out of space\r\n",
            b"452 4.3.1 out of space\r\n",
            b"221 bye\r\n",
        ],
        vec![
            Action::Send(envelope(&["<a@x.org>"]), b"0123456789"),
            Action::Quit,
        ],
    );
    // All chunks were already in the pipeline; the server discards those after the failure.
    assert_eq!(
        written,
        "EHLO localhost\r\nMAIL FROM:<sender@example.org>\r\nRCPT TO:<a@x.org>\r\nBDAT 4\r\n0123BDAT 4\r\n4567BDAT 2 LAST\r\n89QUIT\r\n"
    );
    let sent = events.iter().find_map(|e| match e {
        Event::Sent(result) => Some(result),
        _ => None,
    });
    let reply = &sent.unwrap().recipients[0].reply;
    assert_eq!(reply.code().get(), 452);
    assert_eq!(delivered(sent.unwrap()), [false]);
}

#[test]
fn refused_bdat_chunk_stops_the_chunks_without_pipelining() {
    let (written, events) = scripted(
        chunking_client(4),
        &[
            b"220 mx ESMTP\r\n",
            b"250-mx\r\n250 CHUNKING\r\n",
            b"250 ok\r\n",
            b"250 ok\r\n",
            b"250 4 octets\r\n",
            b"552 5.3.4 too big\r\n",
            b"250 reset\r\n",
            b"221 bye\r\n",
        ],
        vec![
            Action::Send(envelope(&["<a@x.org>"]), b"0123456789"),
            Action::Quit,
        ],
    );
    assert_eq!(
        written,
        "EHLO localhost\r\nMAIL FROM:<sender@example.org>\r\nRCPT TO:<a@x.org>\r\nBDAT 4\r\n0123BDAT 4\r\n4567RSET\r\nQUIT\r\n"
    );
    let sent = events.iter().find_map(|e| match e {
        Event::Sent(result) => Some(result),
        _ => None,
    });
    assert_eq!(sent.unwrap().recipients[0].reply.code().get(), 552);
    assert_eq!(events.last(), Some(&Event::Closed(None)));
}
