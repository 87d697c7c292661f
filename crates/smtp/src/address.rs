//! Domains, address literals, local parts, mailboxes and the paths of `MAIL` and `RCPT`
//! (RFC 5321 §4.1.2, RFC 6531 for UTF-8).
//!
//! Every value here is validated when it is built, so an address that could not be written on
//! the wire cannot be constructed. Parsing is tolerant where RFC 5321 asks for it: source routes
//! (`<@a,@b:user@c>`) are accepted and dropped.

use std::borrow::Cow;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::charset::ATEXT;

/// Longest local part in octets (RFC 5321 §4.5.3.1.1).
pub const MAX_LOCAL_PART: usize = 64;
/// Longest domain in octets (RFC 5321 §4.5.3.1.2).
pub const MAX_DOMAIN: usize = 255;
/// Longest path in octets, angle brackets included (RFC 5321 §4.5.3.1.3).
pub const MAX_PATH: usize = 256;
const MAX_LABEL: usize = 63;

/// Why an address could not be built or parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddressError {
    /// The text does not follow the RFC 5321 grammar.
    #[error("address syntax error")]
    Syntax,
    /// The local part is longer than 64 octets.
    #[error("local part longer than 64 octets")]
    LocalPartTooLong,
    /// The domain is longer than 255 octets.
    #[error("domain longer than 255 octets")]
    DomainTooLong,
    /// The path is longer than 256 octets.
    #[error("path longer than 256 octets")]
    PathTooLong,
}

fn is_label_char(c: char) -> bool {
    // U-labels (RFC 6531): any non-ASCII character but spaces and controls.
    c.is_ascii_alphanumeric()
        || c == '-'
        || c == '_'
        || (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
}

/// Whether ASCII text is dot-separated labels of letters, digits, `-` and `_`, each 1 to 63
/// octets, none starting or ending with `-`: one pass, the common case of [`Domain::new`].
fn is_ascii_domain(text: &[u8]) -> bool {
    let (mut label, mut previous) = (0, b'.');
    for &b in text {
        match b {
            b'.' if label > 0 && previous != b'-' => label = 0,
            b'-' if label > 0 => label += 1,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' => label += 1,
            _ => return false,
        }
        if label > MAX_LABEL {
            return false;
        }
        previous = b;
    }
    label > 0 && previous != b'-'
}

/// A domain name, ASCII or UTF-8 (RFC 6531 U-labels). Compared byte for byte; use
/// [`Domain::eq_ignore_case`] for the case-insensitive comparison of the DNS.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Domain<'a>(Cow<'a, str>);

impl<'a> Domain<'a> {
    /// Validates `text` as a domain (labels of letters, digits and hyphens, or UTF-8).
    pub fn new(text: impl Into<Cow<'a, str>>) -> Result<Self, AddressError> {
        let text = text.into();
        if text.len() > MAX_DOMAIN {
            return Err(AddressError::DomainTooLong);
        }
        if text.is_empty() {
            return Err(AddressError::Syntax);
        }
        let valid = if text.is_ascii() {
            is_ascii_domain(text.as_bytes())
        } else {
            text.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= MAX_LABEL
                    && label.chars().all(is_label_char)
                    && !label.starts_with('-')
                    && !label.ends_with('-')
            })
        };
        if !valid {
            return Err(AddressError::Syntax);
        }
        Ok(Domain(text))
    }

    /// The domain as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the domain is all ASCII (needs no SMTPUTF8).
    pub fn is_ascii(&self) -> bool {
        self.0.is_ascii()
    }

    /// Case-insensitive comparison (ASCII letters only, as the DNS does).
    pub fn eq_ignore_case(&self, other: &Domain<'_>) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> Domain<'static> {
        Domain(Cow::Owned(self.0.into_owned()))
    }
}

impl fmt::Display for Domain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'a> TryFrom<&'a str> for Domain<'a> {
    type Error = AddressError;
    fn try_from(text: &'a str) -> Result<Self, AddressError> {
        Domain::new(text)
    }
}

