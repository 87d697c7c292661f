//! Low-level RFC 5322 lexical helpers shared by the structured header parsers.
//!
//! Every function takes the input and a position and returns a new position; none of them
//! fails: malformed input is consumed up to the end, so callers always make progress.

use std::borrow::Cow;

const fn class_table(extra: &[u8], high: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || (high && b >= 0x80);
        i += 1;
    }
    let mut k = 0;
    while k < extra.len() {
        t[extra[k] as usize] = true;
        k += 1;
    }
    t
}

const ATEXT: [bool; 256] = class_table(b"!#$%&'*+-/=?^_`{|}~", true);

/// RFC 2045 `token` characters: printable ASCII except specials and tspecials.
pub(crate) const TOKEN: [bool; 256] = class_table(b"!#$%&'*+-.^_`{|}~", false);

/// `true` for the RFC 5322 `atext` characters, plus every byte >= 0x80 (RFC 6532 UTF-8).
pub(crate) fn is_atext(b: u8) -> bool {
    ATEXT[b as usize]
}

/// Skips folding white space and comments.
pub(crate) fn skip_cfws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() {
        match s[i] {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'(' => i = skip_comment(s, i),
            _ => break,
        }
    }
    i
}

/// Skips one comment starting at `s[i] == '('`, nested comments included. An unterminated
/// comment runs to the end of the input.
pub(crate) fn skip_comment(s: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < s.len() {
        match s[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    s.len()
}

/// Reads a quoted string starting at `s[i] == '"'`; returns its content with quoted pairs
/// and folds removed, and the position after the closing quote.
pub(crate) fn quoted_string(s: &[u8], i: usize) -> (Cow<'_, [u8]>, usize) {
    let start = i + 1;
    let mut j = start;
    let mut plain = true;
    while j < s.len() {
        match s[j] {
            b'"' => break,
            b'\\' => {
                plain = false;
                j += 2;
            }
            b'\r' | b'\n' => {
                plain = false;
                j += 1;
            }
            _ => j += 1,
        }
    }
    let end = j.min(s.len());
    let next = if j < s.len() { j + 1 } else { s.len() };
    if plain {
        return (Cow::Borrowed(&s[start..end]), next);
    }
    let mut out = Vec::with_capacity(end - start);
    let mut k = start;
    while k < end {
        match s[k] {
            b'\\' if k + 1 < end => {
                out.push(s[k + 1]);
                k += 2;
            }
            b'\r' | b'\n' => k += 1,
            b => {
                out.push(b);
                k += 1;
            }
        }
    }
    (Cow::Owned(out), next)
}

/// Returns the end of a run of `atext` characters (plus `.` when `dots` is set).
pub(crate) fn atom_end(s: &[u8], mut i: usize, dots: bool) -> usize {
    while i < s.len() && (is_atext(s[i]) || (dots && s[i] == b'.')) {
        i += 1;
    }
    i
}

/// Bytes to text: borrowed when the bytes are UTF-8, otherwise decoded with replacement
/// characters.
pub(crate) fn utf8_cow(b: Cow<'_, [u8]>) -> Cow<'_, str> {
    match b {
        Cow::Borrowed(b) => lossy(b),
        Cow::Owned(v) => match String::from_utf8(v) {
            Ok(s) => Cow::Owned(s),
            Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        },
    }
}

/// UTF-8 with replacement characters (the same maximal subparts as std replaces), borrowed
/// when valid. For short input std goes first: header values are short, and its call costs
/// less than encoding_rs's setup. Longer input (bodies) is validated by encoding_rs, whose
/// validator reads text with non-ASCII characters several times faster than std's.
pub(crate) fn lossy(b: &[u8]) -> Cow<'_, str> {
    if b.len() < LONG_TEXT {
        // `from_utf8_lossy` reads valid text a byte at a time; `from_utf8` a word at a time.
        return match std::str::from_utf8(b) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => String::from_utf8_lossy(b),
        };
    }
    match valid_utf8(b) {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(repair_utf8(b)),
    }
}

/// Bytes that std's chunk iterator reads at a time between errors in [`repair_utf8`].
const REPAIR_WINDOW: usize = 64;

/// Replaces each ill-formed sequence of `b` with U+FFFD. Long valid stretches go to
/// encoding_rs's vector validator; but every restart of it after an error costs more than a
/// few bytes (its own lossy decoder, which restarts at each, took 13-26 ns per byte of 8-bit
/// garbage and 4-6 ns per byte of Latin-1 text read as UTF-8; this takes 3.5-4 and 1.5), so
/// where errors are close together windows of [`REPAIR_WINDOW`] bytes are read by std's
/// `utf8_chunks` instead, until one window holds no error.
fn repair_utf8(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + b.len() / 2);
    let mut rest = b;
    let mut dense = false;
    while !rest.is_empty() {
        if !dense {
            let valid = encoding_rs::Encoding::utf8_valid_up_to(rest);
            let (text, tail) = rest.split_at(valid);
            // Valid by the count above, so this never falls to the default.
            out.push_str(valid_utf8(text).unwrap_or_default());
            rest = tail;
            dense = true;
            continue;
        }
        let window = &rest[..rest.len().min(REPAIR_WINDOW)];
        let cut = window.len() < rest.len();
        let mut used = 0;
        dense = false;
        for chunk in window.utf8_chunks() {
            out.push_str(chunk.valid());
            used += chunk.valid().len();
            let bad = chunk.invalid();
            // A sequence that reaches a window end which is not the input's may be a
            // character cut in two: it is read again from its start. (It is at most three
            // bytes, so the window always moves on.)
            if bad.is_empty() || (cut && used + bad.len() == window.len()) {
                break;
            }
            out.push('\u{FFFD}');
            used += bad.len();
            dense = true;
        }
        rest = &rest[used..];
    }
    out
}

