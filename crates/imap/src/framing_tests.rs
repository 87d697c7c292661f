use super::*;
use proptest::prelude::*;

fn all(framer: &mut Framer) -> Vec<FrameEvent> {
    std::iter::from_fn(|| framer.next_event()).collect()
}

fn msg(b: &[u8]) -> FrameEvent {
    FrameEvent::Message(Bytes::copy_from_slice(b))
}

fn server() -> Framer {
    Framer::new(FramerOptions::new(Role::Server))
}

#[test]
fn lines_and_literals() {
    let mut f = server();
    f.push(b"a NOOP\r\nb APPEND x {3+}\r\nabc\r\nc LOGIN {1}\r\n");
    assert_eq!(
        all(&mut f),
        vec![
            msg(b"a NOOP\r\n"),
            msg(b"b APPEND x {3+}\r\nabc\r\n"),
            FrameEvent::ContinuationNeeded { size: 1 }
        ]
    );
    f.push(b"u {1}\r\n");
    assert_eq!(
        all(&mut f),
        vec![FrameEvent::ContinuationNeeded { size: 1 }]
    );
    f.push(b"p\r\n");
    assert_eq!(all(&mut f), vec![msg(b"c LOGIN {1}\r\nu {1}\r\np\r\n")]);
}

#[test]
fn client_role_never_waits() {
    let mut f = Framer::new(FramerOptions::new(Role::Client));
    f.push(b"* 1 FETCH (BODY[] {4}\r\nab\r\n)\r\n+ go\r\n");
    assert_eq!(
        all(&mut f),
        vec![
            msg(b"* 1 FETCH (BODY[] {4}\r\nab\r\n)\r\n"),
            msg(b"+ go\r\n")
        ]
    );
}

#[test]
fn refusing_a_literal_drops_the_command() {
    let mut f = server();
    f.push(b"a APPEND box {10}\r\n");
    assert_eq!(
        all(&mut f),
        vec![FrameEvent::ContinuationNeeded { size: 10 }]
    );
    assert!(f.refuse_literal());
    assert!(!f.refuse_literal());
    f.push(b"b NOOP\r\n");
    assert_eq!(all(&mut f), vec![msg(b"b NOOP\r\n")]);
}

#[test]
fn oversize_sync_literal_is_refused_without_waiting() {
    let mut f = Framer::new(FramerOptions {
        max_literal: 100,
        ..FramerOptions::new(Role::Server)
    });
    f.push(b"a1 APPEND box {101}\r\nb NOOP\r\n");
    assert_eq!(
        all(&mut f),
        vec![
            FrameEvent::LiteralRefused {
                size: 101,
                head: Bytes::from_static(b"a1 APPEND box {101}\r\n")
            },
            msg(b"b NOOP\r\n"),
        ]
    );
}

#[test]
fn oversize_non_sync_literal_bytes_are_never_commands() {
    let opts = FramerOptions {
        max_non_sync_literal: Some(8),
        ..FramerOptions::new(Role::Server)
    };
    let mut f = Framer::new(opts);
    f.push(b"a1 APPEND box {20+}\r\nx DELETE INBOX\r\nzzz {2+}\r\nyy\r\nb NOOP\r\n");
    assert_eq!(
        all(&mut f),
        vec![
            FrameEvent::Discarded {
                reason: DiscardReason::LiteralTooLarge { size: 20 },
                head: Bytes::from_static(b"a1 APPEND box {20+}\r\n"),
            },
            msg(b"b NOOP\r\n"),
        ]
    );
}

#[test]
fn long_lines_are_skipped_with_their_literals() {
    let mut f = Framer::new(FramerOptions {
        max_line: 16,
        ..FramerOptions::new(Role::Server)
    });
    let mut input = b"a1 SEARCH ".to_vec();
    input.extend(std::iter::repeat_n(b'X', 100));
    input.extend_from_slice(b" {5+}\r\nb BAD\r\nc NOOP\r\n");
    for chunk in input.chunks(7) {
        f.push(chunk);
    }
    let events = all(&mut f);
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(
        matches!(&events[0], FrameEvent::Discarded { reason: DiscardReason::LineTooLong, head } if head.starts_with(b"a1 SEARCH"))
    );
    assert_eq!(events[1], msg(b"c NOOP\r\n"));
    assert!(f.buffered() < 64);
}

#[test]
fn long_line_ending_in_sync_literal_ends_at_once() {
    let mut f = Framer::new(FramerOptions {
        max_line: 16,
        ..FramerOptions::new(Role::Server)
    });
    f.push(b"a1 LOGIN aaaaaaaaaaaaaaaaaaaaaa {5}\r\n");
    let events = all(&mut f);
    assert!(
        matches!(&events[..], [FrameEvent::Discarded { reason: DiscardReason::LineTooLong, head }] if &head[..] == b"a1 LOGIN <redacted>")
    );
}