/// An address literal in square brackets (RFC 5321 §4.1.3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AddressLiteral<'a> {
    /// `[192.0.2.1]`
    Ipv4(Ipv4Addr),
    /// `[IPv6:2001:db8::1]`
    Ipv6(Ipv6Addr),
    /// `[tag:content]` for a registered tag other than IPv6.
    General {
        /// The standardized tag (letters, digits, hyphens).
        tag: Cow<'a, str>,
        /// The content after the colon.
        content: Cow<'a, str>,
    },
}

impl<'a> AddressLiteral<'a> {
    /// Parses the text between the brackets.
    pub fn parse_inner(inner: &'a str) -> Result<Self, AddressError> {
        if let Ok(v4) = inner.parse::<Ipv4Addr>() {
            return Ok(AddressLiteral::Ipv4(v4));
        }
        let (tag, content) = inner.split_once(':').ok_or(AddressError::Syntax)?;
        if tag.eq_ignore_ascii_case("IPv6") {
            return content
                .parse::<Ipv6Addr>()
                .map(AddressLiteral::Ipv6)
                .map_err(|_| AddressError::Syntax);
        }
        let tag_ok = !tag.is_empty()
            && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !tag.ends_with('-');
        let content_ok = !content.is_empty()
            && content
                .bytes()
                .all(|b| (33..=90).contains(&b) || (94..=126).contains(&b));
        if tag_ok && content_ok {
            Ok(AddressLiteral::General {
                tag: Cow::Borrowed(tag),
                content: Cow::Borrowed(content),
            })
        } else {
            Err(AddressError::Syntax)
        }
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> AddressLiteral<'static> {
        match self {
            AddressLiteral::Ipv4(a) => AddressLiteral::Ipv4(a),
            AddressLiteral::Ipv6(a) => AddressLiteral::Ipv6(a),
            AddressLiteral::General { tag, content } => AddressLiteral::General {
                tag: Cow::Owned(tag.into_owned()),
                content: Cow::Owned(content.into_owned()),
            },
        }
    }
}

impl fmt::Display for AddressLiteral<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddressLiteral::Ipv4(a) => write!(f, "[{a}]"),
            AddressLiteral::Ipv6(a) => write!(f, "[IPv6:{a}]"),
            AddressLiteral::General { tag, content } => write!(f, "[{tag}:{content}]"),
        }
    }
}

/// The host part of a mailbox or the argument of `EHLO`: a domain or an address literal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Host<'a> {
    /// A domain name.
    Domain(Domain<'a>),
    /// An address literal.
    Literal(AddressLiteral<'a>),
}

impl<'a> Host<'a> {
    /// Parses a domain or a bracketed address literal.
    pub fn parse(text: &'a str) -> Result<Self, AddressError> {
        if let Some(inner) = text.strip_prefix('[') {
            let inner = inner.strip_suffix(']').ok_or(AddressError::Syntax)?;
            AddressLiteral::parse_inner(inner).map(Host::Literal)
        } else {
            Domain::new(text).map(Host::Domain)
        }
    }

    /// Whether the host is all ASCII.
    pub fn is_ascii(&self) -> bool {
        match self {
            Host::Domain(d) => d.is_ascii(),
            Host::Literal(_) => true,
        }
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> Host<'static> {
        match self {
            Host::Domain(d) => Host::Domain(d.into_owned()),
            Host::Literal(l) => Host::Literal(l.into_owned()),
        }
    }
}

impl fmt::Display for Host<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Domain(d) => d.fmt(f),
            Host::Literal(l) => l.fmt(f),
        }
    }
}

impl<'a> TryFrom<&'a str> for Host<'a> {
    type Error = AddressError;
    fn try_from(text: &'a str) -> Result<Self, AddressError> {
        Host::parse(text)
    }
}

fn is_qtext(c: char) -> bool {
    matches!(c, ' '..='!' | '#'..='[' | ']'..='~') || !c.is_ascii()
}

fn is_dot_string(text: &str) -> bool {
    // Atoms joined by single dots, in one pass; empty text fails as an empty atom.
    let mut after_dot = true;
    for &b in text.as_bytes() {
        if b == b'.' {
            if after_dot {
                return false;
            }
            after_dot = true;
        } else if ATEXT[usize::from(b)] {
            after_dot = false;
        } else {
            return false;
        }
    }
    !after_dot
}

