//! The client session against the server session in memory, with bytes moved in every chunk
//! size, and against scripted servers for what our server never does.
#![allow(clippy::unwrap_used)] // Test helpers: a panic is a failed assertion.

use bytes::BytesMut;
use mailwire_core::Secret;
use mailwire_pop3::*;
use mailwire_sasl::ServerConfig;

mod common;
use common::{App, Harness};

/// What the client reported, with message chunks joined so that runs in different chunk
/// sizes compare equal.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seen {
    Event(ClientEvent),
    Message(MessageNumber, Vec<u8>),
}

struct Pair {
    client: ClientSession,
    server: Harness,
    seen: Vec<Seen>,
    chunk: usize,
}

impl Pair {
    fn new(client: ClientOptions, server: Harness, chunk: usize) -> Self {
        let mut pair = Self {
            client: ClientSession::new(client),
            server,
            seen: Vec::new(),
            chunk,
        };
        pair.run();
        pair
    }

    /// Moves bytes both ways until nothing moves.
    fn run(&mut self) {
        loop {
            let mut moved = false;
            let mut out = BytesMut::new();
            if self.client.poll_transmit(&mut out) > 0 {
                moved = true;
                for piece in out.chunks(self.chunk) {
                    self.server.feed(piece);
                }
            }
            let from_server = self.server.take_out();
            if !from_server.is_empty() {
                moved = true;
                for piece in from_server.chunks(self.chunk) {
                    self.client.handle_input(piece);
                }
            }
            while let Some(event) = self.client.poll_event() {
                moved = true;
                match event {
                    ClientEvent::MessageData { message, data } => match self.seen.last_mut() {
                        Some(Seen::Message(n, buf)) if *n == message => {
                            buf.extend_from_slice(&data)
                        }
                        _ => self.seen.push(Seen::Message(message, data.to_vec())),
                    },
                    ClientEvent::StartTls => {
                        self.seen.push(Seen::Event(ClientEvent::StartTls));
                        self.client.tls_established().unwrap();
                    }
                    other => self.seen.push(Seen::Event(other)),
                }
            }
            if !moved {
                return;
            }
        }
    }
}

fn n(v: u32) -> MessageNumber {
    MessageNumber::new(v).unwrap()
}

fn plaintext_server() -> Harness {
    Harness::new(
        ServerOptions {
            allow_cleartext_login_without_tls: true,
            ..ServerOptions::default()
        },
        App::default(),
    )
}

fn plaintext_client() -> ClientOptions {
    ClientOptions {
        allow_cleartext_login_without_tls: true,
        ..ClientOptions::default()
    }
}

fn event(e: ClientEvent) -> Seen {
    Seen::Event(e)
}

/// A whole session: every command, in every chunk size; returns the chunk-size-1 run.
fn full_session(chunk: usize) -> Pair {
    let mut pair = Pair::new(plaintext_client(), plaintext_server(), chunk);
    assert_eq!(
        pair.client
            .login("alice", Secret::new("secret".into()))
            .unwrap(),
        LoginMethod::UserPass
    );
    pair.run();
    pair.client.stat().unwrap();
    pair.client.list(None).unwrap();
    pair.client.list(Some(n(2))).unwrap();
    pair.client.uidl(None).unwrap();
    pair.client.uidl(Some(n(3))).unwrap();
    pair.client.retr(n(1)).unwrap();
    pair.client.retr(n(2)).unwrap();
    pair.client.top(n(1), 0).unwrap();
    pair.client.dele(n(1)).unwrap();
    pair.client.retr(n(1)).unwrap();
    pair.client.rset().unwrap();
    pair.client.noop().unwrap();
    pair.client.dele(n(3)).unwrap();
    pair.client.quit().unwrap();
    pair.run();
    pair
}

