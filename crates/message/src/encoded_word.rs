//! RFC 2047 encoded words (`=?charset?B|Q?text?=`) in unstructured fields and phrases.
//!
//! Tolerated malformed forms, all seen in real mail: encoded words glued to surrounding text,
//! white space inside the encoded text, lowercase `b`/`q`, missing base64 padding, an RFC 2231
//! language suffix on the charset, and a multi-byte character split across two adjacent words
//! (their bytes are joined before charset decoding).

use crate::charset::decode_charset;
use crate::lexer::unfold;
use crate::transfer::{decode_base64, hex_value};
use std::borrow::Cow;

/// An encoded word found in the input.
struct EncodedWord<'a> {
    charset: &'a [u8],
    bytes: Vec<u8>,
    end: usize,
}

/// Longest charset name accepted, which bounds the scan for the `?` after it.
const MAX_CHARSET: usize = 64;

/// Finds the `?=` that closes an encoded word, caching the last search so that a value full of
/// `=?` openers is still scanned in linear time.
struct Closer {
    cached: Option<usize>,
}

impl Closer {
    fn find(&mut self, s: &[u8], from: usize) -> Option<usize> {
        if let Some(c) = self.cached
            && c >= from
        {
            return (c != usize::MAX).then_some(c);
        }
        let found = memchr::memmem::find(&s[from..], b"?=").map(|p| p + from);
        // No closer at all is remembered as a sentinel past the end.
        self.cached = Some(found.unwrap_or(usize::MAX));
        found
    }
}

fn parse_ew<'a>(s: &'a [u8], i: usize, closer: &mut Closer) -> Option<EncodedWord<'a>> {
    let rest = s.get(i + 2..)?;
    let q1 = rest.iter().take(MAX_CHARSET + 1).position(|&b| b == b'?')?;
    let charset_full = &rest[..q1];
    if charset_full.is_empty() || charset_full.iter().any(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let charset = match charset_full.iter().position(|&b| b == b'*') {
        Some(p) => &charset_full[..p],
        None => charset_full,
    };
    let enc = *rest.get(q1 + 1)?;
    if rest.get(q1 + 2) != Some(&b'?') {
        return None;
    }
    let text_start = i + 2 + q1 + 3;
    let close = closer.find(s, text_start)?;
    let text = &s[text_start..close];
    let bytes = match enc {
        b'B' | b'b' => decode_base64(text).0,
        b'Q' | b'q' => decode_q(text),
        _ => return None,
    };
    Some(EncodedWord {
        charset,
        bytes,
        end: close + 2,
    })
}

/// Decodes the "Q" encoding (RFC 2047 §4.2); a stray `=` is kept as it is.
fn decode_q(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'_' => out.push(b' '),
            b'=' => {
                if let (Some(h), Some(l)) = (
                    text.get(i + 1).and_then(|&c| hex_value(c)),
                    text.get(i + 2).and_then(|&c| hex_value(c)),
                ) {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                out.push(b'=');
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Accumulates decoded text, joining the bytes of adjacent encoded words in one charset.
#[derive(Default)]
struct Joiner {
    out: String,
    pending_charset: Vec<u8>,
    pending: Vec<u8>,
}

impl Joiner {
    fn word(&mut self, ew: EncodedWord<'_>) {
        if !self.pending.is_empty() && !self.pending_charset.eq_ignore_ascii_case(ew.charset) {
            self.flush();
        }
        if self.pending.is_empty() {
            self.pending_charset.clear();
            self.pending_charset.extend_from_slice(ew.charset);
        }
        self.pending.extend_from_slice(&ew.bytes);
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let label = crate::lexer::lossy(&self.pending_charset);
            self.out.push_str(&decode_charset(&self.pending, &label).0);
            self.pending.clear();
        }
    }

    fn text(&mut self, t: &[u8]) {
        self.flush();
        self.out.push_str(&crate::lexer::lossy(t));
    }

    fn finish(mut self) -> String {
        self.flush();
        self.out
    }
}

/// Decodes an unstructured field value (RFC 5322 §3.2.5): unfolds it and decodes encoded
/// words. White space between two adjacent encoded words is dropped (RFC 2047 §6.2).
///
/// ```
/// use mailwire_message::decode_unstructured;
/// let v = decode_unstructured(b"=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?= c");
/// assert_eq!(v, "ab c");
/// ```
pub fn decode_unstructured(value: &[u8]) -> Cow<'_, str> {
    if !crate::lexer::has_ew_marker(value) {
        return crate::lexer::utf8_cow(unfold(value));
    }
    let value = unfold(value);
    let s = &*value;
    let mut j = Joiner::default();
    let mut closer = Closer { cached: None };
    let mut i = 0;
    let mut text_start = 0;
    // White space seen since the last encoded word, held back until we know what follows.
    let mut after_ew = false;
    while i < s.len() {
        if s[i] == b'='
            && s.get(i + 1) == Some(&b'?')
            && let Some(ew) = parse_ew(s, i, &mut closer)
        {
            let between = &s[text_start..i];
            let only_ws = between.iter().all(|b| *b == b' ' || *b == b'\t');
            if !(after_ew && only_ws) {
                j.text(between);
            }
            i = ew.end;
            j.word(ew);
            text_start = i;
            after_ew = true;
            continue;
        }
        if after_ew && s[i] != b' ' && s[i] != b'\t' {
            after_ew = false;
        }
        i += 1;
    }
    j.text(&s[text_start..]);
    Cow::Owned(j.finish())
}

/// One word of a phrase (RFC 5322 §3.2.5), as the address parser found it.
pub(crate) struct Word<'a> {
    pub(crate) text: Cow<'a, [u8]>,
    pub(crate) quoted: bool,
}

