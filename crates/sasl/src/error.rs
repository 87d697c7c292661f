//! Errors: faults of the peer, and misuse of the API by the caller.

use crate::Mechanism;

/// Why an exchange failed with an error rather than a [`Failure`](crate::Failure).
///
/// Every variant except [`SaslError::Misuse`] is a fault of the peer (malformed or
/// inconsistent data); after such an error the exchange is over, and the protocol answers with
/// its own syntax-error reply. [`SaslError::Misuse`] is a fault of the calling code and leaves
/// the exchange as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SaslError {
    /// The peer's message does not follow the mechanism's syntax.
    #[error("{mechanism}: malformed message: {reason}")]
    Malformed {
        /// The mechanism being run.
        mechanism: Mechanism,
        /// What is wrong with the message.
        reason: &'static str,
    },
    /// A field that must be UTF-8 is not.
    #[error("{mechanism}: {field} is not valid UTF-8")]
    InvalidUtf8 {
        /// The mechanism being run.
        mechanism: Mechanism,
        /// The field at fault.
        field: &'static str,
    },
    /// The client sent an initial response to a mechanism where the server speaks first.
    #[error("{0}: the client must not send an initial response")]
    UnexpectedInitialResponse(Mechanism),
    /// The peer sent a message when the mechanism expects no more.
    #[error("{0}: unexpected message, the exchange has no further round")]
    UnexpectedMessage(Mechanism),
    /// A SCRAM or OAUTHBEARER client asked for channel binding (`p=`), which is not supported.
    #[error("channel binding was requested but is not supported")]
    ChannelBindingNotSupported,
    /// The SCRAM channel binding attribute (`c=`) does not repeat the gs2 header.
    #[error("SCRAM channel binding data does not match the gs2 header")]
    ChannelBindingMismatch,
    /// The SCRAM peer sent a mandatory extension (`m=`), none of which is supported.
    #[error("SCRAM mandatory extension is not supported")]
    UnsupportedExtension,
    /// The SCRAM nonce does not continue the one sent before.
    #[error("SCRAM nonce does not match")]
    NonceMismatch,
    /// The SCRAM server asked for an iteration count of zero or above the client's limit.
    #[error("SCRAM iteration count {0} is outside the accepted range")]
    IterationCount(u32),
    /// SASLprep (RFC 4013) prohibits a character of a SCRAM username or password.
    #[error("{field} contains the prohibited character U+{:04X}", u32::from(*ch))]
    Prohibited {
        /// The field at fault.
        field: &'static str,
        /// The prohibited character.
        ch: char,
    },
    /// The SCRAM server's signature is wrong: it does not know the credentials.
    #[error("SCRAM server signature does not match")]
    ServerSignatureMismatch,
    /// The SCRAM server ended the exchange with an error attribute (`e=`).
    #[error("SCRAM server error: {0}")]
    ServerError(String),
    /// The SCRAM server reported success without its final message, so it is not verified.
    #[error("SCRAM server reported success without proving it knows the credentials")]
    MissingServerFinal,
    /// The caller used the API in a way the exchange does not allow.
    #[error(transparent)]
    Misuse(#[from] Misuse),
}

impl SaslError {
    /// Whether this error is the peer's fault (as opposed to [`SaslError::Misuse`]).
    pub fn is_peer_fault(&self) -> bool {
        !matches!(self, SaslError::Misuse(_))
    }

    pub(crate) fn malformed(mechanism: Mechanism, reason: &'static str) -> Self {
        SaslError::Malformed { mechanism, reason }
    }
}

/// A call the exchange does not allow in its current state, or an invalid argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Misuse {
    /// The exchange has already ended.
    #[error("the SASL exchange is already finished")]
    Finished,
    /// The server waits for the application's answer to a [`ServerNeed`](crate::ServerNeed).
    #[error("the SASL exchange waits for the application's answer")]
    AnswerPending,
    /// An answer was given while no [`ServerNeed`](crate::ServerNeed) was pending.
    #[error("no answer was requested")]
    NoPendingNeed,
    /// The answer does not fit the pending [`ServerNeed`](crate::ServerNeed).
    #[error("this answer does not fit the pending need")]
    WrongAnswer,
    /// `step(None)` after the first round: the client's response is required.
    #[error("a client response is required at this point")]
    MissingResponse,
    /// The initial response was taken twice, or after the first challenge.
    #[error("the initial response can be taken only once, before any challenge")]
    InitialResponseTaken,
    /// SCRAM credentials for a different hash than the mechanism's.
    #[error("SCRAM credentials do not match the mechanism's hash")]
    CredentialsMismatch,
    /// An argument cannot be encoded in the mechanism.
    #[error("invalid argument: {0}")]
    InvalidArgument(&'static str),
}

/// Reads `bytes` as UTF-8, naming `field` in the error.
pub(crate) fn utf8(
    mechanism: Mechanism,
    field: &'static str,
    bytes: &[u8],
) -> Result<String, SaslError> {
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| SaslError::InvalidUtf8 { mechanism, field })
}
