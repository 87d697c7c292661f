//! Client commands: the values, their parser and their encoder.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::BytesMut;
use mailwire_core::Secret;
use nom::IResult;
use nom::Parser as _;
use nom::character::complete::{char as nom_char, digit1};
use nom::combinator::{all_consuming, map_opt};
use nom::sequence::preceded;

use crate::error::ParseError;
use crate::types::{LangTag, Mechanism, MessageNumber, Text, UserName};

/// A POP3 command (RFC 1939 and its extensions).
///
/// ```
/// use mailwire_pop3::{Command, MessageNumber};
///
/// let command = Command::parse(b"top 3 10").unwrap();
/// assert_eq!(command, Command::Top { message: MessageNumber::new(3).unwrap(), lines: 10 });
/// let mut out = bytes::BytesMut::new();
/// command.encode(&mut out);
/// assert_eq!(&out[..], b"TOP 3 10\r\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Command<'a> {
    /// `USER name`: the first half of a plain login.
    User(UserName<'a>),
    /// `PASS password`: the second half of a plain login. The password is the rest of the line.
    Pass(Secret<Text<'a>>),
    /// `APOP name digest`: login with the MD5 of the greeting's timestamp and the password.
    Apop {
        /// The user name.
        name: UserName<'a>,
        /// MD5(timestamp + password), written as 32 hex digits.
        digest: [u8; 16],
    },
    /// `STAT`: count and size of the maildrop.
    Stat,
    /// `LIST [n]`: sizes of all messages, or of one.
    List(Option<MessageNumber>),
    /// `RETR n`: the whole message.
    Retr(MessageNumber),
    /// `DELE n`: mark a message deleted.
    Dele(MessageNumber),
    /// `NOOP`.
    Noop,
    /// `RSET`: unmark every deleted message.
    Rset,
    /// `QUIT`: end the session, committing deletions from the TRANSACTION state.
    Quit,
    /// `TOP n lines`: the header and the first `lines` lines of the body.
    Top {
        /// The message.
        message: MessageNumber,
        /// How many body lines to send.
        lines: u32,
    },
    /// `UIDL [n]`: unique ids of all messages, or of one.
    Uidl(Option<MessageNumber>),
    /// `CAPA`: list the capabilities (RFC 2449).
    Capa,
    /// `STLS`: start TLS (RFC 2595).
    Stls,
    /// `AUTH mechanism [initial-response]` (RFC 5034).
    Auth {
        /// The SASL mechanism.
        mechanism: Mechanism<'a>,
        /// The decoded initial response; `Some` of an empty value is written `=`.
        initial_response: Option<Secret<Vec<u8>>>,
    },
    /// `UTF8`: enable UTF-8 (RFC 6856).
    Utf8,
    /// `LANG [tag]`: list the languages, or choose one (RFC 6856).
    Lang(Option<LangTag<'a>>),
}

impl<'a> Command<'a> {
    /// The command keyword, upper case.
    pub fn keyword(&self) -> &'static str {
        match self {
            Self::User(_) => "USER",
            Self::Pass(_) => "PASS",
            Self::Apop { .. } => "APOP",
            Self::Stat => "STAT",
            Self::List(_) => "LIST",
            Self::Retr(_) => "RETR",
            Self::Dele(_) => "DELE",
            Self::Noop => "NOOP",
            Self::Rset => "RSET",
            Self::Quit => "QUIT",
            Self::Top { .. } => "TOP",
            Self::Uidl(_) => "UIDL",
            Self::Capa => "CAPA",
            Self::Stls => "STLS",
            Self::Auth { .. } => "AUTH",
            Self::Utf8 => "UTF8",
            Self::Lang(_) => "LANG",
        }
    }

    /// Whether a successful answer is a multi-line response (RFC 2449 section 6).
    pub fn has_multiline_response(&self) -> bool {
        matches!(
            self,
            Self::List(None)
                | Self::Uidl(None)
                | Self::Retr(_)
                | Self::Top { .. }
                | Self::Capa
                | Self::Lang(None)
        )
    }

    /// Parses one command line, given without its CRLF. Keywords match without regard to case.
    pub fn parse(line: &'a [u8]) -> Result<Self, ParseError> {
        let line = std::str::from_utf8(line).map_err(|_| ParseError::Syntax("not UTF-8"))?;
        let (keyword, rest) = match line.split_once(' ') {
            Some((keyword, rest)) => (keyword, Some(rest)),
            None => (line, None),
        };
        if !(3..=4).contains(&keyword.len()) {
            return Err(ParseError::UnknownCommand);
        }
        let upper = keyword.to_ascii_uppercase();
        match upper.as_str() {
            "USER" => UserName::try_from(rest.ok_or(ParseError::Syntax("USER needs a name"))?)
                .map(Self::User)
                .map_err(|_| ParseError::Syntax("bad user name")),
            "PASS" => Text::try_from(rest.ok_or(ParseError::Syntax("PASS needs a password"))?)
                .map(|p| Self::Pass(Secret::new(p)))
                .map_err(|_| ParseError::Syntax("bad password")),
            "APOP" => parse_apop(rest.ok_or(ParseError::Syntax("APOP needs a name and digest"))?),
            "STAT" => no_argument(rest, Self::Stat),
            "NOOP" => no_argument(rest, Self::Noop),
            "RSET" => no_argument(rest, Self::Rset),
            "QUIT" => no_argument(rest, Self::Quit),
            "CAPA" => no_argument(rest, Self::Capa),
            "STLS" => no_argument(rest, Self::Stls),
            "UTF8" => no_argument(rest, Self::Utf8),
            "LIST" => optional_number(rest).map(Self::List),
            "UIDL" => optional_number(rest).map(Self::Uidl),
            "RETR" => required_number(rest).map(Self::Retr),
            "DELE" => required_number(rest).map(Self::Dele),
            "TOP" => parse_top(rest),
            "AUTH" => parse_auth(rest),
            "LANG" => match rest.map(str::trim_end) {
                None | Some("") => Ok(Self::Lang(None)),
                Some(tag) => LangTag::try_from(tag)
                    .map(|tag| Self::Lang(Some(tag)))
                    .map_err(|_| ParseError::Syntax("bad language tag")),
            },
            _ => Err(ParseError::UnknownCommand),
        }
    }

    /// Appends the command line, with its CRLF, to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        out.extend_from_slice(self.keyword().as_bytes());
        match self {
            Self::User(name) => push_arg(out, name.as_str()),
            Self::Pass(password) => push_arg(out, password.expose().as_str()),
            Self::Apop { name, digest } => {
                push_arg(out, name.as_str());
                out.extend_from_slice(b" ");
                out.extend_from_slice(hex(digest).as_bytes());
            }
            Self::List(Some(n)) | Self::Uidl(Some(n)) | Self::Retr(n) | Self::Dele(n) => {
                push_arg(out, &n.to_string());
            }
            Self::Top { message, lines } => {
                push_arg(out, &message.to_string());
                push_arg(out, &lines.to_string());
            }
            Self::Auth {
                mechanism,
                initial_response,
            } => {
                push_arg(out, mechanism.as_str());
                if let Some(response) = initial_response {
                    push_arg(out, &encode_sasl(response.expose()));
                }
            }
            Self::Lang(Some(tag)) => push_arg(out, tag.as_str()),
            Self::Stat
            | Self::List(None)
            | Self::Uidl(None)
            | Self::Noop
            | Self::Rset
            | Self::Quit
            | Self::Capa
            | Self::Stls
            | Self::Utf8
            | Self::Lang(None) => {}
        }
        out.extend_from_slice(b"\r\n");
    }

    /// A copy that owns all its text.
    pub fn into_owned(self) -> Command<'static> {
        match self {
            Self::User(name) => Command::User(name.into_owned()),
            Self::Pass(password) => Command::Pass(Secret::new(password.into_inner().into_owned())),
            Self::Apop { name, digest } => Command::Apop {
                name: name.into_owned(),
                digest,
            },
            Self::Stat => Command::Stat,
            Self::List(n) => Command::List(n),
            Self::Retr(n) => Command::Retr(n),
            Self::Dele(n) => Command::Dele(n),
            Self::Noop => Command::Noop,
            Self::Rset => Command::Rset,
            Self::Quit => Command::Quit,
            Self::Top { message, lines } => Command::Top { message, lines },
            Self::Uidl(n) => Command::Uidl(n),
            Self::Capa => Command::Capa,
            Self::Stls => Command::Stls,
            Self::Auth {
                mechanism,
                initial_response,
            } => Command::Auth {
                mechanism: mechanism.into_owned(),
                initial_response,
            },
            Self::Utf8 => Command::Utf8,
            Self::Lang(tag) => Command::Lang(tag.map(LangTag::into_owned)),
        }
    }
}

