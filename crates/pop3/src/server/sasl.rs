//! SASL exchanges of the server session, run by mailwire-sasl's `ServerAuth`.

use mailwire_core::{FrameError, Secret};
use mailwire_sasl::{Failure, ServerAuth, ServerStep};

use crate::command::SaslResponse;
use crate::error::{ParseError, UsageError};
use crate::response::Reply;
use crate::types::Mechanism;

use super::{LoginFailure, Pending, SaslAnswer, SaslMechanism, ServerEvent, ServerSession};

impl ServerSession {
    /// Answers [`ServerEvent::SaslNeed`]. An answer the need does not take is refused and
    /// changes nothing.
    pub fn sasl_answer(&mut self, answer: SaslAnswer) -> Result<(), UsageError> {
        let Some(Pending::Sasl {
            auth,
            awaiting_client: false,
        }) = &mut self.pending
        else {
            return Err(UsageError::NotPending("SASL need"));
        };
        let step = match answer {
            SaslAnswer::Accept => auth.accept(),
            SaslAnswer::Reject => auth.reject(),
            SaslAnswer::RejectToken(error) => auth.reject_token(error),
            SaslAnswer::Password(password) => auth.provide_password(password),
            SaslAnswer::ScramCredentials(credentials) => {
                auth.provide_scram_credentials(credentials)
            }
        };
        match step {
            Err(error) if !error.is_peer_fault() => Err(UsageError::InvalidArgument("SASL answer")),
            step => {
                self.sasl_step(step);
                self.process();
                Ok(())
            }
        }
    }

    pub(super) fn sasl_step(&mut self, step: Result<ServerStep, mailwire_sasl::SaslError>) {
        match step {
            Ok(ServerStep::Challenge(challenge)) => {
                self.set_awaiting_client(true);
                Reply::Continuation(challenge).encode(&mut self.out);
            }
            Ok(ServerStep::Need(need)) => {
                self.set_awaiting_client(false);
                if let Some(Pending::Sasl { auth, .. }) = &self.pending {
                    let mechanism = auth.mechanism();
                    self.events
                        .push_back(ServerEvent::SaslNeed { mechanism, need });
                }
            }
            Ok(ServerStep::Success(success)) => {
                self.set_line_limit(self.options.max_line_length);
                self.pending = Some(Pending::Login);
                self.events.push_back(ServerEvent::SaslSuccess(success));
            }
            Ok(ServerStep::Failure(Failure::Cancelled)) => {
                self.pending = None;
                self.set_line_limit(self.options.max_line_length);
                self.err(None, "Authentication cancelled");
            }
            Ok(ServerStep::Failure(_)) => {
                self.pending = None;
                self.fail_login(LoginFailure::BadCredentials);
            }
            Err(_) => {
                self.pending = None;
                self.set_line_limit(self.options.max_line_length);
                self.client_error("Malformed SASL exchange");
            }
        }
    }

    fn set_awaiting_client(&mut self, value: bool) {
        if let Some(Pending::Sasl {
            awaiting_client, ..
        }) = &mut self.pending
        {
            *awaiting_client = value;
        }
    }

    pub(super) fn auth(
        &mut self,
        mechanism: Mechanism<'_>,
        initial_response: Option<Secret<Vec<u8>>>,
    ) {
        let enabled = SaslMechanism::from_name(mechanism.as_str())
            .ok()
            .filter(|m| self.options.sasl_mechanisms.contains(m));
        let (Some(enabled), Some(config)) = (enabled, &self.sasl_config) else {
            return self.client_error("Unsupported authentication mechanism");
        };
        if enabled.is_plaintext() && !self.cleartext_allowed() {
            return self.err(
                Some("AUTH"),
                "Plaintext authentication disallowed without TLS, use STLS",
            );
        }
        let mut auth = Box::new(ServerAuth::new(enabled, config.clone()));
        let step = auth.step(initial_response.as_ref().map(|r| r.expose().as_slice()));
        self.pending = Some(Pending::Sasl {
            auth,
            awaiting_client: false,
        });
        self.set_line_limit(self.options.max_sasl_line_length);
        self.sasl_step(step);
    }

    pub(super) fn handle_sasl_line(&mut self, line: Result<bytes::Bytes, FrameError>) {
        let Some(Pending::Sasl { auth, .. }) = &mut self.pending else {
            return;
        };
        let response = match line {
            Ok(line) => SaslResponse::parse(&line),
            Err(_) => Err(ParseError::Syntax("line too long")),
        };
        let step = match response {
            Ok(SaslResponse::Data(data)) => auth.step(Some(data.expose())),
            Ok(SaslResponse::Cancel) => Ok(auth.cancel()),
            Err(_) => {
                self.pending = None;
                self.set_line_limit(self.options.max_line_length);
                self.client_error("Malformed SASL response");
                self.process();
                return;
            }
        };
        self.sasl_step(step);
        self.process();
    }
}
