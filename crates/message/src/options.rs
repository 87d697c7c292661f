//! Resource bounds for the parser.

/// Limits that keep parsing bounded on hostile input. The defaults are safe for mail from
/// anywhere; exceeding one never fails the parse, it records a [`Defect`](crate::Defect) and
/// keeps the rest of the input as an unparsed body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Deepest MIME nesting (multiparts and embedded messages) parsed as a tree; deeper parts
    /// are kept as leaves. Default 64.
    pub max_depth: usize,
    /// Most parts in one message, nested messages included. Default 10,000.
    pub max_parts: usize,
    /// Most levels of transfer-encoded embedded messages (a base64 `message/rfc822` inside
    /// another) that are decoded and parsed. Default 3.
    pub max_encoded_nesting: usize,
    /// Largest header section, in bytes; fields beyond it are kept as raw bytes but not
    /// indexed. Default 1 MiB.
    pub max_header_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_depth: 64,
            max_parts: 10_000,
            max_encoded_nesting: 3,
            max_header_bytes: 1 << 20,
        }
    }
}

impl Options {
    /// Sets [`Options::max_depth`].
    pub fn with_max_depth(mut self, v: usize) -> Self {
        self.max_depth = v;
        self
    }

    /// Sets [`Options::max_parts`].
    pub fn with_max_parts(mut self, v: usize) -> Self {
        self.max_parts = v;
        self
    }

    /// Sets [`Options::max_encoded_nesting`].
    pub fn with_max_encoded_nesting(mut self, v: usize) -> Self {
        self.max_encoded_nesting = v;
        self
    }

    /// Sets [`Options::max_header_bytes`].
    pub fn with_max_header_bytes(mut self, v: usize) -> Self {
        self.max_header_bytes = v;
        self
    }
}