fn push_arg(out: &mut BytesMut, arg: &str) {
    out.extend_from_slice(b" ");
    out.extend_from_slice(arg.as_bytes());
}

fn no_argument<'a>(rest: Option<&str>, command: Command<'a>) -> Result<Command<'a>, ParseError> {
    match rest.map(str::trim_end) {
        None | Some("") => Ok(command),
        Some(_) => Err(ParseError::Syntax("no argument expected")),
    }
}

fn number(input: &str) -> IResult<&str, u32> {
    map_opt(digit1, |digits: &str| digits.parse::<u32>().ok()).parse(input)
}

fn message_number(input: &str) -> IResult<&str, MessageNumber> {
    map_opt(number, MessageNumber::new).parse(input)
}

fn optional_number(rest: Option<&str>) -> Result<Option<MessageNumber>, ParseError> {
    match rest.map(str::trim_end) {
        None | Some("") => Ok(None),
        Some(arg) => all_consuming(message_number)
            .parse(arg)
            .map(|(_, n)| Some(n))
            .map_err(|_| ParseError::Syntax("bad message number")),
    }
}

fn required_number(rest: Option<&str>) -> Result<MessageNumber, ParseError> {
    optional_number(rest)?.ok_or(ParseError::Syntax("message number expected"))
}

