//! The POP3 server session (RFC 1939 with CAPA, STLS, AUTH, UTF8 and LANG), sans-IO.
//!
//! Drive it like this: feed what the transport read to [`ServerSession::handle_input`], call
//! [`ServerSession::handle_timeout`] with the current time after each read and whenever
//! [`ServerSession::poll_timeout`]'s deadline passes, answer each [`ServerEvent`] from
//! [`ServerSession::poll_event`] through the matching method, and write out what
//! [`ServerSession::poll_transmit`] appends. **Drain rule:** after any call that changes the
//! session, poll events and transmits until both are empty. Close the connection once
//! [`ServerSession::is_closed`] is true.

use std::collections::VecDeque;
use std::time::Instant;

use bytes::BytesMut;
use mailwire_core::{DotStuffer, DotStufferOptions, FrameError, FramerOptions, LineFramer, Secret};
use mailwire_sasl::{ServerAuth, ServerConfig};

use crate::capability::Capability;
use crate::command::Command;
use crate::error::{ParseError, UsageError};
use crate::message::TopFilter;
use crate::response::{ScanListing, UidListing};
use crate::types::{Mechanism, MessageNumber};

pub use mailwire_sasl::Mechanism as SaslMechanism;

mod events;
mod options;

pub use events::{Credentials, LoginFailure, LoginRequest, MaildropEntry, SaslAnswer, ServerEvent};
use options::MIN_INACTIVITY;
pub use options::ServerOptions;

mod sasl;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Authorization,
    Transaction,
    Closed,
}

#[derive(Debug)]
enum Pending {
    StartTls,
    Login,
    Sasl {
        auth: Box<ServerAuth>,
        awaiting_client: bool,
    },
    Retrieve {
        size: u64,
        started: bool,
        top: Option<TopFilter>,
    },
    Update,
}

/// A POP3 server session for one connection. See the [module documentation](self).
///
/// ```
/// use std::time::Instant;
/// use bytes::BytesMut;
/// use mailwire_pop3::{MaildropEntry, ServerEvent, ServerOptions, ServerSession, Uid};
///
/// let options = ServerOptions { allow_cleartext_login_without_tls: true, ..Default::default() };
/// let mut server = ServerSession::new(options, Instant::now());
/// let mut out = BytesMut::new();
/// server.poll_transmit(&mut out);
/// assert!(out.starts_with(b"+OK"));
///
/// server.handle_input(b"USER alice\r\nPASS secret\r\n");
/// let Some(ServerEvent::Login(login)) = server.poll_event() else { panic!() };
/// assert!(login.password_matches(b"secret"));
/// let uid = Uid::try_from("m1").unwrap();
/// server.accept_login(vec![MaildropEntry { size: 5, uid }]).unwrap();
/// out.clear();
/// server.poll_transmit(&mut out);
/// assert_eq!(&out[..], b"+OK\r\n+OK Logged in, 1 messages (5 octets)\r\n");
/// ```
#[derive(Debug)]
pub struct ServerSession {
    options: ServerOptions,
    framer: LineFramer,
    out: BytesMut,
    events: VecDeque<ServerEvent>,
    phase: Phase,
    pending: Option<Pending>,
    tls_active: bool,
    utf8: bool,
    apop_timestamp: Option<String>,
    sasl_config: Option<ServerConfig>,
    user: Option<String>,
    maildrop: Vec<MaildropEntry>,
    deleted: Vec<bool>,
    stuffer: DotStuffer,
    failed_logins: u32,
    errors: u32,
    /// A reply held back until the failed-login delay has passed, and whether to close after.
    held: Option<(Instant, BytesMut, bool)>,
    now: Instant,
    last_activity: Instant,
    active_since_tick: bool,
    close_after_flush: bool,
}

impl ServerSession {
    /// A session whose greeting is queued. APOP is not offered.
    pub fn new(options: ServerOptions, now: Instant) -> Self {
        Self::start(options, now, None)
    }

