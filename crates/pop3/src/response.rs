//! Server responses: status lines with response codes, SASL continuations and the lines of
//! multi-line responses, with their parsers and encoders.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::BytesMut;

use crate::error::{InvalidValue, ParseError};
use crate::types::{LangTag, MessageNumber, ResponseCode, Text, Uid};

/// `+OK` or `-ERR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// `+OK`: the command succeeded.
    Ok,
    /// `-ERR`: the command failed.
    Err,
}

impl Status {
    /// The status indicator as written on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "+OK",
            Self::Err => "-ERR",
        }
    }
}

/// A status line: `+OK` or `-ERR`, an optional response code and text.
///
/// ```
/// use mailwire_pop3::{Response, ResponseCode, Status};
///
/// let response = Response::parse(b"-ERR [IN-USE] maildrop locked").unwrap();
/// assert_eq!(response.status(), Status::Err);
/// assert_eq!(response.code(), Some(&ResponseCode::InUse));
/// assert_eq!(response.text().as_str(), "maildrop locked");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response<'a> {
    status: Status,
    code: Option<ResponseCode<'a>>,
    text: Text<'a>,
}

impl<'a> Response<'a> {
    /// A response. Without a code, the text must not begin with something that reads as a
    /// bracketed response code, or the peer would see a code that is not there.
    pub fn new(
        status: Status,
        code: Option<ResponseCode<'a>>,
        text: Text<'a>,
    ) -> Result<Self, InvalidValue> {
        if code.is_none() && split_code(text.as_str()).is_some() {
            return Err(InvalidValue::new(
                "response text that reads as a response code",
            ));
        }
        Ok(Self { status, code, text })
    }

    /// `+OK text`.
    pub fn ok(text: Text<'a>) -> Result<Self, InvalidValue> {
        Self::new(Status::Ok, None, text)
    }

    /// `-ERR [code] text`.
    pub fn err(code: Option<ResponseCode<'a>>, text: Text<'a>) -> Result<Self, InvalidValue> {
        Self::new(Status::Err, code, text)
    }

    /// `+OK` or `-ERR`.
    pub fn status(&self) -> Status {
        self.status
    }

    /// Whether the status is `+OK`.
    pub fn is_ok(&self) -> bool {
        self.status == Status::Ok
    }

    /// The response code, if any.
    pub fn code(&self) -> Option<&ResponseCode<'a>> {
        self.code.as_ref()
    }

    /// The text after the status and code.
    pub fn text(&self) -> &Text<'a> {
        &self.text
    }

    /// The APOP timestamp of a greeting (`<...>`, brackets included), if it has one.
    pub fn apop_timestamp(&self) -> Option<&str> {
        let text = self.text.as_str();
        let start = text.find('<')?;
        let len = text[start..].find('>')? + 1;
        let stamp = &text[start..start + len];
        (len > 2 && !stamp.contains(' ')).then_some(stamp)
    }

    /// Parses a status line, given without its CRLF.
    pub fn parse(line: &'a [u8]) -> Result<Self, ParseError> {
        let line = std::str::from_utf8(line).map_err(|_| ParseError::Syntax("not UTF-8"))?;
        let (status, rest) = if let Some(rest) = line.strip_prefix("+OK") {
            (Status::Ok, rest)
        } else if let Some(rest) = line.strip_prefix("-ERR") {
            (Status::Err, rest)
        } else {
            return Err(ParseError::Syntax("status indicator expected"));
        };
        let rest = match rest.strip_prefix(' ') {
            Some(rest) => rest,
            None if rest.is_empty() => rest,
            None => return Err(ParseError::Syntax("space expected after status")),
        };
        let (code, text) = match split_code(rest) {
            Some((code, text)) => (Some(code), text),
            None => (None, rest),
        };
        let text = Text::try_from(text).map_err(|_| ParseError::Syntax("bad response text"))?;
        Ok(Self { status, code, text })
    }

    /// Appends the line, with its CRLF, to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        out.extend_from_slice(self.status.as_str().as_bytes());
        if let Some(code) = &self.code {
            out.extend_from_slice(b" [");
            out.extend_from_slice(code.as_str().as_bytes());
            out.extend_from_slice(b"]");
        }
        if !self.text.as_str().is_empty() {
            out.extend_from_slice(b" ");
            out.extend_from_slice(self.text.as_str().as_bytes());
        }
        out.extend_from_slice(b"\r\n");
    }

    /// A copy that owns all its text.
    pub fn into_owned(self) -> Response<'static> {
        Response {
            status: self.status,
            code: self.code.map(ResponseCode::into_owned),
            text: self.text.into_owned(),
        }
    }
}

