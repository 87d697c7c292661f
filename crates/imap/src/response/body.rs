//! ENVELOPE and BODY / BODYSTRUCTURE.

use nom::Parser;
use nom::combinator::{map, opt, value as constant};
use nom::multi::{many1, separated_list1};
use nom::sequence::{delimited, preceded};

use super::value::{Value, encode_value, value};
use crate::encode::Writer;
use crate::parse::core::{R, close, fail, nil, nstring, number, open, sp, string};
use crate::types::{IString, NString, static_enum, static_struct};

/// How deeply bodies may nest (multiparts and message/rfc822 parts).
const MAX_DEPTH: usize = 24;

/// An address of an envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address<'a> {
    /// Display name.
    pub name: NString<'a>,
    /// Source route (obsolete).
    pub adl: NString<'a>,
    /// Local part, or group name / end of group when `host` is NIL.
    pub mailbox: NString<'a>,
    /// Domain.
    pub host: NString<'a>,
}
static_struct!(Address {
    name,
    adl,
    mailbox,
    host
});

/// The ENVELOPE of a message. Address lists sent as NIL are empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope<'a> {
    /// Date header.
    pub date: NString<'a>,
    /// Subject header.
    pub subject: NString<'a>,
    /// From.
    pub from: Vec<Address<'a>>,
    /// Sender.
    pub sender: Vec<Address<'a>>,
    /// Reply-To.
    pub reply_to: Vec<Address<'a>>,
    /// To.
    pub to: Vec<Address<'a>>,
    /// Cc.
    pub cc: Vec<Address<'a>>,
    /// Bcc.
    pub bcc: Vec<Address<'a>>,
    /// In-Reply-To.
    pub in_reply_to: NString<'a>,
    /// Message-ID.
    pub message_id: NString<'a>,
}
static_struct!(Envelope {
    date,
    subject,
    from,
    sender,
    reply_to,
    to,
    cc,
    bcc,
    in_reply_to,
    message_id
});

/// Fields every non-multipart body has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyFields<'a> {
    /// Content-Type parameters (NIL is empty).
    pub params: Params<'a>,
    /// Content-ID.
    pub id: NString<'a>,
    /// Content-Description.
    pub description: NString<'a>,
    /// Content-Transfer-Encoding.
    pub encoding: IString<'a>,
    /// Size in octets.
    pub octets: u32,
}
static_struct!(BodyFields {
    params,
    id,
    description,
    encoding,
    octets
});

/// The kind of a non-multipart body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SinglePartKind<'a> {
    /// Any type other than TEXT and MESSAGE/RFC822.
    Basic {
        /// Media type.
        media_type: IString<'a>,
        /// Subtype.
        subtype: IString<'a>,
    },
    /// `TEXT/*`, with its line count.
    Text {
        /// Subtype.
        subtype: IString<'a>,
        /// Lines.
        lines: u32,
    },
    /// `MESSAGE/RFC822` (or `MESSAGE/GLOBAL`): the enclosed message's envelope and body.
    Message {
        /// Subtype as sent (`RFC822` or `GLOBAL`).
        subtype: IString<'a>,
        /// Enclosed envelope.
        envelope: Box<Envelope<'a>>,
        /// Enclosed body.
        body: Box<Body<'a>>,
        /// Lines.
        lines: u32,
    },
}
static_enum!(SinglePartKind { ; ; Basic { media_type, subtype }, Text { subtype, lines }, Message { subtype, envelope, body, lines } });

/// `body-fld-param`: attribute/value pairs (NIL is empty).
pub type Params<'a> = Vec<(IString<'a>, IString<'a>)>;

/// Content-Location and any further extension values.
pub type LocationTail<'a> = Option<(NString<'a>, Vec<Value<'a>>)>;

/// `body-fld-dsp`: disposition type and parameters.
pub type Disposition<'a> = Option<(IString<'a>, Params<'a>)>;

/// `body-fld-lang`: one nstring or a list of strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Language<'a> {
    /// A single value or NIL.
    Single(NString<'a>),
    /// A list.
    List(Vec<IString<'a>>),
}
static_enum!(Language { ; Single(a), List(a); });

/// The extension data after the first extension field; each level is present only if the one
/// before it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtensionTail<'a> {
    /// Content-Disposition.
    pub disposition: Disposition<'a>,
    /// Content-Language, then location and further extensions.
    pub language: Option<(Language<'a>, LocationTail<'a>)>,
}
static_struct!(ExtensionTail {
    disposition,
    language
});

