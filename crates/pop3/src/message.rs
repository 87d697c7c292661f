//! How a stored message becomes the data of a RETR or TOP response.

/// The number of octets RETR sends for `message` before dot-stuffing: every bare CR and bare LF
/// becomes CRLF, and CRLF is added at the end of a non-empty message that lacks a line ending.
///
/// This is the size LIST and STAT must report for the message (RFC 1939 section 11: sizes count
/// CRLF line endings), whatever line endings the store uses.
///
/// ```
/// assert_eq!(mailwire_pop3::wire_size(b"Subject: x\n\nbody"), 20);
/// assert_eq!(mailwire_pop3::wire_size(b"Subject: x\r\n\r\nbody\r\n"), 20);
/// ```
pub fn wire_size(message: &[u8]) -> u64 {
    let mut size = 0u64;
    let mut i = 0;
    while i < message.len() {
        match message[i] {
            b'\r' if message.get(i + 1) == Some(&b'\n') => {
                size += 2;
                i += 2;
                continue;
            }
            b'\r' | b'\n' => size += 2,
            _ => size += 1,
        }
        i += 1;
    }
    if message.last().is_some_and(|&b| b != b'\r' && b != b'\n') {
        size += 2;
    }
    size
}

/// Cuts a message after its header and a number of body lines, for TOP (RFC 1939 section 7).
///
/// Line endings are CR, LF or CRLF, as the dot-stuffer reads them; output is passed on unchanged
/// up to the end of the last wanted line.
#[derive(Debug, Clone)]
pub(crate) struct TopFilter {
    in_header: bool,
    lines_left: u32,
    at_line_start: bool,
    last_was_cr: bool,
    done: bool,
}

impl TopFilter {
    pub(crate) fn new(lines: u32) -> Self {
        Self {
            in_header: true,
            lines_left: lines,
            at_line_start: true,
            last_was_cr: false,
            done: false,
        }
    }

    /// Whether all wanted lines have been passed.
    pub(crate) fn is_done(&self) -> bool {
        self.done
    }

    /// The prefix of `chunk` to pass on.
    pub(crate) fn filter<'c>(&mut self, chunk: &'c [u8]) -> &'c [u8] {
        if self.done {
            return &[];
        }
        for (i, &b) in chunk.iter().enumerate() {
            if b == b'\n' && self.last_was_cr {
                self.last_was_cr = false;
                continue;
            }
            if b != b'\r' && b != b'\n' {
                self.at_line_start = false;
                self.last_was_cr = false;
                continue;
            }
            self.last_was_cr = b == b'\r';
            if self.in_header {
                self.in_header = !self.at_line_start;
            } else {
                self.lines_left = self.lines_left.saturating_sub(1);
            }
            self.at_line_start = true;
            if !self.in_header && self.lines_left == 0 {
                self.done = true;
                // A CR is the whole line ending: the stuffer writes it as CRLF.
                return &chunk[..=i];
            }
        }
        chunk
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::BytesMut;
    use mailwire_core::{DotStuffer, DotStufferOptions};

    /// The TOP data as sent: filtered, then line ends normalised by the dot-stuffer.
    fn top(message: &[u8], lines: u32, chunk: usize) -> Vec<u8> {
        let mut filter = TopFilter::new(lines);
        let mut stuffer = DotStuffer::new(DotStufferOptions {
            normalize_line_endings: true,
        });
        let mut out = BytesMut::new();
        for piece in message.chunks(chunk) {
            stuffer.encode(filter.filter(piece), &mut out);
        }
        stuffer.finish(&mut out);
        out.to_vec()
    }

    #[test]
    fn top_keeps_header_blank_line_and_n_lines() {
        let message = b"A: 1\r\nB: 2\r\n\r\none\r\ntwo\r\nthree\r\n";
        for chunk in 1..message.len() {
            assert_eq!(top(message, 0, chunk), b"A: 1\r\nB: 2\r\n\r\n.\r\n");
            assert_eq!(
                top(message, 2, chunk),
                b"A: 1\r\nB: 2\r\n\r\none\r\ntwo\r\n.\r\n"
            );
            assert_eq!(top(message, 9, chunk), [&message[..], b".\r\n"].concat());
        }
        assert_eq!(
            top(b"A: 1\n\none\ntwo\n", 1, 3),
            b"A: 1\r\n\r\none\r\n.\r\n"
        );
        assert_eq!(top(b"A: 1\r\rone\rtwo", 1, 2), b"A: 1\r\n\r\none\r\n.\r\n");
        assert_eq!(top(b"A: 1\r\nno blank", 0, 4), b"A: 1\r\nno blank\r\n.\r\n");
    }

    #[test]
    fn wire_size_counts_crlf_endings() {
        assert_eq!(wire_size(b""), 0);
        assert_eq!(wire_size(b"a"), 3);
        assert_eq!(wire_size(b"a\r"), 3);
        assert_eq!(wire_size(b"a\n\n"), 5);
        assert_eq!(wire_size(b"a\r\r\n"), 5);
    }
}
