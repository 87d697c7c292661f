//! Feeds arbitrary bytes to the line framer in arbitrary chunks and checks every item against
//! the input: each line is the input's bytes up to a line ending, none holds an LF, none is
//! longer than the limit, and every byte is accounted for once a final CRLF is fed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_core::line::{FrameError, FramerOptions, LineFramer};

fuzz_target!(|data: &[u8]| {
    let [flags, max, sizes @ ..] = data else {
        return;
    };
    let (sizes, input) = sizes.split_at(sizes.len().min(4));
    let options = FramerOptions {
        max_line_length: usize::from(*max) * if flags & 2 != 0 { 16 } else { 1 },
        allow_bare_lf: flags & 1 != 0,
    };
    let mut framer = LineFramer::new(options);
    let mut stream = input.to_vec();
    stream.extend_from_slice(b"\r\n");
    let mut pos = 0;
    let mut fed = 0;
    let mut size_index = 0;
    while fed < stream.len() {
        let size = sizes
            .get(size_index % sizes.len().max(1))
            .map_or(stream.len(), |&s| usize::from(s) + 1);
        size_index += 1;
        let end = (fed + size).min(stream.len());
        framer.feed(&stream[fed..end]);
        fed = end;
        while let Some(item) = framer.next_line() {
            let item = item.map(|line| line.to_vec());
            pos = check(&stream, pos, &options, item);
        }
        assert!(framer.buffered().len() < options.max_line_length.max(1));
        assert_eq!(
            framer.buffered(),
            &stream[fed - framer.buffered().len()..fed]
        );
    }
    assert_eq!(
        pos,
        stream.len(),
        "every byte is in a line or counted as discarded"
    );
    assert!(framer.buffered().is_empty());
});

/// Checks one item against the input at `pos`, returns the position after its line.
fn check(
    stream: &[u8],
    pos: usize,
    options: &FramerOptions,
    item: Result<Vec<u8>, FrameError>,
) -> usize {
    let rest = &stream[pos..];
    let (line, bare) = match item {
        Ok(line) => {
            let bare = !rest[line.len()..].starts_with(b"\r\n");
            assert!(!bare || options.allow_bare_lf, "bare LF line accepted");
            (line, bare)
        }
        Err(FrameError::BareLf { line }) => {
            assert!(!options.allow_bare_lf, "bare LF refused although allowed");
            (line.to_vec(), true)
        }
        Err(FrameError::TooLong { discarded }) => {
            assert!(discarded > options.max_line_length);
            assert_eq!(rest[discarded - 1], b'\n');
            assert!(!rest[..discarded - 1].contains(&b'\n'));
            return pos + discarded;
        }
        Err(other) => panic!("unexpected error {other:?}"),
    };
    assert!(!line.contains(&b'\n'));
    assert_eq!(&rest[..line.len()], &line[..]);
    let ending: &[u8] = if bare { b"\n" } else { b"\r\n" };
    assert!(rest[line.len()..].starts_with(ending));
    if bare {
        assert_ne!(line.last(), Some(&b'\r'));
    }
    let total = line.len() + ending.len();
    assert!(total <= options.max_line_length);
    pos + total
}
