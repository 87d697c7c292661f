//! What a server session offers and the limits it enforces.

use std::time::Duration;

use mailwire_sasl::Mechanism;

/// Settings of a [`Server`](super::Server). `Default` gives safe limits and every extension
/// on except STARTTLS and AUTH, which need the application's TLS and user database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerOptions {
    /// The name the server gives in its greeting and EHLO reply.
    pub hostname: String,
    /// Text after the hostname in the 220 greeting.
    pub greeting: String,
    /// Speak LMTP (RFC 2033): LHLO instead of EHLO, one reply per recipient after the data.
    pub lmtp: bool,
    /// The connection is TLS from the start (implicit TLS, port 465).
    pub implicit_tls: bool,
    /// Longest command line, CRLF included (RFC 5321 §4.5.3.1.4: 512).
    pub max_line_length: usize,
    /// Longest AUTH command or SASL response line, CRLF included (RFC 4954: 12288).
    pub max_auth_line_length: usize,
    /// Most recipients per message (RFC 5321 §4.5.3.1.8: at least 100).
    pub max_recipients: usize,
    /// Largest message in octets, advertised with SIZE; `None` for no limit.
    pub max_message_size: Option<u64>,
    /// Protocol errors (syntax, bad sequence) before the session is closed with 421.
    pub max_errors: usize,
    /// Commands (NOOP, RSET, VRFY, HELP, EHLO …) between transactions before 421.
    pub max_commands_outside_transaction: usize,
    /// Failed AUTH attempts before the session is closed with 421.
    pub max_auth_failures: usize,
    /// How long a failed AUTH waits before its 535 reply (needs `handle_timeout`).
    pub auth_failure_delay: Duration,
    /// Most input bytes held while the application decides (pipelined commands waiting).
    pub max_buffered_input: usize,
    /// Advertise PIPELINING (RFC 2920).
    pub pipelining: bool,
    /// Advertise and accept 8BITMIME (RFC 6152).
    pub eightbitmime: bool,
    /// Advertise and accept SMTPUTF8 (RFC 6531).
    pub smtputf8: bool,
    /// Advertise and accept CHUNKING / BDAT (RFC 3030).
    pub chunking: bool,
    /// Advertise and accept BINARYMIME (RFC 3030, needs `chunking`).
    pub binarymime: bool,
    /// Advertise DSN and accept its parameters (RFC 3461).
    pub dsn: bool,
    /// Advertise ENHANCEDSTATUSCODES and put enhanced codes in replies (RFC 2034).
    pub enhanced_status_codes: bool,
    /// Advertise REQUIRETLS on TLS sessions and accept the parameter (RFC 8689).
    pub requiretls: bool,
    /// Offer STARTTLS (RFC 3207): the application can upgrade the transport.
    pub starttls: bool,
    /// SASL mechanisms to offer (RFC 4954), in the order advertised; empty: no AUTH.
    pub auth_mechanisms: Vec<Mechanism>,
    /// Offer AUTH only over TLS; mechanisms that send the password as is need it anyway.
    pub require_tls_for_auth: bool,
    /// Refuse MAIL until the client has authenticated (submission, RFC 6409).
    pub require_auth: bool,
    /// Hand VRFY and EXPN to the application; otherwise they get 252.
    pub verify_events: bool,
    /// Pass unknown MAIL/RCPT parameters to the application instead of answering 555.
    pub accept_unknown_parameters: bool,
    /// Waiting for a command (RFC 5321 §4.5.3.2.7: at least 5 minutes).
    pub command_timeout: Duration,
    /// Waiting for the next piece of message data (RFC 5321 §4.5.3.2.5: 3 minutes).
    pub data_timeout: Duration,
    /// What to do with DATA content that holds a bare CR or LF (default: reject).
    pub bare_line_endings: BareLineEndings,
}

/// The policy for a bare CR or LF (one not part of a CRLF) in DATA content.
///
/// RFC 5321 §2.3.8 allows lines to end only in CRLF. A bare LF is how SMTP smuggling
/// (CVE-2023-51764/51765/51766) hides a second message: a server further along that takes
/// `<LF>.<LF>` as the end of data reads what follows as new commands. The session itself only
/// ends data at `<CRLF>.<CRLF>`, so it is never fooled; the policy decides whether such content
/// is passed on to servers that may be.
///
/// BDAT content is counted in octets rather than ended by a marker, and may be binary
/// (BINARYMIME); the policy does not apply to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum BareLineEndings {
    /// Refuse the message once its data has ended: the session answers
    /// `554 5.6.0 Message refused: bare <CR> or <LF> received`, the application sees
    /// [`Event::MessageAborted`](super::Event::MessageAborted) instead of `MessageEnd`, and the
    /// session goes on. 554 is RFC 5321's "transaction failed" after the data; 5.6.0 (RFC 3463,
    /// "other or undefined media error") because the fault is in the message content, not in a
    /// command. Postfix's reject mode answers 5.5.2 and disconnects, as it stops reading at the
    /// first bare LF; reading on to the real end of data keeps the session usable.
    #[default]
    Reject,
    /// Pass the message on; [`Event::MessageEnd`](super::Event::MessageEnd) reports
    /// `bare_line_endings: true` and the application decides.
    Accept,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            hostname: "localhost".to_owned(),
            greeting: "Service ready".to_owned(),
            lmtp: false,
            implicit_tls: false,
            max_line_length: 512,
            max_auth_line_length: 12288,
            max_recipients: 100,
            max_message_size: Some(25 * 1024 * 1024),
            max_errors: 10,
            max_commands_outside_transaction: 50,
            max_auth_failures: 3,
            auth_failure_delay: Duration::ZERO,
            max_buffered_input: 64 * 1024,
            pipelining: true,
            eightbitmime: true,
            smtputf8: true,
            chunking: true,
            binarymime: true,
            dsn: true,
            enhanced_status_codes: true,
            requiretls: true,
            starttls: false,
            auth_mechanisms: Vec::new(),
            require_tls_for_auth: true,
            require_auth: false,
            verify_events: false,
            accept_unknown_parameters: false,
            command_timeout: Duration::from_secs(5 * 60),
            data_timeout: Duration::from_secs(3 * 60),
            bare_line_endings: BareLineEndings::Reject,
        }
    }
}