/// A body structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body<'a> {
    /// A non-multipart body.
    Single {
        /// What kind.
        kind: SinglePartKind<'a>,
        /// Common fields.
        fields: BodyFields<'a>,
        /// BODYSTRUCTURE extension data: MD5, then the tail (boxed: most bodies are small).
        extension: Option<Box<(NString<'a>, Option<ExtensionTail<'a>>)>>,
    },
    /// A multipart body.
    Multi {
        /// The parts.
        parts: Vec<Body<'a>>,
        /// Subtype (`MIXED`, `ALTERNATIVE`, ...).
        subtype: IString<'a>,
        /// BODYSTRUCTURE extension data: parameters, then the tail (boxed).
        extension: Option<Box<(Params<'a>, Option<ExtensionTail<'a>>)>>,
    },
}
static_enum!(Body { ; ; Single { kind, fields, extension }, Multi { parts, subtype, extension } });

fn address(i: &[u8]) -> R<'_, Address<'_>> {
    let (i, _) = open.parse(i)?;
    let (i, name) = nstring(i)?;
    let (i, adl) = preceded(sp, nstring).parse(i)?;
    let (i, mailbox) = preceded(sp, nstring).parse(i)?;
    let (i, host) = preceded(sp, nstring).parse(i)?;
    let (i, _) = close.parse(i)?;
    Ok((
        i,
        Address {
            name,
            adl,
            mailbox,
            host,
        },
    ))
}

fn address_list(i: &[u8]) -> R<'_, Vec<Address<'_>>> {
    if i.first() != Some(&b'(') {
        return constant(Vec::new(), nil).parse(i);
    }
    // Addresses follow each other without a separator; some servers put spaces between them.
    let (mut i, first) = preceded(open, address).parse(i)?;
    let mut list = vec![first];
    loop {
        let rest = i.strip_prefix(b" ").unwrap_or(i);
        match rest.first() {
            Some(b'(') => {
                let (r, a) = address(rest)?;
                list.push(a);
                i = r;
            }
            _ => {
                let (r, _) = close.parse(i)?;
                return Ok((r, list));
            }
        }
    }
}

/// `envelope`, boxed where it is built: every caller keeps it boxed, and the value is too big
/// to move through the parser layers cheaply.
pub(crate) fn envelope(i: &[u8]) -> R<'_, Box<Envelope<'_>>> {
    let (i, _) = open.parse(i)?;
    let (i, (date, subject)) = (nstring, preceded(sp, nstring)).parse(i)?;
    let (i, (from, sender, reply_to, to, cc, bcc)) = (
        preceded(sp, address_list),
        preceded(sp, address_list),
        preceded(sp, address_list),
        preceded(sp, address_list),
        preceded(sp, address_list),
        preceded(sp, address_list),
    )
        .parse(i)?;
    let (i, (in_reply_to, message_id)) = (preceded(sp, nstring), preceded(sp, nstring)).parse(i)?;
    let (i, _) = close.parse(i)?;
    Ok((
        i,
        Box::new(Envelope {
            date,
            subject,
            from,
            sender,
            reply_to,
            to,
            cc,
            bcc,
            in_reply_to,
            message_id,
        }),
    ))
}

fn params(i: &[u8]) -> R<'_, Params<'_>> {
    if i.first() != Some(&b'(') {
        return constant(Vec::new(), nil).parse(i);
    }
    let mut i = &i[1..];
    let mut list = Vec::new();
    if let Some(rest) = i.strip_prefix(b")") {
        return Ok((rest, list));
    }
    loop {
        let (r, k) = string(i)?;
        let (r, v) = preceded(sp, string).parse(r)?;
        list.push((k, v));
        match r.first() {
            Some(b' ') => i = &r[1..],
            _ => return close.parse(r).map(|(r, _)| (r, list)),
        }
    }
}

fn fields(i: &[u8]) -> R<'_, BodyFields<'_>> {
    let (i, params) = params(i)?;
    let (i, id) = preceded(sp, nstring).parse(i)?;
    let (i, description) = preceded(sp, nstring).parse(i)?;
    let (i, encoding) = preceded(sp, string).parse(i)?;
    let (i, octets) = preceded(sp, number).parse(i)?;
    Ok((
        i,
        BodyFields {
            params,
            id,
            description,
            encoding,
            octets,
        },
    ))
}