fn is_quoted_string(text: &str) -> bool {
    let Some(inner) = text
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return false;
    };
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(' '..='~') => {}
                _ => return false,
            },
            c if is_qtext(c) => {}
            _ => return false,
        }
    }
    true
}

/// The part of a mailbox before the `@`, kept in its wire form (a dot-string or a quoted
/// string) so that encoding gives back exactly what was parsed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalPart<'a>(Cow<'a, str>);

impl<'a> LocalPart<'a> {
    /// Validates a local part in wire form: `john.smith` or `"john smith"`.
    pub fn from_wire(text: impl Into<Cow<'a, str>>) -> Result<Self, AddressError> {
        let text = text.into();
        if text.len() > MAX_LOCAL_PART {
            return Err(AddressError::LocalPartTooLong);
        }
        if is_dot_string(&text) || is_quoted_string(&text) {
            Ok(LocalPart(text))
        } else {
            Err(AddressError::Syntax)
        }
    }

    /// Builds a local part from its value, quoting it when it is not a dot-string.
    pub fn new(value: &str) -> Result<LocalPart<'static>, AddressError> {
        if is_dot_string(value) {
            return LocalPart::from_wire(value.to_owned());
        }
        let mut wire = String::with_capacity(value.len() + 2);
        wire.push('"');
        for c in value.chars() {
            if c == '"' || c == '\\' {
                wire.push('\\');
            } else if !is_qtext(c) {
                return Err(AddressError::Syntax);
            }
            wire.push(c);
        }
        wire.push('"');
        LocalPart::from_wire(wire)
    }

    /// The wire form.
    pub fn as_wire(&self) -> &str {
        &self.0
    }

    /// Whether the wire form is a quoted string.
    pub fn is_quoted(&self) -> bool {
        self.0.starts_with('"')
    }

    /// The value: quotes and backslash escapes removed.
    pub fn value(&self) -> Cow<'_, str> {
        if !self.is_quoted() {
            return Cow::Borrowed(&self.0);
        }
        let inner = &self.0[1..self.0.len() - 1];
        if !inner.contains('\\') {
            return Cow::Borrowed(inner);
        }
        let mut value = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                value.extend(chars.next());
            } else {
                value.push(c);
            }
        }
        Cow::Owned(value)
    }

    /// Whether the local part is all ASCII.
    pub fn is_ascii(&self) -> bool {
        self.0.is_ascii()
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> LocalPart<'static> {
        LocalPart(Cow::Owned(self.0.into_owned()))
    }
}

impl fmt::Display for LocalPart<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `local-part@host`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mailbox<'a> {
    /// Before the `@`.
    pub local_part: LocalPart<'a>,
    /// After the `@`.
    pub host: Host<'a>,
}

impl<'a> Mailbox<'a> {
    /// Builds a mailbox and checks the path length limit.
    pub fn new(local_part: LocalPart<'a>, host: Host<'a>) -> Result<Self, AddressError> {
        let mailbox = Mailbox { local_part, host };
        if mailbox.wire_len() + 2 > MAX_PATH {
            return Err(AddressError::PathTooLong);
        }
        Ok(mailbox)
    }

    /// Parses `local@host` (no angle brackets).
    pub fn parse(text: &'a str) -> Result<Self, AddressError> {
        let (local, host) = split_mailbox(text)?;
        Mailbox::new(LocalPart::from_wire(local)?, Host::parse(host)?)
    }

    /// Whether the mailbox needs SMTPUTF8.
    pub fn is_ascii(&self) -> bool {
        self.local_part.is_ascii() && self.host.is_ascii()
    }

