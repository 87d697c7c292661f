//! The client side of an exchange, for every mechanism.

use mailwire_core::Secret;

use crate::scram::{ScramClient, ScramHash};
use crate::{Mechanism, Misuse, SaslError, cram_md5, oauth, plain};

/// The default highest SCRAM iteration count a client accepts, so that a hostile server
/// cannot make it spin.
pub const DEFAULT_MAX_ITERATIONS: u32 = 1_000_000;

/// The longest `ANONYMOUS` trace, in characters (RFC 4505 §3).
const MAX_TRACE_CHARS: usize = 255;

#[derive(Debug)]
enum Inner {
    /// One client message and nothing more (`PLAIN`, `XOAUTH2`, `OAUTHBEARER`, `EXTERNAL`,
    /// `ANONYMOUS`).
    Message(Secret<Vec<u8>>),
    Login {
        username: String,
        password: Secret<String>,
    },
    CramMd5 {
        username: String,
        password: Secret<String>,
    },
    Scram(Box<ScramClient>),
}

/// The client side of one SASL exchange.
///
/// Take [`ClientAuth::initial_response`] if the protocol carries one, then answer each
/// challenge with [`ClientAuth::step`]; when the server reports success, call
/// [`ClientAuth::finish`] with the success data (if any) so that SCRAM can verify the server.
#[derive(Debug)]
pub struct ClientAuth {
    mechanism: Mechanism,
    inner: Inner,
    started: bool,
    rounds: u8,
    verified: bool,
    max_iterations: u32,
    server_error: Option<Vec<u8>>,
}

impl ClientAuth {
    fn new(mechanism: Mechanism, inner: Inner) -> Self {
        Self {
            mechanism,
            inner,
            started: false,
            rounds: 0,
            verified: false,
            max_iterations: DEFAULT_MAX_ITERATIONS,
            server_error: None,
        }
    }

    /// `PLAIN`. Fails if a field contains NUL, or the username or password is empty.
    pub fn plain(
        authzid: Option<&str>,
        authcid: &str,
        password: Secret<String>,
    ) -> Result<Self, SaslError> {
        let message = plain::encode(
            authzid.filter(|a| !a.is_empty()),
            authcid,
            password.expose(),
        )?;
        Ok(Self::new(Mechanism::Plain, Inner::Message(message)))
    }

    /// `LOGIN`: the username answers the first challenge, the password the second.
    pub fn login(username: &str, password: Secret<String>) -> Self {
        Self::new(
            Mechanism::Login,
            Inner::Login {
                username: username.to_owned(),
                password,
            },
        )
    }

    /// `CRAM-MD5`.
    pub fn cram_md5(username: &str, password: Secret<String>) -> Self {
        Self::new(
            Mechanism::CramMd5,
            Inner::CramMd5 {
                username: username.to_owned(),
                password,
            },
        )
    }

    /// `SCRAM-SHA-1` or `SCRAM-SHA-256`. `nonce` must be fresh and unpredictable, printable
    /// ASCII without `,` (say 18 random bytes in base64). The username and password go
    /// through SASLprep (see the crate documentation), which may refuse them.
    pub fn scram(
        hash: ScramHash,
        authzid: Option<&str>,
        username: &str,
        password: Secret<String>,
        nonce: &str,
    ) -> Result<Self, SaslError> {
        let client = ScramClient::new(hash, authzid, username, password.expose(), nonce)?;
        Ok(Self::new(hash.mechanism(), Inner::Scram(Box::new(client))))
    }

    /// `XOAUTH2` with an OAuth 2.0 bearer token.
    pub fn xoauth2(user: &str, token: Secret<String>) -> Result<Self, SaslError> {
        let message = oauth::encode_xoauth2(user, token.expose())?;
        Ok(Self::new(Mechanism::XOAuth2, Inner::Message(message)))
    }

    /// `OAUTHBEARER` with an OAuth 2.0 bearer token, and the server's host and port as the
    /// RFC 7628 `host` and `port` keys.
    pub fn oauthbearer(
        authzid: Option<&str>,
        token: Secret<String>,
        host: Option<&str>,
        port: Option<u16>,
    ) -> Result<Self, SaslError> {
        let message = oauth::encode_oauthbearer(authzid, token.expose(), host, port)?;
        Ok(Self::new(Mechanism::OAuthBearer, Inner::Message(message)))
    }

    /// `EXTERNAL`, acting as `authzid` or (with `None`) as the identity the transport
    /// established.
    pub fn external(authzid: Option<&str>) -> Self {
        let message = authzid.unwrap_or("").as_bytes().to_vec();
        Self::new(Mechanism::External, Inner::Message(Secret::new(message)))
    }

