//! Building messages: header fields (addresses with RFC 2047 display names, dates,
//! Message-IDs) and MIME bodies (text, HTML, alternative, mixed, related, attachments with
//! RFC 2231 file names, embedded messages).
//!
//! Every line is folded at 78 characters where possible and never exceeds 998; encoded words
//! never split a UTF-8 character; CR, LF and control characters in any text value are
//! encoded, and where they cannot be (field names, addresses, hosts, media types) the build
//! is refused. The output depends only on the inputs and the seed.

use crate::address::{Address, Mailbox, quote_local};
use crate::date::DateTime;
use std::fmt::Write as _;

/// Why a message could not be built: a caller-supplied value that cannot be written safely.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A field name that is empty or holds a character outside `!`..`~` or a colon.
    #[error("invalid header field name {0:?}")]
    InvalidFieldName(String),
    /// An address with control characters, white space or no usable `local@domain` form.
    #[error("invalid address {0:?}")]
    InvalidAddress(String),
    /// A host name for a Message-ID with characters a domain cannot hold.
    #[error("invalid host {0:?}")]
    InvalidHost(String),
    /// A media type that is not `type/subtype` made of tokens.
    #[error("invalid media type {0:?}")]
    InvalidMediaType(String),
    /// A Content-ID with characters a message id cannot hold.
    #[error("invalid content id {0:?}")]
    InvalidContentId(String),
}

const WIDTH: usize = 78;

/// Writes one header field, folding between tokens.
struct Field<'o> {
    out: &'o mut Vec<u8>,
    col: usize,
    start_col: usize,
}

impl<'o> Field<'o> {
    fn new(out: &'o mut Vec<u8>, name: &str) -> Self {
        out.extend_from_slice(name.as_bytes());
        out.push(b':');
        let col = name.len() + 1;
        Field {
            out,
            col,
            start_col: col,
        }
    }

    /// Writes a token, preceded by a space or by a fold when the line would pass 78.
    fn token(&mut self, t: &str, space: bool) {
        let sep = usize::from(space);
        if self.col + sep + t.len() > WIDTH && self.col > self.start_col {
            self.out.extend_from_slice(b"\r\n ");
            self.col = 1;
        } else if space {
            self.out.push(b' ');
            self.col += 1;
        }
        self.out.extend_from_slice(t.as_bytes());
        self.col += t.len();
    }

