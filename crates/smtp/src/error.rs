//! Misuse of a session's API by the calling code. Faults of the peer are not errors here: the
//! session answers them with a reply (server) or reports them as events (client).

/// A call the session's state does not allow; the session is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UsageError {
    /// No decision is pending, or the pending one is not of the kind this call answers.
    #[error("no pending decision of this kind")]
    NoPendingDecision,
    /// The session is not waiting for the TLS upgrade.
    #[error("the session is not waiting for a TLS upgrade")]
    NotAwaitingTls,
    /// An LMTP answer must hold one reply per accepted recipient.
    #[error("expected {expected} replies, got {got}")]
    ReplyCount {
        /// Accepted recipients.
        expected: usize,
        /// Replies given.
        got: usize,
    },
    /// The SASL step machine refused the call.
    #[error(transparent)]
    Sasl(#[from] mailwire_sasl::SaslError),
    /// The client is not ready for this request (still connecting, or busy with another).
    #[error("the client session is not ready for this request")]
    NotReady,
    /// The server did not offer what the request needs.
    #[error("the server does not offer {0}")]
    NotOffered(&'static str),
    /// The message is larger than the SIZE the server advertised.
    #[error("message of {size} octets exceeds the server's limit of {limit}")]
    TooBig {
        /// The message size.
        size: u64,
        /// The server's limit.
        limit: u64,
    },
    /// The session is closed.
    #[error("the session is closed")]
    Closed,
}
