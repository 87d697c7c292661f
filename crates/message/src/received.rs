//! Received trace fields (RFC 5321 §4.4) as structured data.

use crate::date::DateTime;
use crate::lexer::{skip_comment, utf8_cow};
use std::borrow::Cow;

/// A parsed Received field. Each clause holds the first item after its keyword, as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Received<'a> {
    /// `from` clause: the name the client gave.
    pub from: Option<Cow<'a, str>>,
    /// The comment after the `from` domain, usually the TCP-info (`(host [192.0.2.1])`).
    pub from_info: Option<Cow<'a, str>>,
    /// `by` clause: the receiving host.
    pub by: Option<Cow<'a, str>>,
    /// `via` clause: the link.
    pub via: Option<Cow<'a, str>>,
    /// `with` clause: the protocol (`ESMTP`, `ESMTPSA`, `LMTP`, …).
    pub with: Option<Cow<'a, str>>,
    /// `id` clause: the receiver's queue identifier.
    pub id: Option<Cow<'a, str>>,
    /// `for` clause: the recipient, without angle brackets.
    pub for_: Option<Cow<'a, str>>,
    /// The date after the final `;`.
    pub date: Option<DateTime>,
}

impl<'a> Received<'a> {
    /// Parses a Received value. Unknown words are skipped; clauses may come in any order.
    ///
    /// ```
    /// use mailwire_message::Received;
    /// let r = Received::parse(b"from mx.example.org (mx.example.org [192.0.2.1])\r\n by mail.example.com with ESMTPS id 4XyZ for <u@example.com>; Tue, 1 Jul 2003 10:52:37 +0200");
    /// assert_eq!(r.from.as_deref(), Some("mx.example.org"));
    /// assert_eq!(r.with.as_deref(), Some("ESMTPS"));
    /// assert_eq!(r.for_.as_deref(), Some("u@example.com"));
    /// assert_eq!(r.date.unwrap().year, 2003);
    /// ```
    pub fn parse(s: &'a [u8]) -> Self {
        let mut r = Received::default();
        let (clauses, date) = match memchr::memrchr(b';', s) {
            Some(p) => (&s[..p], Some(&s[p + 1..])),
            None => (s, None),
        };
        r.date = date.and_then(DateTime::parse);
        let mut i = 0;
        let mut pending: Option<&[u8]> = None;
        let mut last_was_from_value = false;
        while i < clauses.len() {
            let b = clauses[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b == b'(' {
                let end = skip_comment(clauses, i);
                if last_was_from_value && r.from_info.is_none() {
                    let inner = &clauses[i + 1..end.saturating_sub(1).max(i + 1)];
                    r.from_info = Some(utf8_cow(crate::lexer::unfold(inner)));
                }
                i = end;
                continue;
            }
            let start = i;
            if b == b'<' {
                i = memchr::memchr(b'>', &clauses[i..]).map_or(clauses.len(), |p| i + p + 1);
            } else {
                while i < clauses.len() && !clauses[i].is_ascii_whitespace() && clauses[i] != b'(' {
                    i += 1;
                }
            }
            let word = &clauses[start..i];
            last_was_from_value = false;
            match pending.take() {
                Some(k) => {
                    let v = word.strip_prefix(b"<").unwrap_or(word);
                    let v = v.strip_suffix(b">").unwrap_or(v);
                    let v = Some(utf8_cow(Cow::Borrowed(v)));
                    let slot = match k {
                        b"from" => {
                            last_was_from_value = true;
                            &mut r.from
                        }
                        b"by" => &mut r.by,
                        b"via" => &mut r.via,
                        b"with" => &mut r.with,
                        b"id" => &mut r.id,
                        _ => &mut r.for_,
                    };
                    if slot.is_none() {
                        *slot = v;
                    }
                }
                None => {
                    for k in [&b"from"[..], b"by", b"via", b"with", b"id", b"for"] {
                        if word.eq_ignore_ascii_case(k) {
                            pending = Some(k);
                        }
                    }
                }
            }
        }
        r
    }

    /// Copies borrowed text so the value outlives the input.
    pub fn into_owned(self) -> Received<'static> {
        let o = |v: Option<Cow<'_, str>>| v.map(|v| Cow::Owned(v.into_owned()));
        Received {
            from: o(self.from),
            from_info: o(self.from_info),
            by: o(self.by),
            via: o(self.via),
            with: o(self.with),
            id: o(self.id),
            for_: o(self.for_),
            date: self.date,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typical_and_partial() {
        let r = Received::parse(b"from x.example (x.example [192.0.2.9]) by y.example (Postfix) with ESMTP id ABC123\r\n\tfor <a@y.example>; Mon, 1 Jan 2001 00:00:00 +0000");
        assert_eq!(r.from.as_deref(), Some("x.example"));
        assert_eq!(r.from_info.as_deref(), Some("x.example [192.0.2.9]"));
        assert_eq!(r.by.as_deref(), Some("y.example"));
        assert_eq!(r.id.as_deref(), Some("ABC123"));
        assert_eq!(r.for_.as_deref(), Some("a@y.example"));
        assert!(r.date.is_some());
        let r = Received::parse(b"by localhost via UUCP; garbage");
        assert_eq!(
            (r.by.as_deref(), r.via.as_deref(), r.date),
            (Some("localhost"), Some("UUCP"), None)
        );
        assert_eq!(Received::parse(b"from"), Received::default());
    }
}
