//! The POP3 client session, sans-IO.
//!
//! Feed what the transport read to [`ClientSession::handle_input`], issue commands through the
//! methods (`login`, `stat`, `retr`, ...), write out what [`ClientSession::poll_transmit`]
//! appends, and read results from [`ClientSession::poll_event`]. **Drain rule:** after any call
//! that changes the session, poll events and transmits until both are empty.
//!
//! The session reads the greeting, asks for CAPA (a server without CAPA is treated as offering
//! USER/PASS and TOP/UIDL untested), and reports [`ClientEvent::Ready`]. Commands issued before
//! that wait. With PIPELINING offered, commands are written without waiting for earlier
//! responses, except around login and STLS.

use std::collections::VecDeque;

use bytes::{Bytes, BytesMut};
use mailwire_core::{DotUnstuffer, FrameError, FramerOptions, LineFramer, Secret};
use mailwire_sasl::{ClientAuth, ScramHash};
use thiserror::Error;

use crate::capability::Capability;
use crate::command::{Command, SaslResponse, apop_digest};
use crate::error::{ParseError, UsageError};
use crate::response::{BodyLine, DropListing, Reply, Response, ScanListing, UidListing};
use crate::server::SaslMechanism;
use crate::types::{Mechanism, MessageNumber, Text, UserName};

/// Limits and policy of a [`ClientSession`].
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Longest status or listing line, CRLF included (message data has no limit).
    pub max_line_length: usize,
    /// The connection is TLS from the start (POP3S).
    pub implicit_tls: bool,
    /// Send passwords (USER/PASS, PLAIN, LOGIN) without TLS. Off by default.
    pub allow_cleartext_login_without_tls: bool,
    /// A fresh random nonce (printable ASCII without `,`) for SCRAM; without it SCRAM is not
    /// used.
    pub scram_nonce: Option<String>,
    /// Use pipelining when the server offers it.
    pub pipelining: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            max_line_length: 8192,
            implicit_tls: false,
            allow_cleartext_login_without_tls: false,
            scram_nonce: None,
            pipelining: true,
        }
    }
}

/// How the client logged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoginMethod {
    /// A SASL mechanism (RFC 5034).
    Sasl(SaslMechanism),
    /// APOP (RFC 1939 section 7).
    Apop,
    /// USER and PASS.
    UserPass,
}

/// The command a response belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CommandKind {
    /// CAPA.
    Capa,
    /// STLS.
    Stls,
    /// USER, PASS, APOP or AUTH.
    Login,
    /// STAT.
    Stat,
    /// LIST.
    List,
    /// UIDL.
    Uidl,
    /// RETR or TOP of this message.
    Retrieve(MessageNumber),
    /// DELE of this message.
    Dele(MessageNumber),
    /// RSET.
    Rset,
    /// NOOP.
    Noop,
    /// QUIT.
    Quit,
}

/// The server broke the protocol; the session is closed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ClientError {
    /// A line did not parse.
    #[error("malformed server line: {0}")]
    Malformed(ParseError),
    /// A line was longer than the limit.
    #[error("server line too long")]
    LineTooLong,
    /// The server sent something no command asked for.
    #[error("unexpected server line")]
    Unexpected,
    /// The SASL exchange failed on the client side (bad SCRAM server signature, ...).
    #[error("SASL: {0}")]
    Sasl(String),
}

/// What the application must see.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClientEvent {
    /// The greeting and the capabilities (empty when the server has no CAPA) are known;
    /// also sent again after STLS.
    Ready {
        /// The server's capabilities.
        capabilities: Vec<Capability<'static>>,
    },
    /// STLS was accepted: run the TLS handshake, then call
    /// [`ClientSession::tls_established`].
    StartTls,
    /// Logged in; the session is in the TRANSACTION state.
    LoggedIn(LoginMethod),
    /// STAT's answer.
    Stat(DropListing),
    /// LIST's answer (one entry for `LIST n`).
    List(Vec<ScanListing>),
    /// UIDL's answer (one entry for `UIDL n`).
    Uidl(Vec<UidListing<'static>>),
    /// A chunk of a message (RETR or TOP), dot-unstuffed, CRLF line ends.
    MessageData {
        /// The message.
        message: MessageNumber,
        /// The bytes.
        data: Bytes,
    },
    /// The message is complete.
    MessageEnd {
        /// The message.
        message: MessageNumber,
    },
    /// `+OK` to a command without other result (DELE, RSET, NOOP).
    Done {
        /// The command.
        command: CommandKind,
        /// The response, with its code and text.
        response: Response<'static>,
    },
    /// `-ERR` to a command; the response code (`[IN-USE]`, `[AUTH]`, ...) tells why.
    Failed {
        /// The command.
        command: CommandKind,
        /// The response.
        response: Response<'static>,
    },
    /// The session ended: after QUIT's answer, a refused greeting, or a protocol error.
    Closed,
    /// The server broke the protocol; [`ClientEvent::Closed`] follows.
    Error(ClientError),
}

