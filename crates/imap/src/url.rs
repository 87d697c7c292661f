//! IMAP URLs (RFC 5092), with URL-PARTIAL (RFC 5550) and URLAUTH (RFC 4467): the strings that
//! CATENATE, GENURLAUTH and URLFETCH carry. Components are kept percent-encoded, as sent.
//!
//! ```
//! use mailwire_imap::url::ImapUrl;
//!
//! let url = ImapUrl::parse("imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred").unwrap();
//! assert_eq!(url.mailbox.as_deref(), Some("INBOX"));
//! assert_eq!(url.uid.map(|u| u.get()), Some(20));
//! assert_eq!(url.urlauth.as_ref().map(|a| &*a.access), Some("submit+fred"));
//! ```

use std::fmt;
use std::num::NonZeroU32;

use crate::types::ValidationError;

/// The server part: `[user][;AUTH=mech]@host[:port]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    /// User name (percent-encoded).
    pub user: Option<String>,
    /// `;AUTH=` mechanism, or `*`.
    pub auth: Option<String>,
    /// Host name or address literal.
    pub host: String,
    /// Port.
    pub port: Option<u16>,
}

/// The URLAUTH part: `[;EXPIRE=date];URLAUTH=access[:mechanism:token]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlAuth {
    /// `;EXPIRE=` (an RFC 3339 date-time).
    pub expire: Option<String>,
    /// `submit+user`, `user+user`, `authuser` or `anonymous`.
    pub access: String,
    /// The verifier, once authorized: mechanism and token.
    pub verifier: Option<(String, String)>,
}

/// An IMAP URL, absolute (`imap://...`) or a path (`/mailbox;UIDVALIDITY=n/;UID=n...`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ImapUrl {
    /// The server, for absolute URLs.
    pub server: Option<Server>,
    /// Mailbox (percent-encoded).
    pub mailbox: Option<String>,
    /// `;UIDVALIDITY=`
    pub uid_validity: Option<NonZeroU32>,
    /// `?search` (percent-encoded).
    pub search: Option<String>,
    /// `/;UID=`
    pub uid: Option<NonZeroU32>,
    /// `/;SECTION=`
    pub section: Option<String>,
    /// `/;PARTIAL=offset[.length]` (RFC 5550)
    pub partial: Option<(u32, Option<NonZeroU32>)>,
    /// URLAUTH (RFC 4467)
    pub urlauth: Option<UrlAuth>,
}

fn bad() -> ValidationError {
    ValidationError::Syntax("IMAP URL")
}

/// Splits `s` at the first `;KEY=` (case-insensitive), returning (before, value-and-rest).
fn split_key<'s>(s: &'s str, key: &str) -> Option<(&'s str, &'s str)> {
    let lower = s.to_ascii_lowercase();
    let at = lower.find(&key.to_ascii_lowercase())?;
    Some((&s[..at], &s[at + key.len()..]))
}

fn nz(s: &str) -> Result<NonZeroU32, ValidationError> {
    s.parse::<NonZeroU32>().map_err(|_| bad())
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic()
}

