//! mailwire-imap: IMAP4rev1 and IMAP4rev2 as sans-IO sessions.
//!
//! This crate is reserved and holds no API yet: its implementation is tracked in issue 6 of the
//! project. Nothing here pretends to work.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
