//! tokio-util [`Decoder`]/[`Encoder`] adapters over the codec, for programs that frame a
//! stream of command lines or replies with `Framed` (feature `tokio`).
//!
//! They frame lines only: message data after DATA or BDAT is the caller's to read (or use the
//! sans-IO sessions, which handle it). A malformed command or reply is an `Err` item, not a
//! stream error, so a server can answer it and go on.

use bytes::{Buf, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

use crate::command::{Command, CommandError, MAX_AUTH_LINE};
use crate::reply::{MAX_REPLY_LINE, Reply, ReplyError};

/// Frames command lines; items are parsed commands or the error to answer.
#[derive(Debug, Clone)]
pub struct CommandCodec {
    max_line_length: usize,
    discarding: bool,
}

impl Default for CommandCodec {
    /// Lines up to [`MAX_AUTH_LINE`] octets (long enough for AUTH initial responses).
    fn default() -> Self {
        CommandCodec::new(MAX_AUTH_LINE)
    }
}

impl CommandCodec {
    /// A codec refusing lines longer than `max_line_length` octets, CRLF included.
    pub fn new(max_line_length: usize) -> Self {
        CommandCodec {
            max_line_length,
            discarding: false,
        }
    }
}

impl Decoder for CommandCodec {
    type Item = Result<Command<'static>, CommandError>;
    type Error = std::io::Error;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Self::Item>, Self::Error> {
        let Some(lf) = src.iter().position(|&b| b == b'\n') else {
            if src.len() >= self.max_line_length {
                // Drop the over-long line as it arrives; report it when it ends.
                self.discarding = true;
                src.clear();
            }
            return Ok(None);
        };
        let line = src.split_to(lf + 1);
        if std::mem::take(&mut self.discarding) || line.len() > self.max_line_length {
            return Ok(Some(Err(CommandError::LineTooLong)));
        }
        match line.strip_suffix(b"\r\n") {
            Some(line) => Ok(Some(Command::parse(line).map(Command::into_owned))),
            None => Ok(Some(Err(CommandError::InvalidCharacters))),
        }
    }
}

impl Encoder<&Command<'_>> for CommandCodec {
    type Error = std::io::Error;

    fn encode(&mut self, item: &Command<'_>, dst: &mut BytesMut) -> Result<(), Self::Error> {
        item.encode(dst);
        Ok(())
    }
}

/// Frames replies, single or multi-line; items are replies or why the bytes were not one.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReplyCodec;

impl Decoder for ReplyCodec {
    type Item = Result<Reply<'static>, ReplyError>;
    type Error = std::io::Error;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Self::Item>, Self::Error> {
        match Reply::parse(src) {
            Ok(None) => Ok(None),
            Ok(Some((reply, used))) => {
                let reply = reply.into_owned();
                src.advance(used);
                Ok(Some(Ok(reply)))
            }
            Err(e) => {
                // Skip the offending line (or what there is of it) and report it.
                let skip = src
                    .iter()
                    .take(MAX_REPLY_LINE)
                    .position(|&b| b == b'\n')
                    .map_or(src.len().min(MAX_REPLY_LINE), |p| p + 1);
                src.advance(skip);
                Ok(Some(Err(e)))
            }
        }
    }
}

impl Encoder<&Reply<'_>> for ReplyCodec {
    type Error = std::io::Error;

    fn encode(&mut self, item: &Reply<'_>, dst: &mut BytesMut) -> Result<(), Self::Error> {
        item.encode(dst);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::ReplyCode;

    #[test]
    fn commands_both_ways() {
        let mut codec = CommandCodec::new(64);
        let mut src = BytesMut::from(&b"EHLO a.org\r\nBOGUS\r\nNOOP"[..]);
        assert!(matches!(
            codec.decode(&mut src).unwrap(),
            Some(Ok(Command::Ehlo(_)))
        ));
        assert_eq!(
            codec.decode(&mut src).unwrap(),
            Some(Err(CommandError::Unrecognized))
        );
        assert_eq!(codec.decode(&mut src).unwrap(), None);
        src.extend_from_slice(&[b'x'; 100]);
        assert_eq!(codec.decode(&mut src).unwrap(), None);
        assert!(src.is_empty());
        src.extend_from_slice(b"xx\r\nQUIT\r\n");
        assert_eq!(
            codec.decode(&mut src).unwrap(),
            Some(Err(CommandError::LineTooLong))
        );
        assert_eq!(codec.decode(&mut src).unwrap(), Some(Ok(Command::Quit)));
        let mut dst = BytesMut::new();
        codec.encode(&Command::Rset, &mut dst).unwrap();
        assert_eq!(&dst[..], b"RSET\r\n");
    }

    #[test]
    fn replies_both_ways() {
        let mut codec = ReplyCodec;
        let mut src = BytesMut::from(&b"250-a\r\n250 b\r\nxyz\r\n220 ok\r\n"[..]);
        let reply = codec.decode(&mut src).unwrap().unwrap().unwrap();
        assert_eq!(reply.lines(), ["a", "b"]);
        assert_eq!(
            codec.decode(&mut src).unwrap(),
            Some(Err(ReplyError::Syntax))
        );
        let reply = codec.decode(&mut src).unwrap().unwrap().unwrap();
        assert_eq!(reply.code(), ReplyCode::SERVICE_READY);
        assert_eq!(codec.decode(&mut src).unwrap(), None);
        let mut dst = BytesMut::new();
        codec.encode(&reply, &mut dst).unwrap();
        assert_eq!(&dst[..], b"220 ok\r\n");
    }
}
