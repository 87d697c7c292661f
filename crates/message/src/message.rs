//! The parsed message: a tree of parts over borrowed (or, for decoded embedded messages,
//! owned) bytes, with typed access to every field.

use crate::address::{Address, parse_address_list};
use crate::charset::{decode_charset, decode_charset_owned};
use crate::content_type::{
    ContentDisposition, ContentType, disposition_param, disposition_type, param_value, type_subtype,
};
use crate::date::DateTime;
use crate::defect::{Defect, DefectKind};
use crate::encoded_word::decode_unstructured;
use crate::lexer::{unfold, utf8_cow};
use crate::msgid::parse_message_ids;
use crate::options::Options;
use crate::received::Received;
use crate::transfer::{Base64Problem, TransferEncoding};
use std::borrow::Cow;
use std::ops::Range;

/// Identifies a part within its [`Message`]; the root is `PartId(0)`, and ids follow
/// depth-first order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartId(pub u32);

/// One header field's position in its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeaderData {
    pub(crate) start: usize,
    pub(crate) colon: usize,
    /// After the field's final line break.
    pub(crate) end: usize,
}

impl HeaderData {
    pub(crate) fn name<'s>(&self, s: &'s [u8]) -> &'s [u8] {
        let n = &s[self.start..self.colon];
        let len = n
            .iter()
            .rposition(|&b| b != b' ' && b != b'\t')
            .map_or(0, |p| p + 1);
        &n[..len]
    }

    pub(crate) fn value<'s>(&self, s: &'s [u8]) -> &'s [u8] {
        let v = &s[self.colon + 1..self.end];
        let start = v
            .iter()
            .position(|&b| b != b' ' && b != b'\t')
            .unwrap_or(v.len());
        let end = v
            .iter()
            .rposition(|&b| !b.is_ascii_whitespace())
            .map_or(start, |p| p + 1);
        &v[start..end.max(start)]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Body {
    Leaf,
    Multipart {
        children: Vec<u32>,
        preamble_end: usize,
        epilogue_start: Option<usize>,
    },
    /// An embedded message whose root is this part id.
    Message(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartData {
    pub(crate) src: u32,
    pub(crate) start: usize,
    pub(crate) body_start: usize,
    pub(crate) end: usize,
    pub(crate) headers: Range<u32>,
    pub(crate) content_type: Option<u32>,
    /// No Content-Type, inside a multipart/digest: the default is message/rfc822.
    pub(crate) default_message: bool,
    pub(crate) encoding: TransferEncoding,
    pub(crate) media: crate::scan::Media,
    pub(crate) body: Body,
    pub(crate) parent: Option<u32>,
}

/// A parsed message. Parsing never fails; see [`Message::defects`] for what was wrong.
///
/// ```
/// use mailwire_message::Message;
/// let raw = b"From: Jo <jo@example.com>\r\nSubject: =?UTF-8?Q?caf=C3=A9?=\r\n\r\nHello\r\n";
/// let msg = Message::parse(raw);
/// let root = msg.root();
/// assert_eq!(root.subject().as_deref(), Some("café"));
/// assert_eq!(root.text().as_deref(), Some("Hello\r\n"));
/// let mut out = Vec::new();
/// msg.write_to(&mut out);
/// assert_eq!(out, raw);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message<'a> {
    input: Cow<'a, [u8]>,
    /// Decoded bodies of transfer-encoded embedded messages; source `n` is `extra[n - 1]`.
    extra: Vec<Vec<u8>>,
    parts: Vec<PartData>,
    headers: Vec<HeaderData>,
    defects: Vec<Defect>,
}

impl<'a> Message<'a> {
    /// Parses a message with the default [`Options`].
    pub fn parse(input: &'a [u8]) -> Self {
        Self::parse_with(input, &Options::default())
    }

    /// Parses a message with the given limits.
    pub fn parse_with(input: &'a [u8], opts: &Options) -> Self {
        crate::parser::parse(Cow::Borrowed(input), opts)
    }

    /// Parses an owned buffer; the result owns its bytes.
    pub fn parse_owned(input: Vec<u8>, opts: &Options) -> Message<'static> {
        crate::parser::parse(Cow::Owned(input), opts)
    }

    pub(crate) fn from_parts(
        input: Cow<'a, [u8]>,
        extra: Vec<Vec<u8>>,
        parts: Vec<PartData>,
        headers: Vec<HeaderData>,
        defects: Vec<Defect>,
    ) -> Self {
        Message {
            input,
            extra,
            parts,
            headers,
            defects,
        }
    }

    /// Copies the input so the message outlives it.
    pub fn into_owned(self) -> Message<'static> {
        Message {
            input: Cow::Owned(self.input.into_owned()),
            extra: self.extra,
            parts: self.parts,
            headers: self.headers,
            defects: self.defects,
        }
    }

    /// The bytes the message was parsed from.
    pub fn raw(&self) -> &[u8] {
        &self.input
    }

    fn src(&self, n: u32) -> &[u8] {
        if n == 0 {
            &self.input
        } else {
            self.extra.get(n as usize - 1).map_or(&[], |v| v.as_slice())
        }
    }

    /// The top-level part: the message's own header section and body.
    pub fn root(&self) -> Part<'_> {
        Part { msg: self, id: 0 }
    }

    /// A part by id.
    pub fn part(&self, id: PartId) -> Option<Part<'_>> {
        ((id.0 as usize) < self.parts.len()).then_some(Part {
            msg: self,
            id: id.0 as usize,
        })
    }

    /// Every part, depth-first (multiparts, embedded messages and leaves).
    pub fn parts(&self) -> impl Iterator<Item = Part<'_>> {
        (0..self.parts.len()).map(move |id| Part { msg: self, id })
    }

    /// The leaf parts (neither multipart nor embedded message), depth-first, with the leaves of
    /// embedded messages included.
    pub fn leaves(&self) -> impl Iterator<Item = Part<'_>> {
        self.parts().filter(|p| matches!(p.data().body, Body::Leaf))
    }

    /// The defects found while building the tree (structure, limits, header syntax). Decoding
    /// problems are found when bodies are decoded: see [`Message::all_defects`].
    pub fn defects(&self) -> &[Defect] {
        &self.defects
    }

    /// Every defect: those of the tree plus those found by decoding each leaf's transfer
    /// encoding and charset and reading the Date and address fields of each message.
    pub fn all_defects(&self) -> Vec<Defect> {
        let mut out = self.defects.clone();
        for p in self.parts() {
            let part = PartId(p.id as u32);
            let mut add = |kind| out.push(Defect { kind, part });
            let is_message_root = p.id == 0 || p.parent().is_some_and(|q| q.is_message());
            if is_message_root {
                if let Some(h) = p.header("date")
                    && h.date().is_none()
                {
                    add(DefectKind::InvalidDate);
                }
                for name in ["from", "to", "cc"] {
                    if let Some(h) = p.header(name)
                        && h.addresses().is_empty()
                    {
                        add(DefectKind::InvalidAddress);
                    }
                }
            }
            if p.headers().any(|h| std::str::from_utf8(h.raw()).is_err()) {
                add(DefectKind::NonUtf8Header);
            }
            if !matches!(p.data().body, Body::Leaf) {
                continue;
            }
            match p.transfer_encoding() {
                TransferEncoding::Unknown => add(DefectKind::UnknownTransferEncoding),
                enc => match enc.decode(p.raw_body()).1 {
                    Some(Base64Problem::InvalidCharacters) => {
                        add(DefectKind::InvalidBase64Characters)
                    }
                    Some(Base64Problem::MissingPadding) => add(DefectKind::InvalidBase64Padding),
                    Some(Base64Problem::InvalidLength) => add(DefectKind::InvalidBase64Length),
                    _ => {}
                },
            }
            if p.content_type().media_type == "text"
                && let Some(cs) = p.charset()
                && !decode_charset(b"", &cs).1
            {
                add(DefectKind::UnknownCharset);
            }
        }
        out
    }

    /// Writes the message back from its tree: header sections, preambles, delimiters, bodies
    /// and epilogues, byte for byte as they were read.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        self.write_part(0, out);
    }

    fn write_part(&self, id: usize, out: &mut Vec<u8>) {
        let p = &self.parts[id];
        let s = self.src(p.src);
        out.extend_from_slice(&s[p.start..p.body_start]);
        match &p.body {
            Body::Leaf => out.extend_from_slice(&s[p.body_start..p.end]),
            Body::Message(child) => {
                let c = &self.parts[*child as usize];
                if c.src == p.src {
                    self.write_part(*child as usize, out);
                    out.extend_from_slice(&s[c.end..p.end]);
                } else {
                    // Transfer-encoded: the encoded bytes are what was read.
                    out.extend_from_slice(&s[p.body_start..p.end]);
                }
            }
            Body::Multipart { children, .. } => {
                let mut cursor = p.body_start;
                for &cid in children {
                    let c = &self.parts[cid as usize];
                    out.extend_from_slice(&s[cursor..c.start]);
                    self.write_part(cid as usize, out);
                    cursor = c.end;
                }
                out.extend_from_slice(&s[cursor..p.end]);
            }
        }
    }
}

