//! mailwire-sasl: SASL mechanisms as sans-IO step machines, client and server side.
//!
//! Mechanisms: `PLAIN` (RFC 4616), `LOGIN` (draft-murchison-sasl-login), `CRAM-MD5`
//! (RFC 2195), `SCRAM-SHA-1` (RFC 5802) and `SCRAM-SHA-256` (RFC 7677) without channel
//! binding, `XOAUTH2`, `OAUTHBEARER` (RFC 7628), `EXTERNAL` (RFC 4422 appendix A) and
//! `ANONYMOUS` (RFC 4505).
//!
//! Everything works on raw bytes: each protocol does its own base64 framing, so the challenges
//! and responses passed here are already decoded. Nothing here reads a clock, draws random
//! numbers or looks up a password: nonces are given by the caller ([`ServerConfig::new`],
//! [`ClientAuth::scram`]), and the server asks the application for what it needs through
//! [`ServerStep::Need`].
//!
//! # The server loop
//!
//! Create a [`ServerAuth`] when the client names a mechanism, and call
//! [`ServerAuth::step`] with the initial response (or `None`). Then, until the step is
//! [`ServerStep::Success`] or [`ServerStep::Failure`]:
//! - [`ServerStep::Challenge`]: send it, and pass the client's response to `step` (if the
//!   client sent `*`, call [`ServerAuth::cancel`] instead);
//! - [`ServerStep::Need`]: ask the application and answer with the method the need names
//!   ([`ServerAuth::accept`], [`ServerAuth::reject`], [`ServerAuth::provide_password`],
//!   [`ServerAuth::provide_scram_credentials`], [`ServerAuth::reject_token`]); each answer
//!   returns the next step.
//!
//! An `Err` of a peer fault ends the exchange: answer it with the protocol's syntax-error
//! reply. [`SaslError::Misuse`] reports a call the state does not allow and changes nothing.
//!
//! The client loop mirrors it: send [`ClientAuth::initial_response`] with the command if the
//! protocol allows, answer each challenge with [`ClientAuth::step`], and on the server's
//! success call [`ClientAuth::finish`] (which checks the SCRAM server signature).
//!
//! ```
//! use mailwire_core::Secret;
//! use mailwire_sasl::*;
//!
//! /// Runs one exchange in memory, playing the application with a single user.
//! fn run(mut client: ClientAuth, mut server: ServerAuth) -> Result<Success, Failure> {
//!     let mut step = server.step(client.initial_response().as_deref()).unwrap();
//!     loop {
//!         step = match step {
//!             ServerStep::Challenge(c) => server.step(Some(&client.step(&c).unwrap())).unwrap(),
//!             ServerStep::Need(ServerNeed::CheckPassword { authcid, password, .. }) => {
//!                 if authcid == "user" && password.expose() == "pencil" {
//!                     server.accept().unwrap()
//!                 } else {
//!                     server.reject().unwrap()
//!                 }
//!             }
//!             ServerStep::Need(ServerNeed::ScramCredentials { username, .. }) => {
//!                 assert_eq!(username, "user");
//!                 // Normally read from the user database, made once with `derive`.
//!                 let creds =
//!                     ScramCredentials::derive(ScramHash::Sha256, "pencil", b"salt", 4096).unwrap();
//!                 server.provide_scram_credentials(creds).unwrap()
//!             }
//!             ServerStep::Need(other) => panic!("not used here: {other:?}"),
//!             ServerStep::Success(success) => {
//!                 client.finish(success.additional_data.as_deref()).unwrap();
//!                 return Ok(success);
//!             }
//!             ServerStep::Failure(failure) => return Err(failure),
//!         };
//!     }
//! }
//!
//! let config = || ServerConfig::new("3rfcNHYJY1ZVvWVs7j", "mail.example.test").unwrap();
//!
//! let client = ClientAuth::plain(None, "user", Secret::new("pencil".into()))?;
//! let success = run(client, ServerAuth::new(Mechanism::Plain, config())).unwrap();
//! assert_eq!(success.identity(), Some("user"));
//!
//! let client = ClientAuth::plain(None, "user", Secret::new("wrong".into()))?;
//! assert_eq!(run(client, ServerAuth::new(Mechanism::Plain, config())), Err(Failure::Rejected));
//!
//! let password = Secret::new("pencil".into());
//! let client = ClientAuth::scram(ScramHash::Sha256, None, "user", password, "rOprNGfwEbeRWgbNEkqO")?;
//! let success = run(client, ServerAuth::new(Mechanism::ScramSha256, config())).unwrap();
//! assert_eq!(success.authcid.as_deref(), Some("user"));
//! assert!(success.additional_data.unwrap().starts_with(b"v="));
//! # Ok::<(), SaslError>(())
//! ```
//!
//! # SASLprep
//!
//! SCRAM usernames and passwords go through the part of SASLprep (RFC 4013) this crate
//! implements:
//! - mapping: non-ASCII spaces (RFC 3454 table C.1.2) become U+0020, and the characters of
//!   table B.1 ("commonly mapped to nothing") are removed;
//! - prohibited output: control characters (C.2.1, C.2.2), private use (C.3), non-characters
//!   (C.4), C.6, C.7, change-display-property characters (C.8) and tagging characters (C.9)
//!   are refused with [`SaslError::Prohibited`].
//!
//! Not implemented: normalization form KC, the bidirectional check and the unassigned code
//! point check. ASCII strings, and non-ASCII strings already in NFKC (what keyboards produce
//! for most scripts), prepare exactly as with a full implementation; other strings are passed
//! on unnormalized, so a peer with full SASLprep may derive a different key from them.
//! In SCRAM usernames and authorization identities `,` and `=` are sent as `=2C` and `=3D`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod client;
mod cram_md5;
mod crypto;
mod error;
mod gs2;
mod mechanism;
mod oauth;
mod plain;
mod saslprep;
mod scram;
mod server;

pub use client::{ClientAuth, DEFAULT_MAX_ITERATIONS};
pub use error::{Misuse, SaslError};
pub use mechanism::{Mechanism, UnsupportedMechanism};
pub use oauth::oauth_error_json;
pub use scram::{ScramCredentials, ScramHash};
pub use server::{Failure, ServerAuth, ServerConfig, ServerNeed, ServerStep, Success};
