//! mailwire-core: building blocks shared by the mailwire protocol crates.
//!
//! Nothing here does IO or depends on an async runtime.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod secret;

pub use secret::Secret;
