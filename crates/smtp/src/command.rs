//! Commands (RFC 5321 §4.1.1, RFC 2033 LHLO, RFC 3030 BDAT, RFC 3207 STARTTLS, RFC 4954 AUTH):
//! the values, their parser and their encoder.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::BytesMut;
use mailwire_core::Secret;
use nom::IResult;
use nom::Parser;
use nom::character::complete::{digit1, space1};
use nom::combinator::{all_consuming, map, opt};
use nom::sequence::preceded;

use crate::address::{AddressError, ForwardPath, Host, ReversePath};
use crate::params::{MailParameters, ParamError, RcptParameters};
use crate::reply::{Reply, ReplyCode, enh};

/// Longest command line of RFC 5321 §4.5.3.1.4, CRLF included.
pub const MAX_COMMAND_LINE: usize = 512;
/// Longest `AUTH` line or SASL response line (RFC 4954 §4), CRLF included.
pub const MAX_AUTH_LINE: usize = 12288;

/// A client command.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Command<'a> {
    /// `HELO domain`
    Helo(Host<'a>),
    /// `EHLO domain-or-literal`
    Ehlo(Host<'a>),
    /// `LHLO domain-or-literal` (LMTP, RFC 2033)
    Lhlo(Host<'a>),
    /// `MAIL FROM:<path> params`
    Mail {
        /// The reverse path.
        from: ReversePath<'a>,
        /// ESMTP parameters.
        params: MailParameters<'a>,
    },
    /// `RCPT TO:<path> params`
    Rcpt {
        /// The forward path.
        to: ForwardPath<'a>,
        /// ESMTP parameters.
        params: RcptParameters<'a>,
    },
    /// `DATA`
    Data,
    /// `BDAT size [LAST]` (RFC 3030)
    Bdat {
        /// Octets of message data that follow the command line.
        size: u64,
        /// Whether this is the last chunk.
        last: bool,
    },
    /// `RSET`
    Rset,
    /// `NOOP [string]`
    Noop(Option<Cow<'a, str>>),
    /// `QUIT`
    Quit,
    /// `VRFY string`
    Vrfy(Cow<'a, str>),
    /// `EXPN string`
    Expn(Cow<'a, str>),
    /// `HELP [string]`
    Help(Option<Cow<'a, str>>),
    /// `STARTTLS` (RFC 3207)
    StartTls,
    /// `AUTH mechanism [initial-response]` (RFC 4954)
    Auth {
        /// The SASL mechanism, upper case.
        mechanism: Cow<'a, str>,
        /// The decoded initial response; `Some` of an empty value is sent as `=`.
        initial_response: Option<Secret<Vec<u8>>>,
    },
}

/// Why a command line was refused. [`CommandError::reply`] gives the reply to send.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CommandError {
    /// Not a command this crate knows.
    #[error("command unrecognized")]
    Unrecognized,
    /// The line is not UTF-8 or holds CR, LF or NUL.
    #[error("invalid characters in command line")]
    InvalidCharacters,
    /// The arguments of a known command are malformed.
    #[error("syntax error in arguments of {0}")]
    Syntax(&'static str),
    /// The reverse path of MAIL is malformed or too long.
    #[error("bad sender address: {0}")]
    Sender(AddressError),
    /// The forward path of RCPT is malformed or too long.
    #[error("bad recipient address: {0}")]
    Recipient(AddressError),
    /// The domain of HELO/EHLO/LHLO is malformed.
    #[error("bad domain: {0}")]
    Hello(AddressError),
    /// The parameters of MAIL or RCPT are malformed.
    #[error(transparent)]
    Param(ParamError),
    /// The AUTH initial response is not base64.
    #[error("invalid base64")]
    Base64,
    /// The line is longer than the limit (RFC 5321 §4.5.3.1.4).
    #[error("line too long")]
    LineTooLong,
}

impl CommandError {
    /// The reply a server sends for this error.
    pub fn reply(&self) -> Reply<'static> {
        let syntax = ReplyCode::PARAMETER_SYNTAX_ERROR;
        match self {
            CommandError::Unrecognized => Reply::new(
                ReplyCode::SYNTAX_ERROR,
                enh(5, 5, 1),
                "Command unrecognized",
            ),
            CommandError::InvalidCharacters => Reply::new(
                ReplyCode::SYNTAX_ERROR,
                enh(5, 5, 2),
                "Invalid characters in command",
            ),
            CommandError::Syntax(verb) => Reply::new(
                syntax,
                enh(5, 5, 4),
                format!("Syntax error in {verb} arguments"),
            ),
            CommandError::Sender(e) => Reply::new(syntax, enh(5, 1, 7), address_text(*e)),
            CommandError::Recipient(e) => Reply::new(syntax, enh(5, 1, 3), address_text(*e)),
            CommandError::Hello(_) => Reply::new(syntax, enh(5, 5, 4), "Invalid domain name"),
            CommandError::Param(e) => Reply::new(syntax, enh(5, 5, 4), e.to_string()),
            CommandError::Base64 => Reply::new(syntax, enh(5, 5, 2), "Invalid base64 data"),
            CommandError::LineTooLong => {
                Reply::new(ReplyCode::SYNTAX_ERROR, enh(5, 5, 2), "Line too long")
            }
        }
    }
}

fn address_text(e: AddressError) -> &'static str {
    match e {
        AddressError::PathTooLong => "Path too long",
        AddressError::LocalPartTooLong => "Local part too long",
        AddressError::DomainTooLong => "Domain too long",
        _ => "Bad address syntax",
    }
}

type Res<'a, T> = IResult<&'a str, T>;

/// An ASCII keyword in any case (nom's `tag_no_case` lowercases full Unicode, which is slow
/// and not what SMTP keywords need).
fn ascii_tag_no_case(keyword: &'static str) -> impl Fn(&str) -> Res<'_, &str> {
    move |input: &str| match input.get(..keyword.len()) {
        Some(head) if head.eq_ignore_ascii_case(keyword) => Ok((&input[keyword.len()..], head)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// A path: `<` up to the matching `>`, skipping over quoted strings; the path and the rest.
/// Every delimiter is ASCII, so the scan goes byte by byte: bytes of non-ASCII characters
/// (0x80 and up) never match one.
fn path_text(input: &str) -> Option<(&str, &str)> {
    let bytes = input.as_bytes();
    if bytes.first() != Some(&b'<') {
        return None;
    }
    // Most paths have neither a quoted string nor an address literal before their `>`.
    if let Some(i) = memchr::memchr3(b'>', b'"', b'[', bytes)
        && bytes[i] == b'>'
    {
        return Some((&input[..=i], &input[i + 1..]));
    }
    // A `>` may also sit in a general address literal (`[tag:>]`), which ends at `]`.
    let (mut quoted, mut escaped, mut literal) = (false, false, false);
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' if !literal => quoted = !quoted,
            b'[' if !quoted => literal = true,
            b']' if !quoted => literal = false,
            b'>' if !quoted && !literal => return Some((&input[..=i], &input[i + 1..])),
            _ => {}
        }
    }
    None
}

/// `FROM:` / `TO:` in any case, optional blanks, a path, then parameters after at least one
/// blank (space or tab).
fn path_and_params<'a>(keyword: &str, args: &'a str) -> Option<(&'a str, &'a str)> {
    let blanks: &[char] = &[' ', '\t'];
    if !args.get(..keyword.len())?.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let (path, rest) = path_text(args[keyword.len()..].trim_start_matches(blanks))?;
    let params = rest.trim_start_matches(blanks);
    if params.len() == rest.len() && !rest.is_empty() {
        return None;
    }
    Some((path, params))
}

fn bdat_args(input: &str) -> Res<'_, (&str, bool)> {
    all_consuming((
        digit1,
        map(opt(preceded(space1, ascii_tag_no_case("LAST"))), |l| {
            l.is_some()
        }),
    ))
    .parse(input)
}

/// `mechanism [initial-response]`: the response, after blanks, is `=` or base64 characters
/// not starting with `=`.
fn auth_args(input: &str) -> Option<(&str, Option<&str>)> {
    let is_mechanism = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let end = input
        .bytes()
        .position(|b| !is_mechanism(b))
        .unwrap_or(input.len());
    let (mechanism, rest) = input.split_at(end);
    if mechanism.is_empty() {
        return None;
    }
    if rest.is_empty() {
        return Some((mechanism, None));
    }
    let response = rest.trim_start_matches([' ', '\t']);
    let is_base64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
    let valid = response.len() < rest.len()
        && (response == "="
            || (!response.is_empty()
                && !response.starts_with('=')
                && response.bytes().all(is_base64)));
    valid.then_some((mechanism, Some(response)))
}

/// The command word, found without copying: four-byte verbs are compared as one `u32` with
/// bit 5 of each byte cleared. That maps `a-z` onto `A-Z`, and only letters land in
/// 0x41-0x5A (other bytes land outside it), so the comparison is exactly ASCII
/// case-insensitive.
#[derive(Debug, Clone, Copy)]
enum Verb {
    Helo,
    Ehlo,
    Lhlo,
    Mail,
    Rcpt,
    Data,
    Bdat,
    Rset,
    Noop,
    Quit,
    Vrfy,
    Expn,
    Help,
    StartTls,
    Auth,
}

impl Verb {
    const fn key(word: &[u8; 4]) -> u32 {
        u32::from_be_bytes(*word) & 0xDFDF_DFDF
    }

    fn of(word: &[u8]) -> Option<Verb> {
        const HELO: u32 = Verb::key(b"HELO");
        const EHLO: u32 = Verb::key(b"EHLO");
        const LHLO: u32 = Verb::key(b"LHLO");
        const MAIL: u32 = Verb::key(b"MAIL");
        const RCPT: u32 = Verb::key(b"RCPT");
        const DATA: u32 = Verb::key(b"DATA");
        const BDAT: u32 = Verb::key(b"BDAT");
        const RSET: u32 = Verb::key(b"RSET");
        const NOOP: u32 = Verb::key(b"NOOP");
        const QUIT: u32 = Verb::key(b"QUIT");
        const VRFY: u32 = Verb::key(b"VRFY");
        const EXPN: u32 = Verb::key(b"EXPN");
        const HELP: u32 = Verb::key(b"HELP");
        const AUTH: u32 = Verb::key(b"AUTH");
        let &[a, b, c, d] = word else {
            return word
                .eq_ignore_ascii_case(b"STARTTLS")
                .then_some(Verb::StartTls);
        };
        Some(match Verb::key(&[a, b, c, d]) {
            HELO => Verb::Helo,
            EHLO => Verb::Ehlo,
            LHLO => Verb::Lhlo,
            MAIL => Verb::Mail,
            RCPT => Verb::Rcpt,
            DATA => Verb::Data,
            BDAT => Verb::Bdat,
            RSET => Verb::Rset,
            NOOP => Verb::Noop,
            QUIT => Verb::Quit,
            VRFY => Verb::Vrfy,
            EXPN => Verb::Expn,
            HELP => Verb::Help,
            AUTH => Verb::Auth,
            _ => return None,
        })
    }
}

/// Decodes a SASL response line: `=` is empty, anything else base64.
pub(crate) fn decode_sasl(text: &str) -> Result<Vec<u8>, CommandError> {
    if text == "=" {
        return Ok(Vec::new());
    }
    BASE64.decode(text).map_err(|_| CommandError::Base64)
}

impl<'a> Command<'a> {
    /// Parses one command line, given without its CRLF.
    pub fn parse(line: &'a [u8]) -> Result<Self, CommandError> {
        if memchr::memchr3(b'\r', b'\n', 0, line).is_some() {
            return Err(CommandError::InvalidCharacters);
        }
        let line = std::str::from_utf8(line).map_err(|_| CommandError::InvalidCharacters)?;
        // The space is a few bytes in: a plain scan beats memchr's setup.
        let (verb, args) = match line.bytes().position(|b| b == b' ') {
            Some(i) => (&line[..i], Some(&line[i + 1..])),
            None => (line, None),
        };
        let verb = Verb::of(verb.as_bytes()).ok_or(CommandError::Unrecognized)?;
        let no_args = |cmd: Command<'a>, name: &'static str| match args {
            None => Ok(cmd),
            Some(a) if a.trim_ascii().is_empty() => Ok(cmd),
            Some(_) => Err(CommandError::Syntax(name)),
        };
        let text = |a: Option<&'a str>| {
            a.map(str::trim_ascii)
                .filter(|t| !t.is_empty())
                .map(Cow::Borrowed)
        };
        let host = |name: &'static str| -> Result<Host<'a>, CommandError> {
            let arg = args.map(str::trim_ascii).filter(|a| !a.is_empty());
            let arg = arg.ok_or(CommandError::Syntax(name))?;
            // Some clients add text after the domain; RFC 5321 §4.1.1.1 has only the domain.
            let domain = arg
                .bytes()
                .position(|b| b == b' ')
                .map_or(arg, |i| &arg[..i]);
            Host::parse(domain).map_err(CommandError::Hello)
        };
        match verb {
            Verb::Helo => host("HELO").map(Command::Helo),
            Verb::Ehlo => host("EHLO").map(Command::Ehlo),
            Verb::Lhlo => host("LHLO").map(Command::Lhlo),
            Verb::Mail => {
                let (path, params) = path_and_params("FROM:", args.unwrap_or(""))
                    .ok_or(CommandError::Syntax("MAIL"))?;
                Ok(Command::Mail {
                    from: ReversePath::parse(path).map_err(CommandError::Sender)?,
                    params: MailParameters::parse(params).map_err(CommandError::Param)?,
                })
            }
            Verb::Rcpt => {
                let (path, params) = path_and_params("TO:", args.unwrap_or(""))
                    .ok_or(CommandError::Syntax("RCPT"))?;
                Ok(Command::Rcpt {
                    to: ForwardPath::parse(path).map_err(CommandError::Recipient)?,
                    params: RcptParameters::parse(params).map_err(CommandError::Param)?,
                })
            }
            Verb::Data => no_args(Command::Data, "DATA"),
            Verb::Bdat => {
                let (_, (size, last)) =
                    bdat_args(args.unwrap_or("")).map_err(|_| CommandError::Syntax("BDAT"))?;
                let size = size.parse().map_err(|_| CommandError::Syntax("BDAT"))?;
                Ok(Command::Bdat { size, last })
            }
            Verb::Rset => no_args(Command::Rset, "RSET"),
            Verb::Quit => no_args(Command::Quit, "QUIT"),
            Verb::StartTls => no_args(Command::StartTls, "STARTTLS"),
            Verb::Noop => Ok(Command::Noop(text(args))),
            Verb::Help => Ok(Command::Help(text(args))),
            Verb::Vrfy => text(args)
                .map(Command::Vrfy)
                .ok_or(CommandError::Syntax("VRFY")),
            Verb::Expn => text(args)
                .map(Command::Expn)
                .ok_or(CommandError::Syntax("EXPN")),
            Verb::Auth => {
                let (mechanism, initial) =
                    auth_args(args.unwrap_or("")).ok_or(CommandError::Syntax("AUTH"))?;
                if mechanism.len() > 20 {
                    return Err(CommandError::Syntax("AUTH"));
                }
                let initial_response = initial.map(decode_sasl).transpose()?.map(Secret::new);
                let mechanism = if mechanism.bytes().any(|b| b.is_ascii_lowercase()) {
                    Cow::Owned(mechanism.to_ascii_uppercase())
                } else {
                    Cow::Borrowed(mechanism)
                };
                Ok(Command::Auth {
                    mechanism,
                    initial_response,
                })
            }
        }
    }

    /// The command word, upper case.
    pub fn verb(&self) -> &'static str {
        match self {
            Command::Helo(_) => "HELO",
            Command::Ehlo(_) => "EHLO",
            Command::Lhlo(_) => "LHLO",
            Command::Mail { .. } => "MAIL",
            Command::Rcpt { .. } => "RCPT",
            Command::Data => "DATA",
            Command::Bdat { .. } => "BDAT",
            Command::Rset => "RSET",
            Command::Noop(_) => "NOOP",
            Command::Quit => "QUIT",
            Command::Vrfy(_) => "VRFY",
            Command::Expn(_) => "EXPN",
            Command::Help(_) => "HELP",
            Command::StartTls => "STARTTLS",
            Command::Auth { .. } => "AUTH",
        }
    }

    /// Appends the command line, CRLF included, to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        out.extend_from_slice(self.verb().as_bytes());
        let text = |out: &mut BytesMut, t: &Option<Cow<'_, str>>| {
            if let Some(t) = t {
                out.extend_from_slice(b" ");
                out.extend_from_slice(t.as_bytes());
            }
        };
        match self {
            Command::Helo(h) | Command::Ehlo(h) | Command::Lhlo(h) => {
                out.extend_from_slice(format!(" {h}").as_bytes());
            }
            Command::Mail { from, params } => {
                out.extend_from_slice(format!(" FROM:{from}").as_bytes());
                params.encode(out);
            }
            Command::Rcpt { to, params } => {
                out.extend_from_slice(format!(" TO:{to}").as_bytes());
                params.encode(out);
            }
            Command::Bdat { size, last } => {
                out.extend_from_slice(format!(" {size}").as_bytes());
                if *last {
                    out.extend_from_slice(b" LAST");
                }
            }
            Command::Noop(t) | Command::Help(t) => text(out, t),
            Command::Vrfy(t) | Command::Expn(t) => {
                out.extend_from_slice(b" ");
                out.extend_from_slice(t.as_bytes());
            }
            Command::Auth {
                mechanism,
                initial_response,
            } => {
                out.extend_from_slice(b" ");
                out.extend_from_slice(mechanism.as_bytes());
                if let Some(ir) = initial_response {
                    out.extend_from_slice(b" ");
                    encode_sasl(ir.expose(), out);
                }
            }
            Command::Data | Command::Rset | Command::Quit | Command::StartTls => {}
        }
        out.extend_from_slice(b"\r\n");
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> Command<'static> {
        let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        match self {
            Command::Helo(h) => Command::Helo(h.into_owned()),
            Command::Ehlo(h) => Command::Ehlo(h.into_owned()),
            Command::Lhlo(h) => Command::Lhlo(h.into_owned()),
            Command::Mail { from, params } => Command::Mail {
                from: from.into_owned(),
                params: params.into_owned(),
            },
            Command::Rcpt { to, params } => Command::Rcpt {
                to: to.into_owned(),
                params: params.into_owned(),
            },
            Command::Data => Command::Data,
            Command::Bdat { size, last } => Command::Bdat { size, last },
            Command::Rset => Command::Rset,
            Command::Noop(t) => Command::Noop(t.map(own)),
            Command::Quit => Command::Quit,
            Command::Vrfy(t) => Command::Vrfy(own(t)),
            Command::Expn(t) => Command::Expn(own(t)),
            Command::Help(t) => Command::Help(t.map(own)),
            Command::StartTls => Command::StartTls,
            Command::Auth {
                mechanism,
                initial_response,
            } => Command::Auth {
                mechanism: own(mechanism),
                initial_response,
            },
        }
    }
}

/// Writes a SASL response: `=` for empty, base64 otherwise.
pub(crate) fn encode_sasl(data: &[u8], out: &mut BytesMut) {
    if data.is_empty() {
        out.extend_from_slice(b"=");
    } else {
        out.extend_from_slice(BASE64.encode(data).as_bytes());
    }
}

impl fmt::Display for Command<'_> {
    /// The wire form without CRLF; an AUTH initial response is redacted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Command::Auth {
            mechanism,
            initial_response,
        } = self
        {
            let ir = if initial_response.is_some() {
                " ****"
            } else {
                ""
            };
            return write!(f, "AUTH {mechanism}{ir}");
        }
        let mut out = BytesMut::new();
        self.encode(&mut out);
        f.write_str(String::from_utf8_lossy(&out[..out.len() - 2]).as_ref())
    }
}
