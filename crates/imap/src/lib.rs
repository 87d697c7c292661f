//! mailwire-imap: IMAP4rev1 (RFC 3501) and IMAP4rev2 (RFC 9051), sans-IO.
//!
//! This release holds the syntax layer, both directions; the client and server sessions come
//! later.
//!
//! - [`types`]: validated values (tags, atoms, strings and literals `{n}` / `{n+}` / `~{n}`,
//!   mailbox names with modified UTF-7 and the INBOX rule, sequence sets with `*` and `$`,
//!   flags, dates), borrowed from the input by default, owned through
//!   [`IntoStatic`](types::IntoStatic);
//! - [`framing`]: the framer that finds message boundaries (lines and literals) under limits,
//!   before anything is parsed, and tells a server when a literal needs a `+`;
//! - [`command`]: every command a client sends, parsed ([`command::parse_command`]) and
//!   encoded ([`encode::Encode`]);
//! - [`response`]: every response a server sends, parsed ([`response::parse_response`]) and
//!   encoded; unknown data, codes and FETCH items are kept as generic values that round-trip;
//! - [`extensions`]: QUOTA, ACL, METADATA, NOTIFY, URLAUTH and COMPARATOR;
//! - [`url`]: IMAP URLs (RFC 5092, URL-PARTIAL, URLAUTH) as CATENATE and URLAUTH carry them;
//! - [`ParseOptions`]: the opt-in tolerances for what real peers send.
//!
//! ```
//! use mailwire_imap::encode::Encode;
//! use mailwire_imap::response::{Data, Response, parse_response};
//!
//! let frame = b"* 12 FETCH (FLAGS (\\Seen) UID 4827313)\r\n";
//! let response = parse_response(frame).unwrap();
//! assert!(matches!(response, Response::Data(Data::Fetch { .. })));
//! assert_eq!(response.to_bytes(), frame);
//! ```
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
pub mod url;

pub use error::ParseError;
pub use quirks::{ParseOptions, parse_command_with, parse_response_with};
pub use redact::redact;

#[cfg(test)]
mod strategies;
#[cfg(test)]
mod types_tests;
