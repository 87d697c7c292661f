//! Validated values that appear in POP3 commands and responses.
//!
//! Each type is built through `TryFrom`, so a value that cannot be written on the wire cannot
//! be constructed. String types borrow by default and turn into `'static` values with
//! `into_owned`.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroU32;

use crate::error::InvalidValue;

/// The number of a message in a maildrop: 1 for the first message, stable during a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MessageNumber(NonZeroU32);

impl MessageNumber {
    /// The message number `n`, or `None` for 0.
    pub const fn new(n: u32) -> Option<Self> {
        match NonZeroU32::new(n) {
            Some(n) => Some(Self(n)),
            None => None,
        }
    }

    /// The number as an integer (at least 1).
    pub const fn get(self) -> u32 {
        self.0.get()
    }

    /// The zero-based position in a listing.
    pub const fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }

    /// The message number of the zero-based position `index`, if it fits in 32 bits.
    pub fn from_index(index: usize) -> Option<Self> {
        u32::try_from(index)
            .ok()
            .and_then(|i| i.checked_add(1))
            .and_then(Self::new)
    }
}

impl TryFrom<u32> for MessageNumber {
    type Error = InvalidValue;

    fn try_from(n: u32) -> Result<Self, Self::Error> {
        Self::new(n).ok_or(InvalidValue::new("message number"))
    }
}

impl fmt::Display for MessageNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

macro_rules! string_type {
    ($(#[$doc:meta])* $name:ident, $what:literal, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name<'a>(Cow<'a, str>);

        impl<'a> $name<'a> {
            /// The value as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// A copy that owns its text.
            pub fn into_owned(self) -> $name<'static> {
                $name(Cow::Owned(self.0.into_owned()))
            }

            pub(crate) fn is_valid(s: &str) -> bool {
                let check: fn(&str) -> bool = $check;
                check(s)
            }
        }

        impl<'a> TryFrom<&'a str> for $name<'a> {
            type Error = InvalidValue;

            fn try_from(s: &'a str) -> Result<Self, Self::Error> {
                if Self::is_valid(s) {
                    Ok(Self(Cow::Borrowed(s)))
                } else {
                    Err(InvalidValue::new($what))
                }
            }
        }

        impl TryFrom<String> for $name<'static> {
            type Error = InvalidValue;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                if Self::is_valid(&s) {
                    Ok(Self(Cow::Owned(s)))
                } else {
                    Err(InvalidValue::new($what))
                }
            }
        }

        impl AsRef<str> for $name<'_> {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

fn is_text(s: &str) -> bool {
    !s.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0))
}

fn is_visible_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

string_type!(
    /// Free text on a line: anything but CR, LF and NUL. May be empty.
    Text,
    "text",
    is_text
);

string_type!(
    /// A user name for USER or APOP: non-empty text without control characters. With the UTF8
    /// extension (RFC 6856) it may hold any UTF-8.
    UserName,
    "user name",
    |s| !s.is_empty() && !s.chars().any(char::is_control)
);

string_type!(
    /// A unique-id listing value (RFC 1939 UIDL): 1 to 70 characters from 0x21 to 0x7E.
    Uid,
    "unique id",
    |s| (1..=70).contains(&s.len()) && is_visible_ascii(s)
);

string_type!(
    /// A SASL mechanism name (RFC 4422): 1 to 20 of `A-Z 0-9 - _`, upper case.
    Mechanism,
    "SASL mechanism name",
    |s| (1..=20).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
);

string_type!(
    /// A language tag or `*` for the LANG command (RFC 6856): letters, digits and `-`, up to
    /// 64 characters.
    LangTag,
    "language tag",
    |s| s == "*"
        || ((1..=64).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !s.starts_with('-'))
);

string_type!(
    /// One word of a capability line (RFC 2449): visible ASCII, no spaces.
    CapabilityWord,
    "capability word",
    |s| !s.is_empty() && is_visible_ascii(s)
);

/// An extended response code (RFC 2449 section 8), written in brackets after `+OK` or `-ERR`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResponseCode<'a> {
    /// `IN-USE`: the maildrop is locked by another session (RFC 2449).
    InUse,
    /// `LOGIN-DELAY`: the user logged in too recently (RFC 2449).
    LoginDelay,
    /// `SYS/TEMP`: a temporary system problem, try again later (RFC 3206).
    SysTemp,
    /// `SYS/PERM`: a permanent system problem (RFC 3206).
    SysPerm,
    /// `AUTH`: the credentials were wrong or not accepted (RFC 3206).
    Auth,
    /// `UTF8`: the command needs the UTF8 extension first (RFC 6856).
    Utf8,
    /// Any other code, as its `/`-separated levels.
    Other(ResponseCodeText<'a>),
}

