//! The mechanism names this crate implements.

use std::fmt;
use std::str::FromStr;

use crate::scram::ScramHash;

/// A SASL mechanism implemented by this crate, on both the client and the server side.
///
/// ```
/// use mailwire_sasl::{Mechanism, UnsupportedMechanism};
///
/// assert_eq!(Mechanism::from_name("scram-sha-256"), Ok(Mechanism::ScramSha256));
/// assert_eq!(Mechanism::ScramSha256.name(), "SCRAM-SHA-256");
/// assert_eq!(
///     Mechanism::from_name("SCRAM-SHA-256-PLUS"),
///     Err(UnsupportedMechanism::ChannelBinding("SCRAM-SHA-256-PLUS".into())),
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mechanism {
    /// `PLAIN` (RFC 4616).
    Plain,
    /// `LOGIN` (draft-murchison-sasl-login).
    Login,
    /// `CRAM-MD5` (RFC 2195).
    CramMd5,
    /// `SCRAM-SHA-1` (RFC 5802), without channel binding.
    ScramSha1,
    /// `SCRAM-SHA-256` (RFC 7677), without channel binding.
    ScramSha256,
    /// `XOAUTH2` (Google's and Microsoft's OAuth 2.0 bearer token format).
    XOAuth2,
    /// `OAUTHBEARER` (RFC 7628).
    OAuthBearer,
    /// `EXTERNAL` (RFC 4422 appendix A).
    External,
    /// `ANONYMOUS` (RFC 4505).
    Anonymous,
}

/// A mechanism name this crate does not implement.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UnsupportedMechanism {
    /// A `-PLUS` mechanism: it needs channel binding, which this crate does not offer yet.
    #[error("SASL mechanism {0} needs channel binding, which is not supported")]
    ChannelBinding(String),
    /// Any other name.
    #[error("unknown SASL mechanism {0}")]
    Unknown(String),
}

impl Mechanism {
    /// Every mechanism, in the order a server would usually advertise them (strongest first).
    pub const ALL: [Mechanism; 9] = [
        Mechanism::ScramSha256,
        Mechanism::ScramSha1,
        Mechanism::OAuthBearer,
        Mechanism::XOAuth2,
        Mechanism::CramMd5,
        Mechanism::Plain,
        Mechanism::Login,
        Mechanism::External,
        Mechanism::Anonymous,
    ];

    /// The registered name, upper case, as it appears on the wire.
    pub const fn name(self) -> &'static str {
        match self {
            Mechanism::Plain => "PLAIN",
            Mechanism::Login => "LOGIN",
            Mechanism::CramMd5 => "CRAM-MD5",
            Mechanism::ScramSha1 => "SCRAM-SHA-1",
            Mechanism::ScramSha256 => "SCRAM-SHA-256",
            Mechanism::XOAuth2 => "XOAUTH2",
            Mechanism::OAuthBearer => "OAUTHBEARER",
            Mechanism::External => "EXTERNAL",
            Mechanism::Anonymous => "ANONYMOUS",
        }
    }

    /// Looks a mechanism up by name, ignoring ASCII case. `-PLUS` names are refused with
    /// [`UnsupportedMechanism::ChannelBinding`].
    pub fn from_name(name: &str) -> Result<Self, UnsupportedMechanism> {
        if let Some(found) = Self::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
        {
            return Ok(found);
        }
        let upper = name.to_ascii_uppercase();
        if upper.ends_with("-PLUS") {
            Err(UnsupportedMechanism::ChannelBinding(name.to_owned()))
        } else {
            Err(UnsupportedMechanism::Unknown(name.to_owned()))
        }
    }

    /// Whether the client speaks first: its first message may go in the command that starts
    /// the exchange (an "initial response"). `false` for `LOGIN` and `CRAM-MD5`, where the
    /// server sends the first challenge.
    pub const fn client_first(self) -> bool {
        !matches!(self, Mechanism::Login | Mechanism::CramMd5)
    }

    /// Whether the mechanism sends a reusable secret (a password or a bearer token) as is, so
    /// that it must only be offered over an encrypted connection: `PLAIN`, `LOGIN`, `XOAUTH2`
    /// and `OAUTHBEARER`.
    pub const fn is_plaintext(self) -> bool {
        matches!(
            self,
            Mechanism::Plain | Mechanism::Login | Mechanism::XOAuth2 | Mechanism::OAuthBearer
        )
    }

    /// The hash of a SCRAM mechanism, `None` for the others.
    pub const fn scram_hash(self) -> Option<ScramHash> {
        match self {
            Mechanism::ScramSha1 => Some(ScramHash::Sha1),
            Mechanism::ScramSha256 => Some(ScramHash::Sha256),
            _ => None,
        }
    }
}

impl fmt::Display for Mechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Mechanism {
    type Err = UnsupportedMechanism;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_name(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_any_case() {
        for m in Mechanism::ALL {
            assert_eq!(Mechanism::from_name(m.name()), Ok(m));
            assert_eq!(Mechanism::from_name(&m.name().to_ascii_lowercase()), Ok(m));
            assert_eq!(m.to_string().parse::<Mechanism>(), Ok(m));
        }
    }

    #[test]
    fn plus_and_unknown_names_are_refused() {
        assert_eq!(
            Mechanism::from_name("scram-sha-1-plus"),
            Err(UnsupportedMechanism::ChannelBinding(
                "scram-sha-1-plus".into()
            ))
        );
        assert_eq!(
            Mechanism::from_name("DIGEST-MD5"),
            Err(UnsupportedMechanism::Unknown("DIGEST-MD5".into()))
        );
        assert_eq!(
            Mechanism::from_name(""),
            Err(UnsupportedMechanism::Unknown(String::new()))
        );
    }

    #[test]
    fn properties() {
        assert!(!Mechanism::Login.client_first());
        assert!(!Mechanism::CramMd5.client_first());
        assert!(Mechanism::Plain.client_first());
        assert!(Mechanism::External.client_first());
        assert!(Mechanism::Plain.is_plaintext());
        assert!(Mechanism::XOAuth2.is_plaintext());
        assert!(!Mechanism::ScramSha1.is_plaintext());
        assert!(!Mechanism::CramMd5.is_plaintext());
        assert_eq!(Mechanism::ScramSha1.scram_hash(), Some(ScramHash::Sha1));
        assert_eq!(Mechanism::Plain.scram_hash(), None);
    }
}
