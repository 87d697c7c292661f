//! mailwire-message: parsing of internet messages (RFC 5322 and MIME, RFC 2045–2049).
//!
//! - **Zero-copy**: [`Message::parse`] borrows the input; header values, addresses, ids and
//!   bodies that need no decoding borrow from it. [`Message::into_owned`] and the typed
//!   values' `into_owned` give forms that outlive the input.
//! - **Never rejects input**: a malformed message gives a best-effort tree and a list of
//!   typed [`Defect`]s. It never panics.
//! - **Bounded**: [`Options`] limits depth, part count, encoded nesting and header size;
//!   time is linear in the input.
//! - **Byte-exact**: [`Message::write_to`] writes the tree back as it was read.
//! - **Building**: [`MessageBuilder`] and [`PartBuilder`] write new messages, folded, encoded
//!   and safe from header injection.
//!
//! ```
//! use mailwire_message::{Message, mailboxes};
//! let raw = b"From: =?UTF-8?Q?Andr=C3=A9?= <andre@example.org>\r\n\
//! To: team: a@example.com, b@example.com;\r\n\
//! Date: Tue, 1 Jul 2003 10:52:37 +0200\r\n\
//! Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n\
//! --x\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=E9\r\n\
//! --x\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--x--\r\n";
//! let msg = Message::parse(raw);
//! let root = msg.root();
//! let from = root.from();
//! assert_eq!(mailboxes(&from).next().unwrap().name.as_deref(), Some("André"));
//! assert_eq!(mailboxes(&root.to()).count(), 2);
//! assert_eq!(root.date().unwrap().to_rfc3339(), "2003-07-01T10:52:37+02:00");
//! let body = msg.body_parts();
//! let text = msg.part(body.text_body[0]).unwrap();
//! assert_eq!(text.text().as_deref(), Some("café"));
//! let pdf = msg.part(body.attachments[0]).unwrap();
//! assert_eq!((pdf.filename().as_deref(), &*pdf.decoded_body()), (Some("a.pdf"), &b"%PDF-"[..]));
//! assert!(msg.all_defects().is_empty());
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod address;
mod builder;
mod charset;
mod content_type;
mod date;
mod defect;
mod encoded_word;
mod lexer;
mod message;
mod msgid;
mod options;
mod parser;
mod push;
mod received;
mod scan;
mod stream_decode;
mod structure;
mod transfer;

pub use address::{Address, Group, Mailbox, mailboxes, parse_address_list};
pub use builder::{BuildError, MessageBuilder, PartBuilder};
pub use charset::decode_charset;
pub use content_type::{ContentDisposition, ContentType, Params};
pub use date::DateTime;
pub use defect::{Defect, DefectKind};
pub use encoded_word::decode_unstructured;
pub use lexer::unfold;
pub use message::{Header, Message, Part, PartId};
pub use msgid::parse_message_ids;
pub use options::Options;
pub use push::{Event, PushParser, RawField};
pub use received::Received;
pub use structure::BodyParts;
pub use transfer::{
    Base64Problem, MAX_QP_WHITE_SPACE, TransferEncoding, decode_base64, decode_quoted_printable,
};
