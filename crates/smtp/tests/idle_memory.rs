//! An idle server session holds at most 1 KiB of heap, whatever it went through before.
//! Alone in its binary so that no other test allocates while it counts.

use std::alloc::System;

use bytes::BytesMut;
use mailwire_smtp::server::{Event, Server, ServerOptions};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn drain(server: &mut Server) {
    while let Some(event) = server.poll_event() {
        if matches!(
            event,
            Event::Hello { .. }
                | Event::Mail { .. }
                | Event::Rcpt { .. }
                | Event::MessageEnd { .. }
        ) {
            server.accept().expect("a decision is pending");
        }
    }
    let mut out = BytesMut::new();
    server.poll_transmit(&mut out);
}

fn held(region: &Region<'_, System>) -> isize {
    let change = region.change();
    // Growth by realloc is already counted in bytes_allocated / bytes_deallocated.
    change.bytes_allocated as isize - change.bytes_deallocated as isize
}

#[test]
fn idle_session_holds_at_most_one_kib() {
    let region = Region::new(GLOBAL);
    let mut server = Server::new(ServerOptions::default());
    drain(&mut server);
    let fresh = held(&region);
    // A pipelined transaction with a 64 KiB message, in one big read.
    let mut input =
        b"EHLO client.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nDATA\r\n"
            .to_vec();
    for _ in 0..1024 {
        input.extend_from_slice(
            b"0123456789012345678901234567890123456789012345678901234567890\r\n",
        );
    }
    input.extend_from_slice(b".\r\nNOOP\r\n");
    server.handle_input(&input);
    drop(input);
    drain(&mut server);
    // Then an over-long line and a few commands in small reads.
    server.handle_input(&vec![b'x'; 20_000]);
    server.handle_input(b"\r\nRSET\r\n");
    drain(&mut server);
    let idle = held(&region);
    assert!(fresh <= 1024, "fresh session holds {fresh} bytes");
    assert!(idle <= 1024, "idle session holds {idle} bytes");
    assert!(!server.should_close());
    drop(server);
}
