//! AUTH (RFC 4954) in the server session: policy checks, then the SASL exchange of
//! mailwire-sasl with 334 challenges, `*` cancels and the failure limit.

use mailwire_core::Secret;
use mailwire_sasl::{Failure, Mechanism, SaslError, ServerAuth, ServerConfig, ServerStep};

use super::{Event, Pending, Phase, Server};
use crate::command::{CommandError, decode_sasl};
use crate::error::UsageError;
use crate::reply::{Reply, ReplyCode, enh};

impl Server {
    /// Answers `AuthStart`: runs the SASL exchange with `config` (a fresh nonce each time).
    pub fn start_auth(&mut self, config: ServerConfig) -> Result<(), UsageError> {
        let Some(Pending::AuthStart(mechanism, initial)) = self.pending.take() else {
            return Err(UsageError::NoPendingDecision);
        };
        // SMTP's 235 carries no data: SCRAM's server-final goes as one more 334.
        let mut auth = ServerAuth::new(mechanism, config.with_success_data_as_challenge(true));
        let step = auth.step(initial.as_ref().map(|ir| ir.expose().as_slice()));
        self.auth = Some(auth);
        self.auth_step(step);
        self.resume();
        Ok(())
    }

    /// Answers `AuthNeed` by calling the named [`ServerAuth`] method, for example
    /// `server.answer_auth(|auth| auth.accept())`.
    pub fn answer_auth(
        &mut self,
        answer: impl FnOnce(&mut ServerAuth) -> Result<ServerStep, SaslError>,
    ) -> Result<(), UsageError> {
        if !matches!(self.pending, Some(Pending::AuthNeed)) {
            return Err(UsageError::NoPendingDecision);
        }
        let auth = self.auth.as_mut().ok_or(UsageError::NoPendingDecision)?;
        let step = answer(auth);
        if let Err(SaslError::Misuse(misuse)) = step {
            return Err(UsageError::Sasl(SaslError::Misuse(misuse)));
        }
        self.pending = None;
        self.auth_step(step);
        self.resume();
        Ok(())
    }

    pub(super) fn auth_command(&mut self, name: &str, initial: Option<Secret<Vec<u8>>>) {
        if self.options.auth_mechanisms.is_empty() {
            return self.error(Reply::new(
                ReplyCode::NOT_IMPLEMENTED,
                enh(5, 5, 1),
                "AUTH not offered",
            ));
        }
        if self.hello.is_none() {
            return self.bad_sequence("Send EHLO first");
        }
        if self.authenticated {
            return self.bad_sequence("Already authenticated");
        }
        if self.transaction.is_some() {
            return self.bad_sequence("AUTH not allowed during a mail transaction");
        }
        let mechanism = Mechanism::from_name(name)
            .ok()
            .filter(|m| self.options.auth_mechanisms.contains(m));
        let Some(mechanism) = mechanism else {
            return self.error(Reply::new(
                ReplyCode::PARAMETER_NOT_IMPLEMENTED,
                enh(5, 5, 4),
                "Unrecognized authentication type",
            ));
        };
        if !self.tls && (self.options.require_tls_for_auth || mechanism.is_plaintext()) {
            return self.error(Reply::new(
                ReplyCode::ENCRYPTION_REQUIRED,
                enh(5, 7, 11),
                "Encryption required for requested authentication mechanism",
            ));
        }
        self.events.push_back(Event::AuthStart { mechanism });
        self.pending = Some(Pending::AuthStart(mechanism, initial));
    }

    pub(super) fn auth_response(&mut self, line: &[u8]) {
        let Some(auth) = &mut self.auth else {
            self.phase = Phase::Command;
            return;
        };
        if line == b"*" {
            let step = auth.cancel();
            return self.auth_step(Ok(step));
        }
        let decoded = std::str::from_utf8(line)
            .ok()
            .filter(|text| *text != "=")
            .map_or(Err(CommandError::Base64), decode_sasl);
        match decoded {
            Ok(response) => {
                let step = auth.step(Some(&response));
                self.auth_step(step);
            }
            Err(e) => {
                self.auth = None;
                self.phase = Phase::Command;
                self.error(e.reply());
            }
        }
    }

    pub(super) fn auth_step(&mut self, step: Result<ServerStep, SaslError>) {
        self.phase = Phase::Command;
        match step {
            Ok(ServerStep::Challenge(challenge)) => {
                // RFC 4954 §4: "334" SP [base64] CRLF, the space even for an empty challenge.
                self.out.extend_from_slice(b"334 ");
                if !challenge.is_empty() {
                    crate::command::encode_sasl(&challenge, &mut self.out);
                }
                self.out.extend_from_slice(b"\r\n");
                self.phase = Phase::AuthResponse;
            }
            Ok(ServerStep::Need(need)) => {
                self.events.push_back(Event::AuthNeed(need));
                self.pending = Some(Pending::AuthNeed);
            }
            Ok(ServerStep::Success(success)) => {
                self.auth = None;
                self.authenticated = true;
                self.send(Reply::new(
                    ReplyCode::AUTH_SUCCEEDED,
                    enh(2, 7, 0),
                    "Authentication successful",
                ));
                self.events.push_back(Event::Authenticated(success));
            }
            Ok(ServerStep::Failure(Failure::Cancelled)) => {
                self.auth = None;
                self.error(Reply::new(
                    ReplyCode::PARAMETER_SYNTAX_ERROR,
                    enh(5, 0, 0),
                    "Authentication cancelled",
                ));
            }
            Ok(ServerStep::Failure(failure)) => {
                self.auth = None;
                self.auth_failures += 1;
                self.events.push_back(Event::AuthFailed {
                    failure,
                    failures: self.auth_failures,
                });
                let reply = Reply::new(
                    ReplyCode::AUTH_INVALID,
                    enh(5, 7, 8),
                    "Authentication credentials invalid",
                );
                if self.options.auth_failure_delay.is_zero() {
                    self.send_reply_after_auth_failure(reply);
                } else {
                    self.delayed = Some((reply, None));
                }
            }
            Err(_) => {
                self.auth = None;
                self.error(Reply::new(
                    ReplyCode::PARAMETER_SYNTAX_ERROR,
                    enh(5, 5, 2),
                    "Malformed authentication data",
                ));
            }
        }
    }

    pub(super) fn send_reply_after_auth_failure(&mut self, reply: Reply<'static>) {
        self.send(reply);
        if self.auth_failures >= self.options.max_auth_failures {
            self.close_with(Reply::new(
                ReplyCode::SERVICE_NOT_AVAILABLE,
                enh(4, 7, 0),
                "Too many authentication failures",
            ));
        }
    }
}