    fn end(self) {
        self.out.extend_from_slice(b"\r\n");
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(data: &[u8], out: &mut String) {
    for c in data.chunks(3) {
        let n = u32::from(c[0]) << 16
            | u32::from(*c.get(1).unwrap_or(&0)) << 8
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                out.push(B64[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
}

/// Splits text into RFC 2047 B-encoded UTF-8 words of at most 75 characters, never
/// splitting a character; the first word is sized to fit after column `col`.
fn encoded_words(text: &str, col: usize) -> Vec<String> {
    let mut words = Vec::new();
    let mut chunk_start = 0;
    let mut cap = word_capacity(col);
    let mut len = 0;
    for (i, c) in text.char_indices() {
        if len + c.len_utf8() > cap && len > 0 {
            words.push(encode_word(&text[chunk_start..i]));
            chunk_start = i;
            len = 0;
            cap = word_capacity(1);
        }
        len += c.len_utf8();
    }
    if len > 0 || words.is_empty() {
        words.push(encode_word(&text[chunk_start..]));
    }
    words
}

/// Bytes of UTF-8 that fit in one encoded word starting after column `col` (at least one
/// character's worth, else the word goes on a fresh line).
fn word_capacity(col: usize) -> usize {
    let room = WIDTH.saturating_sub(col + 1 + 12);
    let cap = room / 4 * 3;
    if cap < 12 { 45 } else { cap.min(45) }
}

fn encode_word(s: &str) -> String {
    let mut w = String::from("=?UTF-8?B?");
    base64(s.as_bytes(), &mut w);
    w.push_str("?=");
    w
}

/// `true` when the text can be written as it is in an unstructured field.
fn plain_unstructured(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| (0x20..0x7f).contains(&b))
        && !text.contains("=?")
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.split(' ').all(|w| w.len() <= WIDTH - 2)
}

fn write_unstructured(out: &mut Vec<u8>, name: &str, text: &str) {
    let mut f = Field::new(out, name);
    if text.is_empty() {
        f.end();
        return;
    }
    if plain_unstructured(text) {
        for w in text.split(' ') {
            f.token(w, true);
        }
    } else {
        for w in encoded_words(text, f.col) {
            f.token(&w, true);
        }
    }
    f.end();
}

fn is_atext_word(w: &str) -> bool {
    !w.is_empty()
        && w.bytes()
            .all(|b| b.is_ascii() && (crate::lexer::is_atext(b) || b == b'.'))
}

/// A display name as phrase tokens: atoms, a quoted string, or encoded words.
fn phrase_tokens(name: &str, col: usize) -> Vec<String> {
    let printable = name.bytes().all(|b| (0x20..0x7f).contains(&b)) && !name.contains("=?");
    if printable && !name.contains("  ") && name.split(' ').all(is_atext_word) {
        return name.split(' ').map(String::from).collect();
    }
    if printable && name.len() <= 60 {
        let mut q = String::with_capacity(name.len() + 2);
        q.push('"');
        for c in name.chars() {
            if c == '"' || c == '\\' {
                q.push('\\');
            }
            q.push(c);
        }
        q.push('"');
        return vec![q];
    }
    encoded_words(name, col)
}

/// Checks and normalises an address for writing: `local@domain` with the local part quoted
/// where needed; refuses control characters, white space and brackets.
fn address_text(addr: &str) -> Result<String, BuildError> {
    let bad = || BuildError::InvalidAddress(addr.to_string());
    if addr.is_empty() || addr.len() > 900 {
        return Err(bad());
    }
    let (local, domain) = match addr.rfind('@') {
        Some(p) => (&addr[..p], &addr[p + 1..]),
        None => return Err(bad()),
    };
    let domain_ok = !domain.is_empty()
        && (domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b >= 0x80)
            || (domain.starts_with('[')
                && domain.ends_with(']')
                && domain[1..domain.len() - 1]
                    .bytes()
                    .all(|b| (0x21..0x7f).contains(&b) && b != b'[' && b != b']' && b != b'\\')));
    let local_ok = !local.is_empty() && local.chars().all(|c| !c.is_control());
    if !domain_ok || !local_ok {
        return Err(bad());
    }
    let local = if local.starts_with('"') && local.ends_with('"') && local.len() >= 2 {
        crate::lexer::quoted_string(local.as_bytes(), 0)
            .0
            .into_owned()
    } else {
        local.as_bytes().to_vec()
    };
    Ok(format!("{}@{domain}", quote_local(&local)))
}

fn write_mailbox(f: &mut Field<'_>, m: &Mailbox<'_>, last: bool) -> Result<(), BuildError> {
    let addr = match m.address.as_deref() {
        Some(a) => address_text(a)?,
        None => String::new(),
    };
    let comma = if last { "" } else { "," };
    match m.name.as_deref().filter(|n| !n.is_empty()) {
        Some(name) => {
            for t in phrase_tokens(name, f.col) {
                f.token(&t, true);
            }
            f.token(&format!("<{addr}>{comma}"), true);
        }
        None if addr.is_empty() => f.token(&format!("<>{comma}"), true),
        None => f.token(&format!("{addr}{comma}"), true),
    }
    Ok(())
}

fn write_addresses(out: &mut Vec<u8>, name: &str, list: &[Address<'_>]) -> Result<(), BuildError> {
    let mut f = Field::new(out, name);
    for (i, a) in list.iter().enumerate() {
        let last = i + 1 == list.len();
        match a {
            Address::Mailbox(m) => write_mailbox(&mut f, m, last)?,
            Address::Group(g) => {
                for t in phrase_tokens(&g.name, f.col) {
                    f.token(&t, true);
                }
                f.out.push(b':');
                f.col += 1;
                for (k, m) in g.members.iter().enumerate() {
                    write_mailbox(&mut f, m, k + 1 == g.members.len())?;
                }
                f.token(if last { ";" } else { ";," }, false);
            }
        }
    }
    f.end();
    Ok(())
}

fn check_name(name: &str) -> Result<(), BuildError> {
    if name.is_empty()
        || name.len() > 76
        || !name.bytes().all(|b| (33..=126).contains(&b) && b != b':')
    {
        return Err(BuildError::InvalidFieldName(name.to_string()));
    }
    Ok(())
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 127
        && s.bytes()
            .all(|b| (33..=126).contains(&b) && !b"()<>@,;:\\\"/[]?=".contains(&b))
}

fn check_id_part(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| (33..=126).contains(&b) && !b"<>\"\\()[],;:@ ".contains(&b) || b == b'.')
}

/// One header field waiting to be written.
#[derive(Debug, Clone)]
enum HeaderField {
    Text(String, String),
    Addresses(String, Vec<Address<'static>>),
    Date(String, DateTime),
    Ids(String, Vec<String>),
}

/// Builds a message.
///
/// ```
/// use mailwire_message::{MessageBuilder, PartBuilder, Mailbox, DateTime, Message};
/// let raw = MessageBuilder::new()
///     .from(Mailbox { name: Some("André".into()), address: Some("andre@example.org".into()) })
///     .to(Mailbox { name: None, address: Some("bob@example.com".into()) })
///     .subject("Grüße")
///     .date(DateTime::from_timestamp(1_700_000_000, 60).unwrap())
///     .message_id("example.org", &[1, 2, 3, 4, 5, 6, 7, 8])
///     .body(PartBuilder::alternative(vec![PartBuilder::text("hi"), PartBuilder::html("<p>hi</p>")]))
///     .seed(7)
///     .build()
///     .unwrap();
/// let msg = Message::parse(&raw);
/// assert_eq!(msg.root().subject().as_deref(), Some("Grüße"));
/// assert_eq!(msg.body_parts().html_body.len(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct MessageBuilder {
    fields: Vec<HeaderField>,
    body: Option<PartBuilder>,
    seed: u64,
}

impl MessageBuilder {
    /// An empty message.
    pub fn new() -> Self {
        Self::default()
    }

    /// The seed for multipart boundaries: the same inputs and seed give the same bytes.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    fn push_mailbox(mut self, name: &str, m: Mailbox<'_>) -> Self {
        let m = Address::Mailbox(m.into_owned());
        if let Some(HeaderField::Addresses(_, list)) = self
            .fields
            .iter_mut()
            .find(|f| matches!(f, HeaderField::Addresses(n, _) if n == name))
        {
            list.push(m);
        } else {
            self.fields
                .push(HeaderField::Addresses(name.to_string(), vec![m]));
        }
        self
    }

    /// Adds a mailbox to From.
    pub fn from(self, m: Mailbox<'_>) -> Self {
        self.push_mailbox("From", m)
    }

    /// Adds a mailbox to To.
    pub fn to(self, m: Mailbox<'_>) -> Self {
        self.push_mailbox("To", m)
    }

    /// Adds a mailbox to Cc.
    pub fn cc(self, m: Mailbox<'_>) -> Self {
        self.push_mailbox("Cc", m)
    }

    /// Adds a mailbox to Bcc.
    pub fn bcc(self, m: Mailbox<'_>) -> Self {
        self.push_mailbox("Bcc", m)
    }

    /// Adds a mailbox to Reply-To.
    pub fn reply_to(self, m: Mailbox<'_>) -> Self {
        self.push_mailbox("Reply-To", m)
    }

    /// An address field with any addresses, groups included.
    pub fn addresses(mut self, name: &str, list: Vec<Address<'_>>) -> Self {
        let list = list.into_iter().map(Address::into_owned).collect();
        self.fields
            .push(HeaderField::Addresses(name.to_string(), list));
        self
    }

    /// The Subject; non-ASCII text and control characters are written as encoded words.
    pub fn subject(self, text: &str) -> Self {
        self.header("Subject", text)
    }

    /// The Date.
    pub fn date(mut self, d: DateTime) -> Self {
        self.fields.push(HeaderField::Date("Date".into(), d));
        self
    }

    /// A Message-ID made of the caller's random bytes (hex) at `host`.
    pub fn message_id(mut self, host: &str, random: &[u8]) -> Self {
        let mut left = String::with_capacity(random.len() * 2);
        for b in random {
            let _ = write!(left, "{b:02x}");
        }
        self.fields.push(HeaderField::Ids(
            "Message-ID".into(),
            vec![format!("{left}@{host}")],
        ));
        self
    }

    /// In-Reply-To (ids without angle brackets).
    pub fn in_reply_to(mut self, ids: &[&str]) -> Self {
        let ids = ids.iter().map(|s| s.to_string()).collect();
        self.fields
            .push(HeaderField::Ids("In-Reply-To".into(), ids));
        self
    }

    /// References (ids without angle brackets).
    pub fn references(mut self, ids: &[&str]) -> Self {
        let ids = ids.iter().map(|s| s.to_string()).collect();
        self.fields.push(HeaderField::Ids("References".into(), ids));
        self
    }

    /// Any unstructured field; the value is encoded as needed, the name is checked.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.fields
            .push(HeaderField::Text(name.to_string(), value.to_string()));
        self
    }

    /// The body.
    pub fn body(mut self, part: PartBuilder) -> Self {
        self.body = Some(part);
        self
    }

    /// Writes the message.
    pub fn build(&self) -> Result<Vec<u8>, BuildError> {
        let mut out = Vec::new();
        for f in &self.fields {
            match f {
                HeaderField::Text(n, v) => {
                    check_name(n)?;
                    write_unstructured(&mut out, n, v);
                }
                HeaderField::Addresses(n, list) => {
                    check_name(n)?;
                    write_addresses(&mut out, n, list)?;
                }
                HeaderField::Date(n, d) => {
                    let mut f = Field::new(&mut out, n);
                    f.token(&d.to_string(), true);
                    f.end();
                }
                HeaderField::Ids(n, ids) => {
                    check_name(n)?;
                    let mut f = Field::new(&mut out, n);
                    for id in ids {
                        let (l, r) = id.rsplit_once('@').unwrap_or((id, ""));
                        if !check_id_part(l) || !check_id_part(r) {
                            return Err(BuildError::InvalidHost(id.clone()));
                        }
                        f.token(&format!("<{id}>"), true);
                    }
                    f.end();
                }
            }
        }
        let mut counter = 0u64;
        match &self.body {
            Some(part) => {
                out.extend_from_slice(b"MIME-Version: 1.0\r\n");
                part.write(&mut out, self.seed, &mut counter)?;
            }
            None => out.extend_from_slice(b"\r\n"),
        }
        Ok(out)
    }
}

#[derive(Debug, Clone)]
enum Content {
    Text(String),
    Binary(Vec<u8>),
    Multipart(Vec<PartBuilder>),
    Message(Vec<u8>),
}

/// One MIME part to build.
#[derive(Debug, Clone)]
pub struct PartBuilder {
    media_type: String,
    params: Vec<(String, String)>,
    disposition: Option<&'static str>,
    filename: Option<String>,
    content_id: Option<String>,
    content: Content,
}

impl PartBuilder {
    fn new(media_type: &str, content: Content) -> Self {
        PartBuilder {
            media_type: media_type.to_string(),
            params: Vec::new(),
            disposition: None,
            filename: None,
            content_id: None,
            content,
        }
    }

