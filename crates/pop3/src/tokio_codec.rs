//! tokio-util `Decoder`/`Encoder` adapters over the codec (feature `tokio`).
//!
//! They frame lines and run the line parsers; they know nothing of sessions. A full server or
//! client wants [`ServerSession`](crate::ServerSession) or
//! [`ClientSession`](crate::ClientSession), which also handle multi-line data, SASL lines,
//! STLS and limits.

use std::io;

use bytes::{Bytes, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

use crate::command::Command;
use crate::error::ParseError;
use crate::response::{Reply, Response};

/// Takes the next line (without its line ending) out of `src`, or reports a line longer than
/// `max` (its line ending counted) once its end has arrived.
fn next_line(src: &mut BytesMut, max: usize, discarding: &mut bool) -> Option<Result<Bytes, ()>> {
    let Some(lf) = src.iter().position(|b| *b == b'\n') else {
        if src.len() >= max {
            *discarding = true;
            src.clear();
        }
        return None;
    };
    let mut line = src.split_to(lf + 1);
    if std::mem::take(discarding) || line.len() > max {
        return Some(Err(()));
    }
    line.truncate(lf);
    if line.last() == Some(&b'\r') {
        line.truncate(lf - 1);
    }
    Some(Ok(line.freeze()))
}

/// Server side: decodes command lines, encodes responses. A line that does not parse is an
/// item (`Err`) to answer with `-ERR`, not a stream error.
///
/// ```
/// use bytes::BytesMut;
/// use mailwire_pop3::{Command, CommandCodec};
/// use tokio_util::codec::Decoder as _;
///
/// let mut codec = CommandCodec::new(255);
/// let mut input = BytesMut::from(&b"STAT\r\nBOGUS\r\nNO"[..]);
/// assert_eq!(codec.decode(&mut input).unwrap(), Some(Ok(Command::Stat)));
/// assert!(codec.decode(&mut input).unwrap().unwrap().is_err());
/// assert_eq!(codec.decode(&mut input).unwrap(), None);
/// ```
#[derive(Debug, Clone)]
pub struct CommandCodec {
    max_line_length: usize,
    discarding: bool,
}

impl CommandCodec {
    /// A codec refusing lines longer than `max_line_length`, CRLF included (RFC 2449: 255).
    pub fn new(max_line_length: usize) -> Self {
        Self {
            max_line_length,
            discarding: false,
        }
    }
}

impl Decoder for CommandCodec {
    type Item = Result<Command<'static>, ParseError>;
    type Error = io::Error;

    fn decode(&mut self, src: &mut BytesMut) -> io::Result<Option<Self::Item>> {
        Ok(
            next_line(src, self.max_line_length, &mut self.discarding).map(|line| match line {
                Ok(line) => Command::parse(&line).map(Command::into_owned),
                Err(()) => Err(ParseError::Syntax("line too long")),
            }),
        )
    }
}

impl Encoder<&Response<'_>> for CommandCodec {
    type Error = io::Error;

    fn encode(&mut self, item: &Response<'_>, dst: &mut BytesMut) -> io::Result<()> {
        item.encode(dst);
        Ok(())
    }
}

impl Encoder<&Reply<'_>> for CommandCodec {
    type Error = io::Error;

    fn encode(&mut self, item: &Reply<'_>, dst: &mut BytesMut) -> io::Result<()> {
        item.encode(dst);
        Ok(())
    }
}

/// Client side: encodes commands, decodes server lines without their line ending. Which
/// parser fits a line depends on the command it answers: [`Reply::parse`] for the first
/// line, [`BodyLine::parse`](crate::BodyLine::parse) inside a multi-line response.
#[derive(Debug, Clone)]
pub struct ServerLineCodec {
    max_line_length: usize,
    discarding: bool,
}

impl ServerLineCodec {
    /// A codec refusing lines longer than `max_line_length`, line ending included.
    pub fn new(max_line_length: usize) -> Self {
        Self {
            max_line_length,
            discarding: false,
        }
    }
}

impl Decoder for ServerLineCodec {
    type Item = Result<Bytes, ParseError>;
    type Error = io::Error;

    fn decode(&mut self, src: &mut BytesMut) -> io::Result<Option<Self::Item>> {
        Ok(next_line(src, self.max_line_length, &mut self.discarding)
            .map(|line| line.map_err(|()| ParseError::Syntax("line too long"))))
    }
}

impl Encoder<&Command<'_>> for ServerLineCodec {
    type Error = io::Error;

    fn encode(&mut self, item: &Command<'_>, dst: &mut BytesMut) -> io::Result<()> {
        item.encode(dst);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_items_and_framing_resumes() {
        let mut codec = CommandCodec::new(10);
        let mut input = BytesMut::from(&b"NOOP\r\nXXXXXXXX"[..]);
        assert_eq!(codec.decode(&mut input).unwrap(), Some(Ok(Command::Noop)));
        assert_eq!(codec.decode(&mut input).unwrap(), None);
        input.extend_from_slice(b"XXXXXXX\r\nQUIT\r\n");
        assert!(codec.decode(&mut input).unwrap().unwrap().is_err());
        assert_eq!(codec.decode(&mut input).unwrap(), Some(Ok(Command::Quit)));
        let mut out = BytesMut::new();
        let ok = Response::parse(b"+OK done").unwrap();
        codec.encode(&ok, &mut out).unwrap();
        assert_eq!(&out[..], b"+OK done\r\n");
    }

    #[test]
    fn server_lines_keep_bare_lf_lines() {
        let mut codec = ServerLineCodec::new(100);
        let mut input = BytesMut::from(&b"+OK\r\n..x\n.\r\n"[..]);
        let lines: Vec<_> = std::iter::from_fn(|| codec.decode(&mut input).unwrap()).collect();
        assert_eq!(
            lines,
            [
                Ok(Bytes::from("+OK")),
                Ok(Bytes::from("..x")),
                Ok(Bytes::from("."))
            ]
        );
        let mut out = BytesMut::new();
        codec.encode(&Command::Capa, &mut out).unwrap();
        assert_eq!(&out[..], b"CAPA\r\n");
    }
}
