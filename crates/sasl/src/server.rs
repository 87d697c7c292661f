//! The server side of an exchange, for every mechanism.

use mailwire_core::Secret;

use crate::error::utf8;
use crate::scram::{self, ScramCredentials, ServerFirstSent};
use crate::{Mechanism, Misuse, SaslError, cram_md5, oauth, plain};

/// The longest trace an `ANONYMOUS` client may send, in characters (RFC 4505 §3).
const MAX_TRACE_CHARS: usize = 255;

/// Per-exchange server settings. Randomness is the caller's: pass a fresh nonce for every
/// exchange.
///
/// ```
/// use mailwire_sasl::ServerConfig;
///
/// let config = ServerConfig::new("3rfcNHYJY1ZVvWVs7j", "mail.example.test")?;
/// assert_eq!(config.cram_md5_challenge(), "<3rfcNHYJY1ZVvWVs7j@mail.example.test>");
/// # Ok::<(), mailwire_sasl::SaslError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    nonce: String,
    cram_md5_challenge: String,
    success_data_as_challenge: bool,
}

impl ServerConfig {
    /// `nonce` must be fresh and unpredictable (say 18 random bytes in base64), printable
    /// ASCII without `,`. It is the server part of the SCRAM nonce, and the CRAM-MD5
    /// challenge is `<nonce@hostname>` (RFC 2195 asks for random digits and a timestamp
    /// there: pass `"random.timestamp"` as the nonce to follow it to the letter).
    pub fn new(nonce: impl Into<String>, hostname: &str) -> Result<Self, SaslError> {
        let nonce = nonce.into();
        if !scram::valid_nonce(&nonce) {
            return Err(
                Misuse::InvalidArgument("nonce must be printable ASCII without ','").into(),
            );
        }
        Ok(Self {
            cram_md5_challenge: format!("<{nonce}@{hostname}>"),
            nonce,
            success_data_as_challenge: false,
        })
    }

    /// Replaces the whole CRAM-MD5 challenge.
    pub fn with_cram_md5_challenge(mut self, challenge: impl Into<String>) -> Self {
        self.cram_md5_challenge = challenge.into();
        self
    }

    /// For protocol profiles whose success reply cannot carry data (see the protocol's SASL
    /// profile): the SCRAM `server-final-message` is sent as one more
    /// [`ServerStep::Challenge`], the client answers with an empty response, and the
    /// [`Success`] that follows has no `additional_data`. Off by default.
    pub fn with_success_data_as_challenge(mut self, yes: bool) -> Self {
        self.success_data_as_challenge = yes;
        self
    }

    /// The nonce given to [`ServerConfig::new`].
    pub fn nonce(&self) -> &str {
        &self.nonce
    }

    /// The challenge `CRAM-MD5` sends.
    pub fn cram_md5_challenge(&self) -> &str {
        &self.cram_md5_challenge
    }
}