    /// `ANONYMOUS`, with optional trace information (at most 255 characters).
    pub fn anonymous(trace: Option<&str>) -> Result<Self, SaslError> {
        let trace = trace.unwrap_or("");
        if trace.chars().count() > MAX_TRACE_CHARS {
            return Err(
                Misuse::InvalidArgument("ANONYMOUS trace longer than 255 characters").into(),
            );
        }
        Ok(Self::new(
            Mechanism::Anonymous,
            Inner::Message(Secret::new(trace.as_bytes().to_vec())),
        ))
    }

    /// Sets the highest SCRAM iteration count accepted from the server
    /// ([`DEFAULT_MAX_ITERATIONS`] by default).
    pub fn with_max_iterations(mut self, max: u32) -> Self {
        self.max_iterations = max;
        self
    }

    /// The mechanism being run.
    pub fn mechanism(&self) -> Mechanism {
        self.mechanism
    }

    /// The client's first message, to send with the command that starts the exchange. `None`
    /// for `LOGIN` and `CRAM-MD5` (the server speaks first), and once the first message was
    /// produced (by this method or by [`ClientAuth::step`]). A protocol without initial
    /// responses skips this call: the first message then answers the server's empty
    /// challenge.
    pub fn initial_response(&mut self) -> Option<Vec<u8>> {
        if self.started {
            return None;
        }
        let message = self.first_message()?;
        self.started = true;
        Some(message)
    }

    /// The client's first message, for the mechanisms where the client speaks first.
    fn first_message(&self) -> Option<Vec<u8>> {
        match &self.inner {
            Inner::Message(m) => Some(m.expose().clone()),
            Inner::Scram(s) => Some(s.client_first()),
            Inner::Login { .. } | Inner::CramMd5 { .. } => None,
        }
    }

    /// Answers a challenge (base64-decoded). An `Err` means the client should cancel the
    /// exchange (send `*`).
    pub fn step(&mut self, challenge: &[u8]) -> Result<Vec<u8>, SaslError> {
        let m = self.mechanism;
        if !self.started
            && let Some(message) = self.first_message()
        {
            if !challenge.is_empty() {
                return Err(SaslError::malformed(m, "expected an empty challenge first"));
            }
            self.started = true;
            return Ok(message);
        }
        self.started = true;
        let round = self.rounds;
        self.rounds = self.rounds.saturating_add(1);
        match (&mut self.inner, round) {
            (Inner::Login { username, .. }, 0) => Ok(username.as_bytes().to_vec()),
            (Inner::Login { password, .. }, 1) => Ok(password.expose().as_bytes().to_vec()),
            (Inner::CramMd5 { username, password }, 0) => Ok(cram_md5::response(
                username,
                password.expose().as_bytes(),
                challenge,
            )),
            (Inner::Scram(s), 0) => s.client_final(challenge, self.max_iterations),
            (Inner::Scram(s), 1) => {
                s.verify_server_final(challenge)?;
                self.verified = true;
                Ok(Vec::new())
            }
            (Inner::Message(_), 0) if matches!(m, Mechanism::XOAuth2 | Mechanism::OAuthBearer) => {
                self.server_error = Some(challenge.to_vec());
                Ok(if m == Mechanism::OAuthBearer {
                    vec![0x01]
                } else {
                    Vec::new()
                })
            }
            _ => Err(SaslError::UnexpectedMessage(m)),
        }
    }

    /// The server reported success, with `additional_data` if its reply carried any. For
    /// SCRAM this verifies the server's signature, unless it came earlier as a challenge;
    /// a SCRAM success without it is [`SaslError::MissingServerFinal`].
    pub fn finish(&mut self, additional_data: Option<&[u8]>) -> Result<(), SaslError> {
        match (&self.inner, additional_data) {
            (Inner::Scram(s), Some(data)) if !self.verified => {
                s.verify_server_final(data)?;
                self.verified = true;
                Ok(())
            }
            (Inner::Scram(_), _) if !self.verified => Err(SaslError::MissingServerFinal),
            (_, Some(data)) if !data.is_empty() => {
                Err(SaslError::UnexpectedMessage(self.mechanism))
            }
            _ => Ok(()),
        }
    }

    /// The error document an `XOAUTH2` or `OAUTHBEARER` server sent when it refused the
    /// token (JSON, RFC 7628 §3.2.2).
    pub fn server_error(&self) -> Option<&[u8]> {
        self.server_error.as_deref()
    }
}