/// A view of one part of a [`Message`].
#[derive(Debug, Clone, Copy)]
pub struct Part<'m> {
    msg: &'m Message<'m>,
    id: usize,
}

/// A view of one header field.
#[derive(Debug, Clone, Copy)]
pub struct Header<'m> {
    src: &'m [u8],
    data: HeaderData,
}

impl<'m> Header<'m> {
    /// The field name as written (white space before the colon removed).
    pub fn name(&self) -> &'m str {
        std::str::from_utf8(self.data.name(self.src)).unwrap_or("")
    }

    /// The raw value: after the colon and leading white space, folds kept, trailing white
    /// space and line break removed.
    pub fn value(&self) -> &'m [u8] {
        self.data.value(self.src)
    }

    /// The whole field as read, line break included.
    pub fn raw(&self) -> &'m [u8] {
        &self.src[self.data.start..self.data.end]
    }

    /// The value unfolded (RFC 5322 §2.2.3).
    pub fn unfolded(&self) -> Cow<'m, [u8]> {
        unfold(self.value())
    }

    /// The value as unstructured text: unfolded, RFC 2047 encoded words decoded.
    pub fn text(&self) -> Cow<'m, str> {
        decode_unstructured(self.value())
    }

    /// The value as an address list.
    pub fn addresses(&self) -> Vec<Address<'m>> {
        parse_address_list(self.value())
    }

    /// The value as a date.
    pub fn date(&self) -> Option<DateTime> {
        DateTime::parse(self.value())
    }

    /// The value as a list of message ids (without angle brackets).
    pub fn message_ids(&self) -> Vec<Cow<'m, str>> {
        parse_message_ids(self.value())
    }

    /// The value as a Received trace field.
    pub fn received(&self) -> Received<'m> {
        Received::parse(self.value())
    }
}