/// Length from which text is validated by encoding_rs rather than std.
pub(crate) const LONG_TEXT: usize = 256;

/// The text when `b` is valid UTF-8, validated as [`lossy`] does.
pub(crate) fn valid_utf8(b: &[u8]) -> Option<&str> {
    if b.len() < LONG_TEXT {
        return std::str::from_utf8(b).ok();
    }
    match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(b)? {
        Cow::Borrowed(s) => Some(s),
        Cow::Owned(_) => None,
    }
}

/// Trims white space (including line breaks) at both ends.
pub(crate) fn trim(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |p| p + 1);
    &s[start..end.max(start)]
}

/// Lowercases ASCII, borrowing when the text is already lowercase.
pub(crate) fn lower(s: Cow<'_, str>) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        s
    }
}

/// `true` when `=?` (the start of an encoded word) occurs; cheaper than a substring search
/// for the short values of header fields.
pub(crate) fn has_ew_marker(s: &[u8]) -> bool {
    memchr::memchr_iter(b'=', s).any(|p| s.get(p + 1) == Some(&b'?'))
}

/// Removes folds (a line break followed by white space) from a header value.
pub fn unfold(value: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memchr2(b'\r', b'\n', value).is_none() {
        return Cow::Borrowed(value);
    }
    let mut out = Vec::with_capacity(value.len());
    for &b in value {
        if b != b'\r' && b != b'\n' {
            out.push(b);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Both validators, on either side of the length that picks one, give std's answer.
        #[test]
        fn utf8_validation_agrees_with_std(
            unit in proptest::collection::vec(proptest::sample::select(&b"ab\xc3\xa9\xe2\x82\xac\xff\x80"[..]), 0..40),
            repeat in 1usize..20,
        ) {
            let b = unit.repeat(repeat);
            proptest::prop_assert_eq!(valid_utf8(&b), std::str::from_utf8(&b).ok());
            proptest::prop_assert_eq!(lossy(&b), String::from_utf8_lossy(&b));
        }

        /// Valid stretches of every length between ill-formed sequences of every kind, so that
        /// the repair switches between its two readers and cuts characters at window ends:
        /// the same text as std's and encoding_rs's own repair.
        #[test]
        fn utf8_repair_agrees_with_std_and_encoding_rs(
            pieces in proptest::collection::vec(
                (
                    "[a-z\u{e9}\u{20ac}\u{1f600}]{0,150}",
                    proptest::sample::select(vec![
                        &b""[..], b"\xff", b"\x80", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98",
                        b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe9t\xe9",
                    ]),
                ),
                0..12,
            ),
            tail in proptest::sample::select(vec![&b""[..], b"\xf0\x9f\x98", b"\xc3", b"\xe2"]),
        ) {
            let mut b = Vec::new();
            for (text, bad) in &pieces {
                b.extend_from_slice(text.as_bytes());
                b.extend_from_slice(bad);
            }
            b.extend_from_slice(tail);
            let repaired = lossy(&b);
            proptest::prop_assert_eq!(&repaired, &String::from_utf8_lossy(&b));
            proptest::prop_assert_eq!(&repaired, &encoding_rs::UTF_8.decode_without_bom_handling(&b).0);
        }
    }

    #[test]
    fn comments_nest_and_unterminated_run_to_end() {
        assert_eq!(skip_cfws(b" (a (b) c) x", 0), 11);
        assert_eq!(skip_cfws(b"(a (b c", 0), 7);
        assert_eq!(skip_cfws(b"(a\\) b) x", 0), 8);
    }

    #[test]
    fn quoted_strings() {
        let (v, n) = quoted_string(b"\"a b\" c", 0);
        assert_eq!((&*v, n), (&b"a b"[..], 5));
        assert!(matches!(v, Cow::Borrowed(_)));
        let (v, _) = quoted_string(b"\"a\\\"b\r\n c\"", 0);
        assert_eq!(&*v, b"a\"b c");
        let (v, n) = quoted_string(b"\"open", 0);
        assert_eq!((&*v, n), (&b"open"[..], 5));
    }

    #[test]
    fn unfolding() {
        assert_eq!(&*unfold(b"a\r\n b\n\tc"), b"a b\tc");
        assert!(matches!(unfold(b"plain"), Cow::Borrowed(_)));
    }
}