fn parse_top(rest: Option<&str>) -> Result<Command<'static>, ParseError> {
    let arg = rest
        .map(str::trim_end)
        .ok_or(ParseError::Syntax("TOP needs a message and a line count"))?;
    all_consuming((message_number, preceded(nom_char(' '), number)))
        .parse(arg)
        .map(|(_, (message, lines))| Command::Top { message, lines })
        .map_err(|_| ParseError::Syntax("TOP needs a message and a line count"))
}

fn parse_apop(rest: &str) -> Result<Command<'_>, ParseError> {
    let (name, digest) = rest
        .trim_end()
        .rsplit_once(' ')
        .ok_or(ParseError::Syntax("APOP needs a name and digest"))?;
    let name = UserName::try_from(name).map_err(|_| ParseError::Syntax("bad user name"))?;
    let digest = parse_hex_digest(digest).ok_or(ParseError::Syntax("bad APOP digest"))?;
    Ok(Command::Apop { name, digest })
}

fn parse_auth(rest: Option<&str>) -> Result<Command<'_>, ParseError> {
    let rest = rest
        .map(str::trim_end)
        .ok_or(ParseError::Syntax("AUTH needs a mechanism"))?;
    let (mechanism, response) = match rest.split_once(' ') {
        Some((mechanism, response)) => (mechanism, Some(response)),
        None => (rest, None),
    };
    let mechanism = Mechanism::try_from(mechanism)
        .or_else(|_| Mechanism::try_from(mechanism.to_ascii_uppercase()))
        .map_err(|_| ParseError::Syntax("bad SASL mechanism"))?;
    let initial_response = response
        .map(|r| decode_sasl(r.as_bytes()).ok_or(ParseError::Syntax("bad initial response")))
        .transpose()?
        .map(Secret::new);
    Ok(Command::Auth {
        mechanism,
        initial_response,
    })
}

/// Parses 32 hex digits into 16 bytes.
pub(crate) fn parse_hex_digest(s: &str) -> Option<[u8; 16]> {
    let parsed: IResult<&str, Vec<u8>> = all_consuming(nom::multi::count(
        map_opt(
            nom::bytes::complete::take_while_m_n(2, 2, |c: char| c.is_ascii_hexdigit()),
            |pair: &str| u8::from_str_radix(pair, 16).ok(),
        ),
        16,
    ))
    .parse(s);
    parsed.ok()?.1.try_into().ok()
}

/// Writes bytes as lower-case hex digits.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Encodes a SASL payload for the wire: base64, or `=` for an empty initial response.
pub(crate) fn encode_sasl(data: &[u8]) -> String {
    if data.is_empty() {
        String::from("=")
    } else {
        BASE64.encode(data)
    }
}

/// Decodes a SASL payload written as base64 or `=`.
pub(crate) fn decode_sasl(s: &[u8]) -> Option<Vec<u8>> {
    if s == b"=" {
        Some(Vec::new())
    } else if s.is_empty() {
        None
    } else {
        BASE64.decode(s).ok()
    }
}

/// A line the client sends during a SASL exchange (RFC 5034 section 4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaslResponse {
    /// The decoded response (an empty line is an empty response).
    Data(Secret<Vec<u8>>),
    /// `*`: the client cancels the exchange.
    Cancel,
}

impl SaslResponse {
    /// Parses a client line of a SASL exchange, given without its CRLF.
    pub fn parse(line: &[u8]) -> Result<Self, ParseError> {
        match line {
            b"*" => Ok(Self::Cancel),
            b"" => Ok(Self::Data(Secret::new(Vec::new()))),
            _ => BASE64
                .decode(line)
                .map(|data| Self::Data(Secret::new(data)))
                .map_err(|_| ParseError::Syntax("bad base64 in SASL response")),
        }
    }

    /// Appends the line, with its CRLF, to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        match self {
            Self::Data(data) => out.extend_from_slice(BASE64.encode(data.expose()).as_bytes()),
            Self::Cancel => out.extend_from_slice(b"*"),
        }
        out.extend_from_slice(b"\r\n");
    }
}

/// The APOP digest: MD5 of the greeting's timestamp (with its angle brackets) followed by the
/// password (RFC 1939 section 7).
pub fn apop_digest(timestamp: &str, password: &[u8]) -> [u8; 16] {
    use md5::Digest as _;
    let mut hasher = md5::Md5::new();
    hasher.update(timestamp.as_bytes());
    hasher.update(password);
    hasher.finalize().into()
}
