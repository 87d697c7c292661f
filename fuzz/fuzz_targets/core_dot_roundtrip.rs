//! Stuffs arbitrary content in arbitrary chunks, unstuffs the result in other chunks, and
//! checks that the content comes back as the stuffer's options promise.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_core::dot::{DotStuffer, DotStufferOptions, DotUnstuffer};

fn split(data: &[u8], size: u8) -> impl Iterator<Item = &[u8]> {
    data.chunks(usize::from(size).max(1))
}

/// What decoding must give back: bare CR and LF turned into CRLF when normalising, and CRLF
/// appended to non-empty content that does not end with one.
fn expected(content: &[u8], normalize: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 2);
    if normalize {
        let mut i = 0;
        while i < content.len() {
            match content[i] {
                b'\r' if content.get(i + 1) == Some(&b'\n') => {
                    out.extend_from_slice(b"\r\n");
                    i += 1;
                }
                b'\r' | b'\n' => out.extend_from_slice(b"\r\n"),
                byte => out.push(byte),
            }
            i += 1;
        }
    } else {
        out.extend_from_slice(content);
    }
    if !out.is_empty() && !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let [flags, encode_size, decode_size, content @ ..] = data else {
        return;
    };
    let normalize = flags & 1 != 0;
    let mut stuffer = DotStuffer::new(DotStufferOptions {
        normalize_line_endings: normalize,
    });
    // Output buffers are `bytes::BytesMut`, inferred from `encode` and `decode`.
    let mut wire = Default::default();
    for chunk in split(content, *encode_size) {
        stuffer.encode(chunk, &mut wire);
    }
    stuffer.finish(&mut wire);
    wire.extend_from_slice(b"QUIT\r\n");

    let mut unstuffer = DotUnstuffer::new();
    let mut decoded = Default::default();
    let mut offset = 0;
    let mut end = None;
    for chunk in split(&wire, *decode_size) {
        let step = unstuffer.decode(chunk, &mut decoded);
        if step.done {
            end = Some(offset + step.consumed);
            break;
        }
        offset += chunk.len();
    }
    assert_eq!(
        end,
        Some(wire.len() - 6),
        "the end is found exactly after the content"
    );
    assert_eq!(&decoded[..], &expected(content, normalize)[..]);
    if normalize {
        assert!(!unstuffer.saw_bare_line_ending());
    }
});
