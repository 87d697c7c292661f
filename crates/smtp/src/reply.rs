//! Replies: three-digit codes (RFC 5321 §4.2), enhanced status codes (RFC 3463), single and
//! multi-line text; parsed and encoded.

use std::borrow::Cow;
use std::fmt;

use bytes::BytesMut;

/// Longest reply line this crate reads, CRLF included. RFC 5321 says 512; real servers send
/// longer ones, so reading is lenient up to here.
pub const MAX_REPLY_LINE: usize = 4096;
/// Most lines a reply may have when reading.
pub const MAX_REPLY_LINES: usize = 256;

/// Why reply bytes could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplyError {
    /// The line does not start with a valid three-digit code followed by space, `-` or the end.
    #[error("malformed reply line")]
    Syntax,
    /// A line is longer than [`MAX_REPLY_LINE`].
    #[error("reply line too long")]
    LineTooLong,
    /// The reply has more than [`MAX_REPLY_LINES`] lines.
    #[error("reply has too many lines")]
    TooManyLines,
}

/// A reply code: first digit 2 to 5, second 0 to 5, third 0 to 9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReplyCode(u16);

impl ReplyCode {
    /// 211 System status.
    pub const SYSTEM_STATUS: ReplyCode = ReplyCode(211);
    /// 214 Help message.
    pub const HELP: ReplyCode = ReplyCode(214);
    /// 220 Service ready.
    pub const SERVICE_READY: ReplyCode = ReplyCode(220);
    /// 221 Service closing transmission channel.
    pub const CLOSING: ReplyCode = ReplyCode(221);
    /// 235 Authentication succeeded (RFC 4954).
    pub const AUTH_SUCCEEDED: ReplyCode = ReplyCode(235);
    /// 250 Requested mail action okay, completed.
    pub const OK: ReplyCode = ReplyCode(250);
    /// 251 User not local; will forward.
    pub const USER_NOT_LOCAL: ReplyCode = ReplyCode(251);
    /// 252 Cannot VRFY user, but will accept message.
    pub const CANNOT_VERIFY: ReplyCode = ReplyCode(252);
    /// 334 Server challenge (RFC 4954).
    pub const AUTH_CHALLENGE: ReplyCode = ReplyCode(334);
    /// 354 Start mail input.
    pub const START_MAIL_INPUT: ReplyCode = ReplyCode(354);
    /// 421 Service not available, closing transmission channel.
    pub const SERVICE_NOT_AVAILABLE: ReplyCode = ReplyCode(421);
    /// 432 A password transition is needed (RFC 4954).
    pub const PASSWORD_TRANSITION: ReplyCode = ReplyCode(432);
    /// 450 Mailbox unavailable (temporary).
    pub const MAILBOX_BUSY: ReplyCode = ReplyCode(450);
    /// 451 Local error in processing.
    pub const LOCAL_ERROR: ReplyCode = ReplyCode(451);
    /// 452 Insufficient system storage / too many recipients.
    pub const INSUFFICIENT_STORAGE: ReplyCode = ReplyCode(452);
    /// 454 Temporary authentication failure, or TLS not available.
    pub const TEMPORARY_FAILURE: ReplyCode = ReplyCode(454);
    /// 455 Server unable to accommodate parameters.
    pub const PARAMETERS_NOT_ACCOMMODATED: ReplyCode = ReplyCode(455);
    /// 500 Syntax error, command unrecognized (also: line too long).
    pub const SYNTAX_ERROR: ReplyCode = ReplyCode(500);
    /// 501 Syntax error in parameters or arguments.
    pub const PARAMETER_SYNTAX_ERROR: ReplyCode = ReplyCode(501);
    /// 502 Command not implemented.
    pub const NOT_IMPLEMENTED: ReplyCode = ReplyCode(502);
    /// 503 Bad sequence of commands.
    pub const BAD_SEQUENCE: ReplyCode = ReplyCode(503);
    /// 504 Command parameter not implemented.
    pub const PARAMETER_NOT_IMPLEMENTED: ReplyCode = ReplyCode(504);
    /// 530 Authentication required (RFC 4954).
    pub const AUTH_REQUIRED: ReplyCode = ReplyCode(530);
    /// 534 Authentication mechanism is too weak (RFC 4954).
    pub const MECHANISM_TOO_WEAK: ReplyCode = ReplyCode(534);
    /// 535 Authentication credentials invalid (RFC 4954).
    pub const AUTH_INVALID: ReplyCode = ReplyCode(535);
    /// 538 Encryption required for requested authentication mechanism (RFC 4954).
    pub const ENCRYPTION_REQUIRED: ReplyCode = ReplyCode(538);
    /// 550 Mailbox unavailable.
    pub const MAILBOX_UNAVAILABLE: ReplyCode = ReplyCode(550);
    /// 551 User not local.
    pub const USER_NOT_LOCAL_ERROR: ReplyCode = ReplyCode(551);
    /// 552 Exceeded storage allocation.
    pub const EXCEEDED_STORAGE: ReplyCode = ReplyCode(552);
    /// 553 Mailbox name not allowed.
    pub const MAILBOX_NAME_NOT_ALLOWED: ReplyCode = ReplyCode(553);
    /// 554 Transaction failed / no valid recipients.
    pub const TRANSACTION_FAILED: ReplyCode = ReplyCode(554);
    /// 555 MAIL FROM/RCPT TO parameters not recognized or not implemented.
    pub const PARAMETERS_NOT_RECOGNIZED: ReplyCode = ReplyCode(555);
    /// 556 Domain does not accept mail (RFC 7504).
    pub const DOMAIN_DOES_NOT_ACCEPT_MAIL: ReplyCode = ReplyCode(556);