    /// The domain, if the host is not an address literal.
    pub fn domain(&self) -> Option<&Domain<'a>> {
        match &self.host {
            Host::Domain(d) => Some(d),
            Host::Literal(_) => None,
        }
    }

    fn wire_len(&self) -> usize {
        let host = match &self.host {
            Host::Domain(d) => d.0.len(),
            // Dotted quads are common enough in paths to spare them the formatter.
            Host::Literal(AddressLiteral::Ipv4(a)) => {
                let digits = |o: u8| 1 + usize::from(o >= 10) + usize::from(o >= 100);
                2 + 3 + a.octets().into_iter().map(digits).sum::<usize>()
            }
            Host::Literal(l) => {
                let mut counter = Counter(0);
                let _ = fmt::write(&mut counter, format_args!("{l}"));
                counter.0
            }
        };
        self.local_part.0.len() + 1 + host
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> Mailbox<'static> {
        Mailbox {
            local_part: self.local_part.into_owned(),
            host: self.host.into_owned(),
        }
    }
}

/// Counts the bytes written through it.
struct Counter(usize);

impl fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

/// Splits at the `@` that ends the local part (a quoted local part may hold `@`).
fn split_mailbox(text: &str) -> Result<(&str, &str), AddressError> {
    let at = if text.starts_with('"') {
        let mut escaped = false;
        let mut close = None;
        for (i, c) in text.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    close = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let close = close.ok_or(AddressError::Syntax)?;
        if text.as_bytes().get(close + 1) != Some(&b'@') {
            return Err(AddressError::Syntax);
        }
        close + 1
    } else {
        text.bytes()
            .position(|b| b == b'@')
            .ok_or(AddressError::Syntax)?
    };
    Ok((&text[..at], &text[at + 1..]))
}

impl fmt::Display for Mailbox<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local_part, self.host)
    }
}

impl<'a> TryFrom<&'a str> for Mailbox<'a> {
    type Error = AddressError;
    fn try_from(text: &'a str) -> Result<Self, AddressError> {
        Mailbox::parse(text)
    }
}

/// Strips the angle brackets and any source route from a path; checks its length.
fn path_inner(text: &str) -> Result<&str, AddressError> {
    if text.len() > MAX_PATH {
        return Err(AddressError::PathTooLong);
    }
    let inner = text
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .ok_or(AddressError::Syntax)?;
    if !inner.starts_with('@') {
        return Ok(inner);
    }
    // A-d-l ":" — the route is tolerated and dropped (RFC 5321 §4.1.2, Appendix C).
    let (route, mailbox) = inner.split_once(':').ok_or(AddressError::Syntax)?;
    for hop in route.split(',') {
        let domain = hop.strip_prefix('@').ok_or(AddressError::Syntax)?;
        Domain::new(domain)?;
    }
    Ok(mailbox)
}

/// The argument of `MAIL FROM:`: the null path `<>` or a mailbox.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReversePath<'a> {
    /// `<>`, used by bounces.
    Null,
    /// `<mailbox>`.
    Mailbox(Mailbox<'a>),
}

impl<'a> ReversePath<'a> {
    /// Parses `<>` or `<mailbox>` (a source route is dropped).
    pub fn parse(text: &'a str) -> Result<Self, AddressError> {
        match path_inner(text)? {
            "" => Ok(ReversePath::Null),
            inner => Mailbox::parse(inner).map(ReversePath::Mailbox),
        }
    }

    /// Whether the path needs SMTPUTF8.
    pub fn is_ascii(&self) -> bool {
        match self {
            ReversePath::Null => true,
            ReversePath::Mailbox(m) => m.is_ascii(),
        }
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> ReversePath<'static> {
        match self {
            ReversePath::Null => ReversePath::Null,
            ReversePath::Mailbox(m) => ReversePath::Mailbox(m.into_owned()),
        }
    }
}

impl fmt::Display for ReversePath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReversePath::Null => f.write_str("<>"),
            ReversePath::Mailbox(m) => write!(f, "<{m}>"),
        }
    }
}

/// The argument of `RCPT TO:`: a mailbox or the bare `<Postmaster>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ForwardPath<'a> {
    /// `<Postmaster>` without a domain (RFC 5321 §4.1.1.3), any case.
    Postmaster,
    /// `<mailbox>`.
    Mailbox(Mailbox<'a>),
}

