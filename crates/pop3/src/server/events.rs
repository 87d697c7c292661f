//! What a server session asks of the application, and the answers it takes.

use mailwire_core::Secret;
use mailwire_sasl::{ScramCredentials, ServerNeed, Success};

use crate::command::apop_digest;
use crate::types::{MessageNumber, Uid};

use super::SaslMechanism;

/// What the application must see or decide.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ServerEvent {
    /// The client sent STLS and `+OK` is queued: write it, run the TLS handshake, then call
    /// [`ServerSession::tls_established`](super::ServerSession::tls_established). Plaintext that followed STLS has been discarded.
    StartTls,
    /// Credentials to check. Lock the maildrop and answer with
    /// [`ServerSession::accept_login`](super::ServerSession::accept_login), or answer [`ServerSession::reject_login`](super::ServerSession::reject_login).
    Login(LoginRequest),
    /// A SASL exchange needs the application (a password to check, stored SCRAM
    /// credentials, ...). Answer with [`ServerSession::sasl_answer`](super::ServerSession::sasl_answer).
    SaslNeed {
        /// The mechanism being run (SCRAM credentials depend on its hash).
        mechanism: SaslMechanism,
        /// What it needs.
        need: ServerNeed,
    },
    /// A SASL exchange succeeded. Lock the maildrop of [`Success::identity`] and answer with
    /// [`ServerSession::accept_login`](super::ServerSession::accept_login) or [`ServerSession::reject_login`](super::ServerSession::reject_login).
    SaslSuccess(Success),
    /// Message content is wanted: call [`ServerSession::message_data`](super::ServerSession::message_data) with the stored message
    /// in chunks, then [`ServerSession::message_end`](super::ServerSession::message_end) (or [`ServerSession::message_failed`](super::ServerSession::message_failed)).
    Retrieve {
        /// The message (its position in the listing given to `accept_login`).
        message: MessageNumber,
        /// `Some(n)` for TOP: only the header and `n` body lines are sent; the session cuts
        /// the data itself, so the application may stop early when `message_data` says so.
        top_lines: Option<u32>,
    },
    /// QUIT in the TRANSACTION state: remove these messages, release the maildrop, then call
    /// [`ServerSession::update_done`](super::ServerSession::update_done) or [`ServerSession::update_failed`](super::ServerSession::update_failed).
    Update {
        /// The messages marked deleted, in order.
        deleted: Vec<MessageNumber>,
    },
}

/// A USER/PASS or APOP login to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginRequest {
    /// The user name as the client sent it.
    pub user: String,
    /// What proves the user's identity.
    pub credentials: Credentials,
}

/// The proof in a [`LoginRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// USER/PASS: the password in clear.
    Password(Secret<String>),
    /// APOP: the digest of the session's timestamp and the password.
    Apop {
        /// The timestamp of this session's greeting, brackets included.
        timestamp: String,
        /// The digest the client sent.
        digest: [u8; 16],
    },
}

impl LoginRequest {
    /// Whether `password` is the user's password, for either kind of credentials.
    pub fn password_matches(&self, password: &[u8]) -> bool {
        match &self.credentials {
            Credentials::Password(given) => constant_time_eq(given.expose().as_bytes(), password),
            Credentials::Apop { timestamp, digest } => {
                constant_time_eq(&apop_digest(timestamp, password), digest)
            }
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Why a login was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoginFailure {
    /// Wrong user or password: `-ERR [AUTH]`, after the failed-login delay; counts toward
    /// the failed-login limit.
    BadCredentials,
    /// The maildrop is locked by another session: `-ERR [IN-USE]`.
    InUse,
    /// The user logged in too recently: `-ERR [LOGIN-DELAY]`.
    LoginDelay,
    /// A temporary problem (the store is unavailable): `-ERR [SYS/TEMP]`.
    Temporary,
    /// A permanent problem (the maildrop is corrupt): `-ERR [SYS/PERM]`.
    Permanent,
}

/// The application's answer to [`ServerEvent::SaslNeed`], as the need names it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum SaslAnswer {
    /// Accept the password, token, external identity or anonymous login.
    Accept,
    /// Reject it.
    Reject,
    /// Reject a token with this error document (OAUTHBEARER, XOAUTH2).
    RejectToken(Vec<u8>),
    /// The user's password, for CRAM-MD5.
    Password(Secret<String>),
    /// The user's stored credentials, for SCRAM.
    ScramCredentials(ScramCredentials),
}

/// One message of the maildrop, as listed at login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaildropEntry {
    /// The octets RETR sends before dot-stuffing; see [`crate::wire_size`].
    pub size: u64,
    /// The unique id, stable across sessions.
    pub uid: Uid<'static>,
}