    /// A session that offers APOP with `timestamp` in its greeting (RFC 1939 section 7). The
    /// timestamp must be unique per connection and look like `<process-id.clock@hostname>`.
    pub fn with_apop(
        options: ServerOptions,
        now: Instant,
        timestamp: &str,
    ) -> Result<Self, UsageError> {
        let valid = timestamp.len() > 2
            && timestamp.starts_with('<')
            && timestamp.ends_with('>')
            && timestamp[1..timestamp.len() - 1]
                .bytes()
                .all(|b| (0x21..=0x7e).contains(&b) && b != b'<' && b != b'>');
        if !valid {
            return Err(UsageError::InvalidArgument("APOP timestamp"));
        }
        Ok(Self::start(options, now, Some(timestamp.to_owned())))
    }

    /// Enables the SASL mechanisms of the options, with `config` holding this connection's
    /// fresh nonce (for SCRAM and CRAM-MD5).
    pub fn with_sasl(mut self, config: ServerConfig) -> Self {
        self.sasl_config = Some(config.with_success_data_as_challenge(true));
        self
    }

    fn start(mut options: ServerOptions, now: Instant, apop_timestamp: Option<String>) -> Self {
        options.inactivity_timeout = options.inactivity_timeout.max(MIN_INACTIVITY);
        let framer = LineFramer::new(FramerOptions {
            max_line_length: options.max_line_length,
            allow_bare_lf: true,
        });
        let tls_active = options.implicit_tls;
        let mut session = Self {
            options,
            framer,
            out: BytesMut::new(),
            events: VecDeque::new(),
            phase: Phase::Authorization,
            pending: None,
            tls_active,
            utf8: false,
            apop_timestamp,
            sasl_config: None,
            user: None,
            maildrop: Vec::new(),
            deleted: Vec::new(),
            stuffer: DotStuffer::new(DotStufferOptions {
                normalize_line_endings: true,
            }),
            failed_logins: 0,
            errors: 0,
            held: None,
            now,
            last_activity: now,
            active_since_tick: false,
            close_after_flush: false,
        };
        let greeting = match &session.apop_timestamp {
            Some(stamp) => format!("POP3 server ready {stamp}"),
            None => String::from("POP3 server ready"),
        };
        session.ok(&greeting);
        session
    }

    /// Buffers bytes the transport read and processes whole command lines.
    pub fn handle_input(&mut self, bytes: &[u8]) {
        if self.phase == Phase::Closed || matches!(self.pending, Some(Pending::StartTls)) {
            // Nothing may be read after QUIT, and plaintext sent behind STLS is an injection.
            return;
        }
        self.active_since_tick = true;
        self.framer.feed(bytes);
        self.process();
        if self.framer.buffered().len() > self.options.max_buffered_input {
            self.framer.clear();
            self.held = None;
            self.pending = None;
            self.err(None, "Too much pipelined input, closing");
            self.close_after_flush = true;
        }
    }

    /// The next event for the application, if any.
    pub fn poll_event(&mut self) -> Option<ServerEvent> {
        self.events.pop_front()
    }

    /// Appends what must be written to the peer; returns how many bytes were appended.
    pub fn poll_transmit(&mut self, out: &mut BytesMut) -> usize {
        let n = self.out.len();
        out.extend_from_slice(&self.out);
        self.out.clear();
        if self.close_after_flush && self.held.is_none() {
            self.phase = Phase::Closed;
        }
        n
    }

    /// The time at which [`handle_timeout`](Self::handle_timeout) must be called next.
    pub fn poll_timeout(&self) -> Option<Instant> {
        if self.phase == Phase::Closed {
            return None;
        }
        if let Some((at, _, _)) = &self.held {
            return Some(*at);
        }
        if self.pending.is_some() || self.close_after_flush {
            // The application is working; its slowness is not the client's idleness.
            return None;
        }
        Some(self.last_activity + self.options.inactivity_timeout)
    }

    /// Tells the session the current time: releases a delayed reply, restarts the inactivity
    /// clock after input, and closes the session (silently, as RFC 1939 says) when the client
    /// has been idle too long. Call it after each read as well as at the deadline.
    pub fn handle_timeout(&mut self, now: Instant) {
        self.now = now;
        if self.active_since_tick {
            self.active_since_tick = false;
            self.last_activity = now;
        }
        if let Some((at, _, _)) = &self.held
            && *at <= now
            && let Some((_, reply, close)) = self.held.take()
        {
            self.out.extend_from_slice(&reply);
            self.last_activity = now;
            if close {
                self.close_after_flush = true;
            } else {
                self.process();
            }
            return;
        }
        if let Some(deadline) = self.poll_timeout()
            && self.held.is_none()
            && now >= deadline
        {
            self.phase = Phase::Closed;
            self.out.clear();
        }
    }

