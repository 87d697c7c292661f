//! mailwire-pop3: POP3 (RFC 1939) as sans-IO sessions.
//!
//! This crate is reserved and holds no API yet: its implementation is tracked in issue 5 of the
//! project. Nothing here pretends to work.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
