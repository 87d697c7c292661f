//! The POP3 client session: arbitrary server bytes in arbitrary chunks while the client logs
//! in and runs commands. No panic, and nothing after the session reports Closed.
#![no_main]

use bytes::BytesMut;
use libfuzzer_sys::fuzz_target;
use mailwire_core::Secret;
use mailwire_pop3::{ClientEvent, ClientOptions, ClientSession, MessageNumber};

fuzz_target!(|data: &[u8]| {
    let Some((&control, input)) = data.split_first() else {
        return;
    };
    let mut client = ClientSession::new(ClientOptions {
        implicit_tls: control & 1 != 0,
        allow_cleartext_login_without_tls: control & 2 != 0,
        scram_nonce: (control & 4 != 0).then(|| String::from("fuzznonce")),
        pipelining: control & 8 != 0,
        ..ClientOptions::default()
    });
    let one = MessageNumber::new(1).expect("1 is a message number");
    let mut out = BytesMut::new();
    let mut closed = false;
    for chunk in input.chunks(usize::from(control >> 4) + 1) {
        client.handle_input(chunk);
        while let Some(event) = client.poll_event() {
            assert!(!closed, "event after Closed: {event:?}");
            match event {
                ClientEvent::Ready { .. } => {
                    let _ = client.login("user", Secret::new(String::from("pw")));
                    let _ = client.stat();
                    let _ = client.list(None);
                    let _ = client.uidl(Some(one));
                    let _ = client.retr(one);
                    let _ = client.top(one, 3);
                    let _ = client.dele(one);
                }
                ClientEvent::StartTls => {
                    let _ = client.tls_established();
                }
                ClientEvent::LoggedIn(_) => {
                    let _ = client.quit();
                }
                ClientEvent::Closed => closed = true,
                _ => {}
            }
        }
        client.poll_transmit(&mut out);
        if out.len() > 1 << 16 {
            out.clear();
        }
    }
});