/// Splits `[CODE] text` into the code and the text.
fn split_code(s: &str) -> Option<(ResponseCode<'_>, &str)> {
    let inner = s.strip_prefix('[')?;
    let end = inner.find(']')?;
    let code = ResponseCode::parse(&inner[..end])?;
    let after = &inner[end + 1..];
    Some((code, after.strip_prefix(' ').unwrap_or(after)))
}

/// Any line a server sends where a response is expected: a status line or a SASL continuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<'a> {
    /// `+OK ...` or `-ERR ...`.
    Status(Response<'a>),
    /// `+ base64`: a SASL challenge (RFC 5034), decoded.
    Continuation(Vec<u8>),
}

impl<'a> Reply<'a> {
    /// Parses a line, given without its CRLF.
    pub fn parse(line: &'a [u8]) -> Result<Self, ParseError> {
        if line.starts_with(b"+OK") || line.starts_with(b"-ERR") {
            return Response::parse(line).map(Self::Status);
        }
        let data = match line {
            b"+" | b"+ " => return Ok(Self::Continuation(Vec::new())),
            [b'+', b' ', data @ ..] => data,
            _ => return Err(ParseError::Syntax("status indicator expected")),
        };
        BASE64
            .decode(data)
            .map(Self::Continuation)
            .map_err(|_| ParseError::Syntax("bad base64 in SASL challenge"))
    }

    /// Appends the line, with its CRLF, to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        match self {
            Self::Status(response) => response.encode(out),
            Self::Continuation(data) => {
                out.extend_from_slice(b"+ ");
                out.extend_from_slice(BASE64.encode(data).as_bytes());
                out.extend_from_slice(b"\r\n");
            }
        }
    }
}

/// One line of a multi-line response, after dot-unstuffing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyLine<'a> {
    /// A line of data, without its CRLF and without the stuffed dot.
    Data(&'a [u8]),
    /// The terminating `.` line.
    End,
}

impl<'a> BodyLine<'a> {
    /// Parses a line of a multi-line response, given without its CRLF.
    pub fn parse(line: &'a [u8]) -> Self {
        match line {
            b"." => Self::End,
            [b'.', rest @ ..] => Self::Data(rest),
            _ => Self::Data(line),
        }
    }

    /// Appends the line, dot-stuffed and with its CRLF, to `out`. The data must not hold CR or
    /// LF; use a dot-stuffing encoder for whole messages.
    pub fn encode(&self, out: &mut BytesMut) {
        match self {
            Self::Data(data) => {
                if data.first() == Some(&b'.') {
                    out.extend_from_slice(b".");
                }
                out.extend_from_slice(data);
                out.extend_from_slice(b"\r\n");
            }
            Self::End => out.extend_from_slice(b".\r\n"),
        }
    }
}

fn two_words(line: &str) -> Option<(&str, &str)> {
    let (first, rest) = line.split_once(' ')?;
    let second = rest.split(' ').next().unwrap_or(rest);
    Some((first, second))
}

fn parse_message_number(s: &str) -> Option<MessageNumber> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().and_then(MessageNumber::new)
}

