//! Streaming Content-Transfer-Encoding decoders for the push parser: they produce the same
//! bytes as [`decode_base64`](crate::decode_base64) and
//! [`decode_quoted_printable`](crate::decode_quoted_printable) on the whole body, however it
//! is cut, holding only a bounded amount of state between chunks.

use crate::transfer::{MAX_QP_WHITE_SPACE, TransferEncoding, hex_value};

/// A decoder for one body.
#[derive(Debug)]
pub(crate) enum StreamDecoder {
    /// 7bit, 8bit, binary and unknown encodings: the bytes as they are.
    Identity,
    Base64(Base64State),
    QuotedPrintable(QpState),
}

impl StreamDecoder {
    /// A decoder for `encoding`, if it is one that changes the bytes.
    pub(crate) fn new(encoding: TransferEncoding) -> Option<Self> {
        match encoding {
            TransferEncoding::Base64 => Some(Self::Base64(Base64State::default())),
            TransferEncoding::QuotedPrintable => Some(Self::QuotedPrintable(QpState::default())),
            _ => None,
        }
    }

    /// A decoder for a body in `encoding`, whatever it is.
    pub(crate) fn for_body(encoding: TransferEncoding) -> Self {
        Self::new(encoding).unwrap_or(Self::Identity)
    }

    /// Decodes the next bytes of the body, appending the output that is final to `out`.
    pub(crate) fn feed(&mut self, data: &[u8], out: &mut Vec<u8>) {
        match self {
            Self::Identity => out.extend_from_slice(data),
            Self::Base64(s) => s.feed(data, out),
            Self::QuotedPrintable(s) => {
                for &c in data {
                    s.byte(c, out);
                }
            }
        }
    }

    /// The body ended: appends what was held back.
    pub(crate) fn finish(&mut self, out: &mut Vec<u8>) {
        match self {
            Self::Identity => {}
            Self::Base64(s) => s.finish(out),
            Self::QuotedPrintable(s) => s.finish(out),
        }
    }
}

/// Base64 as the lenient decoder reads it: white space and other non-alphabet bytes are
/// skipped, the padding after two or more symbols ends the data.
#[derive(Debug, Default)]
pub(crate) struct Base64State {
    quad: [u8; 4],
    n: usize,
    done: bool,
}

impl Base64State {
    fn feed(&mut self, data: &[u8], out: &mut Vec<u8>) {
        for &c in data {
            if self.done {
                return;
            }
            match c {
                b'=' if self.n >= 2 => {
                    self.flush(out);
                    self.done = true;
                }
                _ => {
                    if let Some(v) = base64_value(c) {
                        self.quad[self.n] = v;
                        self.n += 1;
                        if self.n == 4 {
                            self.flush(out);
                        }
                    }
                }
            }
        }
    }

    fn flush(&mut self, out: &mut Vec<u8>) {
        let q = self.quad;
        let v =
            u32::from(q[0]) << 18 | u32::from(q[1]) << 12 | u32::from(q[2]) << 6 | u32::from(q[3]);
        let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        if self.n >= 2 {
            out.extend_from_slice(&bytes[..self.n - 1]);
        }
        self.quad = [0; 4];
        self.n = 0;
    }

    fn finish(&mut self, out: &mut Vec<u8>) {
        if !self.done {
            self.flush(out);
            self.done = true;
        }
    }
}

fn base64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Where the quoted-printable decoder stands after an `=`.
#[derive(Debug, Default)]
enum Escape {
    #[default]
    None,
    /// Just after `=`.
    Equals,
    /// After `=` and one hexadecimal digit.
    Hex(u8),
    /// After `=` and white space (possibly transport padding before a soft line break).
    Space,
    /// After `=`, white space and a CR.
    Cr,
}

/// Quoted-printable, with white space before a line break removed (RFC 2045 §6.7 rule 3)
/// under the same bound as the slice decoder: a run of more than [`MAX_QP_WHITE_SPACE`]
/// white space bytes is kept, so at most that much is ever held.
#[derive(Debug, Default)]
pub(crate) struct QpState {
    escape: Escape,
    /// White space after an `=` that may be transport padding.
    padding: Vec<u8>,
    /// Decoded white space at the end of the output that a line break would remove; bytes
    /// from escapes are never held here.
    held: Vec<u8>,
    /// A CR after `held`, kept back until the next byte shows whether it ends the line.
    cr: bool,
    /// The white space run at the end of the output grew past the bound: it stays, and the
    /// rest of it goes out as it comes.
    long_run: bool,
}

impl QpState {
    /// The white space run ends before a byte that is not white space.
    fn release(&mut self, out: &mut Vec<u8>) {
        out.append(&mut self.held);
        if self.cr {
            out.push(b'\r');
            self.cr = false;
        }
        self.long_run = false;
    }

    /// A decoded byte that no line break may remove.
    fn protected(&mut self, b: u8, out: &mut Vec<u8>) {
        self.release(out);
        out.push(b);
    }

