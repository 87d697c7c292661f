//! Content-Transfer-Encoding decoding (RFC 2045 §6): base64 and quoted-printable, both
//! tolerant of the damage real mail carries.

use std::borrow::Cow;

/// A Content-Transfer-Encoding (RFC 2045 §6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum TransferEncoding {
    /// `7bit`, also the default when the field is absent.
    #[default]
    SevenBit,
    /// `8bit`.
    EightBit,
    /// `binary`.
    Binary,
    /// `base64`.
    Base64,
    /// `quoted-printable`.
    QuotedPrintable,
    /// Any other token; the body is left as it is.
    Unknown,
}

impl TransferEncoding {
    /// Reads a Content-Transfer-Encoding field value (case-insensitive, comments allowed).
    pub fn parse(value: &[u8]) -> Self {
        let i = crate::lexer::skip_cfws(value, 0);
        let end = value[i..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'(' || *b == b';')
            .map_or(value.len(), |p| p + i);
        let t = &value[i..end];
        let eq = |s: &str| t.eq_ignore_ascii_case(s.as_bytes());
        if eq("7bit") {
            Self::SevenBit
        } else if eq("8bit") {
            Self::EightBit
        } else if eq("binary") {
            Self::Binary
        } else if eq("base64") {
            Self::Base64
        } else if eq("quoted-printable") {
            Self::QuotedPrintable
        } else {
            Self::Unknown
        }
    }

    /// Undoes this encoding. Identity encodings borrow the input.
    pub fn decode(self, body: &[u8]) -> (Cow<'_, [u8]>, Option<Base64Problem>) {
        match self {
            Self::Base64 => {
                let (v, p) = decode_base64(body);
                (Cow::Owned(v), p)
            }
            Self::QuotedPrintable => (Cow::Owned(decode_quoted_printable(body)), None),
            _ => (Cow::Borrowed(body), None),
        }
    }
}

/// What was wrong with base64 input; decoding still produced what it could.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Base64Problem {
    /// Characters outside the base64 alphabet were skipped.
    InvalidCharacters,
    /// The final quantum lacked its `=` padding.
    MissingPadding,
    /// One character was left over, which cannot encode a byte; it was dropped.
    InvalidLength,
}

const INVALID: u8 = 0xFF;
const PAD: u8 = 0xFE;
const SKIP: u8 = 0xFD;