/// What the server needs from the application before it can go on. Answer with the
/// [`ServerAuth`] method named on each variant.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ServerNeed {
    /// `PLAIN`, `LOGIN`: check the password of `authcid`, and that `authcid` may act as
    /// `authzid` when one is given. Answer [`ServerAuth::accept`] or [`ServerAuth::reject`].
    CheckPassword {
        /// Requested authorization identity (`PLAIN` only).
        authzid: Option<String>,
        /// Authentication identity (the username).
        authcid: String,
        /// The password as sent.
        password: Secret<String>,
    },
    /// `CRAM-MD5`: the password of `username`. Answer [`ServerAuth::provide_password`], or
    /// [`ServerAuth::reject`] for an unknown user.
    CramMd5Password {
        /// The username.
        username: String,
    },
    /// `SCRAM-*`: the stored credentials of `username`, for the mechanism's hash. Answer
    /// [`ServerAuth::provide_scram_credentials`], or [`ServerAuth::reject`] for an unknown
    /// user or when `username` may not act as `authzid`. (To hide which users exist, provide
    /// credentials derived from a random password instead: the proof will fail.)
    ScramCredentials {
        /// Authorization identity from the GS2 header (`a=`).
        authzid: Option<String>,
        /// The username (`n=`), unescaped and prepared with SASLprep.
        username: String,
    },
    /// `XOAUTH2`, `OAUTHBEARER`: validate `token` for `user`. Answer [`ServerAuth::accept`],
    /// [`ServerAuth::reject_token`] with an error document, or [`ServerAuth::reject`] for a
    /// default one.
    ValidateToken {
        /// `XOAUTH2`'s `user=`, or `OAUTHBEARER`'s authorization identity (`a=`).
        user: Option<String>,
        /// The bearer token.
        token: Secret<String>,
        /// `OAUTHBEARER`'s `host=`.
        host: Option<String>,
        /// `OAUTHBEARER`'s `port=`.
        port: Option<u16>,
    },
    /// `EXTERNAL`: authorize the identity established outside SASL (a TLS client certificate,
    /// a Unix socket peer) to act as `authzid`, or as itself when `None`. Answer
    /// [`ServerAuth::accept`] or [`ServerAuth::reject`].
    AuthorizeExternal {
        /// The requested authorization identity.
        authzid: Option<String>,
    },
    /// `ANONYMOUS`: accept an anonymous login? Answer [`ServerAuth::accept`] or
    /// [`ServerAuth::reject`].
    AcceptAnonymous {
        /// The trace information the client sent (an email address or a token), if any.
        trace: Option<String>,
    },
}

/// A successful exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Success {
    /// The authentication identity, when the mechanism carries one (`PLAIN`, `LOGIN`,
    /// `CRAM-MD5`, `SCRAM-*`).
    pub authcid: Option<String>,
    /// The authorization identity the client asked for, already approved by the application
    /// (for `XOAUTH2` and `OAUTHBEARER`: the user named with the token).
    pub authzid: Option<String>,
    /// Data to send with the success reply: the SCRAM `server-final-message`, unless
    /// [`ServerConfig::with_success_data_as_challenge`] is set.
    pub additional_data: Option<Vec<u8>>,
}

impl Success {
    /// The identity the session acts as: the authorization identity if one was requested,
    /// else the authentication identity.
    pub fn identity(&self) -> Option<&str> {
        self.authzid.as_deref().or(self.authcid.as_deref())
    }
}

/// Why an exchange failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The application rejected the credentials, the user or the authorization.
    Rejected,
    /// The `CRAM-MD5` digest or the SCRAM proof is wrong.
    InvalidProof,
    /// The client cancelled the exchange (`*`).
    Cancelled,
}

/// One step of the server side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerStep {
    /// Send this challenge (possibly empty) and pass the client's next response to
    /// [`ServerAuth::step`].
    Challenge(Vec<u8>),
    /// Ask the application, then call the answering method named on the need.
    Need(ServerNeed),
    /// The client is authenticated.
    Success(Success),
    /// The exchange failed.
    Failure(Failure),
}

/// Waiting for the application's answer.
#[derive(Debug)]
enum Pending {
    Password {
        authzid: Option<String>,
        authcid: String,
    },
    CramMd5 {
        username: String,
        digest: [u8; 16],
    },
    Scram(Box<scram::ClientFirst>),
    Token {
        user: Option<String>,
    },
    External {
        authzid: Option<String>,
    },
    Anonymous,
}

/// Waiting for the client's next response.
#[derive(Debug)]
enum Awaiting {
    /// The client's first message (for `LOGIN`, the username).
    Initial,
    LoginPassword {
        username: String,
    },
    CramMd5,
    ScramFinal(Box<ServerFirstSent>),
    TokenErrorAck,
    SuccessAck(Success),
}

#[derive(Debug)]
enum State {
    Start,
    Awaiting(Awaiting),
    Pending(Pending),
    Done,
}

/// The server side of one SASL exchange.
///
/// Drive it with [`ServerAuth::step`] until it returns [`ServerStep::Success`] or
/// [`ServerStep::Failure`]: send each [`ServerStep::Challenge`] and feed back the client's
/// response; answer each [`ServerStep::Need`] with the method it names, which returns the next
/// step. An `Err` ends the exchange (except [`SaslError::Misuse`]). When the client sends `*`,
/// call [`ServerAuth::cancel`].
#[derive(Debug)]
pub struct ServerAuth {
    mechanism: Mechanism,
    config: ServerConfig,
    state: State,
}

