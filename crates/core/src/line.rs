//! A streaming framer that cuts a byte stream into CRLF-terminated lines, with a length limit.
//!
//! Every line-based mail protocol (SMTP commands, POP3, IMAP outside literals) reads its input
//! through a [`LineFramer`]: the transport feeds whatever it read, in any chunking, and the
//! session takes whole lines out. The framer never holds more than one line limit of bytes for
//! an unfinished line; an over-long line is counted and dropped, not buffered.
//!
//! ```
//! use mailwire_core::line::{FrameError, FramerOptions, LineFramer};
//!
//! let mut framer = LineFramer::new(FramerOptions { max_line_length: 20, ..Default::default() });
//! framer.feed(b"EHLO cli");
//! assert_eq!(framer.next_line(), None); // need more bytes
//! framer.feed(b"ent.test\r\nMAIL FROM:<a-very-long-address@example.test>\r\nQU");
//! framer.feed(b"IT\r\n");
//! assert_eq!(framer.next_line(), Some(Ok("EHLO client.test".into())));
//! assert_eq!(framer.next_line(), Some(Err(FrameError::TooLong { discarded: 46 })));
//! assert_eq!(framer.next_line(), Some(Ok("QUIT".into())));
//! assert_eq!(framer.next_line(), None);
//! ```

use bytes::{Buf, Bytes, BytesMut};

/// Limits and leniency of a [`LineFramer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FramerOptions {
    /// Longest accepted line, counting its line ending (CRLF, or LF when bare LF is allowed).
    ///
    /// SMTP allows 512 for commands and 1000 for text lines (RFC 5321 section 4.5.3.1), POP3
    /// 255 for commands (RFC 2449). Default: 1000.
    pub max_line_length: usize,
    /// Accept a bare LF (one not preceded by CR) as a line ending. When `false` (the default),
    /// a line ended by a bare LF is returned as [`FrameError::BareLf`].
    pub allow_bare_lf: bool,
}

impl Default for FramerOptions {
    fn default() -> Self {
        Self {
            max_line_length: 1000,
            allow_bare_lf: false,
        }
    }
}

/// A line the peer sent that the framer cannot hand out as a valid line.
///
/// Both are recoverable: the framer has already skipped the offending line and the next call to
/// [`LineFramer::next_line`] continues with the line after it, so a server can answer with its
/// protocol's error reply and go on.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    /// The line was longer than [`FramerOptions::max_line_length`]. It was discarded without
    /// being buffered; `discarded` counts all of its bytes, its line ending included.
    #[error("line too long: {discarded} bytes discarded")]
    TooLong {
        /// Number of bytes dropped, line ending included.
        discarded: usize,
    },
    /// The line ended with a bare LF while [`FramerOptions::allow_bare_lf`] is off.
    #[error("bare LF not allowed as a line ending")]
    BareLf {
        /// The line's content, without the LF.
        line: Bytes,
    },
}

/// Where the framer is in the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum State {
    /// Framing lines out of the buffer.
    #[default]
    Framing,
    /// Dropping an over-long line whose end has not arrived yet; counts the bytes dropped.
    Discarding(usize),
    /// An over-long line has ended; its report is the next item to hand out.
    Discarded(usize),
}

/// Cuts a byte stream into lines, whatever the chunking of the input.
///
/// A line ends at LF. When the LF follows a CR, the line ends with CRLF and both are removed;
/// otherwise it is a bare LF, accepted as a line ending only with
/// [`FramerOptions::allow_bare_lf`] and reported as [`FrameError::BareLf`] otherwise. A CR that
/// is not followed by LF is ordinary data.
///
/// Lines come out without their line ending, as [`Bytes`] split off the internal buffer (no
/// copy). Call [`next_line`](Self::next_line) until it returns `None` after each
/// [`feed`](Self::feed): the buffer then never holds more than one unfinished line, at most
/// `max_line_length` bytes, plus the last chunk fed.
///
/// An over-long line is dropped as it arrives and reported once, when its line ending
/// arrives, as [`FrameError::TooLong`] with the number of bytes dropped; framing resumes with the
/// byte after that line ending (the next LF, which ends the line whether or not a CR precedes it).
#[derive(Debug, Clone, Default)]
pub struct LineFramer {
    options: FramerOptions,
    buf: BytesMut,
    /// Length of the buffer prefix already searched for LF without finding one.
    scanned: usize,
    state: State,
}

