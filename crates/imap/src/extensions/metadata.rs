//! METADATA and METADATA-SERVER (RFC 5464).

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag_no_case;
use nom::combinator::{map, opt, value};
use nom::multi::separated_list1;
use nom::sequence::preceded;

use crate::encode::Writer;
use crate::parse::core::{R, Upper, astring, literal8, mailbox, nstring, number, paren_list1, sp};
use crate::types::{AString, IString, Mailbox, NString, static_enum};

/// `DEPTH` of GETMETADATA.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// `0`
    Zero,
    /// `1`
    One,
    /// `infinity`
    Infinity,
}

impl crate::types::IntoStatic for Depth {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}

/// METADATA commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetadataCommand<'a> {
    /// `GETMETADATA [(MAXSIZE n DEPTH d)] mailbox entries`
    GetMetadata {
        /// `MAXSIZE`
        max_size: Option<u32>,
        /// `DEPTH`
        depth: Option<Depth>,
        /// The mailbox (`""` for server annotations).
        mailbox: Mailbox<'a>,
        /// Entry names.
        entries: Vec<AString<'a>>,
    },
    /// `SETMETADATA mailbox (entry value ...)`; a NIL value removes the entry.
    SetMetadata {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Entries and values.
        entries: Vec<(AString<'a>, NString<'a>)>,
    },
}
static_enum!(MetadataCommand { ; ; GetMetadata { max_size, depth, mailbox, entries }, SetMetadata { mailbox, entries } });

/// METADATA data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetadataData<'a> {
    /// `METADATA mailbox (entry value ...)`
    Values(Mailbox<'a>, Vec<(AString<'a>, NString<'a>)>),
    /// `METADATA mailbox entry ...` (unsolicited change notice)
    Changed(Mailbox<'a>, Vec<AString<'a>>),
}
static_enum!(MetadataData { ; Values(a, b), Changed(a, b); });

fn meta_value(i: &[u8]) -> R<'_, NString<'_>> {
    alt((nstring, map(literal8, |l| Some(IString::Literal(l))))).parse(i)
}

fn entries(i: &[u8]) -> R<'_, Vec<AString<'_>>> {
    alt((paren_list1(astring), map(astring, |e| vec![e]))).parse(i)
}

type Options = (Option<u32>, Option<Depth>);

fn options(i: &[u8]) -> R<'_, Options> {
    #[derive(Clone, Copy)]
    enum O {
        Size(u32),
        Depth(Depth),
    }
    let depth = alt((
        value(Depth::Zero, tag_no_case("0")),
        value(Depth::One, tag_no_case("1")),
        value(Depth::Infinity, tag_no_case("infinity")),
    ));
    let one = alt((
        map(preceded(tag_no_case("MAXSIZE "), number), O::Size),
        map(preceded(tag_no_case("DEPTH "), depth), O::Depth),
    ));
    map(paren_list1(one), |opts| {
        let mut out = (None, None);
        for o in opts {
            match o {
                O::Size(n) => out.0 = Some(n),
                O::Depth(d) => out.1 = Some(d),
            }
        }
        out
    })
    .parse(i)
}

pub(crate) fn metadata_command<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, MetadataCommand<'a>>> {
    Some(match Upper::new(name).as_bytes() {
        b"GETMETADATA" => map(
            (
                opt(nom::sequence::terminated(options, sp)),
                mailbox,
                preceded(sp, entries),
            ),
            |(o, mailbox, entries)| {
                let (max_size, depth) = o.unwrap_or_default();
                MetadataCommand::GetMetadata {
                    max_size,
                    depth,
                    mailbox,
                    entries,
                }
            },
        )
        .parse(i),
        b"SETMETADATA" => map(
            (
                mailbox,
                preceded(sp, paren_list1((astring, preceded(sp, meta_value)))),
            ),
            |(mailbox, entries)| MetadataCommand::SetMetadata { mailbox, entries },
        )
        .parse(i),
        _ => return None,
    })
}

pub(crate) fn metadata_data<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, MetadataData<'a>>> {
    if !Upper::new(name).as_bytes().eq(b"METADATA") {
        return None;
    }
    Some(
        alt((
            map(
                (
                    preceded(sp, mailbox),
                    preceded(sp, paren_list1((astring, preceded(sp, meta_value)))),
                ),
                |(m, v)| MetadataData::Values(m, v),
            ),
            map(
                (
                    preceded(sp, mailbox),
                    preceded(sp, separated_list1(sp, astring)),
                ),
                |(m, e)| MetadataData::Changed(m, e),
            ),
        ))
        .parse(i),
    )
}

fn entry_values(w: &mut Writer, e: &[(AString<'_>, NString<'_>)]) {
    w.list(e, |w, (k, v)| {
        w.astring(k).sp().nstring(v);
    });
}

pub(crate) fn encode_metadata_command(w: &mut Writer, c: &MetadataCommand<'_>) {
    match c {
        MetadataCommand::GetMetadata {
            max_size,
            depth,
            mailbox,
            entries,
        } => {
            w.raw(b"GETMETADATA ");
            if max_size.is_some() || depth.is_some() {
                w.raw(b"(");
                if let Some(n) = max_size {
                    w.raw(b"MAXSIZE ").num(*n);
                    if depth.is_some() {
                        w.sp();
                    }
                }
                if let Some(d) = depth {
                    w.raw(b"DEPTH ").raw(match d {
                        Depth::Zero => b"0".as_slice(),
                        Depth::One => b"1",
                        Depth::Infinity => b"infinity",
                    });
                }
                w.raw(b") ");
            }
            w.mailbox(mailbox).sp();
            if entries.len() == 1 {
                w.astring(&entries[0]);
            } else {
                w.list(entries, |w, e| {
                    w.astring(e);
                });
            }
        }
        MetadataCommand::SetMetadata { mailbox, entries } => {
            w.raw(b"SETMETADATA ").mailbox(mailbox).sp();
            entry_values(w, entries);
        }
    }
}

pub(crate) fn encode_metadata_data(w: &mut Writer, d: &MetadataData<'_>) {
    match d {
        MetadataData::Values(m, v) => {
            w.raw(b"METADATA ").mailbox(m).sp();
            entry_values(w, v);
        }
        MetadataData::Changed(m, e) => {
            w.raw(b"METADATA ").mailbox(m).sp().items(e, |w, a| {
                w.astring(a);
            });
        }
    }
}
