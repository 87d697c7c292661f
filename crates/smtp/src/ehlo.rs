//! The reply to `EHLO` / `LHLO`: the server's name, a greeting, and its extension keywords
//! (RFC 5321 §4.1.1.1), read and written.

use std::borrow::Cow;

use crate::reply::{Reply, ReplyCode};

/// One extension advertised in an EHLO reply.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Capability<'a> {
    /// `SIZE [n]` (RFC 1870); `Some(0)` means no fixed limit.
    Size(Option<u64>),
    /// `8BITMIME` (RFC 6152)
    EightBitMime,
    /// `SMTPUTF8` (RFC 6531)
    SmtpUtf8,
    /// `PIPELINING` (RFC 2920)
    Pipelining,
    /// `CHUNKING` (RFC 3030)
    Chunking,
    /// `BINARYMIME` (RFC 3030)
    BinaryMime,
    /// `DSN` (RFC 3461)
    Dsn,
    /// `ENHANCEDSTATUSCODES` (RFC 2034)
    EnhancedStatusCodes,
    /// `STARTTLS` (RFC 3207)
    StartTls,
    /// `AUTH mech…` (RFC 4954)
    Auth(Vec<Cow<'a, str>>),
    /// `REQUIRETLS` (RFC 8689)
    RequireTls,
    /// Any other keyword with its parameters.
    Other {
        /// The keyword as received.
        keyword: Cow<'a, str>,
        /// Space-separated parameters.
        params: Vec<Cow<'a, str>>,
    },
}

impl Capability<'_> {
    /// A copy that owns its text.
    pub fn into_owned(self) -> Capability<'static> {
        let own =
            |v: Vec<Cow<'_, str>>| v.into_iter().map(|s| Cow::Owned(s.into_owned())).collect();
        match self {
            Capability::Size(n) => Capability::Size(n),
            Capability::EightBitMime => Capability::EightBitMime,
            Capability::SmtpUtf8 => Capability::SmtpUtf8,
            Capability::Pipelining => Capability::Pipelining,
            Capability::Chunking => Capability::Chunking,
            Capability::BinaryMime => Capability::BinaryMime,
            Capability::Dsn => Capability::Dsn,
            Capability::EnhancedStatusCodes => Capability::EnhancedStatusCodes,
            Capability::StartTls => Capability::StartTls,
            Capability::Auth(m) => Capability::Auth(own(m)),
            Capability::RequireTls => Capability::RequireTls,
            Capability::Other { keyword, params } => Capability::Other {
                keyword: Cow::Owned(keyword.into_owned()),
                params: own(params),
            },
        }
    }

    fn parse(line: &'_ str) -> Option<Capability<'_>> {
        let mut words = line.split(' ').filter(|w| !w.is_empty());
        let keyword = words.next()?;
        let valid = keyword.starts_with(|c: char| c.is_ascii_alphanumeric())
            && keyword
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
        // Old servers advertise `AUTH=LOGIN PLAIN` beside `AUTH`; keep it as an unknown keyword.
        let old_auth = is_old_auth(keyword);
        if !valid && !old_auth {
            return None;
        }
        let params: Vec<&str> = words.collect();
        let bare = |cap| params.is_empty().then_some(cap);
        let known = match crate::upper(keyword, &mut [0; 24]) {
            b"SIZE" => match params.as_slice() {
                [] => Some(Capability::Size(None)),
                [n] => n.parse().ok().map(|n| Capability::Size(Some(n))),
                _ => None,
            },
            b"8BITMIME" => bare(Capability::EightBitMime),
            b"SMTPUTF8" => bare(Capability::SmtpUtf8),
            b"PIPELINING" => bare(Capability::Pipelining),
            b"CHUNKING" => bare(Capability::Chunking),
            b"BINARYMIME" => bare(Capability::BinaryMime),
            b"DSN" => bare(Capability::Dsn),
            b"ENHANCEDSTATUSCODES" => bare(Capability::EnhancedStatusCodes),
            b"STARTTLS" => bare(Capability::StartTls),
            b"REQUIRETLS" => bare(Capability::RequireTls),
            b"AUTH" => Some(Capability::Auth(
                params.iter().map(|p| Cow::Borrowed(*p)).collect(),
            )),
            _ => None,
        };
        Some(known.unwrap_or_else(|| Capability::Other {
            keyword: Cow::Borrowed(keyword),
            params: params.into_iter().map(Cow::Borrowed).collect(),
        }))
    }

    fn to_line(&self) -> String {
        let simple = match self {
            Capability::Size(None) => "SIZE",
            Capability::EightBitMime => "8BITMIME",
            Capability::SmtpUtf8 => "SMTPUTF8",
            Capability::Pipelining => "PIPELINING",
            Capability::Chunking => "CHUNKING",
            Capability::BinaryMime => "BINARYMIME",
            Capability::Dsn => "DSN",
            Capability::EnhancedStatusCodes => "ENHANCEDSTATUSCODES",
            Capability::StartTls => "STARTTLS",
            Capability::RequireTls => "REQUIRETLS",
            Capability::Size(Some(n)) => return format!("SIZE {n}"),
            Capability::Auth(mechs) => return format!("AUTH {}", mechs.join(" ")),
            Capability::Other { keyword, params } if params.is_empty() => {
                return keyword.to_string();
            }
            Capability::Other { keyword, params } => {
                return format!("{keyword} {}", params.join(" "));
            }
        };
        simple.to_owned()
    }
}

