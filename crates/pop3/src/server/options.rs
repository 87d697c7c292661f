//! The limits and policy of a server session.

use std::time::Duration;

use crate::capability::ExpirePolicy;
use crate::types::Text;

use super::SaslMechanism;

/// Limits and policy of a [`ServerSession`](super::ServerSession).
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// Longest command line, CRLF included (RFC 2449: 255).
    pub max_line_length: usize,
    /// Longest client line during a SASL exchange, CRLF included.
    pub max_sasl_line_length: usize,
    /// Most input held while the session waits for the application (pipelined commands); a
    /// client that sends more is answered `-ERR` and disconnected.
    pub max_buffered_input: usize,
    /// The connection is TLS from the start (POP3S on port 995).
    pub implicit_tls: bool,
    /// Offer STLS: the application can upgrade the connection to TLS.
    pub stls: bool,
    /// Accept USER/PASS and SASL mechanisms that send a reusable secret (PLAIN, LOGIN, XOAUTH2,
    /// OAUTHBEARER) without TLS. Off by default: passwords then never cross the network in the
    /// clear.
    pub allow_cleartext_login_without_tls: bool,
    /// Offer USER/PASS.
    pub user_pass: bool,
    /// SASL mechanisms to offer, in order of preference. They are offered only when the
    /// session has a [`ServerConfig`](mailwire_sasl::ServerConfig) ([`ServerSession::with_sasl`](super::ServerSession::with_sasl)).
    pub sasl_mechanisms: Vec<SaslMechanism>,
    /// `IMPLEMENTATION` text for CAPA.
    pub implementation: Option<Text<'static>>,
    /// `EXPIRE` policy for CAPA.
    pub expire: Option<ExpirePolicy>,
    /// `LOGIN-DELAY` seconds for CAPA; the application enforces it through
    /// [`LoginFailure::LoginDelay`](super::LoginFailure::LoginDelay).
    pub login_delay: Option<u32>,
    /// Close the connection silently after this long without a command. RFC 1939 asks for at
    /// least 10 minutes; shorter values are raised to 10 minutes.
    pub inactivity_timeout: Duration,
    /// How long a failed login waits before its `-ERR` is sent.
    pub failed_login_delay: Duration,
    /// Failed logins after which the session closes.
    pub max_failed_logins: u32,
    /// Unknown, malformed or misplaced commands after which the session closes.
    pub max_errors: u32,
}

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            max_line_length: 255,
            max_sasl_line_length: 16 * 1024,
            max_buffered_input: 256 * 1024,
            implicit_tls: false,
            stls: false,
            allow_cleartext_login_without_tls: false,
            user_pass: true,
            sasl_mechanisms: Vec::new(),
            implementation: None,
            expire: None,
            login_delay: None,
            inactivity_timeout: MIN_INACTIVITY,
            failed_login_delay: Duration::from_secs(2),
            max_failed_logins: 3,
            max_errors: 10,
        }
    }
}

pub(super) const MIN_INACTIVITY: Duration = Duration::from_secs(600);