    /// Whether the session has ended and everything to send was taken by `poll_transmit`:
    /// close the connection.
    pub fn is_closed(&self) -> bool {
        self.phase == Phase::Closed && self.out.is_empty()
    }

    /// Whether the session is in the TRANSACTION state (logged in, maildrop locked).
    pub fn is_logged_in(&self) -> bool {
        self.phase == Phase::Transaction
    }

    /// Whether the connection is TLS (implicit, or after STLS).
    pub fn is_tls(&self) -> bool {
        self.tls_active
    }

    /// Whether the client enabled UTF8 (RFC 6856): messages may then be sent without
    /// downgrading their UTF-8 headers.
    pub fn is_utf8_enabled(&self) -> bool {
        self.utf8
    }

    /// The TLS handshake after [`ServerEvent::StartTls`] succeeded.
    pub fn tls_established(&mut self) -> Result<(), UsageError> {
        self.take_pending("STLS", |p| matches!(p, Pending::StartTls))?;
        self.tls_active = true;
        self.user = None;
        self.framer.clear();
        Ok(())
    }

    /// Accepts the login or SASL exchange: the maildrop is locked and holds `maildrop`, in
    /// message-number order. The session enters the TRANSACTION state.
    pub fn accept_login(&mut self, maildrop: Vec<MaildropEntry>) -> Result<(), UsageError> {
        self.take_pending("login", |p| matches!(p, Pending::Login))?;
        self.deleted = vec![false; maildrop.len()];
        self.maildrop = maildrop;
        self.phase = Phase::Transaction;
        self.set_line_limit(self.options.max_line_length);
        let (count, size) = self.totals();
        self.ok(&format!("Logged in, {count} messages ({size} octets)"));
        self.process();
        Ok(())
    }

    /// Refuses the login or SASL exchange.
    pub fn reject_login(&mut self, failure: LoginFailure) -> Result<(), UsageError> {
        self.take_pending("login", |p| matches!(p, Pending::Login))?;
        self.fail_login(failure);
        Ok(())
    }

    fn fail_login(&mut self, failure: LoginFailure) {
        self.set_line_limit(self.options.max_line_length);
        let mut reply = BytesMut::new();
        let (code, text) = match failure {
            LoginFailure::BadCredentials => ("AUTH", "Authentication failed"),
            LoginFailure::InUse => ("IN-USE", "Maildrop is locked by another session"),
            LoginFailure::LoginDelay => ("LOGIN-DELAY", "Logged in too recently, try later"),
            LoginFailure::Temporary => ("SYS/TEMP", "Temporary failure, try again later"),
            LoginFailure::Permanent => ("SYS/PERM", "Maildrop unavailable"),
        };
        reply.extend_from_slice(format!("-ERR [{code}] {text}\r\n").as_bytes());
        if failure == LoginFailure::BadCredentials {
            self.failed_logins += 1;
            let close = self.failed_logins >= self.options.max_failed_logins;
            if close {
                reply.extend_from_slice(b"-ERR Too many failed logins\r\n");
            }
            self.held = Some((self.now + self.options.failed_login_delay, reply, close));
        } else {
            self.out.extend_from_slice(&reply);
            self.process();
        }
    }

    /// Sends the next chunk of the message asked for by [`ServerEvent::Retrieve`], in the line
    /// endings it is stored with. Returns `false` once TOP has all it needs: the remaining
    /// chunks may be skipped.
    pub fn message_data(&mut self, chunk: &[u8]) -> Result<bool, UsageError> {
        let Some(Pending::Retrieve { size, started, top }) = &mut self.pending else {
            return Err(UsageError::NotPending("message retrieval"));
        };
        if !*started {
            *started = true;
            let line = match top {
                Some(_) => String::from("+OK Top of message follows\r\n"),
                None => format!("+OK {size} octets\r\n"),
            };
            self.out.extend_from_slice(line.as_bytes());
        }
        let (data, more) = match top {
            Some(filter) => {
                let data = filter.filter(chunk);
                (data, !filter.is_done())
            }
            None => (chunk, true),
        };
        self.stuffer.encode(data, &mut self.out);
        self.active_since_tick = true;
        Ok(more)
    }

