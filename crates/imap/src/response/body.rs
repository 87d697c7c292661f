//! ENVELOPE and BODY / BODYSTRUCTURE.

use nom::Parser;
use nom::combinator::map;
use nom::multi::separated_list1;
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
    let (i, ()) = open(i)?;
    let (i, name) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, adl) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, mailbox) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, host) = nstring(i)?;
    let (i, ()) = close(i)?;
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
        return nil(i).map(|(r, ())| (r, Vec::new()));
    }
    // Addresses follow each other without a separator; some servers put spaces between them.
    let (mut i, first) = address(&i[1..])?;
    // Room for a few when a second address follows, so the list grows once, not twice.
    let more = i.strip_prefix(b" ").unwrap_or(i).first() == Some(&b'(');
    let mut list = Vec::with_capacity(if more { 4 } else { 1 });
    list.push(first);
    loop {
        let rest = i.strip_prefix(b" ").unwrap_or(i);
        match rest.first() {
            Some(b'(') => {
                let (r, a) = address(rest)?;
                list.push(a);
                i = r;
            }
            _ => {
                let (r, ()) = close(i)?;
                return Ok((r, list));
            }
        }
    }
}

/// `SP address-list`.
fn sp_address_list(i: &[u8]) -> R<'_, Vec<Address<'_>>> {
    let (i, ()) = sp(i)?;
    address_list(i)
}

/// `SP nstring`. Always inlined, as `nstring` is: the value is built in the caller's frame.
#[inline(always)]
fn sp_nstring(i: &[u8]) -> R<'_, NString<'_>> {
    let (i, ()) = sp(i)?;
    nstring(i)
}

/// `SP string`. Always inlined, as `string` is.
#[inline(always)]
fn sp_string(i: &[u8]) -> R<'_, IString<'_>> {
    let (i, ()) = sp(i)?;
    string(i)
}

/// `SP number`.
fn sp_number(i: &[u8]) -> R<'_, u32> {
    let (i, ()) = sp(i)?;
    number(i)
}

/// `[SP p]`: like `opt(preceded(sp, p))`, where a recoverable error leaves the input as it was.
fn opt_sp<'a, T>(i: &'a [u8], p: impl FnOnce(&'a [u8]) -> R<'a, T>) -> R<'a, Option<T>> {
    let Ok((rest, ())) = sp(i) else {
        return Ok((i, None));
    };
    match p(rest) {
        Ok((rest, v)) => Ok((rest, Some(v))),
        Err(nom::Err::Error(_)) => Ok((i, None)),
        Err(e) => Err(e),
    }
}

/// `envelope`, boxed where it is built: every caller keeps it boxed, and the value is too big
/// to move through the parser layers cheaply.
pub(crate) fn envelope(i: &[u8]) -> R<'_, Box<Envelope<'_>>> {
    let (i, ()) = open(i)?;
    let (i, date) = nstring(i)?;
    let (i, subject) = sp_nstring(i)?;
    let (i, from) = sp_address_list(i)?;
    let (i, sender) = sp_address_list(i)?;
    let (i, reply_to) = sp_address_list(i)?;
    let (i, to) = sp_address_list(i)?;
    let (i, cc) = sp_address_list(i)?;
    let (i, bcc) = sp_address_list(i)?;
    let (i, in_reply_to) = sp_nstring(i)?;
    let (i, message_id) = sp_nstring(i)?;
    let (i, ()) = close(i)?;
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
        return nil(i).map(|(r, ())| (r, Vec::new()));
    }
    let mut i = &i[1..];
    let mut list = Vec::new();
    if let Some(rest) = i.strip_prefix(b")") {
        return Ok((rest, list));
    }
    loop {
        let (r, k) = string(i)?;
        let (r, v) = sp_string(r)?;
        list.push((k, v));
        match r.first() {
            Some(b' ') => i = &r[1..],
            _ => return close(r).map(|(r, ())| (r, list)),
        }
    }
}