impl LineFramer {
    /// Creates a framer with an empty buffer.
    pub fn new(options: FramerOptions) -> Self {
        Self {
            options,
            buf: BytesMut::new(),
            scanned: 0,
            state: State::Framing,
        }
    }

    /// Appends bytes read from the transport.
    ///
    /// While an over-long line is being dropped, its bytes are counted here and never copied.
    pub fn feed(&mut self, bytes: &[u8]) {
        let mut bytes = bytes;
        if let State::Discarding(dropped) = self.state {
            match memchr::memchr(b'\n', bytes) {
                None => {
                    self.state = State::Discarding(dropped.saturating_add(bytes.len()));
                    return;
                }
                Some(lf) => {
                    self.state = State::Discarded(dropped.saturating_add(lf + 1));
                    bytes = &bytes[lf + 1..];
                }
            }
        }
        self.buf.extend_from_slice(bytes);
    }

    /// Takes the next line out of the buffer, without its line ending.
    ///
    /// Returns `None` when no whole line is buffered yet (feed more bytes), `Some(Err(_))` for a
    /// line that must be refused (the framer goes on with the following line).
    #[must_use = "the line is removed from the buffer"]
    pub fn next_line(&mut self) -> Option<Result<Bytes, FrameError>> {
        match self.state {
            State::Framing => {}
            State::Discarding(_) => return None,
            State::Discarded(discarded) => {
                self.state = State::Framing;
                return Some(Err(FrameError::TooLong { discarded }));
            }
        }
        let max = self.options.max_line_length;
        let Some(found) = memchr::memchr(b'\n', &self.buf[self.scanned..]) else {
            if !self.buf.is_empty() && self.buf.len() >= max {
                // No line ending within the limit: the line can only be too long. Drop what
                // we have and count the rest as it arrives.
                self.state = State::Discarding(self.buf.len());
                self.buf.clear();
                self.scanned = 0;
            } else {
                self.scanned = self.buf.len();
            }
            return None;
        };
        let lf = self.scanned + found;
        self.scanned = 0;
        if lf + 1 > max {
            self.buf.advance(lf + 1);
            return Some(Err(FrameError::TooLong { discarded: lf + 1 }));
        }
        let mut line = self.buf.split_to(lf + 1);
        if lf > 0 && line[lf - 1] == b'\r' {
            line.truncate(lf - 1);
            Some(Ok(line.freeze()))
        } else {
            line.truncate(lf);
            if self.options.allow_bare_lf {
                Some(Ok(line.freeze()))
            } else {
                Some(Err(FrameError::BareLf {
                    line: line.freeze(),
                }))
            }
        }
    }

    /// The bytes fed but not yet handed out as lines.
    ///
    /// Empty while an over-long line is being dropped.
    pub fn buffered(&self) -> &[u8] {
        &self.buf
    }

    /// Takes every buffered byte out, to hand the raw stream to another decoder (SMTP DATA or
    /// BDAT payload, an IMAP literal, a TLS handshake).
    ///
    /// The framer is left empty and framing starts afresh with the next [`feed`](Self::feed);
    /// an over-long line being dropped is forgotten.
    pub fn take_buffered(&mut self) -> BytesMut {
        self.scanned = 0;
        self.state = State::Framing;
        std::mem::take(&mut self.buf)
    }

    /// Drops every buffered byte and any partly read line.
    ///
    /// Call it when the transport changes under the session, above all right after a STARTTLS
    /// (or STLS) command is accepted: plaintext the peer pipelined behind that command must never
    /// be read as if it came through TLS (CVE-2011-0411).
    pub fn clear(&mut self) {
        self.buf.clear();
        self.scanned = 0;
        self.state = State::Framing;
    }

    /// The options in force.
    pub fn options(&self) -> &FramerOptions {
        &self.options
    }

