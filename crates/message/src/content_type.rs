//! Content-Type and Content-Disposition (RFC 2045 §5, RFC 2183) with RFC 2231 parameters:
//! continuations, charset and language, and RFC 2047 encoded words in values as sent in the
//! wild.

use crate::charset::decode_charset;
use crate::encoded_word::decode_unstructured;
use crate::lexer::{lower, quoted_string, skip_cfws, utf8_cow};
use std::borrow::Cow;

/// A parameter list: lowercase names with their decoded values, in order of appearance.
pub type Params<'a> = Vec<(Cow<'a, str>, Cow<'a, str>)>;

/// A parsed Content-Type field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ContentType<'a> {
    /// The top-level type, lowercase (`text`).
    pub media_type: Cow<'a, str>,
    /// The subtype, lowercase (`plain`).
    pub subtype: Cow<'a, str>,
    /// The parameters.
    pub params: Params<'a>,
}

/// A parsed Content-Disposition field (RFC 2183).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ContentDisposition<'a> {
    /// The disposition type, lowercase (`inline`, `attachment`).
    pub kind: Cow<'a, str>,
    /// The parameters (`filename`, `size`, …).
    pub params: Params<'a>,
}

fn find<'b>(params: &'b Params<'_>, name: &str) -> Option<&'b str> {
    params
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| &**v)
}

impl<'a> ContentType<'a> {
    /// Parses a Content-Type value; `None` when it has no `type/subtype` (RFC 2045 §5.2 then
    /// says to assume `text/plain; charset=us-ascii`).
    ///
    /// ```
    /// use mailwire_message::ContentType;
    /// let ct = ContentType::parse(b"Multipart/Mixed; boundary=\"simple boundary\"").unwrap();
    /// assert_eq!((&*ct.media_type, &*ct.subtype), ("multipart", "mixed"));
    /// assert_eq!(ct.param("Boundary"), Some("simple boundary"));
    /// ```
    pub fn parse(value: &'a [u8]) -> Option<Self> {
        let (media_type, subtype, i) = type_subtype(value)?;
        Some(ContentType {
            media_type: lower(utf8_cow(Cow::Borrowed(media_type))),
            subtype: lower(utf8_cow(Cow::Borrowed(subtype))),
            params: parse_params(value, i),
        })
    }

    /// The value of a parameter (name compared without case).
    pub fn param(&self, name: &str) -> Option<&str> {
        find(&self.params, name)
    }

    /// `true` when this is `media_type/subtype` (compared without case).
    pub fn is(&self, media_type: &str, subtype: &str) -> bool {
        self.media_type.eq_ignore_ascii_case(media_type)
            && self.subtype.eq_ignore_ascii_case(subtype)
    }

    /// Copies borrowed text so the value outlives the input.
    pub fn into_owned(self) -> ContentType<'static> {
        ContentType {
            media_type: Cow::Owned(self.media_type.into_owned()),
            subtype: Cow::Owned(self.subtype.into_owned()),
            params: owned(self.params),
        }
    }
}

impl<'a> ContentDisposition<'a> {
    /// Parses a Content-Disposition value; `None` when it has no disposition type.
    ///
    /// ```
    /// use mailwire_message::ContentDisposition;
    /// let cd = ContentDisposition::parse(b"attachment; filename*=UTF-8''caf%C3%A9.txt").unwrap();
    /// assert_eq!((&*cd.kind, cd.param("filename")), ("attachment", Some("café.txt")));
    /// ```
    pub fn parse(value: &'a [u8]) -> Option<Self> {
        let i = skip_cfws(value, 0);
        let (kind, i) = token(value, i);
        if kind.is_empty() {
            return None;
        }
        Some(ContentDisposition {
            kind: lower(utf8_cow(Cow::Borrowed(kind))),
            params: parse_params(value, i),
        })
    }

    /// The value of a parameter (name compared without case).
    pub fn param(&self, name: &str) -> Option<&str> {
        find(&self.params, name)
    }

    /// Copies borrowed text so the value outlives the input.
    pub fn into_owned(self) -> ContentDisposition<'static> {
        ContentDisposition {
            kind: Cow::Owned(self.kind.into_owned()),
            params: owned(self.params),
        }
    }
}