    /// Ends the message data (`.` line) and goes on with pipelined commands.
    pub fn message_end(&mut self) -> Result<(), UsageError> {
        let Some(Pending::Retrieve { size, started, .. }) = &self.pending else {
            return Err(UsageError::NotPending("message retrieval"));
        };
        if !*started {
            let line = format!("+OK {size} octets\r\n");
            self.out.extend_from_slice(line.as_bytes());
        }
        self.pending = None;
        self.stuffer.finish(&mut self.out);
        self.process();
        Ok(())
    }

    /// The message could not be read. Before any data this answers `-ERR [SYS/TEMP]`; after
    /// some data the response cannot be repaired and the session closes.
    pub fn message_failed(&mut self) -> Result<(), UsageError> {
        let Some(Pending::Retrieve { started, .. }) = self.pending.take() else {
            return Err(UsageError::NotPending("message retrieval"));
        };
        self.stuffer = DotStuffer::new(*self.stuffer.options());
        if started {
            self.phase = Phase::Closed;
        } else {
            self.err(Some("SYS/TEMP"), "Message cannot be read now");
            self.process();
        }
        Ok(())
    }

    /// The deletions of [`ServerEvent::Update`] are done: `+OK` and the session ends.
    pub fn update_done(&mut self) -> Result<(), UsageError> {
        self.take_pending("update", |p| matches!(p, Pending::Update))?;
        self.ok("POP3 server signing off");
        self.close_after_flush = true;
        Ok(())
    }

    /// Some deletions of [`ServerEvent::Update`] failed: `-ERR [SYS/TEMP]` and the session ends.
    pub fn update_failed(&mut self) -> Result<(), UsageError> {
        self.take_pending("update", |p| matches!(p, Pending::Update))?;
        self.err(Some("SYS/TEMP"), "Some deleted messages not removed");
        self.close_after_flush = true;
        Ok(())
    }

    fn take_pending(
        &mut self,
        what: &'static str,
        matches: impl Fn(&Pending) -> bool,
    ) -> Result<(), UsageError> {
        match &self.pending {
            Some(p) if matches(p) => {
                self.pending = None;
                Ok(())
            }
            _ => Err(UsageError::NotPending(what)),
        }
    }

    fn set_line_limit(&mut self, max_line_length: usize) {
        self.framer.set_options(FramerOptions {
            max_line_length,
            allow_bare_lf: true,
        });
    }

    fn ok(&mut self, text: &str) {
        self.out.extend_from_slice(b"+OK");
        if !text.is_empty() {
            self.out.extend_from_slice(b" ");
            self.out.extend_from_slice(text.as_bytes());
        }
        self.out.extend_from_slice(b"\r\n");
    }

    fn err(&mut self, code: Option<&str>, text: &str) {
        let line = match code {
            Some(code) => format!("-ERR [{code}] {text}\r\n"),
            None => format!("-ERR {text}\r\n"),
        };
        self.out.extend_from_slice(line.as_bytes());
    }

    /// A client error: counted, and the session closes after too many.
    fn client_error(&mut self, text: &str) {
        self.err(None, text);
        self.errors += 1;
        if self.errors >= self.options.max_errors {
            self.err(None, "Too many errors, closing");
            self.close_after_flush = true;
        }
    }

    fn totals(&self) -> (usize, u64) {
        self.live()
            .fold((0, 0), |(n, s), (_, e)| (n + 1, s + e.size))
    }

    fn live(&self) -> impl Iterator<Item = (MessageNumber, &MaildropEntry)> {
        self.maildrop
            .iter()
            .zip(&self.deleted)
            .enumerate()
            .filter(|(_, (_, deleted))| !**deleted)
            .filter_map(|(i, (entry, _))| MessageNumber::from_index(i).map(|n| (n, entry)))
    }

