//! mailwire-maildir: a durable Maildir++ store that Dovecot can share.
//!
//! The POP3, IMAP and SMTP examples of mailwire keep mail here, and a user can point Dovecot,
//! mutt or any Maildir reader at the same directory and see the same messages, flags and UIDs:
//!
//! - layout: Maildir++ (INBOX is the root with `cur/`, `new/`, `tmp/`; other folders are
//!   `.Name` directories with `.` as hierarchy separator and names in modified UTF-7), a
//!   `subscriptions` file;
//! - delivery: written to `tmp/`, flushed, moved into `new/` or `cur/`, directory flushed,
//!   before success is reported; a half-written message is never visible;
//! - flags in the `:2,` suffix of the file name, keywords as letters mapped by
//!   `dovecot-keywords`;
//! - UIDs in `dovecot-uidlist` (version 3), rewritten atomically under Dovecot's
//!   `dovecot-uidlist.lock`, so Dovecot and mailwire agree on UIDs while both run;
//! - modseqs (CONDSTORE/QRESYNC) and expunged UIDs in `mailwire-index` beside the uidlist.
//!
//! The API is synchronous and small: an async server calls it from a blocking task.
//!
//! ```
//! use mailwire_maildir::{Flag, Flags, Maildir};
//! # let dir = tempfile::tempdir()?;
//! let maildir = Maildir::open(dir.path().join("Maildir"))?;
//! let mut inbox = maildir.inbox()?;
//! let info = inbox.deliver(b"Subject: hello\r\n\r\nHi!\r\n")?;
//! assert_eq!(info.uid, 1);
//! inbox.add_flags(&[info.uid], &Flags::from(Flag::Seen))?;
//! assert_eq!(inbox.read_message(1)?, b"Subject: hello\r\n\r\nHi!\r\n");
//! assert_eq!(inbox.status().unseen, 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod crlf;
mod error;
mod filename;
mod flags;
mod folder;
mod fsutil;
mod index;
mod keywords;
mod lock;
mod store;
mod uidlist;

pub use crlf::CrlfReader;
pub use error::{Error, Result};
pub use flags::{Flag, Flags};
pub use folder::{Folder, MessageInfo, Status, StoreOp, StoreOutcome};
pub use store::{Maildir, Quota};
