//! mailwire-pop3: POP3 (RFC 1939) and its extensions as sans-IO code.
//!
//! - [`Command`], [`Response`], [`Reply`], [`Capability`] and the listing types are the values
//!   on the wire, each with a parser for one line (given without its CRLF) and an encoder that
//!   appends the line to a caller-owned [`bytes::BytesMut`].
//! - [`ServerSession`] is the server side of a connection: the application answers its
//!   [`ServerEvent`]s (credentials, maildrop listing, message data, deletions).
//! - [`ClientSession`] is the client side: CAPA discovery, STLS, login with the strongest
//!   method offered, and the transaction commands with streamed, dot-unstuffed message data.
//!
//! - With the `tokio` feature, [`CommandCodec`] and [`ServerLineCodec`] adapt the codec to
//!   tokio-util's `Decoder`/`Encoder`.
//!
//! Extensions covered: CAPA, response codes and pipelining (RFC 2449), STLS (RFC 2595), the
//! `AUTH`/`SYS` response codes (RFC 3206), AUTH with initial response (RFC 5034), UTF8 and LANG
//! (RFC 6856).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod capability;
pub mod client;
mod command;
mod error;
mod message;
mod response;
pub mod server;
#[cfg(feature = "tokio")]
mod tokio_codec;
mod types;

pub use capability::{Capability, ExpirePolicy};
pub use client::{
    ClientError, ClientEvent, ClientOptions, ClientSession, CommandKind, LoginMethod,
};
pub use command::{Command, SaslResponse, apop_digest};
pub use error::{InvalidValue, ParseError, UsageError};
pub use message::wire_size;
pub use response::{
    BodyLine, DropListing, LangListing, Reply, Response, ScanListing, Status, UidListing,
};
pub use server::{
    Credentials, LoginFailure, LoginRequest, MaildropEntry, SaslAnswer, SaslMechanism, ServerEvent,
    ServerOptions, ServerSession,
};
#[cfg(feature = "tokio")]
pub use tokio_codec::{CommandCodec, ServerLineCodec};
pub use types::{
    CapabilityWord, LangTag, Mechanism, MessageNumber, ResponseCode, ResponseCodeText, Text, Uid,
    UserName,
};