fn is_old_auth(keyword: &str) -> bool {
    keyword.len() > 5
        && keyword
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("AUTH="))
}

/// A parsed EHLO reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct EhloReply<'a> {
    /// The server's name: the first word of the first line.
    pub domain: Cow<'a, str>,
    /// The rest of the first line.
    pub greeting: Option<Cow<'a, str>>,
    /// The extensions, in order. Lines that are not keywords (empty lines) are skipped.
    pub capabilities: Vec<Capability<'a>>,
}

impl<'a> EhloReply<'a> {
    /// Reads the capabilities out of a positive reply to EHLO or LHLO.
    pub fn from_reply(reply: &'a Reply<'_>) -> Self {
        let lines = reply.lines();
        let (domain, greeting) = match lines[0].split_once(' ') {
            Some((d, g)) => (d, Some(Cow::Borrowed(g))),
            None => (&*lines[0], None),
        };
        EhloReply {
            domain: Cow::Borrowed(domain),
            greeting,
            capabilities: lines[1..]
                .iter()
                .filter_map(|l| Capability::parse(l))
                .collect(),
        }
    }

    /// Builds the 250 reply.
    pub fn to_reply(&self) -> Reply<'static> {
        let first = match &self.greeting {
            Some(g) => format!("{} {g}", self.domain),
            None => self.domain.to_string(),
        };
        let lines = std::iter::once(first).chain(self.capabilities.iter().map(Capability::to_line));
        Reply::multiline(ReplyCode::OK, None, lines)
    }

    /// Whether `cap` is offered (SIZE and AUTH match whatever their parameters).
    pub fn has(&self, cap: &Capability<'_>) -> bool {
        self.capabilities.iter().any(|c| match (c, cap) {
            (Capability::Size(_), Capability::Size(_)) => true,
            (Capability::Auth(_), Capability::Auth(_)) => true,
            _ => c == cap,
        })
    }

    /// The SIZE limit, if advertised with a non-zero value.
    pub fn size_limit(&self) -> Option<u64> {
        self.capabilities.iter().find_map(|c| match c {
            Capability::Size(Some(n)) if *n > 0 => Some(*n),
            _ => None,
        })
    }

    /// The SASL mechanisms offered (from `AUTH`, upper-cased, also from the old `AUTH=` form).
    pub fn auth_mechanisms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for cap in &self.capabilities {
            let mechs: Vec<&str> = match cap {
                Capability::Auth(m) => m.iter().map(|s| &**s).collect(),
                Capability::Other { keyword, params } if is_old_auth(keyword) => {
                    std::iter::once(&keyword[5..])
                        .chain(params.iter().map(|s| &**s))
                        .collect()
                }
                _ => continue,
            };
            for m in mechs {
                let m = m.to_ascii_uppercase();
                if !out.contains(&m) {
                    out.push(m);
                }
            }
        }
        out
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> EhloReply<'static> {
        EhloReply {
            domain: Cow::Owned(self.domain.into_owned()),
            greeting: self.greeting.map(|g| Cow::Owned(g.into_owned())),
            capabilities: self
                .capabilities
                .into_iter()
                .map(Capability::into_owned)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::BytesMut;

    #[test]
    fn rfc_examples_both_ways() {
        let wire = b"250-foo.com greets bar.com\r\n250-8BITMIME\r\n250-SIZE 10240000\r\n250-PIPELINING\r\n250-CHUNKING\r\n250-BINARYMIME\r\n250-DSN\r\n250-ENHANCEDSTATUSCODES\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN SCRAM-SHA-256\r\n250-SMTPUTF8\r\n250-REQUIRETLS\r\n250-X-EXPS 1 2\r\n250 HELP\r\n";
        let (reply, _) = Reply::parse(wire).unwrap().unwrap();
        let ehlo = EhloReply::from_reply(&reply);
        assert_eq!(ehlo.domain, "foo.com");
        assert_eq!(ehlo.greeting.as_deref(), Some("greets bar.com"));
        assert_eq!(ehlo.size_limit(), Some(10_240_000));
        assert!(ehlo.has(&Capability::Pipelining));
        assert!(ehlo.has(&Capability::RequireTls));
        assert_eq!(ehlo.auth_mechanisms(), ["PLAIN", "LOGIN", "SCRAM-SHA-256"]);
        assert_eq!(ehlo.capabilities.len(), 13);
        let mut out = BytesMut::new();
        ehlo.to_reply().encode(&mut out);
        assert_eq!(&out[..], &wire[..]);
    }

    #[test]
    fn old_auth_form_and_empty_lines() {
        let (reply, _) = Reply::parse(b"250-mx\r\n250-AUTH=LOGIN PLAIN\r\n250 \r\n")
            .unwrap()
            .unwrap();
        let ehlo = EhloReply::from_reply(&reply);
        assert_eq!(ehlo.auth_mechanisms(), ["LOGIN", "PLAIN"]);
        assert_eq!(ehlo.capabilities.len(), 1);
    }
}