fn fields(i: &[u8]) -> R<'_, BodyFields<'_>> {
    let (i, params) = params(i)?;
    let (i, id) = sp_nstring(i)?;
    let (i, description) = sp_nstring(i)?;
    let (i, encoding) = sp_string(i)?;
    let (i, octets) = sp_number(i)?;
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
    if i.first() != Some(&b'(') {
        return nil(i).map(|(r, ())| (r, None));
    }
    let (i, kind) = string(&i[1..])?;
    let (i, ()) = sp(i)?;
    let (i, p) = params(i)?;
    let (i, ()) = close(i)?;
    Ok((i, Some((kind, p))))
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

/// `body-fld-lang [SP body-fld-loc *(SP body-extension)]`.
fn language_rest(i: &[u8]) -> R<'_, (Language<'_>, LocationTail<'_>)> {
    let (i, lang) = language(i)?;
    let (i, rest) = opt_sp(i, |i| {
        let (i, location) = nstring(i)?;
        let (i, more) = many_values(i)?;
        Ok((i, (location, more)))
    })?;
    Ok((i, (lang, rest)))
}

fn tail(i: &[u8]) -> R<'_, ExtensionTail<'_>> {
    let (i, disposition) = disposition(i)?;
    let (i, language) = opt_sp(i, language_rest)?;
    Ok((
        i,
        ExtensionTail {
            disposition,
            language,
        },
    ))
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

fn is_type(s: &IString<'_>, name: &str) -> bool {
    s.as_bytes().eq_ignore_ascii_case(name.as_bytes())
}

/// The envelope, body and line count of a MESSAGE/RFC822 or MESSAGE/GLOBAL part.
type Enclosed<'a> = (Box<Envelope<'a>>, Body<'a>, u32);

fn enclosed(i: &[u8], depth: usize) -> R<'_, Enclosed<'_>> {
    let (i, env) = envelope(i)?;
    let (i, ()) = sp(i)?;
    let (i, b) = body(i, depth)?;
    let (i, lines) = sp_number(i)?;
    Ok((i, (env, b, lines)))
}

fn single(i: &[u8], depth: usize) -> R<'_, Body<'_>> {
    let (i, media_type) = string(i)?;
    let (i, subtype) = sp_string(i)?;
    let (i, ()) = sp(i)?;
    let (i, f) = fields(i)?;
    let (i, kind) = if is_type(&media_type, "TEXT") {
        let (i, lines) = sp_number(i)?;
        (i, SinglePartKind::Text { subtype, lines })
    } else if is_type(&media_type, "MESSAGE")
        && (is_type(&subtype, "RFC822") || is_type(&subtype, "GLOBAL"))
    {
        match opt_sp(i, |i| enclosed(i, depth - 1))? {
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
    let (i, extension) = opt_sp(i, |i| {
        let (i, md5) = nstring(i)?;
        let (i, t) = opt_sp(i, tail)?;
        Ok((i, Box::new((md5, t))))
    })?;
    // The closing parenthesis is checked here rather than by `body`, so that the body is built
    // straight into the value returned through every level instead of being copied at each.
    let (i, ()) = close(i)?;
    Ok((
        i,
        Body::Single {
            kind,
            fields: f,
            extension,
        },
    ))
}

fn multi(i: &[u8], depth: usize) -> R<'_, Body<'_>> {
    // Parts follow each other without a separator (some servers add a space).
    let (mut i, first) = body(i, depth - 1)?;
    // A multipart nearly always has two parts or more.
    let mut parts = Vec::with_capacity(2);
    parts.push(first);
    loop {
        let at = i.strip_prefix(b" ").unwrap_or(i);
        if at.first() != Some(&b'(') {
            break;
        }
        match body(at, depth - 1) {
            Ok((rest, part)) => {
                parts.push(part);
                i = rest;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    let (i, subtype) = sp_string(i)?;
    let (i, extension) = opt_sp(i, |i| {
        let (i, p) = params(i)?;
        let (i, t) = opt_sp(i, tail)?;
        Ok((i, Box::new((p, t))))
    })?;
    let (i, ()) = close(i)?;
    Ok((
        i,
        Body::Multi {
            parts,
            subtype,
            extension,
        },
    ))
}

/// `body`, at most `depth` levels deep.
pub(crate) fn body(i: &[u8], depth: usize) -> R<'_, Body<'_>> {
    if depth == 0 {
        return fail(i);
    }
    let (i, ()) = open(i)?;
    // A multipart starts with its first part's parenthesis, a single part with a string. Both
    // read up to and including the closing parenthesis.
    if i.first() == Some(&b'(') {
        multi(i, depth)
    } else {
        single(i, depth)
    }
}

/// `body` at the top level.
pub(crate) fn body_top(i: &[u8]) -> R<'_, Body<'_>> {
    body(i, MAX_DEPTH)
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
