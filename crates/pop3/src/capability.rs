//! CAPA listing lines (RFC 2449 and its extensions).

use bytes::BytesMut;

use crate::error::{InvalidValue, ParseError};
use crate::types::{CapabilityWord, Mechanism, Text};

/// How long the server keeps messages (RFC 2449 EXPIRE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpirePolicy {
    /// Messages are kept until deleted.
    Never,
    /// Messages are removed this many days after they were first retrieved (0: at QUIT).
    Days(u32),
}

/// One line of a CAPA response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Capability<'a> {
    /// `TOP`.
    Top,
    /// `USER`: USER/PASS login is offered.
    User,
    /// `SASL mechanisms...` (RFC 5034).
    Sasl(Vec<Mechanism<'a>>),
    /// `RESP-CODES`: response codes are used.
    RespCodes,
    /// `AUTH-RESP-CODE`: the `[AUTH]` code is used (RFC 3206).
    AuthRespCode,
    /// `PIPELINING`: commands may be sent without waiting for each response.
    Pipelining,
    /// `STLS` (RFC 2595).
    Stls,
    /// `UTF8` (RFC 6856); `UTF8 USER` when user names and passwords may be UTF-8.
    Utf8 {
        /// Whether `USER` follows.
        user: bool,
    },
    /// `LANG` (RFC 6856).
    Lang,
    /// `UIDL`.
    Uidl,
    /// `IMPLEMENTATION text`.
    Implementation(Text<'a>),
    /// `EXPIRE policy [USER]`.
    Expire {
        /// The policy.
        policy: ExpirePolicy,
        /// Whether the policy may differ per user (only before login).
        per_user: bool,
    },
    /// `LOGIN-DELAY seconds [USER]`.
    LoginDelay {
        /// The minimum time between logins.
        seconds: u32,
        /// Whether the delay may differ per user (only before login).
        per_user: bool,
    },
    /// A capability this crate does not name: a tag and its arguments.
    Other {
        /// The capability tag, not one of the named ones.
        name: CapabilityWord<'a>,
        /// The arguments.
        args: Vec<CapabilityWord<'a>>,
    },
}

const NAMED: [&str; 13] = [
    "TOP",
    "USER",
    "SASL",
    "RESP-CODES",
    "AUTH-RESP-CODE",
    "PIPELINING",
    "STLS",
    "UTF8",
    "LANG",
    "UIDL",
    "IMPLEMENTATION",
    "EXPIRE",
    "LOGIN-DELAY",
];

impl<'a> Capability<'a> {
    /// A capability this crate does not name. Fails for a named tag, which must be built
    /// through its own variant.
    pub fn other(
        name: CapabilityWord<'a>,
        args: Vec<CapabilityWord<'a>>,
    ) -> Result<Self, InvalidValue> {
        if NAMED.iter().any(|n| n.eq_ignore_ascii_case(name.as_str())) {
            return Err(InvalidValue::new("capability that has its own variant"));
        }
        Ok(Self::Other { name, args })
    }

    /// Parses a capability line, given without its CRLF. Tags match without regard to case.
    pub fn parse(line: &'a [u8]) -> Result<Self, ParseError> {
        let line = std::str::from_utf8(line).map_err(|_| ParseError::Syntax("not UTF-8"))?;
        let (tag, rest) = line.split_once(' ').unwrap_or((line, ""));
        let words: Vec<&str> = rest.split(' ').filter(|w| !w.is_empty()).collect();
        let upper = tag.to_ascii_uppercase();
        let bare = |capability: Capability<'a>| {
            if words.is_empty() {
                Ok(capability)
            } else {
                Err(ParseError::Syntax("unexpected capability argument"))
            }
        };
        match upper.as_str() {
            "TOP" => bare(Self::Top),
            "USER" => bare(Self::User),
            "RESP-CODES" => bare(Self::RespCodes),
            "AUTH-RESP-CODE" => bare(Self::AuthRespCode),
            "PIPELINING" => bare(Self::Pipelining),
            "STLS" => bare(Self::Stls),
            "LANG" => bare(Self::Lang),
            "UIDL" => bare(Self::Uidl),
            "SASL" => words
                .iter()
                .map(|w| {
                    Mechanism::try_from(*w).or_else(|_| Mechanism::try_from(w.to_ascii_uppercase()))
                })
                .collect::<Result<_, _>>()
                .map(Self::Sasl)
                .map_err(|_| ParseError::Syntax("bad SASL mechanism")),
            "UTF8" => match words.as_slice() {
                [] => Ok(Self::Utf8 { user: false }),
                [w] if w.eq_ignore_ascii_case("USER") => Ok(Self::Utf8 { user: true }),
                _ => Err(ParseError::Syntax("bad UTF8 capability")),
            },
            "IMPLEMENTATION" if !rest.is_empty() => Text::try_from(rest)
                .map(Self::Implementation)
                .map_err(|_| ParseError::Syntax("bad implementation text")),
            "EXPIRE" => {
                let (policy, per_user) = policy_and_user(&words)?;
                let policy = if policy.eq_ignore_ascii_case("NEVER") {
                    ExpirePolicy::Never
                } else {
                    ExpirePolicy::Days(number(policy)?)
                };
                Ok(Self::Expire { policy, per_user })
            }
            "LOGIN-DELAY" => {
                let (seconds, per_user) = policy_and_user(&words)?;
                Ok(Self::LoginDelay {
                    seconds: number(seconds)?,
                    per_user,
                })
            }
            "IMPLEMENTATION" => Err(ParseError::Syntax("IMPLEMENTATION needs text")),
            _ => {
                let name = CapabilityWord::try_from(tag)
                    .map_err(|_| ParseError::Syntax("bad capability"))?;
                let args = words
                    .iter()
                    .map(|w| CapabilityWord::try_from(*w))
                    .collect::<Result<_, _>>()
                    .map_err(|_| ParseError::Syntax("bad capability argument"))?;
                Ok(Self::Other { name, args })
            }
        }
    }

    /// Appends the capability line, with its CRLF, to `out`.
    pub fn encode(&self, out: &mut BytesMut) {
        let mut words: Vec<&str> = Vec::new();
        let number;
        match self {
            Self::Top => words.push("TOP"),
            Self::User => words.push("USER"),
            Self::RespCodes => words.push("RESP-CODES"),
            Self::AuthRespCode => words.push("AUTH-RESP-CODE"),
            Self::Pipelining => words.push("PIPELINING"),
            Self::Stls => words.push("STLS"),
            Self::Lang => words.push("LANG"),
            Self::Uidl => words.push("UIDL"),
            Self::Sasl(mechanisms) => {
                words.push("SASL");
                words.extend(mechanisms.iter().map(Mechanism::as_str));
            }
            Self::Utf8 { user } => {
                words.push("UTF8");
                if *user {
                    words.push("USER");
                }
            }
            Self::Implementation(text) => {
                words.push("IMPLEMENTATION");
                words.push(text.as_str());
            }
            Self::Expire { policy, per_user } => {
                words.push("EXPIRE");
                number = match policy {
                    ExpirePolicy::Never => String::from("NEVER"),
                    ExpirePolicy::Days(days) => days.to_string(),
                };
                words.push(&number);
                if *per_user {
                    words.push("USER");
                }
            }
            Self::LoginDelay { seconds, per_user } => {
                words.push("LOGIN-DELAY");
                number = seconds.to_string();
                words.push(&number);
                if *per_user {
                    words.push("USER");
                }
            }
            Self::Other { name, args } => {
                words.push(name.as_str());
                words.extend(args.iter().map(CapabilityWord::as_str));
            }
        }
        out.extend_from_slice(words.join(" ").as_bytes());
        out.extend_from_slice(b"\r\n");
    }

    /// A copy that owns all its text.
    pub fn into_owned(self) -> Capability<'static> {
        match self {
            Self::Top => Capability::Top,
            Self::User => Capability::User,
            Self::Sasl(m) => Capability::Sasl(m.into_iter().map(Mechanism::into_owned).collect()),
            Self::RespCodes => Capability::RespCodes,
            Self::AuthRespCode => Capability::AuthRespCode,
            Self::Pipelining => Capability::Pipelining,
            Self::Stls => Capability::Stls,
            Self::Utf8 { user } => Capability::Utf8 { user },
            Self::Lang => Capability::Lang,
            Self::Uidl => Capability::Uidl,
            Self::Implementation(text) => Capability::Implementation(text.into_owned()),
            Self::Expire { policy, per_user } => Capability::Expire { policy, per_user },
            Self::LoginDelay { seconds, per_user } => Capability::LoginDelay { seconds, per_user },
            Self::Other { name, args } => Capability::Other {
                name: name.into_owned(),
                args: args.into_iter().map(CapabilityWord::into_owned).collect(),
            },
        }
    }
}

fn policy_and_user<'w>(words: &[&'w str]) -> Result<(&'w str, bool), ParseError> {
    match words {
        [policy] => Ok((policy, false)),
        [policy, user] if user.eq_ignore_ascii_case("USER") => Ok((policy, true)),
        _ => Err(ParseError::Syntax("bad capability arguments")),
    }
}

fn number(s: &str) -> Result<u32, ParseError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::Syntax("number expected"));
    }
    s.parse()
        .map_err(|_| ParseError::Syntax("number too large"))
}