    fn process(&mut self) {
        while self.pending.is_none()
            && self.held.is_none()
            && !self.close_after_flush
            && self.phase != Phase::Closed
        {
            let Some(line) = self.framer.next_line() else {
                return;
            };
            match line {
                Ok(line) => self.handle_line(&line),
                Err(FrameError::TooLong { .. }) => self.client_error("Line too long"),
                Err(_) => self.client_error("Malformed line"),
            }
        }
        if let Some(Pending::Sasl {
            awaiting_client: true,
            ..
        }) = self.pending
            && let Some(line) = self.framer.next_line()
        {
            self.handle_sasl_line(line);
        }
    }

    fn handle_line(&mut self, line: &[u8]) {
        let command = match Command::parse(line) {
            Ok(command) => command,
            Err(ParseError::UnknownCommand) => return self.client_error("Unknown command"),
            Err(ParseError::Syntax(why)) => {
                return self.client_error(&format!("Syntax error: {why}"));
            }
        };
        match self.phase {
            Phase::Authorization => self.authorization(command),
            Phase::Transaction => self.transaction(command),
            Phase::Closed => {}
        }
    }

    fn cleartext_allowed(&self) -> bool {
        self.tls_active || self.options.allow_cleartext_login_without_tls
    }

    fn authorization(&mut self, command: Command<'_>) {
        if !matches!(command, Command::Pass(_)) && !matches!(command, Command::Capa) {
            self.user = None;
        }
        match command {
            Command::Capa => self.capa(),
            Command::Quit => {
                self.ok("POP3 server signing off");
                self.close_after_flush = true;
            }
            Command::Stls if self.options.stls && !self.tls_active => {
                self.ok("Begin TLS negotiation");
                self.framer.clear();
                self.pending = Some(Pending::StartTls);
                self.events.push_back(ServerEvent::StartTls);
            }
            Command::Stls if self.tls_active => {
                self.client_error("Command not permitted when TLS active");
            }
            Command::User(_) | Command::Pass(_) if !self.options.user_pass => {
                self.client_error("USER/PASS not offered");
            }
            Command::User(_) if !self.cleartext_allowed() => self.err(
                Some("AUTH"),
                "Plaintext authentication disallowed without TLS, use STLS",
            ),
            Command::User(name) => {
                self.user = Some(name.as_str().to_owned());
                self.ok("");
            }
            Command::Pass(password) => match self.user.take() {
                Some(user) => self.login(
                    user,
                    Credentials::Password(Secret::new(password.expose().as_str().to_owned())),
                ),
                None => self.client_error("USER first"),
            },
            Command::Apop { name, digest } => match &self.apop_timestamp {
                Some(timestamp) => {
                    let credentials = Credentials::Apop {
                        timestamp: timestamp.clone(),
                        digest,
                    };
                    self.login(name.as_str().to_owned(), credentials);
                }
                None => self.client_error("APOP not offered"),
            },
            Command::Auth {
                mechanism,
                initial_response,
            } => self.auth(mechanism, initial_response),
            Command::Utf8 => {
                self.utf8 = true;
                self.ok("UTF8 enabled");
            }
            Command::Lang(tag) => self.lang(tag.as_ref().map(|t| t.as_str())),
            _ => self.client_error("Command not valid before login"),
        }
    }

    fn login(&mut self, user: String, credentials: Credentials) {
        self.pending = Some(Pending::Login);
        self.events
            .push_back(ServerEvent::Login(LoginRequest { user, credentials }));
    }

    fn lang(&mut self, tag: Option<&str>) {
        match tag {
            None => {
                self.ok("Language listing follows");
                self.out.extend_from_slice(b"en English\r\n.\r\n");
            }
            Some(tag) if tag == "*" || tag.eq_ignore_ascii_case("en") => {
                self.ok("en Language is English");
            }
            Some(_) => self.err(None, "Language not supported"),
        }
    }