    /// Validates a code.
    pub const fn new(code: u16) -> Option<Self> {
        let (first, second) = (code / 100, code / 10 % 10);
        if first >= 2 && first <= 5 && second <= 5 {
            Some(ReplyCode(code))
        } else {
            None
        }
    }

    /// The number.
    pub const fn get(self) -> u16 {
        self.0
    }

    /// The first digit.
    pub const fn class(self) -> u8 {
        (self.0 / 100) as u8
    }

    /// 2xx
    pub const fn is_positive(self) -> bool {
        self.class() == 2
    }

    /// 3xx
    pub const fn is_intermediate(self) -> bool {
        self.class() == 3
    }

    /// 4xx
    pub const fn is_transient(self) -> bool {
        self.class() == 4
    }

    /// 5xx
    pub const fn is_permanent(self) -> bool {
        self.class() == 5
    }
}

impl fmt::Display for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// An enhanced status code `class.subject.detail` (RFC 3463).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EnhancedCode {
    class: u8,
    subject: u16,
    detail: u16,
}

impl EnhancedCode {
    /// Validates a code: class 2, 4 or 5; subject and detail up to 999.
    pub const fn new(class: u8, subject: u16, detail: u16) -> Option<Self> {
        if (class == 2 || class == 4 || class == 5) && subject <= 999 && detail <= 999 {
            Some(EnhancedCode {
                class,
                subject,
                detail,
            })
        } else {
            None
        }
    }

    /// The class digit: 2 success, 4 persistent transient failure, 5 permanent failure.
    pub const fn class(self) -> u8 {
        self.class
    }

    /// The subject (RFC 3463 §3): 1 addressing, 2 mailbox, 3 mail system, …
    pub const fn subject(self) -> u16 {
        self.subject
    }

    /// The detail.
    pub const fn detail(self) -> u16 {
        self.detail
    }