fn owned(p: Params<'_>) -> Params<'static> {
    p.into_iter()
        .map(|(n, v)| (Cow::Owned(n.into_owned()), Cow::Owned(v.into_owned())))
        .collect()
}

/// Bytes allowed in a token: RFC 2045's token characters plus 8-bit bytes, which real mail
/// puts in parameter values.
fn is_token_byte(b: u8) -> bool {
    b >= 0x80 || crate::lexer::TOKEN[b as usize]
}

fn token(s: &[u8], i: usize) -> (&[u8], usize) {
    let i = i.min(s.len());
    let end = s[i..]
        .iter()
        .position(|&b| !is_token_byte(b))
        .map_or(s.len(), |p| p + i);
    (&s[i..end], end)
}

/// The `type/subtype` at the start of a Content-Type value, as written, and the position
/// after it; `None` when either is missing. The parser's per-part decision reads only this
/// for most parts, so no parameters are decoded unless needed.
pub(crate) fn type_subtype(value: &[u8]) -> Option<(&[u8], &[u8], usize)> {
    let i = skip_cfws(value, 0);
    let (media_type, i) = token(value, i);
    let i = skip_cfws(value, i);
    if value.get(i) != Some(&b'/') {
        return None;
    }
    let i = skip_cfws(value, i + 1);
    let (subtype, i) = token(value, i);
    if media_type.is_empty() || subtype.is_empty() {
        return None;
    }
    Some((media_type, subtype, i))
}

/// One `name=value` as written, before RFC 2231 sections are joined.
struct Raw<'a> {
    name: &'a [u8],
    value: Cow<'a, [u8]>,
    quoted: bool,
}

/// The `name=value` pairs of a parameter list, read one at a time: a caller looking for one
/// parameter stops at it, and a list without RFC 2231 sections is not gathered twice.
struct RawParams<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Iterator for RawParams<'a> {
    type Item = Raw<'a>;

    fn next(&mut self) -> Option<Raw<'a>> {
        let s = self.s;
        while self.i < s.len() {
            let i = skip_cfws(s, self.i);
            self.i = i;
            if i >= s.len() {
                break;
            }
            if s[i] == b';' {
                self.i = i + 1;
                continue;
            }
            let (name, next) = token(s, i);
            if name.is_empty() {
                // Junk where a name should be: skip to the next parameter.
                self.i = memchr::memchr(b';', &s[i..]).map_or(s.len(), |p| i + p + 1);
                continue;
            }
            let i = skip_cfws(s, next);
            if s.get(i) != Some(&b'=') {
                self.i = i;
                continue;
            }
            let i = skip_cfws(s, i + 1);
            if s.get(i) == Some(&b'"') {
                let (value, next) = quoted_string(s, i);
                self.i = next;
                return Some(Raw {
                    name,
                    value,
                    quoted: true,
                });
            }
            // Unquoted: a token by the RFC; when more than a token and comments come before
            // the next `;` (values with spaces are common), take everything up to it.
            let (tok, after) = token(s, i);
            let next = skip_cfws(s, after);
            let (v, end) = if next >= s.len() || s[next] == b';' {
                (tok, next)
            } else {
                let end = memchr::memchr(b';', &s[i..]).map_or(s.len(), |p| i + p);
                (crate::lexer::trim(&s[i..end]), end)
            };
            self.i = end;
            return Some(Raw {
                name,
                value: Cow::Borrowed(v),
                quoted: false,
            });
        }
        None
    }
}

/// The value of one parameter, as [`ContentType::param`] on the parsed field would give it,
/// without decoding the others unless RFC 2231 sections need joining.
pub(crate) fn param_value<'a>(value: &'a [u8], name: &str) -> Option<Cow<'a, str>> {
    let (_, _, i) = type_subtype(value)?;
    param_at(value, i, name)
}

/// The disposition type of a Content-Disposition value as written, when it has one.
pub(crate) fn disposition_type(value: &[u8]) -> Option<&[u8]> {
    let (kind, _) = token(value, skip_cfws(value, 0));
    (!kind.is_empty()).then_some(kind)
}

/// The value of one parameter of a Content-Disposition, as [`ContentDisposition::param`]
/// would give it.
pub(crate) fn disposition_param<'a>(value: &'a [u8], name: &str) -> Option<Cow<'a, str>> {
    let (kind, i) = token(value, skip_cfws(value, 0));
    if kind.is_empty() {
        return None;
    }
    param_at(value, i, name)
}