    /// A byte copied as it is.
    fn plain(&mut self, c: u8, out: &mut Vec<u8>) {
        match c {
            b' ' | b'\t' => {
                if self.cr {
                    self.release(out);
                }
                if self.long_run {
                    out.push(c);
                } else if self.held.len() < MAX_QP_WHITE_SPACE {
                    self.held.push(c);
                } else {
                    out.append(&mut self.held);
                    out.push(c);
                    self.long_run = true;
                }
            }
            b'\r' => {
                if self.cr {
                    self.release(out);
                }
                self.cr = true;
            }
            _ => self.protected(c, out),
        }
    }

    /// A hard line break: white space before it goes.
    fn line_break(&mut self, out: &mut Vec<u8>) {
        self.held.clear();
        if self.cr {
            out.push(b'\r');
            self.cr = false;
        }
        self.long_run = false;
        out.push(b'\n');
    }

    /// The `=` started no escape or soft break: it is kept, and what followed it is read
    /// again as ordinary text.
    fn literal_equals(&mut self, out: &mut Vec<u8>) {
        self.protected(b'=', out);
        let escape = std::mem::take(&mut self.escape);
        match escape {
            Escape::Hex(h) => self.plain(h, out),
            Escape::Space | Escape::Cr => {
                let padding = std::mem::take(&mut self.padding);
                for c in padding {
                    self.plain(c, out);
                }
                if matches!(escape, Escape::Cr) {
                    self.plain(b'\r', out);
                }
            }
            Escape::None | Escape::Equals => {}
        }
    }

    fn soft_break(&mut self) {
        self.escape = Escape::None;
        self.padding.clear();
    }

    fn byte(&mut self, c: u8, out: &mut Vec<u8>) {
        match self.escape {
            Escape::None => match c {
                b'=' => self.escape = Escape::Equals,
                b'\n' => self.line_break(out),
                _ => self.plain(c, out),
            },
            Escape::Equals => match c {
                b' ' | b'\t' => {
                    self.padding.push(c);
                    self.escape = Escape::Space;
                }
                b'\n' => self.soft_break(),
                b'\r' => self.escape = Escape::Cr,
                _ => match hex_value(c) {
                    Some(_) => self.escape = Escape::Hex(c),
                    None => {
                        self.literal_equals(out);
                        self.byte(c, out);
                    }
                },
            },
            Escape::Hex(h) => match (hex_value(h), hex_value(c)) {
                (Some(hi), Some(lo)) => {
                    self.escape = Escape::None;
                    self.protected(hi << 4 | lo, out);
                }
                _ => {
                    self.literal_equals(out);
                    self.byte(c, out);
                }
            },
            Escape::Space => match c {
                b' ' | b'\t' if self.padding.len() < MAX_QP_WHITE_SPACE => self.padding.push(c),
                b'\n' => self.soft_break(),
                b'\r' => self.escape = Escape::Cr,
                _ => {
                    self.literal_equals(out);
                    self.byte(c, out);
                }
            },
            Escape::Cr => match c {
                b'\n' => self.soft_break(),
                _ => {
                    self.literal_equals(out);
                    self.byte(c, out);
                }
            },
        }
    }