impl ServerAuth {
    /// Starts an exchange of `mechanism`.
    pub fn new(mechanism: Mechanism, config: ServerConfig) -> Self {
        Self {
            mechanism,
            config,
            state: State::Start,
        }
    }

    /// The mechanism being run.
    pub fn mechanism(&self) -> Mechanism {
        self.mechanism
    }

    /// Whether the exchange has ended (success, failure, error or cancel).
    pub fn is_finished(&self) -> bool {
        matches!(self.state, State::Done)
    }

    /// Feeds the client's response: `None` only for the first call when the command carried
    /// no initial response, `Some(bytes)` (base64-decoded, possibly empty) otherwise.
    pub fn step(&mut self, response: Option<&[u8]>) -> Result<ServerStep, SaslError> {
        match std::mem::replace(&mut self.state, State::Done) {
            State::Start => match response {
                None => Ok(self.first_challenge()),
                Some([]) if self.mechanism == Mechanism::Login => Ok(self.first_challenge()),
                Some(data) => self.client_first(data),
            },
            State::Awaiting(awaiting) => match response {
                Some(data) => self.response(awaiting, data),
                None => {
                    self.state = State::Awaiting(awaiting);
                    Err(Misuse::MissingResponse.into())
                }
            },
            State::Pending(pending) => {
                self.state = State::Pending(pending);
                Err(Misuse::AnswerPending.into())
            }
            State::Done => Err(Misuse::Finished.into()),
        }
    }

    /// The client sent `*`: the exchange ends with [`Failure::Cancelled`].
    pub fn cancel(&mut self) -> ServerStep {
        self.state = State::Done;
        ServerStep::Failure(Failure::Cancelled)
    }

    /// Accepts what a [`ServerNeed::CheckPassword`], [`ServerNeed::ValidateToken`],
    /// [`ServerNeed::AuthorizeExternal`] or [`ServerNeed::AcceptAnonymous`] asked.
    pub fn accept(&mut self) -> Result<ServerStep, SaslError> {
        let (authcid, authzid) = match self.take_pending()? {
            Pending::Password { authzid, authcid } => (Some(authcid), authzid),
            Pending::Token { user } => (None, user),
            Pending::External { authzid } => (None, authzid),
            Pending::Anonymous => (None, None),
            other => return self.wrong_answer(other),
        };
        Ok(self.succeed(authcid, authzid, None))
    }

    /// Rejects what the pending need asked. For tokens this sends a default error document
    /// (see [`ServerAuth::reject_token`]); otherwise the exchange ends with
    /// [`Failure::Rejected`].
    pub fn reject(&mut self) -> Result<ServerStep, SaslError> {
        match self.take_pending()? {
            Pending::Token { .. } => Ok(self.token_error(self.default_token_error())),
            _ => Ok(ServerStep::Failure(Failure::Rejected)),
        }
    }

    /// Rejects a token with an error document (JSON, see [`oauth_error_json`](crate::oauth_error_json)),
    /// sent as a challenge. The client answers (`OAUTHBEARER`
    /// with `%x01`, `XOAUTH2` with an empty response), after which the exchange ends with
    /// [`Failure::Rejected`].
    pub fn reject_token(&mut self, error: impl Into<Vec<u8>>) -> Result<ServerStep, SaslError> {
        match self.take_pending()? {
            Pending::Token { .. } => Ok(self.token_error(error.into())),
            other => self.wrong_answer(other),
        }
    }

    /// Answers [`ServerNeed::CramMd5Password`]: the server checks the digest itself.
    pub fn provide_password(&mut self, password: Secret<String>) -> Result<ServerStep, SaslError> {
        match self.take_pending()? {
            Pending::CramMd5 { username, digest } => {
                let expected = cram_md5::digest(
                    password.expose().as_bytes(),
                    self.config.cram_md5_challenge.as_bytes(),
                );
                if crate::crypto::ct_eq(&expected, &digest) {
                    Ok(self.succeed(Some(username), None, None))
                } else {
                    Ok(ServerStep::Failure(Failure::InvalidProof))
                }
            }
            other => self.wrong_answer(other),
        }
    }

