//! nom parsers over whole frames (as found by the [`framing`](crate::framing) module).

pub mod core;
pub(crate) mod scan;