#[test]
fn bare_lf_is_opt_in() {
    let mut f = server();
    f.push(b"a NOOP\nb NOOP\r\n");
    let events = all(&mut f);
    assert!(matches!(
        events[0],
        FrameEvent::Discarded {
            reason: DiscardReason::BareLineFeed,
            ..
        }
    ));
    assert_eq!(events[1], msg(b"b NOOP\r\n"));
    let mut f = Framer::new(FramerOptions {
        allow_bare_lf: true,
        ..FramerOptions::new(Role::Server)
    });
    f.push(b"a NOOP\nb {1+}\nx\n");
    assert_eq!(all(&mut f), vec![msg(b"a NOOP\n"), msg(b"b {1+}\nx\n")]);
}

#[test]
fn big_literals_are_streamed() {
    let opts = FramerOptions {
        max_buffered: 16,
        ..FramerOptions::new(Role::Client)
    };
    let mut f = Framer::new(opts);
    f.push(b"* 1 FETCH (BINARY[] ~{30}\r\n0123456789");
    assert_eq!(
        all(&mut f),
        vec![
            FrameEvent::LiteralStart {
                size: 30,
                binary: true
            },
            FrameEvent::LiteralData(Bytes::from_static(b"0123456789"))
        ]
    );
    f.push(b"01234567890123456789 UID 4)\r\n");
    assert_eq!(
        all(&mut f),
        vec![
            FrameEvent::LiteralData(Bytes::from_static(b"01234567890123456789")),
            msg(b"* 1 FETCH (BINARY[] ~{0}\r\n UID 4)\r\n"),
        ]
    );
}

#[test]
fn streamed_sync_literal_waits_for_decision() {
    let opts = FramerOptions {
        max_buffered: 16,
        ..FramerOptions::new(Role::Server)
    };
    let mut f = Framer::new(opts);
    f.push(b"a APPEND INBOX {20}\r\n");
    assert_eq!(
        all(&mut f),
        vec![FrameEvent::ContinuationNeeded { size: 20 }]
    );
    f.push(&[b'x'; 20]);
    f.push(b"\r\n");
    let events = all(&mut f);
    assert_eq!(
        events[0],
        FrameEvent::LiteralStart {
            size: 20,
            binary: false
        }
    );
    assert_eq!(events.last(), Some(&msg(b"a APPEND INBOX {0}\r\n\r\n")));
}

#[test]
fn clear_drops_plaintext_injected_before_tls() {
    let mut f = server();
    f.push(b"a STARTTLS\r\nb LOGIN x y\r\n");
    assert_eq!(f.next_event(), Some(msg(b"a STARTTLS\r\n")));
    f.clear();
    assert_eq!(f.next_event(), None);
}

fn collect_chunked(opts: &FramerOptions, input: &[u8], cuts: &[usize]) -> Vec<FrameEvent> {
    let mut f = Framer::new(opts.clone());
    let mut out = Vec::new();
    let mut last = 0;
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (input.len() + 1)).collect();
    points.sort_unstable();
    points.push(input.len());
    for p in points {
        f.push(&input[last..p]);
        last = p;
        out.extend(all(&mut f));
    }
    // Adjacent data chunks of a streamed literal may be cut differently: merge them.
    let mut merged: Vec<FrameEvent> = Vec::new();
    for e in out {
        if let (Some(FrameEvent::LiteralData(prev)), FrameEvent::LiteralData(next)) =
            (merged.last_mut(), &e)
        {
            let mut joined = BytesMut::from(&prev[..]);
            joined.extend_from_slice(next);
            *prev = joined.freeze();
        } else {
            merged.push(e);
        }
    }
    merged
}

proptest! {
    #[test]
    fn chunking_never_changes_the_events(
        parts in proptest::collection::vec(prop_oneof![
            Just(&b"a NOOP\r\n"[..]),
            Just(&b"b LOGIN {3}\r\n"[..]),
            Just(&b"c X {2+}\r\n"[..]),
            Just(&b"~{40}\r\n"[..]),
            Just(&b"\r\n"[..]),
            Just(&b"\n"[..]),
            Just(&b"xyz"[..]),
            Just(&b"{99999999999}\r\n"[..]),
        ], 0..12),
        cuts in proptest::collection::vec(any::<usize>(), 0..8),
        small in any::<bool>(),
    ) {
        let input = parts.concat();
        let mut opts = FramerOptions::new(Role::Client);
        if small {
            opts.max_line = 20;
            opts.max_buffered = 10;
        }
        let whole = collect_chunked(&opts, &input, &[]);
        let split = collect_chunked(&opts, &input, &cuts);
        prop_assert_eq!(whole, split);
    }
}
