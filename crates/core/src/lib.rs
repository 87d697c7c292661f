//! mailwire-core: building blocks shared by the mailwire protocol crates.
//!
//! Nothing here does IO or depends on an async runtime.
//!
//! - [`line`](mod@line): a streaming CRLF line framer with a length limit, for every line-based protocol.
//! - [`dot`]: dot-stuffing for SMTP DATA and POP3 multi-line responses, safe against SMTP
//!   smuggling.
//! - [`Secret`]: a wrapper that keeps passwords and tokens out of logs.
//! - [`utf7`]: modified UTF-7 (RFC 3501 §5.1.3) for IMAP mailbox and Maildir++ folder names.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod dot;
pub mod line;
mod secret;
pub mod utf7;

pub use dot::{Decoded, DotStuffer, DotStufferOptions, DotUnstuffer};
pub use line::{FrameError, FramerOptions, LineFramer};
pub use secret::Secret;
