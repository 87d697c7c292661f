//! Decodes arbitrary data with the dot-unstuffer in arbitrary chunks and checks that the
//! result (content, end position, bare CR/LF counts) is the same as decoding it in one call.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_core::dot::DotUnstuffer;

#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    content: Vec<u8>,
    end: Option<usize>,
    bare_lf: usize,
    bare_cr: usize,
}

fn decode(chunks: &[&[u8]]) -> Outcome {
    let mut unstuffer = DotUnstuffer::new();
    // The decoder's output buffer (a `bytes::BytesMut`, inferred from `decode`).
    let mut content = Default::default();
    let mut offset = 0;
    let mut end = None;
    for chunk in chunks {
        let decoded = unstuffer.decode(chunk, &mut content);
        if decoded.done && end.is_none() {
            assert!(decoded.consumed >= 1 && decoded.consumed <= chunk.len());
            end = Some(offset + decoded.consumed);
        } else if decoded.done {
            assert_eq!(decoded.consumed, 0);
        } else {
            assert_eq!(decoded.consumed, chunk.len());
        }
        offset += chunk.len();
    }
    Outcome {
        content: content.to_vec(),
        end,
        bare_lf: unstuffer.bare_lf_count(),
        bare_cr: unstuffer.bare_cr_count(),
    }
}

fuzz_target!(|data: &[u8]| {
    let (sizes, input) = data.split_at(data.len().min(4));
    let whole = decode(&[input]);
    if let Some(end) = whole.end {
        assert_eq!(&input[end - 3..end], b".\r\n");
        assert!(end == 3 || input[..end - 3].ends_with(b"\r\n"));
        assert!(whole.content.len() < end);
    } else {
        assert!(whole.content.len() <= input.len());
    }
    let mut chunks = Vec::new();
    let mut rest = input;
    for &size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (chunk, tail) = rest.split_at(usize::from(size).clamp(1, rest.len()));
        chunks.push(chunk);
        rest = tail;
    }
    if !rest.is_empty() {
        chunks.push(rest);
    }
    assert_eq!(decode(&chunks), whole);
});