    /// Parses `c.s.d` with no leading zeros.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('.');
        let mut next = || -> Option<u16> {
            let part = parts.next()?;
            let valid = !part.is_empty()
                && part.len() <= 3
                && part.bytes().all(|b| b.is_ascii_digit())
                && (part == "0" || !part.starts_with('0'));
            if valid { part.parse().ok() } else { None }
        };
        let (class, subject, detail) = (next()?, next()?, next()?);
        if parts.next().is_some() {
            return None;
        }
        EnhancedCode::new(u8::try_from(class).ok()?, subject, detail)
    }
}

impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

/// A reply: a code, an optional enhanced code and one or more lines of text.
///
/// The enhanced code, when present, is written at the start of every line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reply<'a> {
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    lines: Vec<Cow<'a, str>>,
}

/// Builds an enhanced code from literals known to be valid.
pub(crate) const fn enh(class: u8, subject: u16, detail: u16) -> Option<EnhancedCode> {
    Some(EnhancedCode {
        class,
        subject,
        detail,
    })
}

impl<'a> Reply<'a> {
    /// A reply; `text` is split into lines at CR and LF, so no line can break the framing.
    pub fn new(
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: impl Into<Cow<'a, str>>,
    ) -> Self {
        let text = text.into();
        let lines = if text.contains(['\r', '\n']) {
            text.split(['\r', '\n'])
                .filter(|l| !l.is_empty())
                .map(|l| Cow::Owned(l.to_owned()))
                .collect::<Vec<_>>()
        } else {
            vec![text]
        };
        Reply {
            code,
            enhanced,
            lines: if lines.is_empty() {
                vec![Cow::Borrowed("")]
            } else {
                lines
            },
        }
    }

    /// A reply with one line per item of `lines` (at least one line is kept).
    pub fn multiline<I, S>(code: ReplyCode, enhanced: Option<EnhancedCode>, lines: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<Cow<'a, str>>,
    {
        let mut reply = Reply {
            code,
            enhanced,
            lines: Vec::new(),
        };
        for line in lines {
            let line = line.into();
            if line.contains(['\r', '\n']) {
                reply.lines.extend(
                    line.split(['\r', '\n'])
                        .filter(|l| !l.is_empty())
                        .map(|l| Cow::Owned(l.to_owned())),
                );
            } else {
                reply.lines.push(line);
            }
        }
        if reply.lines.is_empty() {
            reply.lines.push(Cow::Borrowed(""));
        }
        reply
    }

    /// The code.
    pub fn code(&self) -> ReplyCode {
        self.code
    }

    /// The enhanced status code, if any.
    pub fn enhanced(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// The lines of text, enhanced code removed.
    pub fn lines(&self) -> &[Cow<'a, str>] {
        &self.lines
    }

    /// The lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// Drops the enhanced code (for a server that does not advertise ENHANCEDSTATUSCODES).
    pub fn without_enhanced(mut self) -> Self {
        self.enhanced = None;
        self
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> Reply<'static> {
        Reply {
            code: self.code,
            enhanced: self.enhanced,
            lines: self
                .lines
                .into_iter()
                .map(|l| Cow::Owned(l.into_owned()))
                .collect(),
        }
    }

    /// Appends the reply, CRLF after each line, to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        let last = self.lines.len() - 1;
        for (i, line) in self.lines.iter().enumerate() {
            let mut head = format!("{}", self.code);
            let sep = if i == last { ' ' } else { '-' };
            let enhanced = self.enhanced.map(|e| e.to_string());
            match (&enhanced, line.is_empty()) {
                (Some(e), true) => head = format!("{head}{sep}{e}"),
                (Some(e), false) => head = format!("{head}{sep}{e} "),
                (None, false) => head.push(sep),
                (None, true) if i != last => head.push(sep),
                (None, true) => {}
            }
            out.extend_from_slice(head.as_bytes());
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
    }

    /// Reads one complete reply from the start of `input`.
    ///
    /// Returns `Ok(None)` when more bytes are needed, or the reply and the number of bytes it
    /// took. Lines may end in CRLF or a bare LF. Continuation lines whose code differs from
    /// the last line are tolerated; the last line's code is the reply's code.
    pub fn parse(input: &'a [u8]) -> Result<Option<(Reply<'a>, usize)>, ReplyError> {
        let mut assembler = ReplyAssembler::default();
        let mut pos = 0;
        loop {
            let rest = &input[pos..];
            let window = &rest[..rest.len().min(MAX_REPLY_LINE)];
            let Some(end) = memchr::memchr(b'\n', window) else {
                if rest.len() >= MAX_REPLY_LINE {
                    return Err(ReplyError::LineTooLong);
                }
                return Ok(None);
            };
            let mut line = &rest[..end];
            if let Some(stripped) = line.strip_suffix(b"\r") {
                line = stripped;
            }
            pos += end + 1;
            if let Some(reply) = assembler.push(line)? {
                return Ok(Some((reply, pos)));
            }
        }
    }
}

impl fmt::Display for Reply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = BytesMut::new();
        self.encode(&mut out);
        f.write_str(&String::from_utf8_lossy(&out))
    }
}

