//! mailwire-message: parsing and building of internet messages (RFC 5322 and MIME).
//!
//! This crate is reserved and holds no API yet: its implementation is tracked in issue 3 of the
//! project. Nothing here pretends to work.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
