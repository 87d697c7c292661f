//! mailwire: sans-IO email protocol libraries.
//!
//! This facade re-exports the protocol crates, each behind a feature of the same name:
//!
//! | feature   | crate              | what it holds                                              |
//! |-----------|--------------------|------------------------------------------------------------|
//! | `core`    | [`mailwire-core`]  | line framer with limits, dot-stuffing, `Secret<T>`          |
//! | `sasl`    | [`mailwire-sasl`]  | SASL mechanisms as sans-IO step machines                   |
//! | `message` | [`mailwire-message`] | RFC 5322 / MIME messages                                 |
//! | `smtp`    | [`mailwire-smtp`]  | SMTP and LMTP                                              |
//! | `pop3`    | [`mailwire-pop3`]  | POP3                                                       |
//! | `imap`    | [`mailwire-imap`]  | IMAP                                                       |
//! | `maildir` | [`mailwire-maildir`] | Maildir++ storage                                        |
//!
//! `full` enables them all; `tokio` adds the tokio-util codec adapters of the enabled crates.
//!
//! [`mailwire-core`]: https://docs.rs/mailwire-core
//! [`mailwire-sasl`]: https://docs.rs/mailwire-sasl
//! [`mailwire-message`]: https://docs.rs/mailwire-message
//! [`mailwire-smtp`]: https://docs.rs/mailwire-smtp
//! [`mailwire-pop3`]: https://docs.rs/mailwire-pop3
//! [`mailwire-imap`]: https://docs.rs/mailwire-imap
//! [`mailwire-maildir`]: https://docs.rs/mailwire-maildir
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "core")]
pub use mailwire_core as core;
#[cfg(feature = "imap")]
pub use mailwire_imap as imap;
#[cfg(feature = "maildir")]
pub use mailwire_maildir as maildir;
#[cfg(feature = "message")]
pub use mailwire_message as message;
#[cfg(feature = "pop3")]
pub use mailwire_pop3 as pop3;
#[cfg(feature = "sasl")]
pub use mailwire_sasl as sasl;
#[cfg(feature = "smtp")]
pub use mailwire_smtp as smtp;

/// The README's code examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