/// One line of a reply, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyLine<'a> {
    /// The code on this line.
    pub code: ReplyCode,
    /// Whether this is the last line (`250 ` rather than `250-`).
    pub last: bool,
    /// The text after the separator.
    pub text: Cow<'a, str>,
}

impl<'a> ReplyLine<'a> {
    /// Parses a line without its line ending.
    pub fn parse(line: &'a [u8]) -> Result<Self, ReplyError> {
        if line.len() < 3 || !line[..3].iter().all(u8::is_ascii_digit) {
            return Err(ReplyError::Syntax);
        }
        let number = line[..3]
            .iter()
            .fold(0u16, |n, &d| n * 10 + u16::from(d - b'0'));
        let code = ReplyCode::new(number).ok_or(ReplyError::Syntax)?;
        let (last, text) = match line.get(3) {
            None => (true, &line[3..]),
            Some(b' ') => (true, &line[4..]),
            Some(b'-') => (false, &line[4..]),
            Some(_) => return Err(ReplyError::Syntax),
        };
        Ok(ReplyLine {
            code,
            last,
            text: String::from_utf8_lossy(text),
        })
    }
}

/// Collects reply lines until the last one; for readers that frame lines themselves.
#[derive(Debug, Default)]
pub struct ReplyAssembler<'a> {
    lines: Vec<Cow<'a, str>>,
}