    fn finish(&mut self, out: &mut Vec<u8>) {
        match self.escape {
            // `=` and padding at the very end: a soft break.
            Escape::Equals | Escape::Space => self.soft_break(),
            Escape::Hex(_) | Escape::Cr => self.literal_equals(out),
            Escape::None => {}
        }
        self.release(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::{decode_base64, decode_quoted_printable};
    use proptest::prelude::*;

    fn streamed(enc: TransferEncoding, s: &[u8], cuts: &[usize]) -> Vec<u8> {
        let mut d = StreamDecoder::new(enc).expect("a decoding encoding");
        let mut out = Vec::new();
        let mut start = 0;
        for &c in cuts {
            let c = c.clamp(start, s.len());
            d.feed(&s[start..c], &mut out);
            start = c;
        }
        d.feed(&s[start..], &mut out);
        d.finish(&mut out);
        out
    }

    fn cuts_of(s: &[u8], cuts: &[prop::sample::Index]) -> Vec<usize> {
        let mut v: Vec<usize> = cuts.iter().map(|c| c.index(s.len() + 1)).collect();
        v.sort();
        v
    }

    #[test]
    fn quoted_printable_known_answers_byte_by_byte() {
        let cases: &[&[u8]] = &[
            b"a=3Db  \r\nc =\r\nd\t=\n=4",
            b"= \r\nx=  y=\rz=\r",
            b"trail  \r \nq=20 \n",
            b"=",
            b"= \t",
            b"=A",
            b"a \r\r\n",
        ];
        for s in cases {
            let every: Vec<usize> = (0..s.len()).collect();
            let got = streamed(TransferEncoding::QuotedPrintable, s, &every);
            assert_eq!(
                got,
                decode_quoted_printable(s),
                "{:?}",
                String::from_utf8_lossy(s)
            );
        }
    }

    /// Every input with a white space run of `n` bytes near the bound, in each place the
    /// bound applies: before LF and CRLF, as transport padding after `=`, across a soft break,
    /// after an escape, with a CR inside, and at the end of the body.
    fn long_runs() -> Vec<Vec<u8>> {
        let mut inputs = Vec::new();
        for n in [
            MAX_QP_WHITE_SPACE - 1,
            MAX_QP_WHITE_SPACE,
            MAX_QP_WHITE_SPACE + 1,
            10_000,
        ] {
            for unit in [&b" "[..], b"\t", b" \t"] {
                let run: Vec<u8> = unit.iter().copied().cycle().take(n).collect();
                let shapes: [(&[u8], &[u8]); 12] = [
                    (b"a", b"\n"),
                    (b"a", b"\r\n"),
                    (b"a=", b"\n"),
                    (b"a=", b"\r\nb"),
                    (b"a=", b""),
                    (b"a=", b"x\n"),
                    (b"a=20", b"\r\n"),
                    (b"a \t=\r\n", b"\r\n"),
                    (b"a\r", b"\r\n"),
                    (b"a", b"\r \r\n"),
                    (b"a", b"\r\r\n"),
                    (b"a", b""),
                ];
                for (before, after) in shapes {
                    inputs.push([before, &run, after].concat());
                }
            }
        }
        inputs
    }

    #[test]
    fn quoted_printable_white_space_bound_known_answers() {
        let qp = decode_quoted_printable;
        let spaces = |n: usize| " ".repeat(n).into_bytes();
        let max = MAX_QP_WHITE_SPACE;
        assert_eq!(qp(&[b"a", &spaces(max)[..], b"\r\n"].concat()), b"a\r\n");
        let kept = [b"a", &spaces(max + 1)[..], b"\r\n"].concat();
        assert_eq!(qp(&kept), kept);
        assert_eq!(qp(&[b"a=", &spaces(max)[..], b"\nb"].concat()), b"ab");
        let literal = [b"a=", &spaces(max + 1)[..], b"\nb"].concat();
        assert_eq!(qp(&literal), literal);
        // The run counts across a soft break, and a CR of the line break is not part of it.
        let split = [&spaces(max - 1)[..], b"=\r\n  \r\n"].concat();
        assert_eq!(qp(&split), [&spaces(max + 1)[..], b"\r\n"].concat());
        let split = [&spaces(max - 2)[..], b"=\r\n  \r\n"].concat();
        assert_eq!(qp(&split), b"\r\n");
    }

    #[test]
    fn quoted_printable_long_white_space_runs_any_cut() {
        for s in long_runs() {
            let want = decode_quoted_printable(&s);
            let every: Vec<usize> = (0..s.len()).collect();
            assert_eq!(
                streamed(TransferEncoding::QuotedPrintable, &s, &every),
                want
            );
            // One cut anywhere near the ends of the run and at intervals inside it.
            let near_ends = (0..12).chain(s.len().saturating_sub(12)..=s.len());
            for cut in near_ends.chain((0..s.len()).step_by(509)) {
                assert_eq!(
                    streamed(TransferEncoding::QuotedPrintable, &s, &[cut]),
                    want,
                    "cut at {cut} of {}",
                    s.len()
                );
            }
        }
    }

    proptest! {
        #[test]
        fn quoted_printable_any_chunking(
            s in prop::collection::vec(prop::sample::select(&b"=\r\n \taF0g"[..]), 0..64),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let cuts = cuts_of(&s, &cuts);
            prop_assert_eq!(
                streamed(TransferEncoding::QuotedPrintable, &s, &cuts),
                decode_quoted_printable(&s)
            );
        }

        /// Runs of white space around the bound, mixed with the bytes that end or split them.
        #[test]
        fn quoted_printable_long_runs_any_chunking(
            pieces in prop::collection::vec(
                (prop::sample::select(&b" \t"[..]), MAX_QP_WHITE_SPACE - 3..MAX_QP_WHITE_SPACE + 3, prop::collection::vec(prop::sample::select(&b"=\r\n \taF0"[..]), 0..4)),
                1..4,
            ),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let mut s = Vec::new();
            for (c, n, tail) in pieces {
                s.extend(std::iter::repeat_n(c, n));
                s.extend(tail);
            }
            let cuts = cuts_of(&s, &cuts);
            prop_assert_eq!(
                streamed(TransferEncoding::QuotedPrintable, &s, &cuts),
                decode_quoted_printable(&s)
            );
        }

        #[test]
        fn base64_any_chunking(
            s in prop::collection::vec(prop::sample::select(&b"=\r\n \tQUJD+/*a0"[..]), 0..64),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let cuts = cuts_of(&s, &cuts);
            prop_assert_eq!(streamed(TransferEncoding::Base64, &s, &cuts), decode_base64(&s).0);
        }
    }
}
