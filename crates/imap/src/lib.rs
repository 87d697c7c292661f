//! mailwire-imap: IMAP4rev1 (RFC 3501) and IMAP4rev2 (RFC 9051), sans-IO.
//!
//! This release holds the syntax layer:
//!
//! - [`types`]: validated values (tags, atoms, strings and literals, mailbox names, sequence
//!   sets, flags, dates), borrowed from the input by default, owned through
//!   [`IntoStatic`](types::IntoStatic);
//! - [`framing`]: the framer that finds message boundaries (lines and literals) under limits,
//!   before anything is parsed;
//! - [`encode`]: the writer every value encodes into.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod command;
pub mod encode;
mod error;
pub mod extensions;
pub mod framing;
pub mod parse;
mod quirks;
mod redact;
pub mod response;
pub mod types;

pub use error::ParseError;
pub use quirks::{ParseOptions, parse_command_with, parse_response_with};
pub use redact::redact;

#[cfg(test)]
mod strategies;
#[cfg(test)]
mod types_tests;