impl<'a> ReplyAssembler<'a> {
    /// Adds a line (without its line ending); returns the reply when the line was the last.
    pub fn push(&mut self, line: &'a [u8]) -> Result<Option<Reply<'a>>, ReplyError> {
        if self.lines.is_empty() {
            self.lines.reserve(4);
        }
        let parsed = ReplyLine::parse(line)?;
        if self.lines.len() >= MAX_REPLY_LINES {
            return Err(ReplyError::TooManyLines);
        }
        self.lines.push(parsed.text);
        if !parsed.last {
            return Ok(None);
        }
        let lines = std::mem::take(&mut self.lines);
        Ok(Some(assemble(parsed.code, lines)))
    }

    /// Whether a reply has been started but not finished.
    pub fn is_partial(&self) -> bool {
        !self.lines.is_empty()
    }
}

/// Splits an enhanced code off the first line and off any later line carrying the same one.
fn assemble<'a>(code: ReplyCode, mut lines: Vec<Cow<'a, str>>) -> Reply<'a> {
    let split = |line: &str| -> Option<(EnhancedCode, usize)> {
        let end = line.find(' ').unwrap_or(line.len());
        let e = EnhancedCode::parse(&line[..end])?;
        let skip = if end < line.len() { end + 1 } else { end };
        Some((e, skip))
    };
    let enhanced = split(&lines[0])
        .filter(|(e, _)| e.class() == code.class())
        .map(|(e, _)| e);
    if let Some(enhanced) = enhanced {
        for line in &mut lines {
            if let Some((e, skip)) = split(line)
                && e == enhanced
            {
                *line = match std::mem::take(line) {
                    Cow::Borrowed(s) => Cow::Borrowed(&s[skip..]),
                    Cow::Owned(s) => Cow::Owned(s[skip..].to_owned()),
                };
            }
        }
    }
    Reply {
        code,
        enhanced,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(wire: &[u8]) -> Reply<'_> {
        let (reply, used) = Reply::parse(wire).unwrap().unwrap();
        assert_eq!(used, wire.len());
        let mut out = BytesMut::new();
        reply.encode(&mut out);
        assert_eq!(String::from_utf8_lossy(&out), String::from_utf8_lossy(wire));
        reply
    }

    #[test]
    fn single_and_multi_line() {
        let r = round_trip(b"250 OK\r\n");
        assert_eq!(r.code(), ReplyCode::OK);
        assert_eq!(r.enhanced(), None);
        let r = round_trip(b"250-foo.com greets bar.com\r\n250-8BITMIME\r\n250 HELP\r\n");
        assert_eq!(r.lines().len(), 3);
        let r = round_trip(b"550 5.1.1 User unknown\r\n");
        assert_eq!(r.enhanced(), EnhancedCode::new(5, 1, 1));
        assert_eq!(r.text(), "User unknown");
        let r = round_trip(b"452-4.5.3 Too many\r\n452 4.5.3 recipients\r\n");
        assert_eq!(r.text(), "Too many\nrecipients");
        round_trip(b"250\r\n");
        round_trip(b"250 2.0.0\r\n");
        round_trip(b"250-\r\n250 x\r\n");
    }

    #[test]
    fn enhanced_code_must_match_class() {
        let (r, _) = Reply::parse(b"250 5.1.1 odd\r\n").unwrap().unwrap();
        assert_eq!(r.enhanced(), None);
        assert_eq!(r.text(), "5.1.1 odd");
        let (r, _) = Reply::parse(b"250 2.01.0 odd\r\n").unwrap().unwrap();
        assert_eq!(r.enhanced(), None);
    }

    #[test]
    fn tolerant_reading() {
        assert_eq!(Reply::parse(b"250-a\r\n250").unwrap(), None);
        let (r, used) = Reply::parse(b"250-a\r\n251 b\nrest").unwrap().unwrap();
        assert_eq!(used, 13);
        assert_eq!(r.code().get(), 251);
        assert_eq!(r.text(), "a\nb");
        // smtp-sink ends its EHLO reply with an empty "250 " line.
        let (r, _) = Reply::parse(b"250-host\r\n250 \r\n").unwrap().unwrap();
        assert_eq!(r.lines(), ["host", ""]);
    }

    #[test]
    fn malformed() {
        for bad in [
            &b"25 x\r\n"[..],
            b"abc\r\n",
            b"250x\r\n",
            b"600 x\r\n",
            b"160 x\r\n",
            b"270 x\r\n",
        ] {
            assert_eq!(Reply::parse(bad), Err(ReplyError::Syntax), "{bad:?}");
        }
        let long = vec![b'2'; MAX_REPLY_LINE + 1];
        assert_eq!(Reply::parse(&long), Err(ReplyError::LineTooLong));
        let mut many = Vec::new();
        for _ in 0..=MAX_REPLY_LINES {
            many.extend_from_slice(b"250-x\r\n");
        }
        assert_eq!(Reply::parse(&many), Err(ReplyError::TooManyLines));
    }

    #[test]
    fn new_splits_lines() {
        let r = Reply::new(ReplyCode::OK, None, "a\r\nb");
        assert_eq!(r.lines(), ["a", "b"]);
        let mut out = BytesMut::new();
        r.encode(&mut out);
        assert_eq!(&out[..], b"250-a\r\n250 b\r\n");
    }
}
