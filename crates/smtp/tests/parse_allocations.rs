//! Parsing a command line allocates nothing but what the value must own (the decoded AUTH
//! initial response, an unknown parameter list). Alone in its binary so that no other test
//! allocates while it counts.

use std::alloc::System;

use mailwire_smtp::command::Command;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn allocations(line: &[u8]) -> usize {
    let region = Region::new(GLOBAL);
    let command = Command::parse(line);
    let count = region.change().allocations;
    assert!(command.is_ok(), "{}", String::from_utf8_lossy(line));
    drop(command);
    count
}

#[test]
fn command_parsing_does_not_allocate() {
    for line in [
        &b"EHLO client.example.org"[..],
        b"HELO [192.0.2.1]",
        b"MAIL FROM:<sender@example.org> SIZE=12345 BODY=8BITMIME",
        b"MAIL FROM:<> RET=HDRS ENVID=abc SMTPUTF8",
        b"RCPT TO:<recipient@example.net> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;recipient@example.net",
        b"RCPT TO:<\"quoted local\"@[192.0.2.1]>",
        b"RCPT TO:<user@[IPv6:2001:db8::1]>",
        b"rcpt to:<Postmaster>",
        b"DATA",
        b"BDAT 1000 LAST",
        b"NOOP hello",
        b"AUTH PLAIN",
        b"QUIT",
    ] {
        assert_eq!(allocations(line), 0, "{}", String::from_utf8_lossy(line));
    }
    // The decoded initial response is owned: one allocation.
    assert_eq!(allocations(b"AUTH PLAIN AGFsaWNlAHNlY3JldA=="), 1);
}
