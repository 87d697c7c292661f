//! mailwire-smtp: SMTP (RFC 5321) and LMTP (RFC 2033) as sans-IO sessions.
//!
//! This crate is reserved and holds no API yet: its implementation is tracked in issue 4 of the
//! project. Nothing here pretends to work.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
