//! FETCH attributes, section specs and partials (shared by commands and responses).

use std::num::NonZeroU32;

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag_no_case;
use nom::character::complete::char;
use nom::combinator::{map, opt, value};
use nom::sequence::{delimited, preceded};

use crate::encode::Writer;
use crate::parse::core::{R, Upper, byte, fail, header_list, number, nz_number, paren_list1, sp};
use crate::types::chars::{is_fetch_name_char, is_section_name_char};
use crate::types::{AString, static_enum, static_struct};

/// What FETCH asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchItems<'a> {
    /// `ALL`: FLAGS INTERNALDATE RFC822.SIZE ENVELOPE
    All,
    /// `FAST`: FLAGS INTERNALDATE RFC822.SIZE
    Fast,
    /// `FULL`: ALL plus BODY
    Full,
    /// Attributes (one is sent bare, several in parentheses).
    Attributes(Vec<FetchAttribute<'a>>),
}
static_enum!(FetchItems { All, Fast, Full; Attributes(a); });

/// A fetch attribute of a FETCH command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchAttribute<'a> {
    /// `ENVELOPE`
    Envelope,
    /// `FLAGS`
    Flags,
    /// `INTERNALDATE`
    InternalDate,
    /// `RFC822` (IMAP4rev1)
    Rfc822,
    /// `RFC822.HEADER` (IMAP4rev1)
    Rfc822Header,
    /// `RFC822.SIZE`
    Rfc822Size,
    /// `RFC822.TEXT` (IMAP4rev1)
    Rfc822Text,
    /// `BODY` (no section)
    Body,
    /// `BODYSTRUCTURE`
    BodyStructure,
    /// `UID`
    Uid,
    /// `BODY[section]<partial>` or `BODY.PEEK[...]`
    BodySection {
        /// `.PEEK`: do not set `\Seen`.
        peek: bool,
        /// The section.
        section: Section<'a>,
        /// Byte range.
        partial: Option<Partial>,
    },
    /// `BINARY[part]<partial>` or `BINARY.PEEK[...]` (RFC 3516)
    Binary {
        /// `.PEEK`
        peek: bool,
        /// Part numbers.
        part: Vec<NonZeroU32>,
        /// Byte range.
        partial: Option<Partial>,
    },
    /// `BINARY.SIZE[part]` (RFC 3516)
    BinarySize {
        /// Part numbers.
        part: Vec<NonZeroU32>,
    },
    /// `MODSEQ` (CONDSTORE)
    ModSeq,
    /// `EMAILID` (OBJECTID)
    EmailId,
    /// `THREADID` (OBJECTID)
    ThreadId,
    /// `SAVEDATE` (RFC 8514)
    SaveDate,
    /// `PREVIEW [(LAZY)]` (RFC 8970)
    Preview {
        /// `(LAZY)`
        lazy: bool,
    },
}
static_enum!(FetchAttribute {
    Envelope, Flags, InternalDate, Rfc822, Rfc822Header, Rfc822Size, Rfc822Text, Body, BodyStructure, Uid,
    ModSeq, EmailId, ThreadId, SaveDate;
    ;
    BodySection { peek, section, partial },
    Binary { peek, part, partial },
    BinarySize { part },
    Preview { lazy },
});

/// `[section]`: part numbers and an optional text spec.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Section<'a> {
    /// `1.2.3`
    pub part: Vec<NonZeroU32>,
    /// `HEADER`, `TEXT`, `MIME`, `HEADER.FIELDS (...)`.
    pub text: Option<SectionText<'a>>,
}
static_struct!(Section { part, text });

/// The text part of a section spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SectionText<'a> {
    /// `HEADER`
    Header,
    /// `HEADER.FIELDS (names)`
    HeaderFields(Vec<AString<'a>>),
    /// `HEADER.FIELDS.NOT (names)`
    HeaderFieldsNot(Vec<AString<'a>>),
    /// `TEXT`
    Text,
    /// `MIME` (only after a part number)
    Mime,
}
static_enum!(SectionText { Header, Text, Mime; HeaderFields(a), HeaderFieldsNot(a); });

/// `<offset.length>` in a command, `<offset>` in a response (`length` is `None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Partial {
    /// First byte.
    pub offset: u32,
    /// Number of bytes (commands only).
    pub length: Option<NonZeroU32>,
}

impl crate::types::IntoStatic for Partial {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}

fn section_text(i: &[u8]) -> R<'_, SectionText<'_>> {
    // Dispatch on the whole name (letters and dots) instead of trying each spelling in turn.
    let (upper, len) = Upper::scan(i, is_section_name_char);
    let rest = &i[len..];
    match upper.as_bytes() {
        b"HEADER.FIELDS.NOT" => {
            map(preceded(sp, header_list), SectionText::HeaderFieldsNot).parse(rest)
        }
        b"HEADER.FIELDS" => map(preceded(sp, header_list), SectionText::HeaderFields).parse(rest),
        b"HEADER" => Ok((rest, SectionText::Header)),
        b"TEXT" => Ok((rest, SectionText::Text)),
        b"MIME" => Ok((rest, SectionText::Mime)),
        _ => fail(i),
    }
}