impl<'a> ForwardPath<'a> {
    /// Parses `<Postmaster>` or `<mailbox>` (a source route is dropped).
    pub fn parse(text: &'a str) -> Result<Self, AddressError> {
        match path_inner(text)? {
            inner if inner.eq_ignore_ascii_case("postmaster") => Ok(ForwardPath::Postmaster),
            inner => Mailbox::parse(inner).map(ForwardPath::Mailbox),
        }
    }

    /// The mailbox, unless this is the bare postmaster.
    pub fn mailbox(&self) -> Option<&Mailbox<'a>> {
        match self {
            ForwardPath::Postmaster => None,
            ForwardPath::Mailbox(m) => Some(m),
        }
    }

    /// Whether the path needs SMTPUTF8.
    pub fn is_ascii(&self) -> bool {
        self.mailbox().is_none_or(Mailbox::is_ascii)
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> ForwardPath<'static> {
        match self {
            ForwardPath::Postmaster => ForwardPath::Postmaster,
            ForwardPath::Mailbox(m) => ForwardPath::Mailbox(m.into_owned()),
        }
    }
}

impl fmt::Display for ForwardPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ForwardPath::Postmaster => f.write_str("<Postmaster>"),
            ForwardPath::Mailbox(m) => write!(f, "<{m}>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_and_print() {
        let cases = [
            "<>",
            "<john@example.com>",
            "<\"john smith\"@example.com>",
            "<\"a\\\"b@c\"@example.com>",
            "<user@[192.0.2.1]>",
            "<user@[IPv6:2001:db8::1]>",
            "<user@[x-tag:abc]>",
            "<用户@例子.广告>",
        ];
        for case in cases {
            let path = ReversePath::parse(case).unwrap();
            assert_eq!(path.to_string(), case);
        }
    }

    #[test]
    fn source_route_is_dropped() {
        let path = ForwardPath::parse("<@hosta.int,@jkl.org:userc@d.bar.org>").unwrap();
        assert_eq!(path.to_string(), "<userc@d.bar.org>");
        assert!(ForwardPath::parse("<@bad..host:user@x.org>").is_err());
    }

    #[test]
    fn postmaster_any_case() {
        assert_eq!(
            ForwardPath::parse("<postMaster>").unwrap(),
            ForwardPath::Postmaster
        );
    }

    #[test]
    fn limits() {
        let local = "a".repeat(65);
        assert_eq!(
            ReversePath::parse(&format!("<{local}@x.org>")),
            Err(AddressError::LocalPartTooLong)
        );
        let domain = vec!["a".repeat(49); 5].join(".");
        let local = "b".repeat(10);
        assert_eq!(
            ReversePath::parse(&format!("<{local}@{domain}>")).unwrap_err(),
            AddressError::PathTooLong
        );
        let built = Mailbox::new(
            LocalPart::from_wire(local).unwrap(),
            Host::Domain(Domain::new(domain).unwrap()),
        );
        assert_eq!(built, Err(AddressError::PathTooLong));
        assert_eq!(
            Domain::new("a".repeat(256)),
            Err(AddressError::DomainTooLong)
        );
        assert_eq!(Domain::new("a".repeat(64)), Err(AddressError::Syntax));
    }

    #[test]
    fn rejects_bad_syntax() {
        for bad in [
            "<a@>",
            "<@x>",
            "<a b@x.org>",
            "<a..b@x.org>",
            "<a@-x.org>",
            "<a@x..org>",
            "a@x.org",
            "<a@[300.1.1.1]>",
            "<a@x\u{a0}.org>",
            "<\"unterminated@x.org>",
        ] {
            assert!(ReversePath::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn local_part_quoting() {
        let lp = LocalPart::new("john smith").unwrap();
        assert_eq!(lp.as_wire(), "\"john smith\"");
        assert_eq!(lp.value(), "john smith");
        let lp = LocalPart::new("a\"b").unwrap();
        assert_eq!(lp.as_wire(), "\"a\\\"b\"");
        assert_eq!(lp.value(), "a\"b");
        assert_eq!(
            LocalPart::new("plain.name").unwrap().as_wire(),
            "plain.name"
        );
    }
}
