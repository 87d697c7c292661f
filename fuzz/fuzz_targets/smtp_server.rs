//! The SMTP server session fed arbitrary input in arbitrary chunks, with an application that
//! accepts, rejects and authenticates by turns: no panic, bounded buffers, and replies only in
//! whole CRLF-terminated lines.
#![no_main]

use bytes::BytesMut;
use libfuzzer_sys::fuzz_target;
use mailwire_sasl::{Mechanism, ScramCredentials, ScramHash, ServerConfig};
use mailwire_smtp::reply::{EnhancedCode, Reply, ReplyCode};
use mailwire_smtp::server::{BareLineEndings, Event, Server, ServerOptions};

fuzz_target!(|data: &[u8]| {
    let [flags, sizes, rest @ ..] = data else {
        return;
    };
    let options = ServerOptions {
        lmtp: flags & 1 != 0,
        implicit_tls: flags & 2 != 0,
        starttls: flags & 4 != 0,
        chunking: flags & 8 != 0,
        require_auth: flags & 16 != 0,
        verify_events: flags & 32 != 0,
        max_message_size: Some(1000),
        max_recipients: 5,
        auth_mechanisms: Mechanism::ALL.to_vec(),
        require_tls_for_auth: flags & 64 != 0,
        bare_line_endings: if sizes & 0x80 != 0 {
            BareLineEndings::Accept
        } else {
            BareLineEndings::Reject
        },
        ..ServerOptions::default()
    };
    let mut server = Server::new(options);
    let mut out = BytesMut::new();
    let mut turn = 0u32;
    let step = usize::from(*sizes % 32) + 1;
    for chunk in rest.chunks(step) {
        server.handle_input(chunk);
        while let Some(event) = server.poll_event() {
            turn += 1;
            let yes = !(turn + u32::from(*flags >> 7)).is_multiple_of(3);
            let no = Reply::new(
                ReplyCode::MAILBOX_UNAVAILABLE,
                EnhancedCode::new(5, 0, 0),
                "no",
            );
            match event {
                Event::AuthStart { .. } => {
                    let config = ServerConfig::new("fuzznonce", "fuzz.test").expect("valid nonce");
                    server.start_auth(config).expect("auth start pending");
                }
                Event::AuthNeed(need) => {
                    let scram = matches!(need, mailwire_sasl::ServerNeed::ScramCredentials { .. });
                    let cram = matches!(need, mailwire_sasl::ServerNeed::CramMd5Password { .. });
                    let _ = server.answer_auth(|a| {
                        if scram && yes {
                            let creds =
                                ScramCredentials::derive(ScramHash::Sha256, "pw", b"salt", 1)?;
                            a.provide_scram_credentials(creds)
                        } else if cram && yes {
                            a.provide_password("pw".to_owned().into())
                        } else if yes {
                            a.accept()
                        } else {
                            a.reject()
                        }
                    });
                }
                Event::MessageEnd { .. } if yes => server.accept().expect("decision pending"),
                Event::Hello { .. }
                | Event::Mail { .. }
                | Event::Rcpt { .. }
                | Event::MessageEnd { .. }
                | Event::Verify { .. } => {
                    if yes {
                        server.accept().expect("decision pending");
                    } else {
                        server.reject(no).expect("decision pending");
                    }
                }
                Event::StartTls => {
                    let _ = server.tls_established();
                }
                _ => {}
            }
        }
        server.poll_transmit(&mut out);
        assert!(server.buffered_input() <= 64 * 1024 + 12288 + step);
    }
    assert!(out.is_empty() || out.ends_with(b"\r\n"));
});