/// `1.2.3`: a loop rather than `separated_list1`; a `.` not followed by a number is left to
/// the caller (it may start the section text).
fn part_numbers(i: &[u8]) -> R<'_, Vec<NonZeroU32>> {
    let (mut i, first) = nz_number(i)?;
    let mut parts = vec![first];
    while let Some((b'.', after)) = i.split_first() {
        let Ok((rest, n)) = nz_number(after) else {
            break;
        };
        parts.push(n);
        i = rest;
    }
    Ok((i, parts))
}

/// What is between the brackets of a section, if it is not empty.
fn section_inner(i: &[u8]) -> Option<(&[u8], Section<'_>)> {
    if let Ok((rest, part)) = part_numbers(i) {
        let (rest, text) = match rest.split_first() {
            Some((b'.', after)) => match section_text(after) {
                Ok((r, t)) => (r, Some(t)),
                Err(_) => (rest, None),
            },
            _ => (rest, None),
        };
        return Some((rest, Section { part, text }));
    }
    let (rest, t) = section_text(i).ok()?;
    Some((
        rest,
        Section {
            part: Vec::new(),
            text: Some(t),
        },
    ))
}

/// `section`: `[...]`.
pub(crate) fn section(i: &[u8]) -> R<'_, Section<'_>> {
    let Some((b'[', inner)) = i.split_first() else {
        return fail(i);
    };
    let (rest, section) = section_inner(inner).unwrap_or((inner, Section::default()));
    match rest.split_first() {
        Some((b']', rest)) => Ok((rest, section)),
        _ => fail(rest),
    }
}

/// `section-binary`: `[part]`.
pub(crate) fn section_binary(i: &[u8]) -> R<'_, Vec<NonZeroU32>> {
    map(
        delimited(char('['), opt(part_numbers), char(']')),
        Option::unwrap_or_default,
    )
    .parse(i)
}

/// `<offset.length>`, if `i` starts with one.
fn partial(i: &[u8]) -> Option<(&[u8], Partial)> {
    let (i, ()) = byte(i, b'<').ok()?;
    let (i, offset) = number(i).ok()?;
    let (i, ()) = byte(i, b'.').ok()?;
    let (i, length) = nz_number(i).ok()?;
    let (i, ()) = byte(i, b'>').ok()?;
    Some((
        i,
        Partial {
            offset,
            length: Some(length),
        },
    ))
}

/// A partial if one follows, and the rest.
fn opt_partial(i: &[u8]) -> (&[u8], Option<Partial>) {
    match partial(i) {
        Some((rest, p)) => (rest, Some(p)),
        None => (i, None),
    }
}

pub(crate) fn fetch_attribute(i: &[u8]) -> R<'_, FetchAttribute<'_>> {
    use FetchAttribute as F;
    // Dispatch on the name: letters, digits and dots up to `[`, `<`, space or `)`.
    let (upper, len) = Upper::scan(i, is_fetch_name_char);
    let (name, rest) = i.split_at(len);
    let simple = match upper.as_bytes() {
        b"ENVELOPE" => F::Envelope,
        b"FLAGS" => F::Flags,
        b"INTERNALDATE" => F::InternalDate,
        b"RFC822" => F::Rfc822,
        b"RFC822.HEADER" => F::Rfc822Header,
        b"RFC822.SIZE" => F::Rfc822Size,
        b"RFC822.TEXT" => F::Rfc822Text,
        b"BODYSTRUCTURE" => F::BodyStructure,
        b"UID" => F::Uid,
        b"MODSEQ" => F::ModSeq,
        b"EMAILID" => F::EmailId,
        b"THREADID" => F::ThreadId,
        b"SAVEDATE" => F::SaveDate,
        b"PREVIEW" => {
            return map(opt(tag_no_case(" (LAZY)")), |l| F::Preview {
                lazy: l.is_some(),
            })
            .parse(rest);
        }
        b"BODY" if rest.first() != Some(&b'[') => F::Body,
        b"BODY" | b"BODY.PEEK" => {
            let peek = name.len() > 4;
            let (rest, section) = section(rest)?;
            let (rest, partial) = opt_partial(rest);
            return Ok((
                rest,
                F::BodySection {
                    peek,
                    section,
                    partial,
                },
            ));
        }
        b"BINARY" | b"BINARY.PEEK" => {
            let peek = name.len() > 6;
            let (rest, part) = section_binary(rest)?;
            let (rest, partial) = opt_partial(rest);
            return Ok((
                rest,
                F::Binary {
                    peek,
                    part,
                    partial,
                },
            ));
        }
        b"BINARY.SIZE" => return map(section_binary, |part| F::BinarySize { part }).parse(rest),
        _ => return fail(i),
    };
    Ok((rest, simple))
}