const TABLE: [u8; 256] = {
    let mut t = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        t[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    t[b'=' as usize] = PAD;
    t[b'\r' as usize] = SKIP;
    t[b'\n' as usize] = SKIP;
    t[b' ' as usize] = SKIP;
    t[b'\t' as usize] = SKIP;
    t
};

/// Decodes base64, skipping line breaks and white space, ignoring other non-alphabet bytes
/// (reported), stopping at the padding that ends the data, and decoding a final unpadded
/// quantum (reported).
pub fn decode_base64(s: &[u8]) -> (Vec<u8>, Option<Base64Problem>) {
    match decode_base64_clean(s) {
        Some(out) => (out, None),
        None => decode_base64_lenient(s),
    }
}

/// The fast path for well-formed bodies. A body is clean when it is alphabet characters and
/// CR/LF, then at most two `=` (line breaks may sit between them) that complete the final
/// quantum; for those the lenient decoder produces the same bytes with nothing to report.
///
/// The body's symbols are gathered without the CR and LF that end its lines, in batches
/// that encodify's strict decoder (SIMD) takes whole; the final quantum and its padding are
/// decoded here. Only line ends are left out of a batch, and the lenient decoder skips them
/// silently, so both decoders read the same symbols; every other byte (white space, an
/// early `=`, a break inside a line) reaches the strict decoder, which refuses it. Then
/// this returns `None` and the lenient decoder reads the body, so defects are reported
/// exactly as before.
fn decode_base64_clean(s: &[u8]) -> Option<Vec<u8>> {
    // A body whose first bytes hold white space or other non-symbols (text sent with a
    // base64 label, say) cannot be clean: it goes to the lenient decoder at once instead of
    // after a batch has been gathered in vain.
    if s.iter()
        .take(FIRST_BYTES)
        .any(|&b| TABLE[usize::from(b)] >= 64 && !matches!(b, b'\r' | b'\n' | b'='))
    {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 2);
    let mut batch = Batch::new(s.len());
    let width = memchr::memchr(b'\n', s).map_or(s.len(), |p| p + 1);
    let mut p = batch.regular_lines(s, width, &mut out)?;
    while p < s.len() {
        let end = memchr::memchr(b'\n', &s[p..]).map_or(s.len(), |e| p + e + 1);
        let line = &s[p..end];
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        batch.push(line.strip_suffix(b"\r").unwrap_or(line), &mut out)?;
        p = end;
    }
    batch.finish(&mut out)?;
    Some(out)
}

/// How much of a base64 body [`decode_base64_clean`] looks at before it gathers symbols.
const FIRST_BYTES: usize = 80;

/// The most symbols a [`Batch`] holds: enough to make encodify's per-call work negligible,
/// few enough to stay in the first-level cache.
const BATCH: usize = 4 * 1024;

/// Symbols of a base64 body gathered for encodify's strict decoder.
struct Batch {
    buf: Vec<u8>,
    len: usize,
    cap: usize,
}

impl Batch {
    /// A batch for a body of `body` bytes: no larger than the body, so that a short body
    /// costs no more than its own size.
    fn new(body: usize) -> Self {
        let cap = body.clamp(4, BATCH);
        Batch {
            buf: vec![0; cap],
            len: 0,
            cap,
        }
    }

    /// Decodes the whole quanta gathered (none may hold `=`: the engine takes no padding)
    /// and keeps the symbols left over.
    fn flush(&mut self, out: &mut Vec<u8>) -> Option<()> {
        let whole = self.len / 4 * 4;
        encodify::base64::STANDARD_NO_PAD
            .decode_append(&self.buf[..whole], out)
            .ok()?;
        self.buf.copy_within(whole..self.len, 0);
        self.len -= whole;
        Some(())
    }

    /// Appends symbols, decoding the batch whenever it is full and more are to come.
    fn push(&mut self, mut symbols: &[u8], out: &mut Vec<u8>) -> Option<()> {
        while !symbols.is_empty() {
            if self.len == self.cap {
                self.flush(out)?;
            }
            let n = symbols.len().min(self.cap - self.len);
            self.buf[self.len..self.len + n].copy_from_slice(&symbols[..n]);
            self.len += n;
            symbols = &symbols[n..];
        }
        Some(())
    }

    /// Gathers the lines of `s` that have the first line's `width` (line break included),
    /// as an encoder writes them, from the start to the first line that differs; returns
    /// where it stopped.
    fn regular_lines(&mut self, s: &[u8], width: usize, out: &mut Vec<u8>) -> Option<usize> {
        let crlf = match s[..width] {
            [.., b'\r', b'\n'] => true,
            [.., b'\n'] => false,
            _ => return Some(0),
        };
        let n = width - 1 - usize::from(crlf);
        if n == 0 {
            return Some(0);
        }
        let mut p = 0;
        loop {
            let left = (s.len() - p) / width;
            if left == 0 {
                return Some(p);
            }
            if self.len + n > self.cap {
                self.flush(out)?;
                if self.len + n > self.cap {
                    return Some(p);
                }
            }
            let lines = ((self.cap - self.len) / n).min(left);
            let region = &s[p..p + lines * width];
            let dst = &mut self.buf[self.len..self.len + lines * n];
            let taken = match n {
                76 => gather::<76>(region, width, crlf, dst),
                72 => gather::<72>(region, width, crlf, dst),
                64 => gather::<64>(region, width, crlf, dst),
                _ => {
                    let mut taken = 0;
                    for (line, d) in region.chunks_exact(width).zip(dst.chunks_exact_mut(n)) {
                        if !line_ends(line, crlf) {
                            break;
                        }
                        d.copy_from_slice(&line[..n]);
                        taken += 1;
                    }
                    taken
                }
            };
            self.len += taken * n;
            p += taken * width;
            if taken < lines {
                return Some(p);
            }
        }
    }

    /// Decodes what is left: whole quanta, then a final quantum of two or three symbols
    /// completed by its padding, or nothing after the whole quanta.
    fn finish(&mut self, out: &mut Vec<u8>) -> Option<()> {
        let symbols = self.buf[..self.len]
            .iter()
            .rposition(|&b| b != b'=')
            .map_or(0, |p| p + 1);
        let pad = self.len - symbols;
        self.len = symbols;
        self.flush(out)?;
        let last = &self.buf[..self.len];
        if !matches!((last.len(), pad), (0, 0) | (2, 2) | (3, 1))
            || last.iter().any(|&b| TABLE[usize::from(b)] >= 64)
        {
            return None;
        }
        let mut quad = [0u8; 4];
        for (q, &b) in quad.iter_mut().zip(last) {
            *q = TABLE[usize::from(b)];
        }
        let mut tail = [0u8; 3];
        let k = if last.is_empty() {
            0
        } else {
            flush(&quad, last.len(), &mut tail)
        };
        out.extend_from_slice(&tail[..k]);
        Some(())
    }
}

/// Copies the `N` symbols of each line of `region` (lines of `width` bytes) into `dst`, up
/// to the first line whose line break is not in place; returns how many lines it took.
/// The widths encoders use get their own copy of this loop, where a line's symbols move as
/// one fixed-size value instead of through a call to copy a slice of any length.
fn gather<const N: usize>(region: &[u8], width: usize, crlf: bool, dst: &mut [u8]) -> usize {
    let mut taken = 0;
    for (line, d) in region.chunks_exact(width).zip(dst.as_chunks_mut::<N>().0) {
        let Some((symbols, _)) = line.split_first_chunk::<N>() else {
            break;
        };
        if !line_ends(line, crlf) {
            break;
        }
        *d = *symbols;
        taken += 1;
    }
    taken
}

/// Whether `line` ends with the body's line break.
fn line_ends(line: &[u8], crlf: bool) -> bool {
    if crlf {
        line.last_chunk() == Some(b"\r\n")
    } else {
        line.last() == Some(&b'\n')
    }
}

/// The character-at-a-time decoder that accepts anything and reports what it had to repair.
fn decode_base64_lenient(s: &[u8]) -> (Vec<u8>, Option<Base64Problem>) {
    let mut out = vec![0u8; s.len() / 4 * 3 + 16];
    let mut o = 0usize;
    let mut problem = None;
    let mut quad = [0u8; 4];
    let mut n = 0usize;
    let mut i = 0usize;
    while i < s.len() {
        if n == 0 {
            i += decode_quads(&s[i..], &mut out, &mut o);
            if i >= s.len() {
                break;
            }
        }
        let t = TABLE[s[i] as usize];
        i += 1;
        match t {
            SKIP => {}
            INVALID => problem = Some(Base64Problem::InvalidCharacters),
            PAD => {
                if n >= 2 {
                    o += flush(&quad, n, &mut out[o..]);
                    out.truncate(o);
                    return (out, problem);
                }
                // Padding too early: nothing can be decoded from it.
                if n == 1 {
                    problem = Some(Base64Problem::InvalidCharacters);
                }
            }
            v => {
                quad[n] = v;
                n += 1;
                if n == 4 {
                    o += flush(&quad, 4, &mut out[o..]);
                    n = 0;
                }
            }
        }
    }
    match n {
        0 => {}
        1 => problem = Some(Base64Problem::InvalidLength),
        _ => {
            o += flush(&quad, n, &mut out[o..]);
            problem = problem.or(Some(Base64Problem::MissingPadding));
        }
    }
    out.truncate(o);
    (out, problem)
}

/// Flags a character outside the alphabet in the shifted tables.
const BAD: u32 = 1 << 31;

/// The six bits of each character pre-shifted for its place in a quantum, so that four
/// lookups and three ORs decode three bytes.
const SHIFTED: [[u32; 256]; 4] = {
    let mut t = [[BAD; 256]; 4];
    let mut c = 0;
    while c < 256 {
        let v = TABLE[c];
        if v < 64 {
            let v = v as u32;
            t[0][c] = v << 18;
            t[1][c] = v << 12;
            t[2][c] = v << 6;
            t[3][c] = v;
        }
        c += 1;
    }
    t
};

fn quantum(q: &[u8]) -> u32 {
    SHIFTED[0][q[0] as usize]
        | SHIFTED[1][q[1] as usize]
        | SHIFTED[2][q[2] as usize]
        | SHIFTED[3][q[3] as usize]
}

/// Decodes whole quanta of alphabet characters from the start of `s` into `out` at `*o`
/// (which has room for one more 4-byte write); returns the characters consumed.
fn decode_quads(s: &[u8], out: &mut [u8], o: &mut usize) -> usize {
    let mut i = 0;
    while i + 16 <= s.len() {
        let (a, b, c, d) = (
            quantum(&s[i..i + 4]),
            quantum(&s[i + 4..i + 8]),
            quantum(&s[i + 8..i + 12]),
            quantum(&s[i + 12..i + 16]),
        );
        if (a | b | c | d) & BAD != 0 {
            break;
        }
        let w =
            u128::from(a) << 104 | u128::from(b) << 80 | u128::from(c) << 56 | u128::from(d) << 32;
        out[*o..*o + 16].copy_from_slice(&w.to_be_bytes());
        *o += 12;
        i += 16;
    }
    while i + 4 <= s.len() {
        let a = quantum(&s[i..i + 4]);
        if a & BAD != 0 {
            break;
        }
        out[*o..*o + 4].copy_from_slice(&(a << 8).to_be_bytes());
        *o += 3;
        i += 4;
    }
    i
}

/// Writes the bytes of a quantum of `n` characters; returns how many.
fn flush(quad: &[u8; 4], n: usize, out: &mut [u8]) -> usize {
    let v =
        (quad[0] as u32) << 18 | (quad[1] as u32) << 12 | (quad[2] as u32) << 6 | quad[3] as u32;
    let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
    out[..n - 1].copy_from_slice(&bytes[..n - 1]);
    n - 1
}

/// The value of a hexadecimal digit (either case).
pub(crate) const fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'A'..=b'F' => Some(c - b'A' + 10),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// The next `=` or line feed at or after `from`. Encoded text has escapes a few bytes apart,
/// where starting a vector search costs more than reading the bytes, so the next 16 bytes
/// are read first, eight at a time.
fn next_qp_special(s: &[u8], from: usize) -> Option<usize> {
    let near = s.len().min(from + 16);
    let mut i = from;
    while i + 8 <= near {
        let Some(word) = s[i..].first_chunk::<8>() else {
            break;
        };
        let w = u64::from_le_bytes(*word);
        let hits =
            zero_bytes(w ^ (u64::from(b'=') * ONES)) | zero_bytes(w ^ (u64::from(b'\n') * ONES));
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    if let Some(p) = s[i..near].iter().position(|&b| b == b'=' || b == b'\n') {
        return Some(i + p);
    }
    memchr::memchr2(b'=', b'\n', &s[near..]).map(|p| near + p)
}

const ONES: u64 = u64::from_le_bytes([1; 8]);

/// The high bit of each zero byte of `x` is set; bits above the first zero byte may be
/// set too (the borrow runs upward), so only the lowest set bit is exact.
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & (ONES << 7)
}

/// The longest run of white space that quoted-printable decoding removes before a line break
/// (rule 3) or takes for transport padding between `=` and a line break (a soft line break);
/// a longer run is kept as text. The bound lets a streaming decoder hold back at most this
/// much while it waits to see what follows, and decode exactly as the slice decoder does.
pub const MAX_QP_WHITE_SPACE: usize = 4096;

/// Decodes quoted-printable (RFC 2045 §6.7): `=XX` escapes (either case), soft line breaks
/// (`=` then optional transport padding then a line break), trailing white space on a line
/// removed (rule 3); a `=` that starts no valid escape is kept as it is. A run of white space
/// longer than [`MAX_QP_WHITE_SPACE`] is neither removed nor taken for transport padding.
pub fn decode_quoted_printable(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    // Decoded bytes below this length came from escapes and are never trimmed.
    let mut protect = 0usize;
    let mut i = 0;
    while i < s.len() {
        let Some(p) = next_qp_special(s, i) else {
            out.extend_from_slice(&s[i..]);
            break;
        };
        if p > i {
            out.extend_from_slice(&s[i..p]);
        }
        if s[p] == b'\n' {
            trim_line_end(&mut out, protect);
            out.push(b'\n');
            i = p + 1;
            continue;
        }
        // Escapes first, the common case: a hex digit after `=` cannot start the transport
        // padding or line break of a soft line break. They come in runs (each byte of a
        // UTF-8 character is one), decoded here without a search for each.
        i = p;
        while let Some(byte) = qp_escape(s, i) {
            out.push(byte);
            i += 3;
        }
        if i > p {
            protect = out.len();
            continue;
        }
        // A soft line break, the next most common: `=` CRLF.
        if s.get(p + 1..p + 3) == Some(b"\r\n") {
            i = p + 3;
            continue;
        }
        // One byte past the bound is enough to tell that the run is too long.
        let limit = s.len().min(p + 2 + MAX_QP_WHITE_SPACE);
        let k = p
            + 1
            + s[p + 1..limit]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        let padding_fits = k - (p + 1) <= MAX_QP_WHITE_SPACE;
        if padding_fits && k == s.len() {
            i = k;
        } else if padding_fits && s[k] == b'\n' {
            i = k + 1;
        } else if padding_fits && s[k] == b'\r' && s.get(k + 1) == Some(&b'\n') {
            i = k + 2;
        } else {
            out.push(b'=');
            protect = out.len();
            i = p + 1;
        }
    }
    out
}

/// The byte of the escape `=XX` (hexadecimal digits of either case) at `p`, if there is one.
fn qp_escape(s: &[u8], p: usize) -> Option<u8> {
    match s.get(p..p + 3)? {
        &[b'=', a, b] => {
            let (h, l) = (HEX[a as usize], HEX[b as usize]);
            (h | l < 16).then_some(h << 4 | l)
        }
        _ => None,
    }
}

/// Rule 3 before a line feed: removes the white space run that ends the decoded text (before
/// a CR there) unless it is longer than [`MAX_QP_WHITE_SPACE`]; bytes below `protect` came
/// from escapes and stay.
fn trim_line_end(out: &mut Vec<u8>, protect: usize) {
    let mut end = out.len();
    let cr = end > protect && out[end - 1] == b'\r';
    if cr {
        end -= 1;
    }
    let floor = protect.max(end.saturating_sub(MAX_QP_WHITE_SPACE + 1));
    let run = out[floor..end]
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    if run > 0 && run <= MAX_QP_WHITE_SPACE {
        out.truncate(end - run);
        if cr {
            out.push(b'\r');
        }
    }
}

/// Hexadecimal digit values (either case); 0xFF for other bytes.
const HEX: [u8; 256] = {
    let mut t = [0xFF; 256];
    let mut c = 0;
    while c < 256 {
        if let Some(v) = hex_value(c as u8) {
            t[c] = v;
        }
        c += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_clean_and_damaged() {
        assert_eq!(
            decode_base64(b"aGVsbG8gd29ybGQ="),
            (b"hello world".to_vec(), None)
        );
        assert_eq!(
            decode_base64(b"aGVs\r\nbG8g\r\nd29y\r\nbGQ="),
            (b"hello world".to_vec(), None)
        );
        assert_eq!(
            decode_base64(b"aGVsbG8gd29ybGQ"),
            (b"hello world".to_vec(), Some(Base64Problem::MissingPadding))
        );
        assert_eq!(
            decode_base64(b"aGV*sbG8="),
            (b"hello".to_vec(), Some(Base64Problem::InvalidCharacters))
        );
        assert_eq!(
            decode_base64(b"aGVsbA"),
            (b"hell".to_vec(), Some(Base64Problem::MissingPadding))
        );
        assert_eq!(
            decode_base64(b"aGVsb"),
            (b"hel".to_vec(), Some(Base64Problem::InvalidLength))
        );
        // Data after the final padding is ignored.
        assert_eq!(decode_base64(b"QQ==QUJD"), (b"A".to_vec(), None));
        assert_eq!(decode_base64(b""), (Vec::new(), None));
    }

    #[test]
    fn base64_fast_path_takes_padding_split_by_a_line_break() {
        assert_eq!(
            decode_base64_clean(b"QUJD\r\nRA=\r\n=\r\n"),
            Some(b"ABCD".to_vec())
        );
        assert_eq!(decode_base64_clean(b"QQ=\r\n=\r\n"), Some(b"A".to_vec()));
        // Two short lines that together have the first line's width are taken for one line
        // with a break inside: the lenient decoder reads the body, to the same result.
        assert_eq!(decode_base64_clean(b"QUJ\nDRA\n=\n=\n"), None);
        assert_eq!(decode_base64(b"QUJ\nDRA\n=\n=\n"), (b"ABCD".to_vec(), None));
        // An early `=`, a space or a break inside a line reaches the strict decoder.
        assert_eq!(decode_base64_clean(b"QQ==QUJD"), None);
        assert_eq!(decode_base64_clean(b"QUJD\nQU JD\n"), None);
        assert_eq!(decode_base64_clean(b"QUJD\nQ\nJD\n"), None);
        assert_eq!(decode_base64_clean(b"QUJD\r\nQUJD\r\nQ\rJD\r\n"), None);
    }

    /// Quoted-printable read one byte at a time, rule by rule, for the decoder to agree with.
    fn qp_reference(s: &[u8]) -> Vec<u8> {
        let mut out: Vec<u8> = Vec::new();
        let mut protect = 0;
        let mut i = 0;
        while i < s.len() {
            match s[i] {
                b'\n' => {
                    let cr = out.len() > protect && out.last() == Some(&b'\r');
                    if cr {
                        out.pop();
                    }
                    while out.len() > protect && matches!(out.last(), Some(b' ' | b'\t')) {
                        out.pop();
                    }
                    if cr {
                        out.push(b'\r');
                    }
                    out.push(b'\n');
                    i += 1;
                }
                b'=' => {
                    let mut k = i + 1;
                    while k < s.len() && matches!(s[k], b' ' | b'\t') {
                        k += 1;
                    }
                    let hex = |j: usize| s.get(j).and_then(|&c| hex_value(c));
                    if k == s.len() || s[k] == b'\n' {
                        i = k + 1;
                    } else if s[k..].starts_with(b"\r\n") {
                        i = k + 2;
                    } else if let (Some(h), Some(l)) = (hex(i + 1), hex(i + 2)) {
                        out.push(h << 4 | l);
                        protect = out.len();
                        i += 3;
                    } else {
                        out.push(b'=');
                        protect = out.len();
                        i += 1;
                    }
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        out
    }

    /// The plain one-character-at-a-time reading the fast paths must agree with.
    fn reference(s: &[u8]) -> (Vec<u8>, Option<Base64Problem>) {
        let mut out = Vec::new();
        let mut problem = None;
        let (mut quad, mut n) = ([0u8; 4], 0);
        for &c in s {
            match TABLE[c as usize] {
                SKIP => {}
                INVALID => problem = Some(Base64Problem::InvalidCharacters),
                PAD if n >= 2 => {
                    let mut tmp = [0u8; 3];
                    let k = flush(&quad, n, &mut tmp);
                    out.extend_from_slice(&tmp[..k]);
                    return (out, problem);
                }
                PAD => {
                    if n == 1 {
                        problem = Some(Base64Problem::InvalidCharacters);
                    }
                }
                v => {
                    quad[n] = v;
                    n += 1;
                    if n == 4 {
                        let mut tmp = [0u8; 3];
                        flush(&quad, 4, &mut tmp);
                        out.extend_from_slice(&tmp);
                        n = 0;
                    }
                }
            }
        }
        match n {
            0 => {}
            1 => problem = Some(Base64Problem::InvalidLength),
            _ => {
                let mut tmp = [0u8; 3];
                let k = flush(&quad, n, &mut tmp);
                out.extend_from_slice(&tmp[..k]);
                problem = problem.or(Some(Base64Problem::MissingPadding));
            }
        }
        (out, problem)
    }

    proptest::proptest! {
        #[test]
        fn base64_fast_paths_agree_with_reference(
            s in proptest::collection::vec(proptest::sample::select(&b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n *"[..]), 0..400),
        ) {
            proptest::prop_assert_eq!(decode_base64(&s), reference(&s));
        }

        #[test]
        fn quoted_printable_search_agrees_with_memchr(
            s in proptest::collection::vec(proptest::sample::select(&b"ab=\r\n \xbd\x8a\x3c\x0b"[..]), 0..100),
            from in 0usize..100,
        ) {
            let from = from.min(s.len());
            proptest::prop_assert_eq!(
                next_qp_special(&s, from),
                memchr::memchr2(b'=', b'\n', &s[from..]).map(|p| p + from)
            );
        }

        #[test]
        fn quoted_printable_agrees_with_reference(
            s in proptest::collection::vec(proptest::sample::select(&b"aF9=\r\n \tz"[..]), 0..200),
        ) {
            proptest::prop_assert_eq!(decode_quoted_printable(&s), qp_reference(&s));
        }

        /// Wrapped encodings long enough to fill several batches, sometimes damaged in up to
        /// three places, so that both the SIMD path and its fallback are compared.
        #[test]
        fn base64_wrapped_bodies_agree_with_reference(
            data in proptest::collection::vec(proptest::num::u8::ANY, 0..12000),
            width in 1usize..120,
            crlf in proptest::bool::ANY,
            damage in proptest::collection::vec(
                (proptest::num::usize::ANY, proptest::sample::select(&b"=*\r\n A\t\x0b\x0c"[..])),
                0..3,
            ),
            cut in 0usize..4,
        ) {
            use base64::Engine as _;
            let encoded = base64::engine::general_purpose::STANDARD.encode(&data);
            // Cutting the end leaves missing padding or a lone symbol to report.
            let encoded = &encoded.as_bytes()[..encoded.len().saturating_sub(cut)];
            let mut s = Vec::new();
            for line in encoded.chunks(width) {
                s.extend_from_slice(line);
                s.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            }
            if !s.is_empty() {
                for &(at, c) in &damage {
                    let at = at % s.len();
                    s[at] = c;
                }
            }
            let got = decode_base64(&s);
            if damage.is_empty() && cut == 0 {
                // A clean body must take the fast path, or the comparison proves nothing.
                proptest::prop_assert_eq!(decode_base64_clean(&s), Some(data.clone()));
                proptest::prop_assert_eq!(&got, &(data, None));
            }
            proptest::prop_assert_eq!(got, reference(&s));
        }
    }

    /// A body of about a thousand 76-symbol lines, damaged in its first, middle and last
    /// lines (and those around the end of the first batch) at every kind of place: each
    /// damage breaks a line end or reaches the strict decoder, and the lenient decoder
    /// reports it.
    #[test]
    fn base64_damage_found_anywhere_in_a_long_body() {
        use base64::Engine as _;
        let data: Vec<u8> = (0..60_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        let encoded = base64::engine::general_purpose::STANDARD.encode(&data);
        let mut clean = Vec::new();
        for line in encoded.as_bytes().chunks(76) {
            clean.extend_from_slice(line);
            clean.extend_from_slice(b"\r\n");
        }
        assert_eq!(decode_base64_clean(&clean), Some(data.clone()));
        let lines = clean.len() / 78;
        for line in [0, 1, 2, 3, 52, 53, 54, 519, lines - 2, lines - 1] {
            for (col, c) in [
                (0, b'='),
                (40, b' '),
                (75, b'*'),
                (10, b'\n'),
                (76, b'A'),
                (77, b'A'),
            ] {
                let mut s = clean.clone();
                s[line * 78 + col] = c;
                assert_eq!(decode_base64(&s), reference(&s), "line {line} col {col}");
            }
            // A line one symbol short (its neighbours keep the width) and one too long.
            let mut s = clean.clone();
            s.remove(line * 78 + 3);
            assert_eq!(decode_base64(&s), reference(&s), "line {line} shortened");
            let mut s = clean.clone();
            s.insert(line * 78 + 3, b'Q');
            assert_eq!(decode_base64(&s), reference(&s), "line {line} lengthened");
        }
    }

    /// Bodies wrapped at the widths that have their own gathering loop, and at others,
    /// with either line break, long enough for many batches; also one line of many
    /// batches and lines of changing width: all clean, all decoded by the fast path.
    #[test]
    fn base64_fast_path_takes_every_clean_layout() {
        use base64::Engine as _;
        let data: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        let encoded = base64::engine::general_purpose::STANDARD.encode(&data);
        for width in [76, 72, 64, 60, 4, 3] {
            for eol in [&b"\r\n"[..], b"\n"] {
                let mut s = Vec::new();
                for line in encoded.as_bytes().chunks(width) {
                    s.extend_from_slice(line);
                    s.extend_from_slice(eol);
                }
                assert_eq!(decode_base64_clean(&s), Some(data.clone()), "width {width}");
            }
        }
        assert_eq!(decode_base64_clean(encoded.as_bytes()), Some(data.clone()));
        let mut s = Vec::new();
        let mut rest = encoded.as_bytes();
        for width in [76, 76, 40, 76].iter().cycle() {
            let (line, more) = rest.split_at(rest.len().min(*width));
            s.extend_from_slice(line);
            s.extend_from_slice(b"\r\n");
            rest = more;
            if rest.is_empty() {
                break;
            }
        }
        assert_eq!(decode_base64_clean(&s), Some(data));
    }

    #[test]
    fn quoted_printable_rfc2045() {
        assert_eq!(decode_quoted_printable(b"a=3Db"), b"a=b");
        assert_eq!(decode_quoted_printable(b"soft=\r\nbreak"), b"softbreak");
        assert_eq!(decode_quoted_printable(b"soft= \t\r\nbreak"), b"softbreak");
        assert_eq!(decode_quoted_printable(b"trail  \r\nx"), b"trail\r\nx");
        assert_eq!(decode_quoted_printable(b"keep=20\r\nx"), b"keep \r\nx");
        assert_eq!(decode_quoted_printable(b"bad=ZZ="), b"bad=ZZ");
        assert_eq!(decode_quoted_printable(b"low=e9"), b"low\xe9");
        assert_eq!(decode_quoted_printable(b"lf\nonly=\n"), b"lf\nonly");
    }

    #[test]
    fn encoding_names() {
        assert_eq!(
            TransferEncoding::parse(b" BASE64 "),
            TransferEncoding::Base64
        );
        assert_eq!(
            TransferEncoding::parse(b"(c) Quoted-Printable"),
            TransferEncoding::QuotedPrintable
        );
        assert_eq!(
            TransferEncoding::parse(b"x-uuencode"),
            TransferEncoding::Unknown
        );
    }
}
