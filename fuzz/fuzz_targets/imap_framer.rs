//! The IMAP framer under arbitrary input cut into arbitrary chunks: it must never panic, must
//! produce the same events whatever the chunking, and must keep its buffers bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_imap::framing::{FrameEvent, Framer, FramerOptions, Role};

fn run(opts: &FramerOptions, data: &[u8], cuts: &[u8]) -> Vec<FrameEvent> {
    let mut framer = Framer::new(opts.clone());
    let mut events = Vec::new();
    let mut rest = data;
    let mut cuts = cuts.iter();
    while !rest.is_empty() {
        let n = cuts
            .next()
            .map_or(rest.len(), |&c| usize::from(c).max(1))
            .min(rest.len());
        framer.push(&rest[..n]);
        rest = &rest[n..];
        while let Some(ev) = framer.next_event() {
            // The buffered bytes stay within the limits plus the chunk just pushed.
            assert!(framer.buffered() <= 2 * opts.max_line + opts.max_buffered + 64 + n);
            events.push(ev);
        }
    }
    // Merge adjacent literal chunks, whose boundaries depend on the cuts.
    let mut merged: Vec<FrameEvent> = Vec::new();
    for e in events {
        match (merged.last_mut(), e) {
            (Some(FrameEvent::LiteralData(prev)), FrameEvent::LiteralData(next)) => {
                let mut v = prev.to_vec();
                v.extend_from_slice(&next);
                *prev = v.into();
            }
            (_, e) => merged.push(e),
        }
    }
    merged
}

fuzz_target!(|input: (u8, Vec<u8>, Vec<u8>)| {
    let (flags, cuts, data) = input;
    let mut opts = FramerOptions::new(if flags & 1 == 0 {
        Role::Server
    } else {
        Role::Client
    });
    opts.allow_bare_lf = flags & 2 != 0;
    if flags & 4 != 0 {
        opts.max_line = 40;
        opts.max_buffered = 30;
        opts.max_literal = 100;
        opts.max_non_sync_literal = Some(20);
    }
    let whole = run(&opts, &data, &[]);
    let chunked = run(&opts, &data, &cuts);
    assert_eq!(whole, chunked);
});