fn param_at<'a>(value: &'a [u8], i: usize, name: &str) -> Option<Cow<'a, str>> {
    // The full parse puts joined RFC 2231 sections at their first section's place, so a
    // plain parameter of the name before any section is the answer.
    for r in (RawParams { s: value, i }) {
        if r.name.contains(&b'*') {
            let mut params = parse_params(value, i);
            let at = params
                .iter()
                .position(|(n, _)| n.eq_ignore_ascii_case(name))?;
            return Some(params.swap_remove(at).1);
        }
        if r.name.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(plain_value(r.value, r.quoted));
        }
    }
    None
}

/// Percent-decoding of RFC 2231 extended values.
fn percent_decode(v: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < v.len() {
        if v[i] == b'%'
            && let (Some(h), Some(l)) = (
                v.get(i + 1).and_then(|&c| crate::transfer::hex_value(c)),
                v.get(i + 2).and_then(|&c| crate::transfer::hex_value(c)),
            )
        {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        out.push(v[i]);
        i += 1;
    }
}

/// Parses the parameter list starting at `i` (at or before the first `;`).
pub(crate) fn parse_params(s: &[u8], i: usize) -> Params<'_> {
    let mut out: Params<'_> = Vec::new();
    for r in (RawParams { s, i }) {
        if r.name.contains(&b'*') {
            return parse_params_2231(s, i);
        }
        out.push((
            lower(utf8_cow(Cow::Borrowed(r.name))),
            plain_value(r.value, r.quoted),
        ));
    }
    out
}

/// [`parse_params`] for a list with RFC 2231 sections.
fn parse_params_2231(s: &[u8], i: usize) -> Params<'_> {
    let raw: Vec<Raw<'_>> = RawParams { s, i }.collect();
    let mut out: Params<'_> = Vec::with_capacity(raw.len());
    // RFC 2231: gather `name*N[*]` sections per name (sorting keeps this O(n log n) on
    // hostile lists), join them in order, and put each at its first section's place.
    let mut ordered: Vec<(usize, Cow<'_, str>, Cow<'_, str>)> = Vec::new();
    let mut sections: Vec<(Vec<u8>, u32, bool, usize)> = Vec::new();
    for (k, r) in raw.iter().enumerate() {
        let Some(star) = r.name.iter().position(|&b| b == b'*') else {
            ordered.push((
                k,
                lower(utf8_cow(Cow::Borrowed(r.name))),
                plain_value(r.value.clone(), r.quoted),
            ));
            continue;
        };
        let rest = &r.name[star + 1..];
        let (digits, encoded) = match rest.strip_suffix(b"*") {
            Some(d) => (d, true),
            None => (rest, rest.is_empty()),
        };
        let num = if digits.is_empty() {
            0
        } else {
            match std::str::from_utf8(digits)
                .ok()
                .and_then(|d| d.parse::<u32>().ok())
            {
                Some(n) => n,
                None => continue,
            }
        };
        sections.push((r.name[..star].to_ascii_lowercase(), num, encoded, k));
    }
    sections.sort_by(|a, b| (&a.0, a.1, a.3).cmp(&(&b.0, b.1, b.3)));
    sections.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
    for group in sections.chunk_by(|a, b| a.0 == b.0) {
        let first_at = group.iter().map(|s| s.3).min().unwrap_or(0);
        let mut charset = String::new();
        let mut bytes = Vec::new();
        for (idx, (_, _, encoded, k)) in group.iter().enumerate() {
            let mut v: &[u8] = &raw[*k].value;
            if *encoded {
                if idx == 0 {
                    // charset'language'value; a value without the two quotes is taken whole.
                    let mut parts = v.splitn(3, |&b| b == b'\'');
                    if let (Some(cs), Some(_lang), Some(rest)) =
                        (parts.next(), parts.next(), parts.next())
                    {
                        charset = String::from_utf8_lossy(cs).into_owned();
                        v = rest;
                    }
                }
                percent_decode(v, &mut bytes);
            } else {
                bytes.extend_from_slice(v);
            }
        }
        let value = if charset.is_empty() {
            match String::from_utf8(bytes) {
                Ok(t) if t.contains("=?") => {
                    Cow::Owned(decode_unstructured(t.as_bytes()).into_owned())
                }
                Ok(t) => Cow::Owned(t),
                Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            }
        } else {
            Cow::Owned(decode_charset(&bytes, &charset).0.into_owned())
        };
        ordered.push((
            first_at,
            Cow::Owned(String::from_utf8_lossy(&group[0].0).into_owned()),
            value,
        ));
    }
    ordered.sort_by_key(|e| e.0);
    out.extend(ordered.into_iter().map(|(_, n, v)| (n, v)));
    out
}

