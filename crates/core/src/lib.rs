//! Placeholder: filled by the foundation work.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