#[test]
fn every_command_in_every_chunk_size() {
    let reference = full_session(usize::MAX);
    let seen = &reference.seen;
    let Seen::Event(ClientEvent::Ready { capabilities }) = &seen[0] else {
        panic!("{seen:?}")
    };
    assert!(capabilities.contains(&Capability::Pipelining));
    assert_eq!(seen[1], event(ClientEvent::LoggedIn(LoginMethod::UserPass)));
    assert_eq!(
        seen[2],
        event(ClientEvent::Stat(DropListing {
            count: 3,
            size: 107
        }))
    );
    let Seen::Event(ClientEvent::List(list)) = &seen[3] else {
        panic!()
    };
    assert_eq!(
        list.iter()
            .map(|l| (l.message.get(), l.size))
            .collect::<Vec<_>>(),
        [(1, 39), (2, 44), (3, 24)]
    );
    assert_eq!(
        seen[4],
        event(ClientEvent::List(vec![ScanListing {
            message: n(2),
            size: 44
        }]))
    );
    let Seen::Event(ClientEvent::Uidl(uids)) = &seen[5] else {
        panic!()
    };
    assert_eq!(uids.len(), 3);
    assert_eq!(uids[2].uid.as_str(), "uid-2");
    let Seen::Event(ClientEvent::Uidl(one)) = &seen[6] else {
        panic!()
    };
    assert_eq!((one[0].message, one[0].uid.as_str()), (n(3), "uid-2"));
    assert_eq!(
        seen[7],
        Seen::Message(
            n(1),
            b"Subject: one\r\n\r\n.hidden dot\r\nline two\r\n".to_vec()
        )
    );
    assert_eq!(seen[8], event(ClientEvent::MessageEnd { message: n(1) }));
    assert_eq!(
        seen[9],
        Seen::Message(
            n(2),
            b"Subject: two\r\n\r\n..\r\n.\r\nend without newline\r\n".to_vec()
        )
    );
    assert_eq!(
        seen[11],
        Seen::Message(n(1), b"Subject: one\r\n\r\n".to_vec())
    );
    assert!(matches!(
        &seen[13],
        Seen::Event(ClientEvent::Done { command: CommandKind::Dele(m), .. }) if *m == n(1)
    ));
    let Seen::Event(ClientEvent::Failed { command, response }) = &seen[14] else {
        panic!("{:?}", seen[14])
    };
    assert_eq!(*command, CommandKind::Retrieve(n(1)));
    assert_eq!(response.text().as_str(), "Message is deleted");
    assert!(matches!(
        &seen[15],
        Seen::Event(ClientEvent::Done {
            command: CommandKind::Rset,
            ..
        })
    ));
    assert!(matches!(
        &seen[18],
        Seen::Event(ClientEvent::Done {
            command: CommandKind::Quit,
            ..
        })
    ));
    assert_eq!(seen[19], event(ClientEvent::Closed));
    assert_eq!(seen.len(), 20);
    assert_eq!(reference.server.log.last().unwrap(), "update [3]");
    assert!(reference.client.is_closed());
    for chunk in 1..40 {
        let pair = full_session(chunk);
        assert_eq!(&pair.seen, seen, "chunk size {chunk}");
    }
}

#[test]
fn commands_are_pipelined_only_when_offered() {
    let mut pair = Pair::new(plaintext_client(), plaintext_server(), usize::MAX);
    pair.client
        .login("alice", Secret::new("secret".into()))
        .unwrap();
    pair.run();
    pair.client.stat().unwrap();
    pair.client.list(None).unwrap();
    pair.client.noop().unwrap();
    let mut out = BytesMut::new();
    pair.client.poll_transmit(&mut out);
    assert_eq!(&out[..], b"STAT\r\nLIST\r\nNOOP\r\n");

    // A server without CAPA: USER/PASS assumed, one command at a time.
    let mut client = ClientSession::new(plaintext_client());
    client.handle_input(b"+OK ready\r\n");
    out.clear();
    client.poll_transmit(&mut out);
    assert_eq!(&out[..], b"CAPA\r\n");
    client.handle_input(b"-ERR unknown command\r\n");
    assert_eq!(
        client.poll_event(),
        Some(ClientEvent::Ready {
            capabilities: vec![]
        })
    );
    assert_eq!(
        client.login("bob", Secret::new("pw".into())),
        Ok(LoginMethod::UserPass)
    );
    client.handle_input(b"+OK\r\n");
    client.handle_input(b"+OK logged in\r\n");
    assert_eq!(
        client.poll_event(),
        Some(ClientEvent::LoggedIn(LoginMethod::UserPass))
    );
    client.stat().unwrap();
    client.noop().unwrap();
    out.clear();
    client.poll_transmit(&mut out);
    assert_eq!(&out[..], b"USER bob\r\nPASS pw\r\nSTAT\r\n");
    client.handle_input(b"+OK 0 0\r\n");
    out.clear();
    client.poll_transmit(&mut out);
    assert_eq!(&out[..], b"NOOP\r\n");
}

