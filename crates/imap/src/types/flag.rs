//! Message flags and keywords, and mailbox attributes of LIST.

use super::string::Atom;
use super::{IntoStatic, ValidationError};

/// A message flag (`flag`, `flag-fetch`, `flag-perm`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Flag<'a> {
    /// `\Answered`
    Answered,
    /// `\Flagged`
    Flagged,
    /// `\Deleted`
    Deleted,
    /// `\Seen`
    Seen,
    /// `\Draft`
    Draft,
    /// `\Recent` (IMAP4rev1 only; seen in FETCH and PERMANENTFLAGS, never stored by a client).
    Recent,
    /// `\*` in PERMANENTFLAGS: new keywords may be created.
    Wildcard,
    /// A keyword (an atom without backslash), such as `$Forwarded` or `$MDNSent`.
    Keyword(Atom<'a>),
    /// Any other `\`-flag, kept without its backslash.
    Extension(Atom<'a>),
}

impl<'a> Flag<'a> {
    /// Builds a flag from its wire text (`\Seen`, `$Junk`, ...).
    pub fn from_wire(text: &'a str) -> Result<Self, ValidationError> {
        Ok(match text.strip_prefix('\\') {
            Some(name) => Self::system(Atom::try_from(name)?),
            None => Self::Keyword(Atom::try_from(text)?),
        })
    }

    pub(crate) fn system(name: Atom<'a>) -> Self {
        Self::system_known(name.as_str().as_bytes()).unwrap_or(Self::Extension(name))
    }

    /// The system flag named `name` (without its backslash), if it is one of the base flags.
    /// Looked up on the bytes, so a parser only makes an atom of an extension flag.
    pub(crate) fn system_known(name: &[u8]) -> Option<Self> {
        // One pass over the bytes, uppercased on the stack, then a switch on the length.
        Some(match crate::parse::core::Upper::new(name).as_bytes() {
            b"ANSWERED" => Flag::Answered,
            b"FLAGGED" => Flag::Flagged,
            b"DELETED" => Flag::Deleted,
            b"SEEN" => Flag::Seen,
            b"DRAFT" => Flag::Draft,
            b"RECENT" => Flag::Recent,
            _ => return None,
        })
    }

    /// The wire text of the flag.
    pub fn wire(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow::{Borrowed, Owned};
        match self {
            Self::Answered => Borrowed("\\Answered"),
            Self::Flagged => Borrowed("\\Flagged"),
            Self::Deleted => Borrowed("\\Deleted"),
            Self::Seen => Borrowed("\\Seen"),
            Self::Draft => Borrowed("\\Draft"),
            Self::Recent => Borrowed("\\Recent"),
            Self::Wildcard => Borrowed("\\*"),
            Self::Keyword(a) => Borrowed(a.as_str()),
            Self::Extension(a) => Owned(format!("\\{a}")),
        }
    }
}

impl IntoStatic for Flag<'_> {
    type Static = Flag<'static>;
    fn into_static(self) -> Flag<'static> {
        match self {
            Self::Answered => Flag::Answered,
            Self::Flagged => Flag::Flagged,
            Self::Deleted => Flag::Deleted,
            Self::Seen => Flag::Seen,
            Self::Draft => Flag::Draft,
            Self::Recent => Flag::Recent,
            Self::Wildcard => Flag::Wildcard,
            Self::Keyword(a) => Flag::Keyword(a.into_static()),
            Self::Extension(a) => Flag::Extension(a.into_static()),
        }
    }
}

/// A mailbox attribute in LIST / LSUB (`mbx-list-flags`), including CHILDREN (RFC 3348),
/// LIST-EXTENDED (RFC 5258) and SPECIAL-USE (RFC 6154) ones. Matched case-insensitively and
/// kept in the case sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MailboxAttribute<'a>(pub(crate) Atom<'a>);

impl<'a> MailboxAttribute<'a> {
    /// `\Noinferiors`
    pub const NOINFERIORS: &'static str = "Noinferiors";
    /// `\Noselect`
    pub const NOSELECT: &'static str = "Noselect";
    /// `\HasChildren`
    pub const HAS_CHILDREN: &'static str = "HasChildren";
    /// `\HasNoChildren`
    pub const HAS_NO_CHILDREN: &'static str = "HasNoChildren";
    /// `\Subscribed`
    pub const SUBSCRIBED: &'static str = "Subscribed";
    /// `\NonExistent`
    pub const NON_EXISTENT: &'static str = "NonExistent";

    /// The attribute named `name` (without backslash).
    pub fn new(name: &'a str) -> Result<Self, ValidationError> {
        Atom::try_from(name).map(Self)
    }

    /// The name without backslash.
    pub fn name(&self) -> &str {
        self.0.as_str()
    }

    /// Case-insensitive comparison with a name (without backslash), e.g. `"Drafts"`.
    pub fn is(&self, name: &str) -> bool {
        self.0.eq_ignore_case(name)
    }
}

impl IntoStatic for MailboxAttribute<'_> {
    type Static = MailboxAttribute<'static>;
    fn into_static(self) -> MailboxAttribute<'static> {
        MailboxAttribute(self.0.into_static())
    }
}