fn disposition(i: &[u8]) -> R<'_, Disposition<'_>> {
    if i.first() == Some(&b'(') {
        map(delimited(open, (string, preceded(sp, params)), close), Some).parse(i)
    } else {
        constant(None, nil).parse(i)
    }
}

fn language(i: &[u8]) -> R<'_, Language<'_>> {
    if i.first() == Some(&b'(') {
        map(
            delimited(open, separated_list1(sp, string), close),
            Language::List,
        )
        .parse(i)
    } else {
        map(nstring, Language::Single).parse(i)
    }
}

fn tail(i: &[u8]) -> R<'_, ExtensionTail<'_>> {
    let rest = (preceded(sp, nstring), many_values);
    map(
        (disposition, opt(preceded(sp, (language, opt(rest))))),
        |(disposition, language)| ExtensionTail {
            disposition,
            language,
        },
    )
    .parse(i)
}

fn many_values(i: &[u8]) -> R<'_, Vec<Value<'_>>> {
    // Written out because `many0` reserves room up front, and nearly every body has no
    // further extension values.
    let mut list = Vec::new();
    let mut i = i;
    while let Ok((rest, v)) = preceded(sp, value).parse(i) {
        list.push(v);
        i = rest;
    }
    Ok((i, list))
}

fn is_type<'a>(s: &IString<'a>, name: &str) -> bool {
    s.as_bytes().eq_ignore_ascii_case(name.as_bytes())
}

fn single(depth: usize) -> impl Fn(&[u8]) -> R<'_, Body<'_>> {
    move |i| {
        let (i, (media_type, subtype)) = (string, preceded(sp, string)).parse(i)?;
        let (i, f) = preceded(sp, fields).parse(i)?;
        let (i, kind) = if is_type(&media_type, "TEXT") {
            let (i, lines) = preceded(sp, number).parse(i)?;
            (i, SinglePartKind::Text { subtype, lines })
        } else if is_type(&media_type, "MESSAGE")
            && (is_type(&subtype, "RFC822") || is_type(&subtype, "GLOBAL"))
        {
            let enclosed = (
                preceded(sp, envelope),
                preceded(sp, body(depth - 1)),
                preceded(sp, number),
            );
            match opt(enclosed).parse(i)? {
                (i, Some((env, body, lines))) => (
                    i,
                    SinglePartKind::Message {
                        subtype,
                        envelope: env,
                        body: Box::new(body),
                        lines,
                    },
                ),
                (i, None) => (
                    i,
                    SinglePartKind::Basic {
                        media_type,
                        subtype,
                    },
                ),
            }
        } else {
            (
                i,
                SinglePartKind::Basic {
                    media_type,
                    subtype,
                },
            )
        };
        let (i, extension) = opt(preceded(sp, (nstring, opt(preceded(sp, tail))))).parse(i)?;
        Ok((
            i,
            Body::Single {
                kind,
                fields: f,
                extension: extension.map(Box::new),
            },
        ))
    }
}

fn multi(depth: usize) -> impl Fn(&[u8]) -> R<'_, Body<'_>> {
    move |i| {
        // Parts follow each other without a separator (some servers add a space).
        let (i, parts) = many1(preceded(opt(sp), body(depth - 1))).parse(i)?;
        let (i, subtype) = preceded(sp, string).parse(i)?;
        let (i, extension) = opt(preceded(sp, (params, opt(preceded(sp, tail))))).parse(i)?;
        Ok((
            i,
            Body::Multi {
                parts,
                subtype,
                extension: extension.map(Box::new),
            },
        ))
    }
}

/// `body`.
pub(crate) fn body(depth: usize) -> impl Fn(&[u8]) -> R<'_, Body<'_>> {
    move |i| {
        if depth == 0 {
            return fail(i);
        }
        let (i, _) = open.parse(i)?;
        // A multipart starts with its first part's parenthesis, a single part with a string.
        let (i, b) = if i.first() == Some(&b'(') {
            multi(depth)(i)?
        } else {
            single(depth)(i)?
        };
        let (i, _) = close.parse(i)?;
        Ok((i, b))
    }
}

