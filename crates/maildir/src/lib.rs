//! mailwire-maildir: a durable Maildir++ store that Dovecot can share.
//!
//! This crate is reserved and holds no API yet: its implementation is tracked in issue 7 of the
//! project. Nothing here pretends to work.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
