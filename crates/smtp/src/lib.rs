//! mailwire-smtp: SMTP (RFC 5321) and LMTP (RFC 2033) as sans-IO sessions.
//!
//! - [`address`], [`params`], [`command`], [`reply`], [`ehlo`]: validated values, their parsers
//!   and their encoders. Parsers take one complete line; encoders append to a `BytesMut`.
//! - [`server`]: the server session (SMTP and LMTP), every extension of the server side.
//! - [`client`]: the client session, one result per recipient.
//! - [`delivery`]: pure functions for relaying: recipients by domain, MX order, retry or bounce,
//!   delivery status notifications.
//! - [`trace`]: the `Received:` field a server adds to each message it receives.
//! - `tokio_codec` (feature `tokio`): tokio-util `Decoder`/`Encoder` adapters.
//! - [`error`]: misuse of a session's API.
//!
//! ```
//! use mailwire_smtp::command::Command;
//! let cmd = Command::parse(b"MAIL FROM:<a@example.org> SIZE=1000 BODY=8BITMIME").unwrap();
//! let mut out = bytes::BytesMut::new();
//! cmd.encode(&mut out);
//! assert_eq!(&out[..], b"MAIL FROM:<a@example.org> SIZE=1000 BODY=8BITMIME\r\n");
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod address;
mod charset;
pub mod client;
pub mod command;
pub mod delivery;
pub mod ehlo;
pub mod error;
pub mod params;
pub mod reply;
pub mod server;
#[cfg(feature = "tokio")]
pub mod tokio_codec;
pub mod trace;

/// ASCII upper case into a stack buffer, to match keywords (as byte strings) without
/// allocating. Words longer than the buffer come back empty: no keyword is that long.
pub(crate) fn upper<'b>(word: &str, buf: &'b mut [u8; 24]) -> &'b [u8] {
    let Some(dst) = buf.get_mut(..word.len()) else {
        return b"";
    };
    // A byte loop rather than `copy_from_slice`: for words this short, a call to memmove
    // costs more than the copy.
    for (d, s) in dst.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_uppercase();
    }
    dst
}
