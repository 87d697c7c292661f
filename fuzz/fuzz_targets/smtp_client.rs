//! The SMTP client session fed arbitrary server replies in arbitrary chunks, while it tries to
//! authenticate and send: no panic, and output only in whole CRLF-terminated lines.
#![no_main]

use bytes::{Bytes, BytesMut};
use libfuzzer_sys::fuzz_target;
use mailwire_core::Secret;
use mailwire_sasl::{ClientAuth, Mechanism, ScramHash};
use mailwire_smtp::client::{Client, ClientOptions, Envelope, Event, StartTls};

fuzz_target!(|data: &[u8]| {
    let [flags, sizes, rest @ ..] = data else {
        return;
    };
    let options = ClientOptions {
        lmtp: flags & 1 != 0,
        chunking: flags & 2 != 0,
        pipelining: flags & 4 != 0,
        starttls: if flags & 8 != 0 {
            StartTls::Opportunistic
        } else {
            StartTls::Never
        },
        allow_plaintext_auth_without_tls: true,
        report_replies: flags & 16 != 0,
        // 1 to 8 octets: the test message goes in several chunks.
        bdat_chunk_size: usize::from(*sizes >> 5) + 1,
        ..ClientOptions::default()
    };
    let mut client = Client::new(options);
    let mut out = BytesMut::new();
    let mut sent = 0;
    let step = usize::from(*sizes % 32) + 1;
    for chunk in rest.chunks(step) {
        client.handle_input(chunk);
        while let Some(event) = client.poll_event() {
            match event {
                Event::Ready(_) if sent == 0 && flags & 32 != 0 => {
                    sent += 1;
                    let mechanism = client.choose_mechanism(&Mechanism::ALL);
                    let password = Secret::new("pw".to_owned());
                    let auth = match mechanism {
                        Some(Mechanism::ScramSha256) => {
                            ClientAuth::scram(ScramHash::Sha256, None, "u", password, "nonce")
                                .expect("valid nonce")
                                .with_max_iterations(16)
                        }
                        Some(Mechanism::CramMd5) => ClientAuth::cram_md5("u", password),
                        Some(Mechanism::Login) => ClientAuth::login("u", password),
                        _ => ClientAuth::plain(None, "u", password).expect("valid user"),
                    };
                    let _ = client.authenticate(auth);
                }
                Event::Ready(_) | Event::Authenticated | Event::AuthFailed(_) | Event::Sent(_)
                    if sent < 3 =>
                {
                    sent += 1;
                    let envelope = Envelope::new("<a@x.org>", ["<b@y.org>", "<c@y.org>"])
                        .expect("valid paths");
                    let _ = client.send(envelope, Bytes::from_static(b"Subject: x\r\n\r\n.hi\r\n"));
                }
                Event::StartTls => {
                    let _ = client.tls_established();
                }
                _ => {}
            }
        }
        client.poll_transmit(&mut out);
    }
    // Commands end in CRLF; a BDAT chunk waiting for its reply may end anywhere.
    assert!(out.is_empty() || out.ends_with(b"\r\n") || flags & 2 != 0);
});