#[derive(Debug)]
enum Awaiting {
    Greeting,
    Capa(Vec<Capability<'static>>, bool),
    Stls,
    User(Secret<String>),
    Pass,
    Apop,
    Auth(Box<ClientAuth>),
    Stat,
    List(Option<MessageNumber>, Option<Vec<ScanListing>>),
    Uidl(Option<MessageNumber>, Option<Vec<UidListing<'static>>>),
    Retrieve(MessageNumber, Option<DotUnstuffer>),
    Dele(MessageNumber),
    Rset,
    Noop,
    Quit,
}

impl Awaiting {
    /// Commands after which nothing is pipelined.
    fn is_barrier(&self) -> bool {
        matches!(
            self,
            Self::Greeting
                | Self::Capa(..)
                | Self::Stls
                | Self::User(_)
                | Self::Pass
                | Self::Apop
                | Self::Auth(_)
                | Self::Quit
        )
    }
}

/// A POP3 client session. See the [module documentation](self).
///
/// ```
/// use bytes::BytesMut;
/// use mailwire_core::Secret;
/// use mailwire_pop3::{ClientEvent, ClientOptions, ClientSession, LoginMethod, MessageNumber};
///
/// let options = ClientOptions { allow_cleartext_login_without_tls: true, ..Default::default() };
/// let mut client = ClientSession::new(options);
/// let mut out = BytesMut::new();
/// client.handle_input(b"+OK ready\r\n");
/// client.poll_transmit(&mut out);
/// assert_eq!(&out[..], b"CAPA\r\n");
/// client.handle_input(b"+OK\r\nUSER\r\nPIPELINING\r\n.\r\n");
/// assert!(matches!(client.poll_event(), Some(ClientEvent::Ready { .. })));
///
/// assert_eq!(client.login("alice", Secret::new("secret".into())), Ok(LoginMethod::UserPass));
/// client.handle_input(b"+OK\r\n+OK logged in\r\n");
/// assert_eq!(client.poll_event(), Some(ClientEvent::LoggedIn(LoginMethod::UserPass)));
///
/// client.retr(MessageNumber::new(1).unwrap()).unwrap();
/// client.handle_input(b"+OK 12 octets\r\nSubject: x\r\n..\r\n.\r\n");
/// let Some(ClientEvent::MessageData { data, .. }) = client.poll_event() else { panic!() };
/// assert_eq!(&data[..], b"Subject: x\r\n.\r\n");
/// assert!(matches!(client.poll_event(), Some(ClientEvent::MessageEnd { .. })));
/// ```
#[derive(Debug)]
pub struct ClientSession {
    options: ClientOptions,
    framer: LineFramer,
    out: BytesMut,
    events: VecDeque<ClientEvent>,
    in_flight: VecDeque<Awaiting>,
    queued: VecDeque<(BytesMut, Awaiting)>,
    capabilities: Option<Vec<Capability<'static>>>,
    apop_timestamp: Option<String>,
    tls: bool,
    logged_in: bool,
    closed: bool,
}

impl ClientSession {
    /// A session waiting for the server's greeting.
    pub fn new(options: ClientOptions) -> Self {
        let framer = LineFramer::new(FramerOptions {
            max_line_length: options.max_line_length,
            allow_bare_lf: true,
        });
        Self {
            tls: options.implicit_tls,
            options,
            framer,
            out: BytesMut::new(),
            events: VecDeque::new(),
            in_flight: VecDeque::from([Awaiting::Greeting]),
            queued: VecDeque::new(),
            capabilities: None,
            apop_timestamp: None,
            logged_in: false,
            closed: false,
        }
    }

    /// The capabilities from the last CAPA (empty if the server has no CAPA), once known.
    pub fn capabilities(&self) -> Option<&[Capability<'static>]> {
        self.capabilities.as_deref()
    }

    /// Whether the capabilities include `capability`.
    pub fn has_capability(&self, capability: &Capability<'_>) -> bool {
        self.capabilities.iter().flatten().any(|c| c == capability)
    }

    /// Whether the session is logged in.
    pub fn is_logged_in(&self) -> bool {
        self.logged_in
    }

    /// Whether the session has ended: close the connection once `poll_transmit` is empty.
    pub fn is_closed(&self) -> bool {
        self.closed && self.out.is_empty()
    }

    /// Buffers bytes the transport read and processes whole responses.
    pub fn handle_input(&mut self, bytes: &[u8]) {
        if self.closed {
            return;
        }
        self.framer.feed(bytes);
        self.process();
    }

    /// The next event, if any.
    pub fn poll_event(&mut self) -> Option<ClientEvent> {
        self.events.pop_front()
    }

    /// Appends what must be written to the server; returns how many bytes were appended.
    pub fn poll_transmit(&mut self, out: &mut BytesMut) -> usize {
        let n = self.out.len();
        out.extend_from_slice(&self.out);
        self.out.clear();
        n
    }

    /// STLS: the server must offer it; [`ClientEvent::StartTls`] follows its `+OK`.
    pub fn stls(&mut self) -> Result<(), UsageError> {
        if self.tls || self.logged_in {
            return Err(UsageError::InvalidArgument("STLS after TLS or login"));
        }
        self.send(Command::Stls, Awaiting::Stls)
    }

    /// The TLS handshake after [`ClientEvent::StartTls`] succeeded: asks for CAPA again.
    pub fn tls_established(&mut self) -> Result<(), UsageError> {
        if self.tls || !self.in_flight.is_empty() || self.closed {
            return Err(UsageError::NotPending("TLS upgrade"));
        }
        self.tls = true;
        self.capabilities = None;
        self.framer.clear();
        let mut line = BytesMut::new();
        Command::Capa.encode(&mut line);
        self.queued
            .push_front((line, Awaiting::Capa(Vec::new(), false)));
        self.flush_queue();
        Ok(())
    }

    /// Logs in with the strongest method the server offers: SCRAM-SHA-256, SCRAM-SHA-1 (with
    /// [`ClientOptions::scram_nonce`]), CRAM-MD5, APOP, PLAIN, USER/PASS, LOGIN. Password
    /// methods need TLS unless [`ClientOptions::allow_cleartext_login_without_tls`].
    pub fn login(
        &mut self,
        user: &str,
        password: Secret<String>,
    ) -> Result<LoginMethod, UsageError> {
        let Some(capabilities) = &self.capabilities else {
            return Err(UsageError::NotPending("capabilities (wait for Ready)"));
        };
        if self.logged_in {
            return Err(UsageError::InvalidArgument("login when logged in"));
        }
        let offered: Vec<SaslMechanism> = capabilities
            .iter()
            .filter_map(|c| match c {
                Capability::Sasl(m) => Some(m),
                _ => None,
            })
            .flatten()
            .filter_map(|m| SaslMechanism::from_name(m.as_str()).ok())
            .collect();
        let cleartext_ok = self.tls || self.options.allow_cleartext_login_without_tls;
        let offers_user = capabilities.is_empty() || capabilities.contains(&Capability::User);
        let sasl = |m: SaslMechanism| offered.contains(&m);
        let method = if let Some(hash) = [
            (SaslMechanism::ScramSha256, ScramHash::Sha256),
            (SaslMechanism::ScramSha1, ScramHash::Sha1),
        ]
        .into_iter()
        .find(|(m, _)| sasl(*m) && self.options.scram_nonce.is_some())
        {
            LoginMethod::Sasl(hash.0)
        } else if sasl(SaslMechanism::CramMd5) {
            LoginMethod::Sasl(SaslMechanism::CramMd5)
        } else if self.apop_timestamp.is_some() {
            LoginMethod::Apop
        } else if !cleartext_ok {
            return Err(UsageError::InvalidArgument("cleartext login without TLS"));
        } else if sasl(SaslMechanism::Plain) {
            LoginMethod::Sasl(SaslMechanism::Plain)
        } else if offers_user {
            LoginMethod::UserPass
        } else if sasl(SaslMechanism::Login) {
            LoginMethod::Sasl(SaslMechanism::Login)
        } else {
            return Err(UsageError::InvalidArgument("no login method in common"));
        };
        let name = UserName::try_from(user).map_err(|_| UsageError::InvalidArgument("user"))?;
        match method {
            LoginMethod::UserPass => {
                self.send(Command::User(name), Awaiting::User(password))?;
            }
            LoginMethod::Apop => {
                let timestamp = self.apop_timestamp.clone().unwrap_or_default();
                let digest = apop_digest(&timestamp, password.expose().as_bytes());
                self.send(Command::Apop { name, digest }, Awaiting::Apop)?;
            }
            LoginMethod::Sasl(mechanism) => {
                let auth = match mechanism {
                    SaslMechanism::ScramSha256 | SaslMechanism::ScramSha1 => {
                        let hash = if mechanism == SaslMechanism::ScramSha256 {
                            ScramHash::Sha256
                        } else {
                            ScramHash::Sha1
                        };
                        let nonce = self.options.scram_nonce.clone().unwrap_or_default();
                        ClientAuth::scram(hash, None, user, password, &nonce)
                    }
                    SaslMechanism::CramMd5 => Ok(ClientAuth::cram_md5(user, password)),
                    SaslMechanism::Plain => ClientAuth::plain(None, user, password),
                    _ => Ok(ClientAuth::login(user, password)),
                }
                .map_err(|_| UsageError::InvalidArgument("SASL credentials"))?;
                let mut auth = Box::new(auth);
                let initial_response = auth.initial_response().map(Secret::new);
                let mechanism = Mechanism::try_from(mechanism.name())
                    .map_err(|_| UsageError::InvalidArgument("mechanism"))?;
                self.send(
                    Command::Auth {
                        mechanism,
                        initial_response,
                    },
                    Awaiting::Auth(auth),
                )?;
            }
        }
        Ok(method)
    }

    /// STAT.
    pub fn stat(&mut self) -> Result<(), UsageError> {
        self.send(Command::Stat, Awaiting::Stat)
    }

    /// LIST, or LIST n.
    pub fn list(&mut self, message: Option<MessageNumber>) -> Result<(), UsageError> {
        self.send(Command::List(message), Awaiting::List(message, None))
    }

    /// UIDL, or UIDL n.
    pub fn uidl(&mut self, message: Option<MessageNumber>) -> Result<(), UsageError> {
        self.send(Command::Uidl(message), Awaiting::Uidl(message, None))
    }

    /// RETR n: the message arrives as [`ClientEvent::MessageData`] chunks.
    pub fn retr(&mut self, message: MessageNumber) -> Result<(), UsageError> {
        self.send(Command::Retr(message), Awaiting::Retrieve(message, None))
    }

    /// TOP n lines.
    pub fn top(&mut self, message: MessageNumber, lines: u32) -> Result<(), UsageError> {
        self.send(
            Command::Top { message, lines },
            Awaiting::Retrieve(message, None),
        )
    }

    /// DELE n.
    pub fn dele(&mut self, message: MessageNumber) -> Result<(), UsageError> {
        self.send(Command::Dele(message), Awaiting::Dele(message))
    }

    /// RSET.
    pub fn rset(&mut self) -> Result<(), UsageError> {
        self.send(Command::Rset, Awaiting::Rset)
    }

    /// NOOP.
    pub fn noop(&mut self) -> Result<(), UsageError> {
        self.send(Command::Noop, Awaiting::Noop)
    }

    /// QUIT: commits deletions when logged in; [`ClientEvent::Closed`] follows the answer.
    pub fn quit(&mut self) -> Result<(), UsageError> {
        self.send(Command::Quit, Awaiting::Quit)
    }

    fn send(&mut self, command: Command<'_>, awaiting: Awaiting) -> Result<(), UsageError> {
        if self.closed || self.queued.iter().any(|(_, a)| matches!(a, Awaiting::Quit)) {
            return Err(UsageError::InvalidArgument("command after QUIT"));
        }
        let mut line = BytesMut::new();
        command.encode(&mut line);
        self.queued.push_back((line, awaiting));
        self.flush_queue();
        Ok(())
    }

    fn pipelining(&self) -> bool {
        self.options.pipelining && self.has_capability(&Capability::Pipelining)
    }

    fn flush_queue(&mut self) {
        while let Some((_, next)) = self.queued.front() {
            let can_send = match self.in_flight.back() {
                None => true,
                Some(last) => self.pipelining() && !last.is_barrier() && !next.is_barrier(),
            };
            if !can_send {
                return;
            }
            let Some((line, awaiting)) = self.queued.pop_front() else {
                return;
            };
            self.out.extend_from_slice(&line);
            self.in_flight.push_back(awaiting);
        }
    }

    fn fail(&mut self, error: ClientError) {
        self.events.push_back(ClientEvent::Error(error));
        self.close();
    }

    fn close(&mut self) {
        self.closed = true;
        self.in_flight.clear();
        self.queued.clear();
        self.events.push_back(ClientEvent::Closed);
    }

    fn process(&mut self) {
        while !self.closed {
            if let Some(Awaiting::Retrieve(message, Some(unstuffer))) = self.in_flight.front_mut() {
                let message = *message;
                let input = self.framer.take_buffered();
                if input.is_empty() {
                    return;
                }
                let mut data = BytesMut::new();
                let decoded = unstuffer.decode(&input, &mut data);
                if !data.is_empty() {
                    self.events.push_back(ClientEvent::MessageData {
                        message,
                        data: data.freeze(),
                    });
                }
                if decoded.done {
                    self.framer.feed(&input[decoded.consumed..]);
                    self.in_flight.pop_front();
                    self.events.push_back(ClientEvent::MessageEnd { message });
                    self.flush_queue();
                }
                continue;
            }
            let line = match self.framer.next_line() {
                None => return,
                Some(Ok(line)) => line,
                Some(Err(FrameError::TooLong { .. })) => {
                    return self.fail(ClientError::LineTooLong);
                }
                Some(Err(_)) => {
                    return self.fail(ClientError::Malformed(ParseError::Syntax("line")));
                }
            };
            self.handle_line(&line);
            self.flush_queue();
        }
    }

    fn handle_line(&mut self, line: &[u8]) {
        let Some(awaiting) = self.in_flight.pop_front() else {
            return self.fail(ClientError::Unexpected);
        };
        match awaiting {
            Awaiting::Capa(mut caps, true) => {
                match BodyLine::parse(line) {
                    BodyLine::End => {
                        self.capabilities = Some(caps.clone());
                        self.events
                            .push_back(ClientEvent::Ready { capabilities: caps });
                    }
                    BodyLine::Data(data) => {
                        // Unknown or malformed capability lines are skipped, not fatal.
                        if let Ok(c) = Capability::parse(data) {
                            caps.push(c.into_owned());
                        }
                        self.in_flight.push_front(Awaiting::Capa(caps, true));
                    }
                }
            }
            Awaiting::List(n, Some(mut items)) => match BodyLine::parse(line) {
                BodyLine::End => self.events.push_back(ClientEvent::List(items)),
                BodyLine::Data(data) => match ScanListing::parse(data) {
                    Ok(item) => {
                        items.push(item);
                        self.in_flight.push_front(Awaiting::List(n, Some(items)));
                    }
                    Err(e) => self.fail(ClientError::Malformed(e)),
                },
            },
            Awaiting::Uidl(n, Some(mut items)) => match BodyLine::parse(line) {
                BodyLine::End => self.events.push_back(ClientEvent::Uidl(items)),
                BodyLine::Data(data) => match UidListing::parse(data) {
                    Ok(item) => {
                        items.push(item.into_owned());
                        self.in_flight.push_front(Awaiting::Uidl(n, Some(items)));
                    }
                    Err(e) => self.fail(ClientError::Malformed(e)),
                },
            },
            awaiting => self.handle_reply(line, awaiting),
        }
    }

    fn handle_reply(&mut self, line: &[u8], awaiting: Awaiting) {
        let reply = match Reply::parse(line) {
            Ok(reply) => reply,
            Err(e) => return self.fail(ClientError::Malformed(e)),
        };
        let response = match reply {
            Reply::Status(response) => response.into_owned(),
            Reply::Continuation(challenge) => return self.continuation(&challenge, awaiting),
        };
        if !response.is_ok() {
            return self.refused(awaiting, response);
        }
        match awaiting {
            Awaiting::Greeting => {
                self.apop_timestamp = response.apop_timestamp().map(str::to_owned);
                self.in_flight.push_back(Awaiting::Capa(Vec::new(), false));
                Command::Capa.encode(&mut self.out);
            }
            Awaiting::Capa(caps, _) => self.in_flight.push_front(Awaiting::Capa(caps, true)),
            Awaiting::Stls => {
                self.framer.clear();
                self.events.push_back(ClientEvent::StartTls);
            }
            Awaiting::User(password) => {
                let pass = Text::try_from(password.expose().as_str())
                    .map(|p| Command::Pass(Secret::new(p)));
                match pass {
                    Ok(pass) => {
                        pass.encode(&mut self.out);
                        self.in_flight.push_front(Awaiting::Pass);
                    }
                    Err(_) => self.fail(ClientError::Unexpected),
                }
            }
            Awaiting::Pass => self.logged_in(LoginMethod::UserPass),
            Awaiting::Apop => self.logged_in(LoginMethod::Apop),
            Awaiting::Auth(mut auth) => match auth.finish(None) {
                Ok(()) => self.logged_in(LoginMethod::Sasl(auth.mechanism())),
                Err(e) => self.fail(ClientError::Sasl(e.to_string())),
            },
            Awaiting::Stat => match DropListing::parse(response.text().as_str()) {
                Ok(listing) => self.events.push_back(ClientEvent::Stat(listing)),
                Err(e) => self.fail(ClientError::Malformed(e)),
            },
            Awaiting::List(None, _) => {
                self.in_flight
                    .push_front(Awaiting::List(None, Some(Vec::new())));
            }
            Awaiting::List(Some(_), _) => {
                match ScanListing::parse(response.text().as_str().as_bytes()) {
                    Ok(item) => self.events.push_back(ClientEvent::List(vec![item])),
                    Err(e) => self.fail(ClientError::Malformed(e)),
                }
            }
            Awaiting::Uidl(None, _) => {
                self.in_flight
                    .push_front(Awaiting::Uidl(None, Some(Vec::new())));
            }
            Awaiting::Uidl(Some(_), _) => {
                match UidListing::parse(response.text().as_str().as_bytes()) {
                    Ok(item) => self
                        .events
                        .push_back(ClientEvent::Uidl(vec![item.into_owned()])),
                    Err(e) => self.fail(ClientError::Malformed(e)),
                }
            }
            Awaiting::Retrieve(message, _) => {
                self.in_flight
                    .push_front(Awaiting::Retrieve(message, Some(DotUnstuffer::new())));
            }
            Awaiting::Dele(message) => self.done(CommandKind::Dele(message), response),
            Awaiting::Rset => self.done(CommandKind::Rset, response),
            Awaiting::Noop => self.done(CommandKind::Noop, response),
            Awaiting::Quit => {
                self.done(CommandKind::Quit, response);
                self.close();
            }
        }
    }

    fn continuation(&mut self, challenge: &[u8], awaiting: Awaiting) {
        let Awaiting::Auth(mut auth) = awaiting else {
            return self.fail(ClientError::Unexpected);
        };
        let answer = match auth.step(challenge) {
            Ok(data) => SaslResponse::Data(Secret::new(data)),
            Err(_) => SaslResponse::Cancel,
        };
        answer.encode(&mut self.out);
        self.in_flight.push_front(Awaiting::Auth(auth));
    }

    fn refused(&mut self, awaiting: Awaiting, response: Response<'static>) {
        let command = match awaiting {
            Awaiting::Greeting => return self.close(),
            Awaiting::Capa(..) => {
                // RFC 1939 servers without CAPA: assume nothing.
                self.capabilities = Some(Vec::new());
                self.events.push_back(ClientEvent::Ready {
                    capabilities: Vec::new(),
                });
                return;
            }
            Awaiting::Stls => CommandKind::Stls,
            Awaiting::User(_) | Awaiting::Pass | Awaiting::Apop | Awaiting::Auth(_) => {
                CommandKind::Login
            }
            Awaiting::Stat => CommandKind::Stat,
            Awaiting::List(..) => CommandKind::List,
            Awaiting::Uidl(..) => CommandKind::Uidl,
            Awaiting::Retrieve(n, _) => CommandKind::Retrieve(n),
            Awaiting::Dele(n) => CommandKind::Dele(n),
            Awaiting::Rset => CommandKind::Rset,
            Awaiting::Noop => CommandKind::Noop,
            Awaiting::Quit => {
                self.events.push_back(ClientEvent::Failed {
                    command: CommandKind::Quit,
                    response,
                });
                return self.close();
            }
        };
        self.events
            .push_back(ClientEvent::Failed { command, response });
    }

    fn done(&mut self, command: CommandKind, response: Response<'static>) {
        self.events
            .push_back(ClientEvent::Done { command, response });
    }

    fn logged_in(&mut self, method: LoginMethod) {
        self.logged_in = true;
        self.events.push_back(ClientEvent::LoggedIn(method));
    }
}