impl ImapUrl {
    /// Parses an IMAP URL.
    pub fn parse(s: &str) -> Result<Self, ValidationError> {
        if !s.chars().all(is_url_char) {
            return Err(bad());
        }
        let mut url = ImapUrl::default();
        let mut rest = if s.len() >= 7 && s[..7].eq_ignore_ascii_case("imap://") {
            let after = &s[7..];
            let end = after.find('/').unwrap_or(after.len());
            url.server = Some(parse_server(&after[..end])?);
            &after[end..]
        } else if s.starts_with('/') {
            s
        } else {
            return Err(bad());
        };
        // URLAUTH comes last: split it off first.
        if let Some((before, after)) = split_key(rest, ";URLAUTH=") {
            let (before, expire) = match split_key(before, ";EXPIRE=") {
                Some((b, e)) => (b, Some(e.to_owned())),
                None => (before, None),
            };
            let mut parts = after.splitn(3, ':');
            let access = parts
                .next()
                .filter(|a| !a.is_empty())
                .ok_or_else(bad)?
                .to_owned();
            let verifier = match (parts.next(), parts.next()) {
                (Some(m), Some(t)) if !m.is_empty() && !t.is_empty() => {
                    Some((m.to_owned(), t.to_owned()))
                }
                (None, None) => None,
                _ => return Err(bad()),
            };
            url.urlauth = Some(UrlAuth {
                expire,
                access,
                verifier,
            });
            rest = before;
        }
        let Some(path) = rest.strip_prefix('/') else {
            return if rest.is_empty() { Ok(url) } else { Err(bad()) };
        };
        let mut segments = path.split("/;");
        let first = segments.next().unwrap_or_default();
        let (mailbox_ref, search) = match first.split_once('?') {
            Some((m, q)) => (m, Some(q.to_owned())),
            None => (first, None),
        };
        url.search = search;
        let (mailbox, validity) = match split_key(mailbox_ref, ";UIDVALIDITY=") {
            Some((m, v)) => (m, Some(nz(v)?)),
            None => (mailbox_ref, None),
        };
        if !mailbox.is_empty() {
            url.mailbox = Some(mailbox.to_owned());
        }
        url.uid_validity = validity;
        let mailbox_ref_end = mailbox.strip_suffix('/');
        if let Some(m) = mailbox_ref_end {
            url.mailbox = Some(m.to_owned()).filter(|m| !m.is_empty());
        }
        for seg in segments {
            let seg = seg.strip_suffix('/').unwrap_or(seg);
            let (key, value) = seg.split_once('=').ok_or_else(bad)?;
            match key.to_ascii_uppercase().as_str() {
                "UID" if url.uid.is_none() => url.uid = Some(nz(value)?),
                "SECTION" if url.section.is_none() && url.uid.is_some() => {
                    url.section = Some(value.to_owned())
                }
                "PARTIAL" if url.partial.is_none() && url.uid.is_some() => {
                    url.partial = Some(match value.split_once('.') {
                        Some((o, l)) => (o.parse().map_err(|_| bad())?, Some(nz(l)?)),
                        None => (value.parse().map_err(|_| bad())?, None),
                    });
                }
                _ => return Err(bad()),
            }
        }
        // URLAUTH only ever authorizes a message or a part of one.
        if url.urlauth.is_some() && url.uid.is_none() {
            return Err(bad());
        }
        Ok(url)
    }
}

fn parse_server(s: &str) -> Result<Server, ValidationError> {
    let (userinfo, hostport) = match s.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, s),
    };
    let (user, auth) = match userinfo {
        None => (None, None),
        Some(u) => match split_key(u, ";AUTH=") {
            Some((user, auth)) => (
                Some(user.to_owned()).filter(|u| !u.is_empty()),
                Some(auth.to_owned()),
            ),
            None => (Some(u.to_owned()), None),
        },
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || hostport.starts_with('[') => {
            (h, Some(p.parse::<u16>().map_err(|_| bad())?))
        }
        _ => (hostport, None),
    };
    if host.is_empty() || host.contains([';', '?', '@']) {
        return Err(bad());
    }
    Ok(Server {
        user,
        auth,
        host: host.to_owned(),
        port,
    })
}

