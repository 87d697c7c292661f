//! Criterion benchmarks for mailwire live in `benches/`; this library only anchors the package.
//! See `README.md` in this folder for the figures and the commands that reproduce them.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
