//! Message-ID, In-Reply-To and References (RFC 5322 §3.6.4).

use crate::lexer::{skip_cfws, utf8_cow};
use std::borrow::Cow;

/// Parses a list of message identifiers and returns them without angle brackets.
///
/// Tolerated: white space or comments inside the brackets (removed), a missing closing
/// bracket, identifiers without brackets (taken when they contain `@`, or when they are the
/// whole value), and the obsolete phrases of In-Reply-To and References (skipped).
///
/// ```
/// use mailwire_message::parse_message_ids;
/// let ids = parse_message_ids(b"<1234@local.machine.example> <3456@example.net>");
/// assert_eq!(ids, ["1234@local.machine.example", "3456@example.net"]);
/// ```
pub fn parse_message_ids(s: &[u8]) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut bare: Vec<&[u8]> = Vec::new();
    while i < s.len() {
        i = skip_cfws(s, i);
        if i >= s.len() {
            break;
        }
        if s[i] == b'<' {
            let start = i + 1;
            let end = memchr::memchr(b'>', &s[start..]).map_or(s.len(), |p| start + p);
            let id = &s[start..end];
            i = (end + 1).min(s.len());
            if id.iter().any(|b| b.is_ascii_whitespace() || *b == b'(') {
                let mut v = Vec::with_capacity(id.len());
                let mut k = 0;
                while k < id.len() {
                    let n = skip_cfws(id, k);
                    if n > k {
                        k = n;
                        continue;
                    }
                    v.push(id[k]);
                    k += 1;
                }
                if !v.is_empty() {
                    out.push(utf8_cow(Cow::Owned(v)));
                }
            } else if !id.is_empty() {
                out.push(utf8_cow(Cow::Borrowed(id)));
            }
        } else {
            let start = i;
            while i < s.len() && !s[i].is_ascii_whitespace() && s[i] != b'<' && s[i] != b'(' {
                i += if s[i] == b'"' {
                    crate::lexer::quoted_string(s, i).1 - i
                } else {
                    1
                };
            }
            let word = &s[start..i.min(s.len())];
            if word.contains(&b'@') {
                out.push(utf8_cow(Cow::Borrowed(word)));
            } else {
                bare.push(word);
            }
        }
    }
    if out.is_empty() && bare.len() == 1 {
        out.push(utf8_cow(Cow::Borrowed(bare[0])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(parse_message_ids(b"<a@b>"), ["a@b"]);
        assert_eq!(
            parse_message_ids(b" <a@b> (comment)\r\n <c@d>"),
            ["a@b", "c@d"]
        );
        assert_eq!(parse_message_ids(b"<a @ b>"), ["a@b"]);
        assert_eq!(parse_message_ids(b"a@b"), ["a@b"]);
        assert_eq!(parse_message_ids(b"Your message of Mon <a@b>"), ["a@b"]);
        assert_eq!(parse_message_ids(b"<a@b"), ["a@b"]);
        assert_eq!(parse_message_ids(b"token"), ["token"]);
        assert!(parse_message_ids(b"<>").is_empty());
        assert!(matches!(parse_message_ids(b"<a@b>")[0], Cow::Borrowed(_)));
    }
}