/// `body` at the top level.
pub(crate) fn body_top(i: &[u8]) -> R<'_, Body<'_>> {
    body(MAX_DEPTH)(i)
}

fn encode_address(w: &mut Writer, a: &Address<'_>) {
    w.raw(b"(")
        .nstring(&a.name)
        .sp()
        .nstring(&a.adl)
        .sp()
        .nstring(&a.mailbox)
        .sp()
        .nstring(&a.host)
        .raw(b")");
}

fn encode_address_list(w: &mut Writer, l: &[Address<'_>]) {
    if l.is_empty() {
        w.raw(b"NIL");
    } else {
        w.raw(b"(");
        for a in l {
            encode_address(w, a);
        }
        w.raw(b")");
    }
}

/// Writes an envelope.
pub(crate) fn encode_envelope(w: &mut Writer, e: &Envelope<'_>) {
    w.raw(b"(").nstring(&e.date).sp().nstring(&e.subject);
    for l in [&e.from, &e.sender, &e.reply_to, &e.to, &e.cc, &e.bcc] {
        w.sp();
        encode_address_list(w, l);
    }
    w.sp()
        .nstring(&e.in_reply_to)
        .sp()
        .nstring(&e.message_id)
        .raw(b")");
}

fn encode_params(w: &mut Writer, p: &[(IString<'_>, IString<'_>)]) {
    if p.is_empty() {
        w.raw(b"NIL");
    } else {
        w.list(p, |w, (k, v)| {
            w.string(k).sp().string(v);
        });
    }
}

fn encode_tail(w: &mut Writer, t: &ExtensionTail<'_>) {
    match &t.disposition {
        None => w.raw(b"NIL"),
        Some((kind, p)) => {
            w.raw(b"(").string(kind).sp();
            encode_params(w, p);
            w.raw(b")")
        }
    };
    if let Some((lang, rest)) = &t.language {
        w.sp();
        match lang {
            Language::Single(s) => w.nstring(s),
            Language::List(l) => w.list(l, |w, s| {
                w.string(s);
            }),
        };
        if let Some((loc, ext)) = rest {
            w.sp().nstring(loc);
            for v in ext {
                w.sp();
                encode_value(w, v);
            }
        }
    }
}

fn quoted_static(w: &mut Writer, s: &str) {
    w.quoted_bytes(s.as_bytes());
}

/// Writes a body structure.
pub(crate) fn encode_body(w: &mut Writer, b: &Body<'_>) {
    w.raw(b"(");
    match b {
        Body::Multi {
            parts,
            subtype,
            extension,
        } => {
            for p in parts {
                encode_body(w, p);
            }
            w.sp().string(subtype);
            if let Some(ext) = extension {
                let (p, tail) = &**ext;
                w.sp();
                encode_params(w, p);
                if let Some(t) = tail {
                    w.sp();
                    encode_tail(w, t);
                }
            }
        }
        Body::Single {
            kind,
            fields,
            extension,
        } => {
            match kind {
                SinglePartKind::Basic {
                    media_type,
                    subtype,
                } => {
                    w.string(media_type).sp().string(subtype);
                }
                SinglePartKind::Text { subtype, .. } => {
                    quoted_static(w, "TEXT");
                    w.sp().string(subtype);
                }
                SinglePartKind::Message { subtype, .. } => {
                    quoted_static(w, "MESSAGE");
                    w.sp().string(subtype);
                }
            }
            w.sp();
            encode_params(w, &fields.params);
            w.sp()
                .nstring(&fields.id)
                .sp()
                .nstring(&fields.description)
                .sp()
                .string(&fields.encoding);
            w.sp().num(fields.octets);
            match kind {
                SinglePartKind::Basic { .. } => {}
                SinglePartKind::Text { lines, .. } => {
                    w.sp().num(*lines);
                }
                SinglePartKind::Message {
                    envelope,
                    body,
                    lines,
                    ..
                } => {
                    w.sp();
                    encode_envelope(w, envelope);
                    w.sp();
                    encode_body(w, body);
                    w.sp().num(*lines);
                }
            }
            if let Some(ext) = extension {
                let (md5, tail) = &**ext;
                w.sp().nstring(md5);
                if let Some(t) = tail {
                    w.sp();
                    encode_tail(w, t);
                }
            }
        }
    }
    w.raw(b")");
}
