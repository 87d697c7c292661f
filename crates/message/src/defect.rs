//! Defects: what was wrong with a message that was parsed anyway (like Python's
//! `email.errors` defects).

use crate::message::PartId;

/// One problem found in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Defect {
    /// What is wrong.
    pub kind: DefectKind,
    /// The part it was found in.
    pub part: PartId,
}

/// The kinds of defect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DefectKind {
    /// A header-section line is neither a field (`name:`) nor a continuation; the header
    /// section ends there and the line starts the body (RFC 5322 §2.2).
    HeaderWithoutColon,
    /// The header section starts with a continuation line, which was skipped.
    FirstLineIsContinuation,
    /// The header section is larger than [`Options::max_header_bytes`](crate::Options).
    HeaderSectionTooLarge,
    /// A multipart has no `boundary` parameter (RFC 2046 §5.1.1); its body is a leaf.
    MissingBoundary,
    /// A multipart's body has no delimiter line; its body is a leaf.
    StartBoundaryNotFound,
    /// A multipart ends without its close delimiter.
    CloseBoundaryNotFound,
    /// The Content-Type field has no valid `type/subtype`; `text/plain` is assumed.
    InvalidContentType,
    /// Nesting deeper than [`Options::max_depth`](crate::Options); kept as a leaf.
    DepthLimit,
    /// More parts than [`Options::max_parts`](crate::Options); the rest is kept as a leaf.
    PartLimit,
    /// Transfer-encoded messages nested deeper than
    /// [`Options::max_encoded_nesting`](crate::Options); kept as a leaf.
    EncodedNestingLimit,
    /// Base64 body with characters outside the alphabet (skipped).
    InvalidBase64Characters,
    /// Base64 body without its final padding.
    InvalidBase64Padding,
    /// Base64 body with one character too many (dropped).
    InvalidBase64Length,
    /// An unknown Content-Transfer-Encoding; the body is left as it is.
    UnknownTransferEncoding,
    /// A text part in a charset nobody knows; decoded as UTF-8 with replacements.
    UnknownCharset,
    /// A Date field that could not be read.
    InvalidDate,
    /// An address field without any address.
    InvalidAddress,
    /// Raw 8-bit bytes in a header that are not UTF-8 (RFC 6532 allows UTF-8 only).
    NonUtf8Header,
}