    /// A `text/plain; charset=utf-8` part; line breaks are written as CRLF.
    pub fn text(text: &str) -> Self {
        Self::new("text/plain", Content::Text(text.to_string()))
    }

    /// A `text/html; charset=utf-8` part.
    pub fn html(html: &str) -> Self {
        Self::new("text/html", Content::Text(html.to_string()))
    }

    /// An attachment, written in base64 with its file name (RFC 2231 when needed).
    pub fn attachment(media_type: &str, filename: &str, data: Vec<u8>) -> Self {
        let mut p = Self::new(media_type, Content::Binary(data));
        p.disposition = Some("attachment");
        p.filename = Some(filename.to_string());
        p
    }

    /// An inline part (for multipart/related), with a Content-ID.
    pub fn inline(media_type: &str, content_id: &str, data: Vec<u8>) -> Self {
        let mut p = Self::new(media_type, Content::Binary(data));
        p.disposition = Some("inline");
        p.content_id = Some(content_id.to_string());
        p
    }

    /// `multipart/alternative` (least preferred first, RFC 2046 §5.1.4).
    pub fn alternative(parts: Vec<PartBuilder>) -> Self {
        Self::new("multipart/alternative", Content::Multipart(parts))
    }

    /// `multipart/mixed`.
    pub fn mixed(parts: Vec<PartBuilder>) -> Self {
        Self::new("multipart/mixed", Content::Multipart(parts))
    }