/// The items of FETCH.
pub(crate) fn fetch_items(i: &[u8]) -> R<'_, FetchItems<'_>> {
    if i.first() == Some(&b'(') {
        return map(paren_list1(fetch_attribute), FetchItems::Attributes).parse(i);
    }
    alt((
        value(FetchItems::All, tag_no_case("ALL")),
        value(FetchItems::Fast, tag_no_case("FAST")),
        value(FetchItems::Full, tag_no_case("FULL")),
        map(fetch_attribute, |a| FetchItems::Attributes(vec![a])),
    ))
    .parse(i)
}

/// Writes `[section]`.
pub(crate) fn encode_section(w: &mut Writer, s: &Section<'_>) {
    w.raw(b"[");
    encode_parts(w, &s.part);
    if let Some(t) = &s.text {
        if !s.part.is_empty() {
            w.raw(b".");
        }
        match t {
            SectionText::Header => w.raw(b"HEADER"),
            SectionText::Text => w.raw(b"TEXT"),
            SectionText::Mime => w.raw(b"MIME"),
            SectionText::HeaderFields(h) => w.raw(b"HEADER.FIELDS ").list(h, |w, a| {
                w.astring(a);
            }),
            SectionText::HeaderFieldsNot(h) => w.raw(b"HEADER.FIELDS.NOT ").list(h, |w, a| {
                w.astring(a);
            }),
        };
    }
    w.raw(b"]");
}

fn encode_parts(w: &mut Writer, part: &[NonZeroU32]) {
    for (i, p) in part.iter().enumerate() {
        if i > 0 {
            w.raw(b".");
        }
        w.num(p.get());
    }
}

/// Writes `[part]`.
pub(crate) fn encode_section_binary(w: &mut Writer, part: &[NonZeroU32]) {
    w.raw(b"[");
    encode_parts(w, part);
    w.raw(b"]");
}

fn encode_partial(w: &mut Writer, p: &Option<Partial>) {
    if let Some(p) = p {
        w.raw(b"<").num(p.offset);
        if let Some(l) = p.length {
            w.raw(b".").num(l.get());
        }
        w.raw(b">");
    }
}

pub(crate) fn encode_attribute(w: &mut Writer, a: &FetchAttribute<'_>) {
    use FetchAttribute as F;
    match a {
        F::Envelope => w.raw(b"ENVELOPE"),
        F::Flags => w.raw(b"FLAGS"),
        F::InternalDate => w.raw(b"INTERNALDATE"),
        F::Rfc822 => w.raw(b"RFC822"),
        F::Rfc822Header => w.raw(b"RFC822.HEADER"),
        F::Rfc822Size => w.raw(b"RFC822.SIZE"),
        F::Rfc822Text => w.raw(b"RFC822.TEXT"),
        F::Body => w.raw(b"BODY"),
        F::BodyStructure => w.raw(b"BODYSTRUCTURE"),
        F::Uid => w.raw(b"UID"),
        F::ModSeq => w.raw(b"MODSEQ"),
        F::EmailId => w.raw(b"EMAILID"),
        F::ThreadId => w.raw(b"THREADID"),
        F::SaveDate => w.raw(b"SAVEDATE"),
        F::Preview { lazy } => w.raw(if *lazy { b"PREVIEW (LAZY)" } else { b"PREVIEW" }),
        F::BodySection {
            peek,
            section,
            partial,
        } => {
            w.raw(if *peek { b"BODY.PEEK" } else { b"BODY" });
            encode_section(w, section);
            encode_partial(w, partial);
            w
        }
        F::Binary {
            peek,
            part,
            partial,
        } => {
            w.raw(if *peek { b"BINARY.PEEK" } else { b"BINARY" });
            encode_section_binary(w, part);
            encode_partial(w, partial);
            w
        }
        F::BinarySize { part } => {
            w.raw(b"BINARY.SIZE");
            encode_section_binary(w, part);
            w
        }
    };
}

/// Writes the items of FETCH.
pub(crate) fn encode_fetch_items(w: &mut Writer, items: &FetchItems<'_>) {
    match items {
        FetchItems::All => {
            w.raw(b"ALL");
        }
        FetchItems::Fast => {
            w.raw(b"FAST");
        }
        FetchItems::Full => {
            w.raw(b"FULL");
        }
        FetchItems::Attributes(a) if a.len() == 1 => encode_attribute(w, &a[0]),
        FetchItems::Attributes(a) => {
            w.list(a, encode_attribute);
        }
    }
}