fn plain_value(v: Cow<'_, [u8]>, _quoted: bool) -> Cow<'_, str> {
    if crate::lexer::has_ew_marker(&v) {
        return Cow::Owned(decode_unstructured(&v).into_owned());
    }
    utf8_cow(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_parameter_agrees_with_full_parse() {
        for v in [
            &b"multipart/mixed; BOUNDARY=\"a b\"; boundary=second"[..],
            b"multipart/mixed; charset=x; boundary*0=one; boundary*1=two",
            b"multipart/mixed; boundary*=utf-8''%41%42",
            b"multipart/mixed; boundary==?utf-8?q?x?=",
            b"multipart/mixed; name=x",
            b"multipart/mixed; boundary",
            b"multipart",
            b"text/plain; CHARSET=\"ISO-8859-1\"; format=flowed",
            b"text/plain; charset*=''utf-8; name*0=a",
        ] {
            let full = ContentType::parse(v);
            for name in ["boundary", "charset"] {
                let want = full.as_ref().and_then(|ct| ct.param(name));
                assert_eq!(param_value(v, name).as_deref(), want, "{v:?} {name}");
            }
        }
        assert_eq!(
            param_value(b"multipart/mixed; BOUNDARY=\"a b\"", "boundary").as_deref(),
            Some("a b")
        );
    }

    #[test]
    fn rfc2045_forms() {
        let ct = ContentType::parse(b"text/plain; charset=us-ascii (Plain text)").unwrap();
        assert_eq!(ct.param("charset"), Some("us-ascii"));
        let ct = ContentType::parse(b"text/plain; charset=\"us-ascii\"").unwrap();
        assert_eq!(ct.param("charset"), Some("us-ascii"));
        assert!(ContentType::parse(b"text").is_none());
        assert!(ContentType::parse(b"").is_none());
        let ct = ContentType::parse(b"TEXT / HTML").unwrap();
        assert!(ct.is("text", "html"));
    }

    #[test]
    fn rfc2231_examples() {
        let ct = ContentType::parse(
            b"message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"",
        )
        .unwrap();
        assert_eq!(
            ct.param("url"),
            Some("ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar")
        );
        let ct = ContentType::parse(
            b"application/x-stuff; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A",
        )
        .unwrap();
        assert_eq!(ct.param("title"), Some("This is ***fun***"));
        let ct = ContentType::parse(
            b"application/x-stuff;\r\n title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n title*2=\"isn't it!\"",
        )
        .unwrap();
        assert_eq!(
            ct.param("title"),
            Some("This is even more ***fun*** isn't it!")
        );
        let cd =
            ContentDisposition::parse(b"attachment; filename*=iso-8859-1''caf%E9.txt").unwrap();
        assert_eq!(cd.param("filename"), Some("café.txt"));
    }

    #[test]
    fn wild_forms() {
        let cd = ContentDisposition::parse(b"attachment; filename=\"=?UTF-8?B?Y2Fmw6kucGRm?=\"")
            .unwrap();
        assert_eq!(cd.param("filename"), Some("café.pdf"));
        let cd = ContentDisposition::parse(b"attachment; filename=my file.pdf").unwrap();
        assert_eq!(cd.param("filename"), Some("my file.pdf"));
        let ct = ContentType::parse(b"multipart/mixed; boundary=\"a\"; boundary=\"b\"").unwrap();
        assert_eq!(ct.param("boundary"), Some("a"));
        // Sections out of order and mixed with a plain parameter.
        let ct = ContentType::parse(b"a/b; n*1=\"B\"; x=1; n*0=\"A\"").unwrap();
        assert_eq!(ct.param("n"), Some("AB"));
        assert_eq!(ct.param("x"), Some("1"));
        let _ = ContentType::parse(b"a/b; ;;=;x*=;y*0*=''%;z*99999999999=1");
    }
}