fn parse_size(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A scan listing, `n size`: one line of LIST, or the text of `+OK` after `LIST n` (RFC 1939).
/// Anything after the size is ignored when parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanListing {
    /// The message.
    pub message: MessageNumber,
    /// Its exact size in octets, as RETR sends it before dot-stuffing.
    pub size: u64,
}

impl ScanListing {
    /// Parses `n size`.
    pub fn parse(line: &[u8]) -> Result<Self, ParseError> {
        let line = std::str::from_utf8(line).map_err(|_| ParseError::Syntax("not UTF-8"))?;
        let (n, size) = two_words(line).ok_or(ParseError::Syntax("scan listing expected"))?;
        Ok(Self {
            message: parse_message_number(n).ok_or(ParseError::Syntax("bad message number"))?,
            size: parse_size(size).ok_or(ParseError::Syntax("bad size"))?,
        })
    }

    /// Appends `n size` and CRLF to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        out.extend_from_slice(format!("{} {}\r\n", self.message, self.size).as_bytes());
    }
}

/// A unique-id listing, `n uid`: one line of UIDL, or the text of `+OK` after `UIDL n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UidListing<'a> {
    /// The message.
    pub message: MessageNumber,
    /// Its unique id, stable across sessions.
    pub uid: Uid<'a>,
}

impl<'a> UidListing<'a> {
    /// Parses `n uid`.
    pub fn parse(line: &'a [u8]) -> Result<Self, ParseError> {
        let line = std::str::from_utf8(line).map_err(|_| ParseError::Syntax("not UTF-8"))?;
        let (n, uid) = two_words(line).ok_or(ParseError::Syntax("unique-id listing expected"))?;
        Ok(Self {
            message: parse_message_number(n).ok_or(ParseError::Syntax("bad message number"))?,
            uid: Uid::try_from(uid).map_err(|_| ParseError::Syntax("bad unique id"))?,
        })
    }

    /// Appends `n uid` and CRLF to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        out.extend_from_slice(format!("{} {}\r\n", self.message, self.uid).as_bytes());
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> UidListing<'static> {
        UidListing {
            message: self.message,
            uid: self.uid.into_owned(),
        }
    }
}

/// One line of the LANG listing (RFC 6856): a language tag and its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangListing<'a> {
    /// The language tag.
    pub tag: LangTag<'a>,
    /// Its description, in that language.
    pub description: Text<'a>,
}

impl<'a> LangListing<'a> {
    /// Parses `tag description`.
    pub fn parse(line: &'a [u8]) -> Result<Self, ParseError> {
        let line = std::str::from_utf8(line).map_err(|_| ParseError::Syntax("not UTF-8"))?;
        let (tag, description) = line.split_once(' ').unwrap_or((line, ""));
        Ok(Self {
            tag: LangTag::try_from(tag).map_err(|_| ParseError::Syntax("bad language tag"))?,
            description: Text::try_from(description)
                .map_err(|_| ParseError::Syntax("bad description"))?,
        })
    }

    /// Appends the line and CRLF to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        out.extend_from_slice(self.tag.as_str().as_bytes());
        if !self.description.as_str().is_empty() {
            out.extend_from_slice(b" ");
            out.extend_from_slice(self.description.as_str().as_bytes());
        }
        out.extend_from_slice(b"\r\n");
    }
}

/// The maildrop summary in the text of `+OK` after STAT: `count size` (RFC 1939).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DropListing {
    /// How many messages are not marked deleted.
    pub count: u32,
    /// Their total size in octets.
    pub size: u64,
}

impl DropListing {
    /// Parses `count size` from the text of a STAT response; anything after is ignored.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let (count, size) = two_words(text).ok_or(ParseError::Syntax("drop listing expected"))?;
        Ok(Self {
            count: parse_size(count)
                .and_then(|c| u32::try_from(c).ok())
                .ok_or(ParseError::Syntax("bad message count"))?,
            size: parse_size(size).ok_or(ParseError::Syntax("bad size"))?,
        })
    }
}
