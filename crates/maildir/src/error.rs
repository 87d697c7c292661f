//! The error type of every fallible operation.

use std::io;
use std::path::{Path, PathBuf};

/// What went wrong in a Maildir operation.
///
/// IO failures keep the path and the [`io::ErrorKind`] so that callers can match on them and
/// tests can compare errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A system call failed.
    #[error("{path}: {detail}")]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The kind of the underlying error.
        kind: io::ErrorKind,
        /// The underlying error as text.
        detail: String,
    },
    /// The folder name cannot be stored (empty part, `/`, control character, …).
    #[error("invalid folder name {0:?}")]
    InvalidFolderName(String),
    /// No folder of that name exists.
    #[error("no folder named {0:?}")]
    NoSuchFolder(String),
    /// A folder of that name exists already.
    #[error("a folder named {0:?} exists already")]
    FolderExists(String),
    /// INBOX cannot be created, renamed or deleted: it is the Maildir itself.
    #[error("INBOX cannot be created, renamed or deleted")]
    Inbox,
    /// No message has this UID (it never existed or it was expunged).
    #[error("no message with UID {0}")]
    NoSuchMessage(u32),
    /// A lock held by another process did not go away in time.
    #[error("timed out waiting for the lock {0}")]
    LockTimeout(PathBuf),
    /// The keyword is not a valid IMAP flag keyword.
    #[error("invalid keyword {0:?}")]
    InvalidKeyword(String),
    /// A Maildir folder maps at most 26 keywords to the letters `a` to `z`.
    #[error("a folder holds at most 26 keywords; {0:?} does not fit")]
    TooManyKeywords(String),
    /// Every UID up to 2^32 - 2 has been given out; the folder needs a new UIDVALIDITY.
    #[error("the folder has run out of UIDs")]
    UidsExhausted,
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(path: impl AsRef<Path>, err: io::Error) -> Self {
        Self::Io {
            path: path.as_ref().to_path_buf(),
            kind: err.kind(),
            detail: err.to_string(),
        }
    }

    /// Whether this is an IO error of the given kind.
    pub fn is_io(&self, want: io::ErrorKind) -> bool {
        matches!(self, Self::Io { kind, .. } if *kind == want)
    }
}

/// Attaches a path to an IO result.
pub(crate) trait IoContext<T> {
    fn at(self, path: impl AsRef<Path>) -> Result<T>;
}

impl<T> IoContext<T> for io::Result<T> {
    fn at(self, path: impl AsRef<Path>) -> Result<T> {
        self.map_err(|e| Error::io(path, e))
    }
}
