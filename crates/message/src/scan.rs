//! Line-level rules shared by the whole-slice parser and the push parser, so that both build
//! the same tree from the same bytes.

use crate::message::HeaderData;
use crate::transfer::TransferEncoding;

/// Longest delimiter line (`--`, boundary, `--`, transport padding, line break): RFC 5322's
/// 998-character line limit plus its CRLF and some slack. Longer lines are content.
pub(crate) const MAX_DELIMITER_LINE: usize = 1004;

/// Longest field name: the colon must come within the first 998 bytes of its line.
pub(crate) const MAX_NAME: usize = 998;

/// Longest boundary accepted (RFC 2046 §5.1.1 allows 70; real mail sometimes exceeds it).
pub(crate) const MAX_BOUNDARY: usize = 200;

/// Checks whether a delimiter line for one of the open boundaries (innermost last) starts at
/// `d` (at `--`); returns its level, whether it closes, and where its line ends.
pub(crate) fn match_delimiter(
    stack: &[Vec<u8>],
    s: &[u8],
    d: usize,
) -> Option<(usize, bool, usize)> {
    let rest = &s[d + 2..];
    for (level, b) in stack.iter().enumerate().rev() {
        if !rest.starts_with(b) {
            continue;
        }
        let mut k = d + 2 + b.len();
        let close = s[k..].starts_with(b"--");
        if close {
            k += 2;
        }
        let limit = s.len().min(d + MAX_DELIMITER_LINE);
        while k < limit && (s[k] == b' ' || s[k] == b'\t') {
            k += 1;
        }
        let line_end = if k == s.len() {
            k
        } else if s[k] == b'\n' {
            k + 1
        } else if s[k] == b'\r' && s.get(k + 1) == Some(&b'\n') {
            k + 2
        } else if s[k] == b'\r' && k + 1 == s.len() {
            k + 1
        } else {
            continue;
        };
        if line_end - d > MAX_DELIMITER_LINE {
            continue;
        }
        return Some((level, close, line_end));
    }
    None
}

/// An mbox `From sender date` line (not an obsolete `From  :` field).
pub(crate) fn is_envelope_line(s: &[u8]) -> bool {
    s.starts_with(b"From ") && s[5..].iter().find(|&&b| b != b' ' && b != b'\t') != Some(&b':')
}

/// The colon of a header field line, when the line is one: a name of printable ASCII (white
/// space before the colon is the obsolete syntax of RFC 5322 §4.5 and tolerated).
pub(crate) fn field_colon(line: &[u8]) -> Option<usize> {
    let c = memchr::memchr(b':', &line[..line.len().min(MAX_NAME)])?;
    let name = &line[..c];
    let trimmed = &name[..name.iter().rposition(|&b| b != b' ' && b != b'\t')? + 1];
    trimmed
        .iter()
        .all(|&b| (33..=126).contains(&b))
        .then_some(c)
}

/// What a part's header fields say about its body.
pub(crate) struct Decision {
    /// Index (among the part's fields) of the Content-Type field used.
    pub(crate) content_type: Option<usize>,
    pub(crate) encoding: TransferEncoding,
    pub(crate) kind: Kind,
    /// A Content-Type field was present but unreadable.
    pub(crate) invalid_content_type: bool,
    /// No Content-Type inside a multipart/digest: message/rfc822.
    pub(crate) default_message: bool,
    pub(crate) media: Media,
}

/// The media type of a part, as the body-part selection of RFC 8621 needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Media {
    TextPlain,
    TextHtml,
    OtherText,
    /// image, audio or video: shown inline by RFC 8621.
    Visual,
    Alternative,
    Related,
    OtherMultipart,
    Other,
}

impl Media {
    /// From the type and subtype as written (compared without ASCII case, as the lowercased
    /// text would be).
    fn of(media_type: &[u8], subtype: &[u8]) -> Self {
        let is = |a: &[u8], b: &str| a.eq_ignore_ascii_case(b.as_bytes());
        if is(media_type, "text") {
            if is(subtype, "plain") {
                Media::TextPlain
            } else if is(subtype, "html") {
                Media::TextHtml
            } else {
                Media::OtherText
            }
        } else if is(media_type, "image") || is(media_type, "audio") || is(media_type, "video") {
            Media::Visual
        } else if is(media_type, "multipart") {
            if is(subtype, "alternative") {
                Media::Alternative
            } else if is(subtype, "related") {
                Media::Related
            } else {
                Media::OtherMultipart
            }
        } else {
            Media::Other
        }
    }
}

pub(crate) enum Kind {
    Leaf,
    /// A multipart; `None` when its boundary is missing or unusable.
    Multipart {
        boundary: Option<Vec<u8>>,
        digest: bool,
    },
    /// `message/rfc822` or `message/global`.
    Message,
}

/// Reads the fields of one part: the first Content-Type counts, the last
/// Content-Transfer-Encoding counts.
pub(crate) fn decide(s: &[u8], fields: &[HeaderData], in_digest: bool) -> Decision {
    let mut ct_index = None;
    let mut encoding = TransferEncoding::SevenBit;
    for (i, h) in fields.iter().enumerate() {
        // Both names start with `c`; most fields are passed over on their first byte.
        if s.get(h.start).is_some_and(|&b| b | 0x20 != b'c') {
            continue;
        }
        let name = h.name(s);
        if ct_index.is_none() && name.eq_ignore_ascii_case(b"content-type") {
            ct_index = Some(i);
        } else if name.eq_ignore_ascii_case(b"content-transfer-encoding") {
            encoding = TransferEncoding::parse(h.value(s));
        }
    }
    // Only a multipart needs its parameters (the boundary); other parts need the type alone.
    let ct = ct_index.map(|i| crate::content_type::type_subtype(fields[i].value(s)));
    let default_message = ct_index.is_none() && in_digest;
    let is = |a: &[u8], b: &str| a.eq_ignore_ascii_case(b.as_bytes());
    let kind = match ct {
        Some(Some((t, sub, _))) if is(t, "multipart") => Kind::Multipart {
            boundary: ct_index
                .and_then(|i| crate::content_type::param_value(fields[i].value(s), "boundary"))
                .filter(|b| !b.is_empty() && b.len() <= MAX_BOUNDARY && !b.contains(['\r', '\n']))
                .map(|b| b.as_bytes().to_vec()),
            digest: is(sub, "digest"),
        },
        Some(Some((t, sub, _))) if is(t, "message") && (is(sub, "rfc822") || is(sub, "global")) => {
            Kind::Message
        }
        None if default_message => Kind::Message,
        _ => Kind::Leaf,
    };
    let media = match ct {
        Some(Some((t, sub, _))) => Media::of(t, sub),
        None if default_message => Media::Other,
        _ => Media::TextPlain,
    };
    Decision {
        media,
        content_type: ct_index,
        encoding,
        kind,
        invalid_content_type: matches!(ct, Some(None)),
        default_message,
    }
}