    fn capa(&mut self) {
        let mut capabilities = vec![
            Capability::Top,
            Capability::Uidl,
            Capability::RespCodes,
            Capability::AuthRespCode,
            Capability::Pipelining,
            Capability::Lang,
        ];
        if self.phase == Phase::Authorization {
            capabilities.push(Capability::Utf8 { user: true });
            if self.options.user_pass && self.cleartext_allowed() {
                capabilities.push(Capability::User);
            }
            let mechanisms: Vec<_> = self
                .options
                .sasl_mechanisms
                .iter()
                .filter(|_| self.sasl_config.is_some())
                .filter(|m| self.cleartext_allowed() || !m.is_plaintext())
                .filter_map(|m| Mechanism::try_from(m.name()).ok())
                .collect();
            if !mechanisms.is_empty() {
                capabilities.push(Capability::Sasl(mechanisms));
            }
            if self.options.stls && !self.tls_active {
                capabilities.push(Capability::Stls);
            }
        }
        if let Some(policy) = self.options.expire {
            capabilities.push(Capability::Expire {
                policy,
                per_user: false,
            });
        }
        if let Some(seconds) = self.options.login_delay {
            capabilities.push(Capability::LoginDelay {
                seconds,
                per_user: false,
            });
        }
        if let Some(text) = &self.options.implementation {
            capabilities.push(Capability::Implementation(text.clone()));
        }
        self.ok("Capability list follows");
        for capability in &capabilities {
            capability.encode(&mut self.out);
        }
        self.out.extend_from_slice(b".\r\n");
    }

    /// The live entry for `n`, or the `-ERR` to send.
    fn entry(&self, n: MessageNumber) -> Result<&MaildropEntry, &'static str> {
        match (self.maildrop.get(n.index()), self.deleted.get(n.index())) {
            (Some(entry), Some(false)) => Ok(entry),
            (Some(_), _) => Err("Message is deleted"),
            _ => Err("No such message"),
        }
    }

    fn transaction(&mut self, command: Command<'_>) {
        match command {
            Command::Capa => self.capa(),
            Command::Noop => self.ok(""),
            Command::Stat => {
                let (count, size) = self.totals();
                self.ok(&format!("{count} {size}"));
            }
            Command::List(None) => {
                let (count, size) = self.totals();
                self.ok(&format!("{count} messages ({size} octets)"));
                let mut out = std::mem::take(&mut self.out);
                for (message, entry) in self.live() {
                    ScanListing {
                        message,
                        size: entry.size,
                    }
                    .encode(&mut out);
                }
                out.extend_from_slice(b".\r\n");
                self.out = out;
            }
            Command::List(Some(n)) => match self.entry(n) {
                Ok(entry) => {
                    let text = format!("{n} {}", entry.size);
                    self.ok(&text);
                }
                Err(why) => self.err(None, why),
            },
            Command::Uidl(None) => {
                self.ok("Unique-id listing follows");
                let mut out = std::mem::take(&mut self.out);
                for (message, entry) in self.live() {
                    UidListing {
                        message,
                        uid: entry.uid.clone(),
                    }
                    .encode(&mut out);
                }
                out.extend_from_slice(b".\r\n");
                self.out = out;
            }
            Command::Uidl(Some(n)) => match self.entry(n) {
                Ok(entry) => {
                    let text = format!("{n} {}", entry.uid);
                    self.ok(&text);
                }
                Err(why) => self.err(None, why),
            },
            Command::Retr(n) => self.retrieve(n, None),
            Command::Top { message, lines } => self.retrieve(message, Some(lines)),
            Command::Dele(n) => match self.entry(n) {
                Ok(_) => {
                    self.deleted[n.index()] = true;
                    self.ok(&format!("Message {n} deleted"));
                }
                Err(why) => self.err(None, why),
            },
            Command::Rset => {
                self.deleted.iter_mut().for_each(|d| *d = false);
                let (count, size) = self.totals();
                self.ok(&format!("Maildrop has {count} messages ({size} octets)"));
            }
            Command::Quit => {
                let deleted = self
                    .deleted
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| **d)
                    .filter_map(|(i, _)| MessageNumber::from_index(i))
                    .collect();
                self.pending = Some(Pending::Update);
                self.events.push_back(ServerEvent::Update { deleted });
            }
            Command::Lang(tag) => self.lang(tag.as_ref().map(|t| t.as_str())),
            _ => self.client_error("Command not valid after login"),
        }
    }

    fn retrieve(&mut self, message: MessageNumber, top_lines: Option<u32>) {
        match self.entry(message) {
            Ok(entry) => {
                self.pending = Some(Pending::Retrieve {
                    size: entry.size,
                    started: false,
                    top: top_lines.map(TopFilter::new),
                });
                self.events
                    .push_back(ServerEvent::Retrieve { message, top_lines });
            }
            Err(why) => self.err(None, why),
        }
    }
}