    /// `multipart/related` (RFC 2387); the first part is the root.
    pub fn related(parts: Vec<PartBuilder>) -> Self {
        Self::new("multipart/related", Content::Multipart(parts))
    }

    /// An embedded `message/rfc822`, from a built or received message.
    pub fn message(raw: Vec<u8>) -> Self {
        Self::new("message/rfc822", Content::Message(raw))
    }

    /// Adds a Content-Type parameter.
    pub fn param(mut self, name: &str, value: &str) -> Self {
        self.params.push((name.to_string(), value.to_string()));
        self
    }

    fn write(&self, out: &mut Vec<u8>, seed: u64, counter: &mut u64) -> Result<(), BuildError> {
        let (t, s) = self
            .media_type
            .split_once('/')
            .filter(|(t, s)| is_token(t) && is_token(s))
            .ok_or_else(|| BuildError::InvalidMediaType(self.media_type.clone()))?;
        let mut params: Vec<(String, String)> = Vec::new();
        let mut body = Vec::new();
        let cte = match &self.content {
            Content::Text(text) => {
                params.push(("charset".into(), "utf-8".into()));
                let normal = crlf(text);
                if needs_qp(&normal) {
                    quoted_printable(&normal, &mut body);
                    Some("quoted-printable")
                } else {
                    body.extend_from_slice(normal.as_bytes());
                    None
                }
            }
            Content::Binary(data) => {
                base64_lines(data, &mut body);
                Some("base64")
            }
            Content::Message(raw) => {
                body.extend_from_slice(raw);
                (!raw.is_ascii()).then_some("8bit")
            }
            Content::Multipart(parts) => {
                let mut children = Vec::new();
                for p in parts {
                    let mut c = Vec::new();
                    p.write(&mut c, seed, counter)?;
                    children.push(c);
                }
                let boundary = loop {
                    *counter += 1;
                    let b = format!(
                        "=_mw{:016x}",
                        mix(seed ^ counter.wrapping_mul(0x9e37_79b9_7f4a_7c15))
                    );
                    let marker = format!("--{b}");
                    if !children
                        .iter()
                        .any(|c| memchr::memmem::find(c, marker.as_bytes()).is_some())
                    {
                        break b;
                    }
                };
                for c in &children {
                    body.extend_from_slice(b"--");
                    body.extend_from_slice(boundary.as_bytes());
                    body.extend_from_slice(b"\r\n");
                    body.extend_from_slice(c);
                    body.extend_from_slice(b"\r\n");
                }
                body.extend_from_slice(b"--");
                body.extend_from_slice(boundary.as_bytes());
                body.extend_from_slice(b"--\r\n");
                params.push(("boundary".into(), boundary));
                None
            }
        };
        params.extend(self.params.iter().cloned());
        let mut f = Field::new(out, "Content-Type");
        f.token(
            &format!("{t}/{s}{}", if params.is_empty() { "" } else { ";" }),
            true,
        );
        write_params(&mut f, &params);
        f.end();
        if let Some(cte) = cte {
            out.extend_from_slice(format!("Content-Transfer-Encoding: {cte}\r\n").as_bytes());
        }
        if let Some(d) = self.disposition {
            let mut f = Field::new(out, "Content-Disposition");
            match &self.filename {
                Some(name) => {
                    f.token(&format!("{d};"), true);
                    write_params(&mut f, &[("filename".into(), name.clone())]);
                }
                None => f.token(d, true),
            }
            f.end();
        }
        if let Some(id) = &self.content_id {
            let (l, r) = id.rsplit_once('@').unwrap_or((id, "x"));
            if !check_id_part(l) || !check_id_part(r) {
                return Err(BuildError::InvalidContentId(id.clone()));
            }
            out.extend_from_slice(format!("Content-ID: <{id}>\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&body);
        Ok(())
    }
}

/// SplitMix64: spreads the seed so boundaries of one message differ.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Writes `; name=value` parameters: quoted when printable ASCII and short, otherwise RFC
/// 2231 UTF-8 percent-encoding split into numbered sections that fit a line.
fn write_params(f: &mut Field<'_>, params: &[(String, String)]) {
    for (i, (name, value)) in params.iter().enumerate() {
        let semi = if i + 1 == params.len() { "" } else { ";" };
        let simple = value.bytes().all(|b| (0x20..0x7f).contains(&b))
            && !value.contains("=?")
            && value.len() <= 60;
        if simple {
            let mut q = String::with_capacity(value.len() + name.len() + 4);
            q.push_str(name);
            q.push_str("=\"");
            for c in value.chars() {
                if c == '"' || c == '\\' {
                    q.push('\\');
                }
                q.push(c);
            }
            q.push('"');
            q.push_str(semi);
            f.token(&q, true);
            continue;
        }
        let mut encoded = String::from("utf-8''");
        for b in value.bytes() {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                encoded.push(b as char);
            } else {
                let _ = write!(encoded, "%{b:02X}");
            }
        }
        // Sections of at most 60 characters, never splitting a %XX escape.
        let mut sections = Vec::new();
        let mut rest = encoded.as_str();
        while !rest.is_empty() {
            let mut cut = rest.len().min(60);
            if let Some(p) = rest[..cut].rfind('%')
                && p + 3 > cut
            {
                cut = p;
            }
            sections.push(&rest[..cut]);
            rest = &rest[cut..];
        }
        let n = sections.len();
        for (k, sec) in sections.iter().enumerate() {
            let end = if k + 1 == n { semi } else { ";" };
            let key = if n == 1 {
                format!("{name}*")
            } else {
                format!("{name}*{k}*")
            };
            f.token(&format!("{key}={sec}{end}"), true);
        }
    }
}

fn crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\r\n");
            }
            '\n' => out.push_str("\r\n"),
            c => out.push(c),
        }
    }
    out
}