    /// Changes the options; they apply from the next line on (for example a larger limit once
    /// a command has switched the session to a text mode).
    pub fn set_options(&mut self, options: FramerOptions) {
        self.options = options;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn opts(max: usize, allow_bare_lf: bool) -> FramerOptions {
        FramerOptions {
            max_line_length: max,
            allow_bare_lf,
        }
    }

    type Item = Result<Vec<u8>, FrameError>;

    /// Feeds `chunks` one at a time, draining after each, and collects every item.
    fn frame_chunks(options: FramerOptions, chunks: &[&[u8]]) -> (Vec<Item>, Vec<u8>) {
        let mut framer = LineFramer::new(options);
        let mut items = Vec::new();
        for chunk in chunks {
            framer.feed(chunk);
            while let Some(item) = framer.next_line() {
                items.push(item.map(|b| b.to_vec()));
            }
            assert!(
                framer.buffered().len() < options.max_line_length.max(1),
                "buffer holds more than an unfinished line below the limit"
            );
        }
        (items, framer.buffered().to_vec())
    }

    /// Frames `input` in one chunk, then split at every offset, then split at every pair of
    /// offsets, then one byte at a time, and checks that every chunking gives `expected`.
    fn check_every_split(options: FramerOptions, input: &[u8], expected: &[Item], rest: &[u8]) {
        let (items, left) = frame_chunks(options, &[input]);
        assert_eq!(items, expected, "one chunk");
        assert_eq!(left, rest, "one chunk");
        for i in 0..=input.len() {
            for j in i..=input.len() {
                let (items, left) =
                    frame_chunks(options, &[&input[..i], &input[i..j], &input[j..]]);
                assert_eq!(items, expected, "split at {i} and {j}");
                assert_eq!(left, rest, "split at {i} and {j}");
            }
        }
        let bytes: Vec<&[u8]> = input.chunks(1).collect();
        let (items, left) = frame_chunks(options, &bytes);
        assert_eq!(items, expected, "byte by byte");
        assert_eq!(left, rest, "byte by byte");
    }

    fn ok(line: &[u8]) -> Item {
        Ok(line.to_vec())
    }

    #[test]
    fn crlf_lines_in_every_chunking() {
        check_every_split(
            FramerOptions::default(),
            b"EHLO a\r\n\r\nMAIL FROM:<x@y>\r\nRC",
            &[ok(b"EHLO a"), ok(b""), ok(b"MAIL FROM:<x@y>")],
            b"RC",
        );
    }

    #[test]
    fn bare_cr_is_data() {
        check_every_split(
            FramerOptions::default(),
            b"a\rb\r\r\n\r\r\r\n\r",
            &[ok(b"a\rb\r"), ok(b"\r\r")],
            b"\r",
        );
    }

    #[test]
    fn bare_lf_rejected_by_default_and_framing_goes_on() {
        check_every_split(
            FramerOptions::default(),
            b"MAIL FROM:<a>\nRCPT TO:<b>\r\n\nx\r\n",
            &[
                Err(FrameError::BareLf {
                    line: Bytes::from_static(b"MAIL FROM:<a>"),
                }),
                ok(b"RCPT TO:<b>"),
                Err(FrameError::BareLf { line: Bytes::new() }),
                ok(b"x"),
            ],
            b"",
        );
    }

    #[test]
    fn bare_lf_accepted_when_allowed() {
        check_every_split(
            opts(1000, true),
            b"+OK\n.\r\n\nend\r\r\n",
            &[ok(b"+OK"), ok(b"."), ok(b""), ok(b"end\r")],
            b"",
        );
    }

    #[test]
    fn too_long_reported_once_with_exact_count_then_resumes() {
        // Limit 8: "1234567890\r\n" is 12 bytes, "123456\r\n" exactly 8 is accepted.
        check_every_split(
            opts(8, false),
            b"ab\r\n1234567890\r\n123456\r\n1234567\r\nok\r\n",
            &[
                ok(b"ab"),
                Err(FrameError::TooLong { discarded: 12 }),
                ok(b"123456"),
                Err(FrameError::TooLong { discarded: 9 }),
                ok(b"ok"),
            ],
            b"",
        );
    }

    #[test]
    fn too_long_counts_the_whole_line_however_long() {
        let mut input = vec![b'x'; 100_000];
        input.extend_from_slice(b"\r\nNOOP\r\n");
        let (items, rest) = frame_chunks(opts(16, false), &input.chunks(7).collect::<Vec<_>>());
        assert_eq!(
            items,
            [Err(FrameError::TooLong { discarded: 100_002 }), ok(b"NOOP")]
        );
        assert!(rest.is_empty());
    }

    #[test]
    fn too_long_line_ended_by_bare_lf_is_reported_once() {
        check_every_split(
            opts(4, false),
            b"abcdef\nab\r\n",
            &[Err(FrameError::TooLong { discarded: 7 }), ok(b"ab")],
            b"",
        );
    }

    #[test]
    fn limit_counts_the_line_ending() {
        check_every_split(
            opts(3, true),
            b"a\r\nab\nab\r\n",
            &[
                ok(b"a"),
                ok(b"ab"),
                Err(FrameError::TooLong { discarded: 4 }),
            ],
            b"",
        );
    }

    #[test]
    fn discarding_does_not_buffer_the_long_line() {
        let mut framer = LineFramer::new(opts(10, false));
        framer.feed(&[b'a'; 10]);
        assert_eq!(framer.next_line(), None);
        assert!(framer.buffered().is_empty());
        for _ in 0..1000 {
            framer.feed(&[b'b'; 1000]);
            assert!(framer.buffered().is_empty());
            assert_eq!(framer.next_line(), None);
        }
        framer.feed(b"\r\nnext\r\n");
        assert_eq!(
            framer.next_line(),
            Some(Err(FrameError::TooLong {
                discarded: 1_000_012
            }))
        );
        assert_eq!(framer.next_line(), Some(Ok(Bytes::from_static(b"next"))));
    }

    #[test]
    fn unterminated_input_below_the_limit_stays_buffered() {
        let mut framer = LineFramer::new(opts(10, false));
        framer.feed(b"123456789");
        assert_eq!(framer.next_line(), None);
        assert_eq!(framer.buffered(), b"123456789");
        framer.feed(b"\n");
        assert_eq!(
            framer.next_line(),
            Some(Err(FrameError::BareLf {
                line: Bytes::from_static(b"123456789")
            }))
        );
        assert!(framer.buffered().is_empty());
    }

    #[test]
    fn zero_limit_refuses_everything_without_panicking() {
        check_every_split(
            opts(0, true),
            b"\n\r\nab\r\n",
            &[
                Err(FrameError::TooLong { discarded: 1 }),
                Err(FrameError::TooLong { discarded: 2 }),
                Err(FrameError::TooLong { discarded: 4 }),
            ],
            b"",
        );
    }

    #[test]
    fn take_buffered_hands_over_raw_bytes_after_a_line() {
        let mut framer = LineFramer::default();
        framer.feed(b"DATA\r\nSubject: x\r\n\r\nbody\r\n.\r\n");
        assert_eq!(framer.next_line(), Some(Ok(Bytes::from_static(b"DATA"))));
        let raw = framer.take_buffered();
        assert_eq!(&raw[..], b"Subject: x\r\n\r\nbody\r\n.\r\n");
        assert!(framer.buffered().is_empty());
        assert_eq!(framer.next_line(), None);
        framer.feed(b"QUIT\r\n");
        assert_eq!(framer.next_line(), Some(Ok(Bytes::from_static(b"QUIT"))));
    }

    #[test]
    fn clear_drops_pipelined_plaintext_after_starttls() {
        let mut framer = LineFramer::default();
        framer.feed(b"STARTTLS\r\nRSET\r\nMAIL FROM:<evil@x>\r\n");
        assert_eq!(
            framer.next_line(),
            Some(Ok(Bytes::from_static(b"STARTTLS")))
        );
        framer.clear();
        assert!(framer.buffered().is_empty());
        assert_eq!(framer.next_line(), None);
        framer.feed(b"EHLO after-tls\r\n");
        assert_eq!(
            framer.next_line(),
            Some(Ok(Bytes::from_static(b"EHLO after-tls")))
        );
    }

    #[test]
    fn clear_forgets_a_line_being_discarded() {
        let mut framer = LineFramer::new(opts(4, false));
        framer.feed(b"abcdefgh");
        assert_eq!(framer.next_line(), None);
        framer.clear();
        framer.feed(b"ab\r\n");
        assert_eq!(framer.next_line(), Some(Ok(Bytes::from_static(b"ab"))));
    }

    #[test]
    fn set_options_applies_to_the_next_line() {
        let mut framer = LineFramer::new(opts(6, false));
        framer.feed(b"abcd\r\nabcdefgh\r\nx\ny\n");
        assert_eq!(framer.next_line(), Some(Ok(Bytes::from_static(b"abcd"))));
        framer.set_options(opts(100, true));
        assert_eq!(framer.options(), &opts(100, true));
        assert_eq!(
            framer.next_line(),
            Some(Ok(Bytes::from_static(b"abcdefgh")))
        );
        assert_eq!(framer.next_line(), Some(Ok(Bytes::from_static(b"x"))));
        assert_eq!(framer.next_line(), Some(Ok(Bytes::from_static(b"y"))));
        assert_eq!(framer.next_line(), None);
    }

    #[test]
    fn errors_display_for_logs() {
        assert_eq!(
            FrameError::TooLong { discarded: 3 }.to_string(),
            "line too long: 3 bytes discarded"
        );
        assert_eq!(
            FrameError::BareLf { line: Bytes::new() }.to_string(),
            "bare LF not allowed as a line ending"
        );
    }

    /// Checks `items` against the stream they came from: each line is the stream's bytes up to
    /// a line ending allowed by `options`, no line has an LF or exceeds the limit, and each
    /// over-long line is counted exactly. Returns how many bytes the items account for.
    fn account(stream: &[u8], options: FramerOptions, items: &[Item]) -> usize {
        let mut pos = 0;
        for item in items {
            let rest = &stream[pos..];
            let (line, bare) = match item {
                Ok(line) => (line.clone(), !rest[line.len()..].starts_with(b"\r\n")),
                Err(FrameError::BareLf { line }) => {
                    assert!(!options.allow_bare_lf);
                    (line.to_vec(), true)
                }
                Err(FrameError::TooLong { discarded }) => {
                    assert!(*discarded > options.max_line_length);
                    let lf = rest.iter().position(|&b| b == b'\n').map(|at| at + 1);
                    assert_eq!(lf, Some(*discarded));
                    pos += discarded;
                    continue;
                }
            };
            assert!(!line.contains(&b'\n'));
            assert_eq!(&rest[..line.len()], &line[..]);
            let ending: &[u8] = if bare { b"\n" } else { b"\r\n" };
            assert!(rest[line.len()..].starts_with(ending));
            assert!(line.len() + ending.len() <= options.max_line_length);
            if item.is_ok() && bare {
                assert!(options.allow_bare_lf);
            }
            pos += line.len() + ending.len();
        }
        pos
    }

    fn stream_strategy() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop_oneof![
            4 => Just(b'a'),
            2 => Just(b'\r'),
            2 => Just(b'\n'),
            1 => any::<u8>(),
        ];
        proptest::collection::vec(byte, 0..120)
    }

    proptest! {
        #[test]
        fn framing_matches_the_input_in_any_chunking(
            input in stream_strategy(),
            max in 0usize..24,
            allow_bare_lf in any::<bool>(),
            sizes in proptest::collection::vec(1usize..16, 1..6),
        ) {
            let options = opts(max, allow_bare_lf);
            let (whole, whole_rest) = frame_chunks(options, &[&input]);
            let mut chunks = Vec::new();
            let mut rest = &input[..];
            for &size in sizes.iter().cycle() {
                if rest.is_empty() {
                    break;
                }
                let (chunk, tail) = rest.split_at(size.min(rest.len()));
                chunks.push(chunk);
                rest = tail;
            }
            let (items, left) = frame_chunks(options, &chunks);
            prop_assert_eq!(&items, &whole);
            prop_assert_eq!(&left, &whole_rest);
            let used = account(&input, options, &items);
            // What is left is either buffered or an over-long line still being dropped.
            if left.is_empty() {
                prop_assert!(!input[used..].contains(&b'\n'));
            } else {
                prop_assert_eq!(&input[used..], &left[..]);
            }
        }
    }
}