/// Joins the words of a phrase with single spaces, decoding encoded words (also inside quoted
/// strings, a common malformation) and dropping the space between two encoded words.
pub(crate) fn decode_phrase<'a>(words: Vec<Word<'a>>) -> Cow<'a, str> {
    let has_ew = words.iter().any(|w| crate::lexer::has_ew_marker(&w.text));
    if words.len() == 1 && !has_ew {
        let w = words.into_iter().next().map(|w| w.text).unwrap_or_default();
        return crate::lexer::utf8_cow(w);
    }
    let mut j = Joiner::default();
    let mut prev_ew = false;
    for (n, w) in words.iter().enumerate() {
        let whole_ew = has_ew && is_whole_ew(&w.text);
        if n > 0 && !(prev_ew && whole_ew) {
            j.text(b" ");
        }
        if has_ew && (!w.quoted || crate::lexer::has_ew_marker(&w.text)) {
            let decoded = decode_unstructured(&w.text);
            if whole_ew {
                // Keep the bytes joinable with a following word in the same charset.
                let mut closer = Closer { cached: None };
                if let Some(ew) = parse_ew(&w.text, 0, &mut closer)
                    && ew.end == w.text.len()
                {
                    j.word(ew);
                    prev_ew = true;
                    continue;
                }
            }
            j.text(decoded.as_bytes());
        } else {
            j.text(&w.text);
        }
        prev_ew = whole_ew;
    }
    Cow::Owned(j.finish())
}

fn is_whole_ew(t: &[u8]) -> bool {
    t.starts_with(b"=?") && t.ends_with(b"?=") && t.len() >= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc2047_section8_examples() {
        let cases: &[(&[u8], &str)] = &[
            (b"=?ISO-8859-1?Q?a?=", "a"),
            (b"=?ISO-8859-1?Q?a?= b", "a b"),
            (b"=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=", "ab"),
            (b"=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=", "ab"),
            (b"=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=", "ab"),
            (b"=?ISO-8859-1?Q?a_b?=", "a b"),
            (b"=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=", "a b"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_unstructured(input), *want, "{input:?}");
        }
    }

    #[test]
    fn charsets_and_b() {
        assert_eq!(
            decode_unstructured(b"=?iso-8859-1?q?this=20is=20some=20text?="),
            "this is some text"
        );
        assert_eq!(decode_unstructured(b"=?UTF-8?B?Y2Fmw6k=?="), "café");
        assert_eq!(decode_unstructured(b"=?UTF-8?B?Y2Fmw6k?="), "café");
        assert_eq!(
            decode_unstructured(b"=?US-ASCII*EN?Q?Keith_Moore?="),
            "Keith Moore"
        );
        // A UTF-8 character split across two words.
        assert_eq!(
            decode_unstructured(b"=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?="),
            "éé"
        );
        assert_eq!(decode_unstructured(b"=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9?="), "é");
    }

    #[test]
    fn malformed_forms() {
        assert_eq!(decode_unstructured(b"Re:=?utf-8?Q?caf=C3=A9?="), "Re:café");
        assert_eq!(decode_unstructured(b"=?utf-8?Q?a b?="), "a b");
        assert_eq!(decode_unstructured(b"=?utf-8?X?abc?="), "=?utf-8?X?abc?=");
        assert_eq!(decode_unstructured(b"=?utf-8?Q?abc"), "=?utf-8?Q?abc");
        assert_eq!(decode_unstructured(b"a =? b ?= c"), "a =? b ?= c");
        assert_eq!(decode_unstructured(b"=?utf-8?Q?=ZZ?="), "=ZZ");
    }

    #[test]
    fn many_openers_stay_linear() {
        let s = b"=?".repeat(50_000);
        assert_eq!(decode_unstructured(&s).len(), s.len());
    }
}