fn needs_qp(text: &str) -> bool {
    text.split("\r\n").any(|l| {
        l.len() > 998
            || l.ends_with(' ')
            || l.ends_with('\t')
            || l.bytes().any(|b| b >= 0x7f || (b < 0x20 && b != b'\t'))
    }) || text.contains("=_mw")
}

fn quoted_printable(text: &str, out: &mut Vec<u8>) {
    for (n, line) in text.split("\r\n").enumerate() {
        if n > 0 {
            out.extend_from_slice(b"\r\n");
        }
        let bytes = line.as_bytes();
        let mut col = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let last = i + 1 == bytes.len();
            let literal =
                (b'!'..=b'~').contains(&b) && b != b'=' || ((b == b' ' || b == b'\t') && !last);
            let width = if literal { 1 } else { 3 };
            if col + width > 75 {
                out.extend_from_slice(b"=\r\n");
                col = 0;
            }
            if literal {
                out.push(b);
            } else {
                out.extend_from_slice(format!("={b:02X}").as_bytes());
            }
            col += width;
        }
    }
}

fn base64_lines(data: &[u8], out: &mut Vec<u8>) {
    let mut s = String::with_capacity(data.len() / 3 * 4 + 8);
    base64(data, &mut s);
    for (i, chunk) in s.as_bytes().chunks(76).enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(chunk);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_injection_is_encoded_or_refused() {
        let raw = MessageBuilder::new()
            .subject("hi\r\nBcc: victim@example.com")
            .build()
            .unwrap();
        let text = String::from_utf8(raw.clone()).unwrap();
        assert!(!text.contains("\r\nBcc:"), "{text}");
        let msg = crate::Message::parse(&raw);
        assert_eq!(
            msg.root().subject().as_deref(),
            Some("hi\r\nBcc: victim@example.com")
        );
        assert!(msg.root().header("bcc").is_none());
        let err = MessageBuilder::new()
            .to(Mailbox {
                name: None,
                address: Some("a@b\r\nBcc: c@d".into()),
            })
            .build();
        assert!(matches!(err, Err(BuildError::InvalidAddress(_))));
        assert!(matches!(
            MessageBuilder::new().header("X-A\r\nB", "v").build(),
            Err(BuildError::InvalidFieldName(_))
        ));
        assert!(matches!(
            MessageBuilder::new().message_id("a\r\nb", &[1]).build(),
            Err(BuildError::InvalidHost(_))
        ));
        let p = PartBuilder::attachment("text/plain\r\nX: y", "a", vec![]);
        assert!(matches!(
            MessageBuilder::new().body(p).build(),
            Err(BuildError::InvalidMediaType(_))
        ));
    }

    #[test]
    fn lines_are_folded_and_words_never_split_characters() {
        let subject = "ü".repeat(300) + &" word".repeat(100);
        let raw = MessageBuilder::new()
            .subject(&subject)
            .header("X-Long", &"a ".repeat(200))
            .build()
            .unwrap();
        for line in raw.split(|&b| b == b'\n') {
            assert!(line.len() <= 79, "{}", String::from_utf8_lossy(line));
        }
        let msg = crate::Message::parse(&raw);
        assert_eq!(msg.root().subject().as_deref(), Some(subject.as_str()));
    }

    #[test]
    fn deterministic() {
        let b = MessageBuilder::new()
            .body(PartBuilder::mixed(vec![
                PartBuilder::text("a"),
                PartBuilder::attachment("application/octet-stream", "x.bin", vec![0, 1, 2]),
            ]))
            .seed(42);
        assert_eq!(b.build().unwrap(), b.build().unwrap());
        assert_ne!(b.build().unwrap(), b.clone().seed(43).build().unwrap());
    }

    #[test]
    fn rfc2231_filenames() {
        let name = "résumé très long ".repeat(8) + ".pdf";
        let raw = MessageBuilder::new()
            .body(PartBuilder::attachment(
                "application/pdf",
                &name,
                b"%PDF".to_vec(),
            ))
            .build()
            .unwrap();
        let msg = crate::Message::parse(&raw);
        assert_eq!(msg.root().filename().as_deref(), Some(name.as_str()));
        assert_eq!(&*msg.root().decoded_body(), b"%PDF");
    }
}
