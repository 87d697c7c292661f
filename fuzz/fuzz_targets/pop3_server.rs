//! The POP3 server session: arbitrary client bytes in arbitrary chunks, with an application
//! whose answers the input also chooses. No panic, bounded output per input, and no usage
//! error when the application answers the events it is given.
#![no_main]

use std::time::{Duration, Instant};

use bytes::BytesMut;
use libfuzzer_sys::fuzz_target;
use mailwire_core::Secret;
use mailwire_pop3::{
    LoginFailure, MaildropEntry, SaslAnswer, SaslMechanism, ServerEvent, ServerOptions,
    ServerSession, Uid,
};
use mailwire_sasl::{ServerConfig, ServerNeed};

fuzz_target!(|data: &[u8]| {
    let Some((&control, input)) = data.split_first() else {
        return;
    };
    let options = ServerOptions {
        stls: control & 1 != 0,
        allow_cleartext_login_without_tls: control & 2 != 0,
        sasl_mechanisms: vec![
            SaslMechanism::Plain,
            SaslMechanism::CramMd5,
            SaslMechanism::Login,
        ],
        ..ServerOptions::default()
    };
    let mut now = Instant::now();
    let mut server = if control & 4 != 0 {
        ServerSession::with_apop(options, now, "<1.2@fuzz>").expect("valid timestamp")
    } else {
        ServerSession::new(options, now)
    };
    if control & 8 != 0 {
        server = server.with_sasl(ServerConfig::new("nonce", "fuzz").expect("valid nonce"));
    }
    let maildrop = || {
        (0..3)
            .map(|i| MaildropEntry {
                size: 10 + i,
                uid: Uid::try_from(format!("u{i}")).expect("valid uid"),
            })
            .collect::<Vec<_>>()
    };
    let mut out = BytesMut::new();
    let mut answer = 0u8;
    for chunk in input.chunks(usize::from(control >> 4) + 1) {
        server.handle_input(chunk);
        now += Duration::from_secs(1);
        server.handle_timeout(now);
        loop {
            let mut busy = false;
            while let Some(event) = server.poll_event() {
                busy = true;
                answer = answer.wrapping_add(chunk.first().copied().unwrap_or(0)) ^ 0x5a;
                let result = match event {
                    ServerEvent::StartTls => server.tls_established(),
                    ServerEvent::Login(_) | ServerEvent::SaslSuccess(_) => match answer % 3 {
                        0 => server.accept_login(maildrop()),
                        1 => server.reject_login(LoginFailure::BadCredentials),
                        _ => server.reject_login(LoginFailure::InUse),
                    },
                    ServerEvent::SaslNeed { need, .. } => {
                        let yes = answer.is_multiple_of(2);
                        server.sasl_answer(match need {
                            ServerNeed::CramMd5Password { .. } if yes => {
                                SaslAnswer::Password(Secret::new(String::from("pw")))
                            }
                            _ if yes => SaslAnswer::Accept,
                            _ => SaslAnswer::Reject,
                        })
                    }
                    ServerEvent::Retrieve { .. } => {
                        if answer.is_multiple_of(5) {
                            server.message_failed()
                        } else {
                            server
                                .message_data(b".line\n..\r\nlast")
                                .and_then(|_| server.message_end())
                        }
                    }
                    ServerEvent::Update { .. } => {
                        if answer.is_multiple_of(2) {
                            server.update_done()
                        } else {
                            server.update_failed()
                        }
                    }
                    _ => Ok(()),
                };
                assert_eq!(result, Ok(()));
            }
            if server.poll_transmit(&mut out) > 0 {
                busy = true;
            }
            if !busy {
                break;
            }
        }
        if out.len() > 1 << 20 {
            out.clear();
        }
        if server.is_closed() {
            break;
        }
    }
    if let Some(at) = server.poll_timeout() {
        server.handle_timeout(at);
        server.poll_transmit(&mut out);
    }
});
