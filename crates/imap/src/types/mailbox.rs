//! Mailbox names: the `INBOX` rule and modified UTF-7 (RFC 3501 §5.1.3), or plain UTF-8 once
//! UTF8=ACCEPT (RFC 6855) is enabled.

use std::borrow::Cow;

use super::string::AString;
use super::{IntoStatic, ValidationError};

/// A mailbox as it appears on the wire. `INBOX` in any letter case is always [`Mailbox::Inbox`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mailbox<'a> {
    /// The user's inbox, whatever the letter case sent.
    Inbox,
    /// Any other mailbox, as its encoded wire name.
    Other(AString<'a>),
}

impl<'a> Mailbox<'a> {
    /// Wraps a wire name, applying the `INBOX` rule.
    pub fn from_wire(name: AString<'a>) -> Self {
        if name.as_bytes().eq_ignore_ascii_case(b"INBOX") {
            Self::Inbox
        } else {
            Self::Other(name)
        }
    }

    /// The mailbox named `name` (Unicode): encoded in modified UTF-7, or kept as UTF-8 when
    /// `utf8` says UTF8=ACCEPT is in force.
    pub fn from_name(name: &str, utf8: bool) -> Result<Mailbox<'static>, ValidationError> {
        let wire = if utf8 {
            name.to_owned()
        } else {
            encode_modified_utf7(name)
        };
        AString::from_bytes(wire.into_bytes()).map(Mailbox::from_wire)
    }

    /// The wire bytes of the name (`INBOX` for the inbox).
    pub fn wire_bytes(&self) -> &[u8] {
        match self {
            Self::Inbox => b"INBOX",
            Self::Other(a) => a.as_bytes(),
        }
    }

    /// The Unicode name: decoded from modified UTF-7, or read as UTF-8 when `utf8` is set.
    pub fn name(&self, utf8: bool) -> Result<Cow<'_, str>, ValidationError> {
        let bytes = self.wire_bytes();
        if utf8 {
            std::str::from_utf8(bytes)
                .map(Cow::Borrowed)
                .map_err(|_| ValidationError::NotUtf8)
        } else {
            decode_modified_utf7(bytes).map(Cow::Owned)
        }
    }
}

impl<'a> TryFrom<&'a str> for Mailbox<'a> {
    type Error = ValidationError;
    /// Takes `s` as the wire name (already encoded).
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        AString::try_from(s).map(Self::from_wire)
    }
}

impl IntoStatic for Mailbox<'_> {
    type Static = Mailbox<'static>;
    fn into_static(self) -> Mailbox<'static> {
        match self {
            Self::Inbox => Mailbox::Inbox,
            Self::Other(a) => Mailbox::Other(a.into_static()),
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter()
        .position(|&x| x == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// Encodes a Unicode mailbox name in modified UTF-7.
pub fn encode_modified_utf7(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        out.push('&');
        let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            let digits = chunk.len() + 1;
            for i in 0..digits {
                let idx = (n >> (18 - 6 * i)) & 0x3f;
                out.push(char::from(B64[idx as usize]));
            }
        }
        out.push('-');
        pending.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut pending, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut buf = [0u16; 2];
            pending.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    flush(&mut pending, &mut out);
    out
}

/// Decodes a modified UTF-7 mailbox name, refusing forms RFC 3501 forbids (raw 8-bit bytes,
/// unterminated or non-canonical shifts, encoded printable ASCII).
pub fn decode_modified_utf7(wire: &[u8]) -> Result<String, ValidationError> {
    let bad = ValidationError::BadModifiedUtf7;
    let mut out = String::with_capacity(wire.len());
    let mut i = 0;
    while i < wire.len() {
        let c = wire[i];
        if !(0x20..=0x7e).contains(&c) {
            return Err(bad);
        }
        if c != b'&' {
            out.push(char::from(c));
            i += 1;
            continue;
        }
        let end = wire[i + 1..]
            .iter()
            .position(|&b| b == b'-')
            .ok_or(bad.clone())?
            + i
            + 1;
        let run = &wire[i + 1..end];
        i = end + 1;
        if run.is_empty() {
            out.push('&');
            continue;
        }
        let (mut acc, mut bits, mut units) = (0u32, 0u32, Vec::new());
        for &d in run {
            acc = (acc << 6) | b64_value(d).ok_or(bad.clone())?;
            bits += 6;
            if bits >= 16 {
                bits -= 16;
                units.push(u16::try_from((acc >> bits) & 0xffff).map_err(|_| bad.clone())?);
                acc &= (1 << bits) - 1;
            }
        }
        if bits >= 6 || acc != 0 || units.is_empty() {
            return Err(bad);
        }
        let text = String::from_utf16(&units).map_err(|_| bad.clone())?;
        if text.chars().any(|ch| (' '..='~').contains(&ch)) {
            return Err(bad);
        }
        out.push_str(&text);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rfc3501_example() {
        // RFC 3501 §5.1.3: "~peter/mail/&U,BTFw-/&ZeVnLIqe-" is "~peter/mail/台北/日本語".
        let name = "~peter/mail/\u{53f0}\u{5317}/\u{65e5}\u{672c}\u{8a9e}";
        assert_eq!(
            encode_modified_utf7(name),
            "~peter/mail/&U,BTFw-/&ZeVnLIqe-"
        );
        assert_eq!(
            decode_modified_utf7(b"~peter/mail/&U,BTFw-/&ZeVnLIqe-").unwrap(),
            name
        );
        assert_eq!(encode_modified_utf7("a&b"), "a&-b");
        assert_eq!(decode_modified_utf7(b"a&-b").unwrap(), "a&b");
    }

    #[test]
    fn rejects_non_canonical_forms() {
        for bad in [
            &b"&U,BTFw"[..],
            b"&AGE-",
            b"\xc3\xa9",
            b"&U,BTF-",
            b"&*-",
            b"&ZeVnLIqe-&U,BTFw",
        ] {
            assert!(decode_modified_utf7(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn inbox_rule() {
        assert_eq!(Mailbox::try_from("iNbOx").unwrap(), Mailbox::Inbox);
        assert_ne!(Mailbox::try_from("INBOX.sub").unwrap(), Mailbox::Inbox);
        let m = Mailbox::from_name("Entw\u{fc}rfe", false).unwrap();
        assert_eq!(m.wire_bytes(), b"Entw&APw-rfe");
        assert_eq!(m.name(false).unwrap(), "Entw\u{fc}rfe");
        let m = Mailbox::from_name("Entw\u{fc}rfe", true).unwrap();
        assert_eq!(m.name(true).unwrap(), "Entw\u{fc}rfe");
    }

    proptest! {
        #[test]
        fn utf7_round_trip(name in "\\PC{0,20}") {
            let wire = encode_modified_utf7(&name);
            prop_assert!(wire.bytes().all(|b| (0x20..=0x7e).contains(&b)));
            prop_assert_eq!(decode_modified_utf7(wire.as_bytes()).unwrap(), name);
        }
    }
}