impl fmt::Display for ImapUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(s) = &self.server {
            f.write_str("imap://")?;
            if s.user.is_some() || s.auth.is_some() {
                if let Some(u) = &s.user {
                    f.write_str(u)?;
                }
                if let Some(a) = &s.auth {
                    write!(f, ";AUTH={a}")?;
                }
                f.write_str("@")?;
            }
            f.write_str(&s.host)?;
            if let Some(p) = s.port {
                write!(f, ":{p}")?;
            }
        }
        let has_path = self.mailbox.is_some()
            || self.uid.is_some()
            || self.search.is_some()
            || self.uid_validity.is_some();
        if has_path || self.server.is_none() {
            f.write_str("/")?;
        }
        if let Some(m) = &self.mailbox {
            f.write_str(m)?;
        }
        if let Some(v) = self.uid_validity {
            write!(f, ";UIDVALIDITY={v}")?;
        }
        if let Some(q) = &self.search {
            write!(f, "?{q}")?;
        }
        if let Some(u) = self.uid {
            write!(f, "/;UID={u}")?;
        }
        if let Some(s) = &self.section {
            write!(f, "/;SECTION={s}")?;
        }
        if let Some((o, l)) = self.partial {
            write!(f, "/;PARTIAL={o}")?;
            if let Some(l) = l {
                write!(f, ".{l}")?;
            }
        }
        if let Some(a) = &self.urlauth {
            if let Some(e) = &a.expire {
                write!(f, ";EXPIRE={e}")?;
            }
            write!(f, ";URLAUTH={}", a.access)?;
            if let Some((m, t)) = &a.verifier {
                write!(f, ":{m}:{t}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(s: &str) -> ImapUrl {
        let url = ImapUrl::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(
            ImapUrl::parse(&url.to_string()).unwrap(),
            url,
            "{s} -> {url}"
        );
        url
    }

    #[test]
    fn rfc5092_examples() {
        let u = round_trip(
            "imap://minbari.example.org/gray-council;UIDVALIDITY=385759045/;UID=20/;PARTIAL=0.1024",
        );
        assert_eq!(u.server.as_ref().unwrap().host, "minbari.example.org");
        assert_eq!(u.mailbox.as_deref(), Some("gray-council"));
        assert_eq!(u.uid_validity.unwrap().get(), 385759045);
        assert_eq!(u.partial, Some((0, NonZeroU32::new(1024))));
        let u = round_trip(
            "imap://psicorp.example.org/~peter/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E5%8F%B0%E5%8C%97",
        );
        assert_eq!(
            u.mailbox.as_deref(),
            Some("~peter/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E5%8F%B0%E5%8C%97")
        );
        let u =
            round_trip("imap://;AUTH=GSSAPI@minbari.example.org/gray-council/;uid=20/;section=1.2");
        assert_eq!(u.server.as_ref().unwrap().auth.as_deref(), Some("GSSAPI"));
        assert_eq!(u.section.as_deref(), Some("1.2"));
        let u = round_trip("imap://michael@minbari.example.org/users.*");
        assert_eq!(u.server.as_ref().unwrap().user.as_deref(), Some("michael"));
        let u = round_trip("imap://minbari.example.org/gray-council?SUBJECT%20shadows");
        assert_eq!(u.search.as_deref(), Some("SUBJECT%20shadows"));
        round_trip("imap://;AUTH=*@minbari.example.org/gray%20council?SUBJECT%20shadows");
        round_trip("imap://minbari.example.org:2143/");
        round_trip("imap://minbari.example.org");
    }

    #[test]
    fn catenate_and_urlauth_examples() {
        let u = round_trip("/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER");
        assert!(u.server.is_none());
        assert_eq!(u.section.as_deref(), Some("HEADER"));
        let u = round_trip(
            "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038",
        );
        let a = u.urlauth.unwrap();
        assert_eq!(a.access, "submit+fred");
        assert_eq!(
            a.verifier,
            Some(("internal".into(), "91354a473744909de610943775f92038".into()))
        );
        let u = round_trip(
            "imap://joe@example.com/INBOX/;uid=20;expire=2026-12-31T23:59:59Z;urlauth=anonymous",
        );
        assert_eq!(
            u.urlauth.unwrap().expire.as_deref(),
            Some("2026-12-31T23:59:59Z")
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(imap://)?[ -~]{0,60}", t in "\\PC{0,30}") {
            let _ = ImapUrl::parse(&s);
            let _ = ImapUrl::parse(&t);
        }

        #[test]
        fn urls_round_trip(
            user in proptest::option::of("[a-z]{1,6}"),
            auth in proptest::option::of("[A-Z*]{1,6}"),
            host in "[a-z]{1,8}\\.example",
            port in proptest::option::of(1u16..),
            mailbox in proptest::option::of("[A-Za-z%0-9]{1,8}"),
            uid_validity in proptest::option::of(1u32..),
            uid in proptest::option::of(1u32..),
            section in proptest::option::of("[0-9A-Z.]{1,6}"),
            partial in proptest::option::of((0u32.., proptest::option::of(1u32..))),
            urlauth in proptest::option::of(("(anonymous|authuser|submit\\+[a-z]{1,4})", proptest::option::of(("[a-z]{1,6}", "[0-9a-f]{8}")))),
        ) {
            let has_uid = uid.is_some();
            let url = ImapUrl {
                server: Some(Server { user, auth, host, port }),
                mailbox: mailbox.clone(),
                uid_validity: uid_validity.and_then(NonZeroU32::new),
                search: None,
                uid: uid.and_then(NonZeroU32::new).filter(|_| mailbox.is_some()),
                section: section.filter(|_| has_uid && mailbox.is_some()),
                partial: partial.map(|(o, l)| (o, l.and_then(NonZeroU32::new))).filter(|_| has_uid && mailbox.is_some()),
                urlauth: urlauth
                    .map(|(access, verifier)| UrlAuth { expire: None, access, verifier })
                    .filter(|_| has_uid && mailbox.is_some()),
            };
            proptest::prop_assert_eq!(ImapUrl::parse(&url.to_string()), Ok(url));
        }
    }

    #[test]
    fn rejects_malformed_urls() {
        for bad in [
            "http://example.com/",
            "imap://",
            "imap://host/box/;UID=0",
            "imap://host/box/;SECTION=1",
            "imap://host/box/;UID=1/;FOO=2",
            "imap://host:99999/",
            "imap://host/a b",
            "imap://host/box/;uid=1;urlauth=",
            "imap://host/box/;uid=1;urlauth=user+x:mech",
            "imap://host/box;urlauth=anonymous",
            "imap://host;urlauth=anonymous",
        ] {
            assert!(ImapUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