#[test]
fn stls_then_login_over_tls() {
    let server = Harness::new(
        ServerOptions {
            stls: true,
            ..ServerOptions::default()
        },
        App::default(),
    );
    let mut pair = Pair::new(ClientOptions::default(), server, 3);
    assert_eq!(
        pair.client.login("alice", Secret::new("secret".into())),
        Err(UsageError::InvalidArgument("cleartext login without TLS"))
    );
    assert!(pair.client.has_capability(&Capability::Stls));
    pair.client.stls().unwrap();
    pair.run();
    assert!(pair.server.session.is_tls());
    assert!(!pair.client.has_capability(&Capability::Stls));
    assert!(pair.client.has_capability(&Capability::User));
    pair.client
        .login("alice", Secret::new("secret".into()))
        .unwrap();
    pair.run();
    assert_eq!(pair.seen[1], event(ClientEvent::StartTls));
    assert!(matches!(
        pair.seen[2],
        Seen::Event(ClientEvent::Ready { .. })
    ));
    assert_eq!(
        pair.seen[3],
        event(ClientEvent::LoggedIn(LoginMethod::UserPass))
    );
}

fn sasl_server(mechanisms: Vec<SaslMechanism>) -> Harness {
    let mut h = Harness::sasl(
        ServerOptions {
            implicit_tls: true,
            sasl_mechanisms: mechanisms,
            ..ServerOptions::default()
        },
        App::default(),
    );
    h.session.handle_timeout(h.now);
    h
}

#[test]
fn login_picks_the_strongest_method() {
    let tls_client = |nonce: Option<&str>| ClientOptions {
        implicit_tls: true,
        scram_nonce: nonce.map(str::to_owned),
        ..ClientOptions::default()
    };
    let all = vec![
        SaslMechanism::Plain,
        SaslMechanism::Login,
        SaslMechanism::CramMd5,
        SaslMechanism::ScramSha1,
        SaslMechanism::ScramSha256,
    ];
    let cases = [
        (
            all.clone(),
            Some("cnonce"),
            LoginMethod::Sasl(SaslMechanism::ScramSha256),
        ),
        (all.clone(), None, LoginMethod::Sasl(SaslMechanism::CramMd5)),
        (
            vec![SaslMechanism::ScramSha1, SaslMechanism::Plain],
            Some("cnonce"),
            LoginMethod::Sasl(SaslMechanism::ScramSha1),
        ),
        (
            vec![SaslMechanism::Plain],
            None,
            LoginMethod::Sasl(SaslMechanism::Plain),
        ),
        (vec![SaslMechanism::Login], None, LoginMethod::UserPass),
        (vec![], None, LoginMethod::UserPass),
    ];
    for (mechanisms, nonce, expected) in cases {
        for chunk in [1, 7, usize::MAX] {
            let mut pair = Pair::new(tls_client(nonce), sasl_server(mechanisms.clone()), chunk);
            assert_eq!(
                pair.client.login("alice", Secret::new("secret".into())),
                Ok(expected)
            );
            pair.run();
            assert_eq!(
                pair.seen[1],
                event(ClientEvent::LoggedIn(expected)),
                "{expected:?}"
            );
            assert!(pair.client.is_logged_in());
        }
    }
    let mut pair = Pair::new(tls_client(Some("n")), sasl_server(all), usize::MAX);
    pair.client
        .login("alice", Secret::new("wrong".into()))
        .unwrap();
    pair.run();
    let Seen::Event(ClientEvent::Failed { command, response }) = &pair.seen[1] else {
        panic!("{:?}", pair.seen)
    };
    assert_eq!(*command, CommandKind::Login);
    assert_eq!(response.code(), Some(&ResponseCode::Auth));
}