    /// Answers [`ServerNeed::ScramCredentials`]: returns the `server-first-message`
    /// challenge; the server then checks the client's proof itself.
    pub fn provide_scram_credentials(
        &mut self,
        credentials: ScramCredentials,
    ) -> Result<ServerStep, SaslError> {
        match self.take_pending()? {
            Pending::Scram(first) => {
                let hash = credentials.hash;
                let len = hash.output_len();
                if Some(hash) != self.mechanism.scram_hash()
                    || credentials.stored_key.expose().len() != len
                    || credentials.server_key.expose().len() != len
                    || credentials.salt.is_empty()
                    || credentials.iterations == 0
                {
                    self.state = State::Pending(Pending::Scram(first));
                    return Err(Misuse::CredentialsMismatch.into());
                }
                let (message, sent) = scram::server_first(*first, &self.config.nonce, credentials);
                Ok(self.challenge(message, Awaiting::ScramFinal(Box::new(sent))))
            }
            other => self.wrong_answer(other),
        }
    }

    fn take_pending(&mut self) -> Result<Pending, SaslError> {
        match std::mem::replace(&mut self.state, State::Done) {
            State::Pending(p) => Ok(p),
            State::Done => Err(Misuse::Finished.into()),
            other => {
                self.state = other;
                Err(Misuse::NoPendingNeed.into())
            }
        }
    }

    fn wrong_answer(&mut self, pending: Pending) -> Result<ServerStep, SaslError> {
        self.state = State::Pending(pending);
        Err(Misuse::WrongAnswer.into())
    }

    fn challenge(&mut self, data: Vec<u8>, next: Awaiting) -> ServerStep {
        self.state = State::Awaiting(next);
        ServerStep::Challenge(data)
    }

    fn need(&mut self, need: ServerNeed, pending: Pending) -> ServerStep {
        self.state = State::Pending(pending);
        ServerStep::Need(need)
    }

    fn succeed(
        &mut self,
        authcid: Option<String>,
        authzid: Option<String>,
        data: Option<Vec<u8>>,
    ) -> ServerStep {
        let success = Success {
            authcid,
            authzid,
            additional_data: None,
        };
        match data {
            Some(data) if self.config.success_data_as_challenge => {
                self.challenge(data, Awaiting::SuccessAck(success))
            }
            data => {
                self.state = State::Done;
                ServerStep::Success(Success {
                    additional_data: data,
                    ..success
                })
            }
        }
    }

    fn default_token_error(&self) -> Vec<u8> {
        match self.mechanism {
            Mechanism::XOAuth2 => br#"{"status":"401","schemes":"bearer"}"#.to_vec(),
            _ => oauth::oauth_error_json("invalid_token", None, None),
        }
    }

    fn token_error(&mut self, error: Vec<u8>) -> ServerStep {
        self.challenge(error, Awaiting::TokenErrorAck)
    }

    /// The first challenge when the client sent no initial response.
    fn first_challenge(&mut self) -> ServerStep {
        match self.mechanism {
            Mechanism::Login => self.challenge(b"Username:".to_vec(), Awaiting::Initial),
            Mechanism::CramMd5 => {
                let challenge = self.config.cram_md5_challenge.clone().into_bytes();
                self.challenge(challenge, Awaiting::CramMd5)
            }
            _ => self.challenge(Vec::new(), Awaiting::Initial),
        }
    }

