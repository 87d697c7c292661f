//! Mailbox names: the `INBOX` rule and modified UTF-7 (RFC 3501 §5.1.3), or plain UTF-8 once
//! UTF8=ACCEPT (RFC 6855) is enabled.

use std::borrow::Cow;

use mailwire_core::utf7;

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
            utf7::encode(name)
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
            Ok(Cow::Owned(utf7::decode(bytes)?))
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_are_modified_utf7_unless_utf8_is_enabled() {
        // RFC 3501 §5.1.3.
        let name = "~peter/mail/\u{53f0}\u{5317}/\u{65e5}\u{672c}\u{8a9e}";
        let m = Mailbox::from_name(name, false).unwrap();
        assert_eq!(m.wire_bytes(), b"~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assert_eq!(m.name(false).unwrap(), name);
        assert_eq!(
            Mailbox::from_name("a&b", false).unwrap().wire_bytes(),
            b"a&-b"
        );
        assert!(matches!(
            Mailbox::try_from("&AGE-").unwrap().name(false),
            Err(ValidationError::BadModifiedUtf7(_))
        ));
        assert_eq!(
            Mailbox::try_from("&AGE-").unwrap().name(true).unwrap(),
            "&AGE-"
        );
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
        fn names_round_trip(name in "\\PC{0,20}", utf8 in any::<bool>()) {
            let m = Mailbox::from_name(&name, utf8).unwrap();
            prop_assert_eq!(m.name(utf8).unwrap(), name);
        }
    }
}
