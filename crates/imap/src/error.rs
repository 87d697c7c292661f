//! Parse errors: the peer sent something that is not IMAP.

use std::fmt;

use crate::redact::redact;

/// A message that does not follow the grammar. It carries the offending bytes (with LOGIN and
/// AUTHENTICATE arguments redacted) and the offset where parsing stopped.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[error("IMAP syntax error at offset {offset}: {}", .input.escape_ascii())]
pub struct ParseError {
    offset: usize,
    input: Vec<u8>,
}

/// How much of the offending message an error keeps.
const KEEP: usize = 256;

impl ParseError {
    pub(crate) fn new(frame: &[u8], rest: &[u8]) -> Self {
        let offset = frame.len().saturating_sub(rest.len());
        let shown = redact(&frame[..frame.len().min(KEEP)]).into_owned();
        Self {
            offset,
            input: shown,
        }
    }

    pub(crate) fn from_nom(frame: &[u8], e: nom::Err<nom::error::Error<&[u8]>>) -> Self {
        match e {
            nom::Err::Error(e) | nom::Err::Failure(e) => Self::new(frame, e.input),
            nom::Err::Incomplete(_) => Self::new(frame, &[]),
        }
    }

    /// Offset in the message where parsing stopped.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The start of the offending message (at most 256 bytes, credentials redacted).
    pub fn input(&self) -> &[u8] {
        &self.input
    }

    /// The tag at the start of the message, if it has one, so a server can answer
    /// `tag BAD ...` rather than `* BAD ...`.
    pub fn tag(&self) -> Option<&str> {
        let end = self
            .input
            .iter()
            .position(|&b| !crate::types::chars::is_tag_char(b))?;
        if end == 0 || self.input.get(end) != Some(&b' ') {
            return None;
        }
        std::str::from_utf8(&self.input[..end]).ok()
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseError")
            .field("offset", &self.offset)
            .field("input", &String::from_utf8_lossy(&self.input))
            .finish()
    }
}