    /// The client's first message, as an initial response or after an empty challenge.
    fn client_first(&mut self, data: &[u8]) -> Result<ServerStep, SaslError> {
        let m = self.mechanism;
        match m {
            Mechanism::Plain => {
                let msg = plain::parse(data)?;
                let pending = Pending::Password {
                    authzid: msg.authzid.clone(),
                    authcid: msg.authcid.clone(),
                };
                let need = ServerNeed::CheckPassword {
                    authzid: msg.authzid,
                    authcid: msg.authcid,
                    password: msg.password,
                };
                Ok(self.need(need, pending))
            }
            Mechanism::Login => {
                if data.is_empty() {
                    return Err(SaslError::malformed(m, "empty username"));
                }
                let username = utf8(m, "username", data)?;
                Ok(self.challenge(b"Password:".to_vec(), Awaiting::LoginPassword { username }))
            }
            Mechanism::CramMd5 => Err(SaslError::UnexpectedInitialResponse(m)),
            Mechanism::ScramSha1 | Mechanism::ScramSha256 => {
                let hash = m.scram_hash().expect("SCRAM mechanisms have a hash");
                let first = scram::parse_client_first(hash, data)?;
                let need = ServerNeed::ScramCredentials {
                    authzid: first.authzid().map(str::to_owned),
                    username: first.username.clone(),
                };
                Ok(self.need(need, Pending::Scram(Box::new(first))))
            }
            Mechanism::XOAuth2 | Mechanism::OAuthBearer => {
                let request = if m == Mechanism::XOAuth2 {
                    oauth::parse_xoauth2(data)?
                } else {
                    oauth::parse_oauthbearer(data)?
                };
                let pending = Pending::Token {
                    user: request.user.clone(),
                };
                let need = ServerNeed::ValidateToken {
                    user: request.user,
                    token: request.token,
                    host: request.host,
                    port: request.port,
                };
                Ok(self.need(need, pending))
            }
            Mechanism::External => {
                let authzid = match data {
                    [] => None,
                    z => Some(utf8(m, "authorization identity", z)?),
                };
                Ok(self.need(
                    ServerNeed::AuthorizeExternal {
                        authzid: authzid.clone(),
                    },
                    Pending::External { authzid },
                ))
            }
            Mechanism::Anonymous => {
                let trace = match data {
                    [] => None,
                    t => Some(utf8(m, "trace", t)?),
                };
                if trace
                    .as_ref()
                    .is_some_and(|t| t.chars().count() > MAX_TRACE_CHARS)
                {
                    return Err(SaslError::malformed(m, "trace longer than 255 characters"));
                }
                Ok(self.need(ServerNeed::AcceptAnonymous { trace }, Pending::Anonymous))
            }
        }
    }

    /// A response to a challenge.
    fn response(&mut self, awaiting: Awaiting, data: &[u8]) -> Result<ServerStep, SaslError> {
        let m = self.mechanism;
        match awaiting {
            Awaiting::Initial => self.client_first(data),
            Awaiting::LoginPassword { username } => {
                if data.is_empty() {
                    return Err(SaslError::malformed(m, "empty password"));
                }
                let password = Secret::new(utf8(m, "password", data)?);
                let pending = Pending::Password {
                    authzid: None,
                    authcid: username.clone(),
                };
                let need = ServerNeed::CheckPassword {
                    authzid: None,
                    authcid: username,
                    password,
                };
                Ok(self.need(need, pending))
            }
            Awaiting::CramMd5 => {
                let (username, digest) = cram_md5::parse_response(data)?;
                let need = ServerNeed::CramMd5Password {
                    username: username.clone(),
                };
                Ok(self.need(need, Pending::CramMd5 { username, digest }))
            }
            Awaiting::ScramFinal(sent) => match scram::verify_client_final(&sent, data)? {
                Some(server_final) => {
                    let first = sent.client_first();
                    let (authcid, authzid) =
                        (first.username.clone(), first.authzid().map(str::to_owned));
                    Ok(self.succeed(Some(authcid), authzid, Some(server_final)))
                }
                None => Ok(ServerStep::Failure(Failure::InvalidProof)),
            },
            Awaiting::TokenErrorAck => Ok(ServerStep::Failure(Failure::Rejected)),
            Awaiting::SuccessAck(success) => {
                if data.is_empty() {
                    Ok(ServerStep::Success(success))
                } else {
                    Err(SaslError::UnexpectedMessage(m))
                }
            }
        }
    }
}