#[test]
fn apop_is_preferred_to_cleartext_and_codes_are_exposed() {
    let server = Harness::apop(
        ServerOptions::default(),
        App::default(),
        "<1.2@example.test>",
    );
    let mut pair = Pair::new(ClientOptions::default(), server, 5);
    assert_eq!(
        pair.client.login("locked", Secret::new("x".into())),
        Ok(LoginMethod::Apop)
    );
    pair.run();
    let Seen::Event(ClientEvent::Failed { response, .. }) = &pair.seen[1] else {
        panic!("{:?}", pair.seen)
    };
    assert_eq!(response.code(), Some(&ResponseCode::InUse));
    pair.client
        .login("mrose", Secret::new("tanstaaf".into()))
        .unwrap();
    pair.run();
    assert_eq!(
        pair.seen[2],
        event(ClientEvent::LoggedIn(LoginMethod::Apop))
    );
}

#[test]
fn scram_server_signature_is_checked() {
    // A server that accepts without proving it knows the password.
    let mut client = ClientSession::new(ClientOptions {
        implicit_tls: true,
        scram_nonce: Some(String::from("abc")),
        ..ClientOptions::default()
    });
    client.handle_input(b"+OK\r\n+OK\r\nSASL SCRAM-SHA-256\r\n.\r\n");
    assert!(matches!(
        client.poll_event(),
        Some(ClientEvent::Ready { .. })
    ));
    client.login("alice", Secret::new("pw".into())).unwrap();
    client.handle_input(b"+OK fake\r\n");
    assert!(matches!(
        client.poll_event(),
        Some(ClientEvent::Error(ClientError::Sasl(_)))
    ));
    assert_eq!(client.poll_event(), Some(ClientEvent::Closed));
}

#[test]
fn long_lines_and_dot_lines_stream_through() {
    let mut long = b"Subject: long\r\n\r\n".to_vec();
    long.extend(std::iter::repeat_n(b'y', 5000));
    long.extend_from_slice(b"\r\n.\r\n..\r\n.x\r\n");
    let app = App {
        messages: vec![long.clone()],
        chunk: 333,
        ..App::default()
    };
    let server = Harness::new(
        ServerOptions {
            allow_cleartext_login_without_tls: true,
            ..ServerOptions::default()
        },
        app,
    );
    for chunk in [1, 2, 3, 64, usize::MAX] {
        let mut pair = Pair::new(plaintext_client(), server_clone(&server), chunk);
        pair.client
            .login("alice", Secret::new("secret".into()))
            .unwrap();
        pair.run();
        pair.client.retr(n(1)).unwrap();
        pair.run();
        assert_eq!(pair.seen[2], Seen::Message(n(1), long.clone()));
    }
}

fn server_clone(h: &Harness) -> Harness {
    Harness::new(
        ServerOptions {
            allow_cleartext_login_without_tls: true,
            ..ServerOptions::default()
        },
        h.app.clone(),
    )
}

#[test]
fn misuse_and_garbage() {
    let mut client = ClientSession::new(ClientOptions::default());
    assert!(client.login("a", Secret::new("b".into())).is_err());
    assert!(client.tls_established().is_err());
    client.handle_input(b"* what\r\n");
    assert!(matches!(
        client.poll_event(),
        Some(ClientEvent::Error(ClientError::Malformed(_)))
    ));
    assert_eq!(client.poll_event(), Some(ClientEvent::Closed));
    assert!(client.stat().is_err());
    let _ = ServerConfig::new("x", "y");
}
