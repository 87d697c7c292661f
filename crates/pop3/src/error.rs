//! Errors of the codec and of value construction.

use thiserror::Error;

/// A line the peer sent could not be parsed.
///
/// Parsers run on whole lines, so "need more bytes" never appears here: the framer reports that
/// by returning no line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The command keyword is not a POP3 command this crate knows.
    #[error("unknown command")]
    UnknownCommand,
    /// The line does not follow the grammar; the text says which part.
    #[error("syntax error: {0}")]
    Syntax(&'static str),
}

/// A value given to a constructor (`TryFrom`) cannot appear on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid {what}")]
pub struct InvalidValue {
    /// The kind of value that was refused.
    pub what: &'static str,
}

impl InvalidValue {
    pub(crate) const fn new(what: &'static str) -> Self {
        Self { what }
    }
}

/// The application called a session method at the wrong time or with a bad argument.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum UsageError {
    /// The method answers a question the session has not asked (or it was answered already).
    #[error("no {0} is pending")]
    NotPending(&'static str),
    /// An argument cannot be used.
    #[error("invalid {0}")]
    InvalidArgument(&'static str),
}
