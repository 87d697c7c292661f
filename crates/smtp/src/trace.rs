//! The trace field a server puts at the top of every message it receives (RFC 5321 §4.4).
//!
//! ```
//! use mailwire_smtp::address::Host;
//! use mailwire_smtp::server::HelloKind;
//! use mailwire_smtp::trace::{Received, protocol};
//!
//! let client = Host::parse("client.example.org").unwrap();
//! let field = Received {
//!     from: &client,
//!     remote_ip: Some("192.0.2.7".parse().unwrap()),
//!     by: "mx.example.test",
//!     with: protocol(HelloKind::Ehlo, true, true),
//!     id: Some("1a2b3c"),
//!     recipient: Some("bob@example.test"),
//!     date: "Sun, 29 Nov 2026 11:00:00 +0000",
//! }
//! .to_string();
//! assert_eq!(
//!     field,
//!     "Received: from client.example.org ([192.0.2.7])\r\n\
//!      \tby mx.example.test with ESMTPSA id 1a2b3c\r\n\
//!      \tfor <bob@example.test>; Sun, 29 Nov 2026 11:00:00 +0000\r\n"
//! );
//! ```

use std::fmt;
use std::net::IpAddr;

use crate::address::Host;
use crate::server::HelloKind;

/// The `with` keyword of a Received field for a session, as registered by RFC 3848: `SMTP`
/// after HELO, `ESMTP` after EHLO, `LMTP` after LHLO, with `S` when the session runs over TLS
/// and `A` when the client authenticated.
pub fn protocol(hello: HelloKind, tls: bool, authenticated: bool) -> &'static str {
    match (hello, tls, authenticated) {
        (HelloKind::Helo, false, _) => "SMTP",
        (HelloKind::Helo, true, _) => "SMTPS",
        (HelloKind::Ehlo, false, false) => "ESMTP",
        (HelloKind::Ehlo, false, true) => "ESMTPA",
        (HelloKind::Ehlo, true, false) => "ESMTPS",
        (HelloKind::Ehlo, true, true) => "ESMTPSA",
        (HelloKind::Lhlo, false, false) => "LMTP",
        (HelloKind::Lhlo, false, true) => "LMTPA",
        (HelloKind::Lhlo, true, false) => "LMTPS",
        (HelloKind::Lhlo, true, true) => "LMTPSA",
    }
}

/// A `Received:` field (RFC 5321 §4.4, `Time-stamp-line`), written by its `Display` with its
/// CRLF, folded so that no line comes near the 998-octet limit.
///
/// Values that come from the application (`by`, `id`, `recipient`, `date`) are written with
/// control characters left out, so no value can end the field early and inject a header.
#[derive(Debug, Clone, Copy)]
pub struct Received<'a> {
    /// The name the client gave in HELO, EHLO or LHLO.
    pub from: &'a Host<'a>,
    /// The client's IP address, as the transport saw it.
    pub remote_ip: Option<IpAddr>,
    /// This server's host name.
    pub by: &'a str,
    /// The protocol, usually from [`protocol`].
    pub with: &'a str,
    /// The server's identifier of the message, if any.
    pub id: Option<&'a str>,
    /// The recipient; RFC 5321 §7.6 advises giving it only when there is exactly one.
    pub recipient: Option<&'a str>,
    /// When the message was received, as an RFC 5322 date-time.
    pub date: &'a str,
}

/// Writes a value with control characters left out.
struct Clean<'a>(&'a str);

impl fmt::Display for Clean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0
            .split(char::is_control)
            .try_for_each(|piece| f.write_str(piece))
    }
}

impl fmt::Display for Received<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Received: from {}", self.from)?;
        match self.remote_ip {
            Some(IpAddr::V4(ip)) => write!(f, " ([{ip}])")?,
            Some(IpAddr::V6(ip)) => write!(f, " ([IPv6:{ip}])")?,
            None => {}
        }
        write!(f, "\r\n\tby {} with {}", Clean(self.by), Clean(self.with))?;
        if let Some(id) = self.id {
            write!(f, " id {}", Clean(id))?;
        }
        f.write_str("\r\n\t")?;
        if let Some(recipient) = self.recipient {
            write!(f, "for <{}>", Clean(recipient))?;
        }
        write!(f, "; {}\r\n", Clean(self.date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(recipient: Option<&str>, ip: Option<IpAddr>, date: &str) -> String {
        let from = Host::parse("[192.0.2.1]").unwrap();
        Received {
            from: &from,
            remote_ip: ip,
            by: "mx.example.test",
            with: protocol(HelloKind::Helo, false, false),
            id: None,
            recipient,
            date,
        }
        .to_string()
    }

    #[test]
    fn protocol_names_follow_rfc_3848() {
        assert_eq!(protocol(HelloKind::Helo, false, true), "SMTP");
        assert_eq!(protocol(HelloKind::Ehlo, false, false), "ESMTP");
        assert_eq!(protocol(HelloKind::Ehlo, false, true), "ESMTPA");
        assert_eq!(protocol(HelloKind::Ehlo, true, false), "ESMTPS");
        assert_eq!(protocol(HelloKind::Lhlo, true, true), "LMTPSA");
        assert_eq!(protocol(HelloKind::Lhlo, false, false), "LMTP");
    }

    #[test]
    fn optional_parts_are_left_out() {
        assert_eq!(
            field(None, None, "Sun, 29 Nov 2026 11:00:00 +0000"),
            "Received: from [192.0.2.1]\r\n\tby mx.example.test with SMTP\r\n\t; \
             Sun, 29 Nov 2026 11:00:00 +0000\r\n"
        );
        let v6 = field(None, Some("2001:db8::1".parse().unwrap()), "d");
        assert!(v6.starts_with("Received: from [192.0.2.1] ([IPv6:2001:db8::1])\r\n"));
    }

    #[test]
    fn values_cannot_inject_headers() {
        let text = field(
            Some("bob@example.test>\r\nBcc: <eve@evil.test"),
            None,
            "now\r\nX-Injected: yes",
        );
        assert_eq!(text.matches("\r\n").count(), 3, "{text}");
        assert!(!text.contains("\r\nBcc") && !text.contains("\r\nX-Injected"));
        assert!(text.ends_with("; nowX-Injected: yes\r\n"));
    }
}