impl<'m> Part<'m> {
    pub(crate) fn data(&self) -> &'m PartData {
        &self.msg.parts[self.id]
    }

    fn s(&self) -> &'m [u8] {
        self.msg.src(self.data().src)
    }

    /// This part's id.
    pub fn id(&self) -> PartId {
        PartId(self.id as u32)
    }

    /// The enclosing multipart or message part.
    pub fn parent(&self) -> Option<Part<'m>> {
        self.data().parent.map(|p| Part {
            msg: self.msg,
            id: p as usize,
        })
    }

    /// The header fields in order.
    pub fn headers(&self) -> impl Iterator<Item = Header<'m>> + use<'m> {
        let src = self.s();
        let r = self.data().headers.clone();
        self.msg.headers[r.start as usize..r.end as usize]
            .iter()
            .map(move |&data| Header { src, data })
    }

    /// The first field with this name (compared without case).
    pub fn header(&self, name: &str) -> Option<Header<'m>> {
        let want = name.as_bytes();
        // Compare the prefix of the raw name first: most fields differ there, and the
        // trimmed name is measured only for a candidate.
        self.headers().find(|h| {
            let raw = &h.src[h.data.start..h.data.colon];
            raw.get(..want.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(want))
                && h.data.name(h.src).len() == want.len()
        })
    }

    /// Every field with this name, in order.
    pub fn headers_named<'n>(
        &self,
        name: &'n str,
    ) -> impl Iterator<Item = Header<'m>> + use<'m, 'n> {
        self.headers()
            .filter(move |h| h.data.name(h.src).eq_ignore_ascii_case(name.as_bytes()))
    }

    /// The header section as read, including the empty line that ends it.
    pub fn raw_headers(&self) -> &'m [u8] {
        let d = self.data();
        &self.s()[d.start..d.body_start]
    }

    /// The whole part as read: header section and body.
    pub fn raw(&self) -> &'m [u8] {
        let d = self.data();
        &self.s()[d.start..d.end]
    }

    /// The body as read, still transfer-encoded.
    pub fn raw_body(&self) -> &'m [u8] {
        let d = self.data();
        &self.s()[d.body_start..d.end]
    }

    /// The Content-Type, or the default when absent (`text/plain; charset=us-ascii`, or
    /// `message/rfc822` inside a multipart/digest, RFC 2046 §5.1.5) or invalid (`text/plain`).
    pub fn content_type(&self) -> ContentType<'m> {
        let d = self.data();
        if let Some(h) = d.content_type {
            let hd = self.msg.headers[h as usize];
            if let Some(ct) = ContentType::parse(hd.value(self.s())) {
                return ct;
            }
        }
        if d.default_message {
            return ContentType {
                media_type: Cow::Borrowed("message"),
                subtype: Cow::Borrowed("rfc822"),
                params: Vec::new(),
            };
        }
        ContentType {
            media_type: Cow::Borrowed("text"),
            subtype: Cow::Borrowed("plain"),
            params: vec![(Cow::Borrowed("charset"), Cow::Borrowed("us-ascii"))],
        }
    }

    /// The Content-Disposition, when present and valid.
    pub fn disposition(&self) -> Option<ContentDisposition<'m>> {
        ContentDisposition::parse(self.header("content-disposition")?.value())
    }

    /// The Content-Transfer-Encoding (7bit when absent).
    pub fn transfer_encoding(&self) -> TransferEncoding {
        self.data().encoding
    }

    /// The Content-ID without angle brackets.
    pub fn content_id(&self) -> Option<Cow<'m, str>> {
        parse_message_ids(self.header("content-id")?.value())
            .into_iter()
            .next()
    }

    /// The charset parameter of a text part's Content-Type.
    pub fn charset(&self) -> Option<Cow<'m, str>> {
        // The same answer as the `charset` of `content_type()`, without decoding the other
        // parameters: text() asks this for every text part.
        let d = self.data();
        if let Some(h) = d.content_type {
            let value = self.msg.headers[h as usize].value(self.s());
            if type_subtype(value).is_some() {
                return param_value(value, "charset");
            }
        }
        (!d.default_message).then_some(Cow::Borrowed("us-ascii"))
    }

    /// `true` when the Content-Disposition type is `attachment`: the same answer as
    /// [`Part::disposition`], without decoding its parameters.
    pub(crate) fn is_attachment(&self) -> bool {
        self.header("content-disposition")
            .and_then(|h| disposition_type(h.value()))
            .is_some_and(|k| k.eq_ignore_ascii_case(b"attachment"))
    }

    /// `true` when [`Part::filename`] would find a name, without decoding other parameters.
    pub(crate) fn has_filename(&self) -> bool {
        let in_disposition = self
            .header("content-disposition")
            .is_some_and(|h| disposition_param(h.value(), "filename").is_some());
        in_disposition
            || self.data().content_type.is_some_and(|h| {
                param_value(self.msg.headers[h as usize].value(self.s()), "name").is_some()
            })
    }

    /// The file name: the Content-Disposition `filename`, else the Content-Type `name`.
    pub fn filename(&self) -> Option<Cow<'m, str>> {
        let from = |params: Vec<(Cow<'m, str>, Cow<'m, str>)>, key: &str| {
            params.into_iter().find(|(n, _)| n == key).map(|(_, v)| v)
        };
        self.disposition()
            .and_then(|d| from(d.params, "filename"))
            .or_else(|| from(self.content_type().params, "name"))
    }

    /// `true` for a multipart.
    pub fn is_multipart(&self) -> bool {
        matches!(self.data().body, Body::Multipart { .. })
    }

    /// `true` for a part holding an embedded, parsed message.
    pub fn is_message(&self) -> bool {
        matches!(self.data().body, Body::Message(_))
    }

    /// The parts of a multipart, in order.
    pub fn children(&self) -> impl Iterator<Item = Part<'m>> + use<'m> {
        let msg = self.msg;
        let ids: &'m [u32] = match &self.data().body {
            Body::Multipart { children, .. } => children,
            _ => &[],
        };
        ids.iter().map(move |&c| Part {
            msg,
            id: c as usize,
        })
    }

    /// The root part of an embedded message (`message/rfc822`, `message/global`).
    pub fn message(&self) -> Option<Part<'m>> {
        match self.data().body {
            Body::Message(c) => Some(Part {
                msg: self.msg,
                id: c as usize,
            }),
            _ => None,
        }
    }

    /// A multipart's preamble (before the first delimiter line).
    pub fn preamble(&self) -> Option<&'m [u8]> {
        match &self.data().body {
            Body::Multipart { preamble_end, .. } => {
                Some(&self.s()[self.data().body_start..*preamble_end])
            }
            _ => None,
        }
    }

    /// A multipart's epilogue (after the close delimiter line), when it was closed.
    pub fn epilogue(&self) -> Option<&'m [u8]> {
        match &self.data().body {
            Body::Multipart {
                epilogue_start: Some(e),
                ..
            } => Some(&self.s()[*e..self.data().end]),
            _ => None,
        }
    }

    /// The body with its transfer encoding undone; borrowed for 7bit, 8bit and binary.
    pub fn decoded_body(&self) -> Cow<'m, [u8]> {
        self.transfer_encoding().decode(self.raw_body()).0
    }

    /// A text body decoded to UTF-8 from its charset (US-ASCII/UTF-8 assumed when none).
    /// `None` for multiparts and embedded messages.
    pub fn text(&self) -> Option<Cow<'m, str>> {
        if !matches!(self.data().body, Body::Leaf) {
            return None;
        }
        let charset = self.charset();
        let label = charset.as_deref().unwrap_or("utf-8");
        Some(match self.decoded_body() {
            Cow::Borrowed(b) => decode_charset(b, label).0,
            Cow::Owned(v) => Cow::Owned(decode_charset_owned(v, label)),
        })
    }

    /// The Subject, decoded.
    pub fn subject(&self) -> Option<Cow<'m, str>> {
        self.header("subject").map(|h| h.text())
    }

    /// The addresses of the first field with this name: RFC 5322 §3.6 allows each
    /// originator and destination field once, so later copies are ignored (as Python does).
    fn addresses(&self, name: &str) -> Vec<Address<'m>> {
        self.header(name).map(|h| h.addresses()).unwrap_or_default()
    }

    /// From (RFC 6854 groups included).
    pub fn from(&self) -> Vec<Address<'m>> {
        self.addresses("from")
    }

    /// To.
    pub fn to(&self) -> Vec<Address<'m>> {
        self.addresses("to")
    }

    /// Cc.
    pub fn cc(&self) -> Vec<Address<'m>> {
        self.addresses("cc")
    }

    /// Bcc.
    pub fn bcc(&self) -> Vec<Address<'m>> {
        self.addresses("bcc")
    }

    /// Reply-To.
    pub fn reply_to(&self) -> Vec<Address<'m>> {
        self.addresses("reply-to")
    }

    /// Sender.
    pub fn sender(&self) -> Vec<Address<'m>> {
        self.addresses("sender")
    }

    /// The Date field, when present and readable.
    pub fn date(&self) -> Option<DateTime> {
        self.header("date")?.date()
    }

    /// The Message-ID without angle brackets.
    pub fn message_id(&self) -> Option<Cow<'m, str>> {
        self.header("message-id")?.message_ids().into_iter().next()
    }

    /// In-Reply-To ids.
    pub fn in_reply_to(&self) -> Vec<Cow<'m, str>> {
        self.headers_named("in-reply-to")
            .flat_map(|h| h.message_ids())
            .collect()
    }

    /// References ids.
    pub fn references(&self) -> Vec<Cow<'m, str>> {
        self.headers_named("references")
            .flat_map(|h| h.message_ids())
            .collect()
    }

    /// The Received fields, newest (topmost) first.
    pub fn received(&self) -> Vec<Received<'m>> {
        self.headers_named("received")
            .map(|h| h.received())
            .collect()
    }

    /// A header value as text with encoded words decoded; invalid UTF-8 replaced.
    pub fn header_text(&self, name: &str) -> Option<Cow<'m, str>> {
        self.header(name).map(|h| h.text())
    }

    /// A header's raw value as text (no decoding).
    pub fn header_raw_text(&self, name: &str) -> Option<Cow<'m, str>> {
        self.header(name)
            .map(|h| utf8_cow(Cow::Borrowed(h.value())))
    }
}