string_type!(
    /// The text of a response code this crate does not name: levels of `%x20-2E / %x30-5C /
    /// %x5E-7E` separated by `/`, not one of the named codes.
    ResponseCodeText,
    "response code",
    |s| {
        !s.is_empty()
            && s.split('/')
                .all(|level| !level.is_empty() && level.bytes().all(|b| (0x20..=0x7e).contains(&b) && b != b']'))
            && ResponseCode::named(s).is_none()
    }
);

impl<'a> ResponseCode<'a> {
    /// The code as written between the brackets.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InUse => "IN-USE",
            Self::LoginDelay => "LOGIN-DELAY",
            Self::SysTemp => "SYS/TEMP",
            Self::SysPerm => "SYS/PERM",
            Self::Auth => "AUTH",
            Self::Utf8 => "UTF8",
            Self::Other(text) => text.as_str(),
        }
    }

    fn named(s: &str) -> Option<ResponseCode<'static>> {
        const NAMED: [(&str, ResponseCode<'static>); 6] = [
            ("IN-USE", ResponseCode::InUse),
            ("LOGIN-DELAY", ResponseCode::LoginDelay),
            ("SYS/TEMP", ResponseCode::SysTemp),
            ("SYS/PERM", ResponseCode::SysPerm),
            ("AUTH", ResponseCode::Auth),
            ("UTF8", ResponseCode::Utf8),
        ];
        NAMED
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
            .map(|(_, code)| code.clone())
    }

    /// Parses the text between the brackets. Named codes match without regard to case.
    pub fn parse(s: &'a str) -> Option<Self> {
        Self::named(s).or_else(|| ResponseCodeText::try_from(s).ok().map(Self::Other))
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> ResponseCode<'static> {
        match self {
            Self::InUse => ResponseCode::InUse,
            Self::LoginDelay => ResponseCode::LoginDelay,
            Self::SysTemp => ResponseCode::SysTemp,
            Self::SysPerm => ResponseCode::SysPerm,
            Self::Auth => ResponseCode::Auth,
            Self::Utf8 => ResponseCode::Utf8,
            Self::Other(text) => ResponseCode::Other(text.into_owned()),
        }
    }
}

impl fmt::Display for ResponseCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_numbers_start_at_one() {
        assert!(MessageNumber::new(0).is_none());
        assert_eq!(
            MessageNumber::from_index(0).map(MessageNumber::get),
            Some(1)
        );
        assert_eq!(MessageNumber::new(7).map(MessageNumber::index), Some(6));
        assert!(MessageNumber::from_index(u32::MAX as usize).is_none());
    }

    #[test]
    fn string_types_refuse_what_cannot_be_written() {
        assert!(Text::try_from("a\r\nQUIT").is_err());
        assert!(Text::try_from("").is_ok());
        assert!(UserName::try_from("").is_err());
        assert!(UserName::try_from("bob\u{7}").is_err());
        assert!(UserName::try_from("jörg").is_ok());
        assert!(Uid::try_from("a b").is_err());
        assert!(Uid::try_from("x".repeat(71)).is_err());
        assert!(Uid::try_from("x".repeat(70)).is_ok());
        assert!(Mechanism::try_from("plain").is_err());
        assert!(Mechanism::try_from("SCRAM-SHA-256").is_ok());
        assert!(LangTag::try_from("*").is_ok());
        assert!(LangTag::try_from("en-US").is_ok());
        assert!(LangTag::try_from("en US").is_err());
    }

    #[test]
    fn response_codes_keep_named_and_other_apart() {
        assert_eq!(ResponseCode::parse("in-use"), Some(ResponseCode::InUse));
        assert_eq!(ResponseCode::parse("SYS/TEMP"), Some(ResponseCode::SysTemp));
        assert!(ResponseCodeText::try_from("AUTH").is_err());
        assert!(ResponseCodeText::try_from("a//b").is_err());
        assert!(ResponseCodeText::try_from("a]").is_err());
        let other = ResponseCode::parse("X-FOO/BAR").unwrap();
        assert_eq!(other.as_str(), "X-FOO/BAR");
    }
}
