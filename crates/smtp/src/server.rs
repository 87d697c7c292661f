//! The server session: RFC 5321 states with PIPELINING, STARTTLS, AUTH, SIZE, 8BITMIME,
//! SMTPUTF8, CHUNKING/BINARYMIME, DSN, ENHANCEDSTATUSCODES, REQUIRETLS and LMTP.
//!
//! # Driving it
//!
//! ```
//! use bytes::BytesMut;
//! use mailwire_smtp::server::{Event, Server, ServerOptions};
//!
//! let mut server = Server::new(ServerOptions::default());
//! let mut out = BytesMut::new();
//! server.poll_transmit(&mut out); // the 220 greeting
//! server.handle_input(b"EHLO client.example\r\nMAIL FROM:<a@example.org>\r\n");
//! while let Some(event) = server.poll_event() {
//!     match event {
//!         Event::Hello { .. } | Event::Mail { .. } => server.accept().unwrap(),
//!         _ => {}
//!     }
//! }
//! server.poll_transmit(&mut out);
//! assert!(out.ends_with(b"250 2.1.0 Sender OK\r\n"));
//! ```
//!
//! The drain rule: after `handle_input`, a decision (`accept`, `reject`, …), `tls_established`
//! or `handle_timeout`, poll events until there are none, answering each decision as it comes,
//! then write what `poll_transmit` gives, then call `handle_timeout(now)` and wait for input
//! or for `poll_timeout()`. Replies are queued in command order (PIPELINING), so writing all
//! of `poll_transmit` before reading again is the flush RFC 2920 asks for.
//!
//! While a decision is pending the session reads no further command: pipelined input is held
//! (up to [`ServerOptions::max_buffered_input`]) and [`Server::wants_input`] is `false`.

mod auth;
mod message;
mod options;

use std::collections::VecDeque;
use std::time::Instant;

use bytes::{Bytes, BytesMut};
use mailwire_core::{DotUnstuffer, FrameError, FramerOptions, LineFramer, Secret};
use mailwire_sasl::{Failure, Mechanism, ServerAuth, ServerNeed, Success};

pub use options::{BareLineEndings, ServerOptions};

use crate::address::{ForwardPath, Host, ReversePath};
use crate::command::{Command, CommandError};
use crate::ehlo::{Capability, EhloReply};
use crate::error::UsageError;
use crate::params::{Body, MailParameters, RcptParameters};
use crate::reply::{Reply, ReplyCode, enh};

/// Which greeting command the client used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HelloKind {
    /// `HELO`
    Helo,
    /// `EHLO`
    Ehlo,
    /// `LHLO` (LMTP)
    Lhlo,
}

/// Whether a verification request was `VRFY` or `EXPN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerifyKind {
    /// `VRFY`
    Vrfy,
    /// `EXPN`
    Expn,
}

/// What the application must see or decide. Variants documented "decide" wait for
/// [`Server::accept`] or [`Server::reject`] (or the method named); the others are information.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// Decide: the client greeted. `accept` sends the EHLO/LHLO capabilities or the HELO reply.
    Hello {
        /// HELO, EHLO or LHLO.
        kind: HelloKind,
        /// The name the client gave.
        host: Host<'static>,
    },
    /// Decide: a new transaction. `accept` sends 250.
    Mail {
        /// The reverse path.
        from: ReversePath<'static>,
        /// Parameters, already checked against what the server offers (SIZE within the
        /// limit; DSN, REQUIRETLS, AUTH= passed on for the application to act on).
        params: MailParameters<'static>,
    },
    /// Decide: a recipient. `accept` sends 250.
    Rcpt {
        /// The forward path.
        to: ForwardPath<'static>,
        /// Parameters (NOTIFY, ORCPT).
        params: RcptParameters<'static>,
    },
    /// Message data is about to arrive (after 354, or with the first BDAT chunk).
    MessageStart,
    /// A piece of message content, dot-unstuffed (DATA) or as sent (BDAT), in order.
    MessageData(Bytes),
    /// Decide: the whole message has arrived. Store it, then `accept` (250; in LMTP one 250
    /// per accepted recipient, or use [`Server::reply_per_recipient`]) or `reject`.
    MessageEnd {
        /// Octets of content.
        size: u64,
        /// Whether the DATA content held a bare CR or LF (only CRLF ends lines in SMTP);
        /// only ever `true` under [`BareLineEndings::Accept`], as such a message is
        /// otherwise refused (and aborted) by the session.
        bare_line_endings: bool,
    },
    /// The message being received will not be stored; its data ends without a
    /// `MessageEnd`. The session has replied with `reply`.
    MessageAborted {
        /// The reply sent to the client.
        reply: Reply<'static>,
    },
    /// Decide: VRFY or EXPN (only with [`ServerOptions::verify_events`]). `accept` sends 252;
    /// `reject` sends the given reply, which may also be a 250 answer.
    Verify {
        /// VRFY or EXPN.
        kind: VerifyKind,
        /// The argument as given.
        argument: String,
    },
    /// Decide: the client asks to authenticate with `mechanism`. Call
    /// [`Server::start_auth`] with a fresh nonce, or `reject` (454, 534, …).
    AuthStart {
        /// The mechanism, one of [`ServerOptions::auth_mechanisms`].
        mechanism: Mechanism,
    },
    /// Decide: the SASL exchange needs the application. Answer with
    /// [`Server::answer_auth`], calling the [`ServerAuth`] method the need names.
    AuthNeed(ServerNeed),
    /// The client is authenticated; 235 has been sent.
    Authenticated(Success),
    /// An AUTH exchange failed; `failures` counts the failures of this session.
    AuthFailed {
        /// Why.
        failure: Failure,
        /// Failures so far.
        failures: usize,
    },
    /// After writing everything `poll_transmit` gives (the 220), start TLS on the transport,
    /// then call [`Server::tls_established`]. Input read before that is discarded.
    StartTls,
    /// The transaction in progress was abandoned (RSET, HELO/EHLO, STARTTLS).
    Reset,
}

/// What a pending decision is about.
#[derive(Debug)]
enum Pending {
    Hello(HelloKind),
    Mail { smtputf8: bool, binary: bool },
    Rcpt,
    MessageEnd,
    Verify,
    AuthStart(Mechanism, Option<Secret<Vec<u8>>>),
    AuthNeed,
}

/// Where the input goes.
#[derive(Debug)]
enum Phase {
    Command,
    AuthResponse,
    Data(DotUnstuffer),
    Bdat {
        size: u64,
        remaining: u64,
        last: bool,
        /// The reply the chunk gets once read, when it is refused.
        refusal: Option<Reply<'static>>,
    },
    TlsUpgrade,
}

#[derive(Debug, Default)]
struct Transaction {
    smtputf8: bool,
    /// BODY=BINARYMIME: only BDAT may carry the message (RFC 3030 §3).
    binary: bool,
    accepted: usize,
    rejected: usize,
    pending_rcpts: usize,
    size: u64,
    too_big: bool,
    bdat: bool,
    /// The reply every further BDAT chunk gets after one failed (RFC 3030 §4.2).
    failed: Option<Reply<'static>>,
}

/// An SMTP or LMTP server session. See the [module documentation](self) for the drain rule.
#[derive(Debug)]
pub struct Server {
    options: ServerOptions,
    framer: LineFramer,
    out: BytesMut,
    events: VecDeque<Event>,
    phase: Phase,
    pending: Option<Pending>,
    hello: Option<HelloKind>,
    tls: bool,
    authenticated: bool,
    auth: Option<ServerAuth>,
    transaction: Option<Transaction>,
    errors: usize,
    idle_commands: usize,
    auth_failures: usize,
    closing: bool,
    /// A failed AUTH's reply held for `auth_failure_delay`, and when it is due.
    delayed: Option<(Reply<'static>, Option<Instant>)>,
    deadline: Option<Instant>,
    activity: bool,
}

impl Server {
    /// A new session; the 220 greeting is queued for `poll_transmit`.
    pub fn new(options: ServerOptions) -> Self {
        let framer = LineFramer::new(FramerOptions {
            max_line_length: options.max_line_length.max(options.max_auth_line_length),
            allow_bare_lf: false,
        });
        let mut server = Server {
            tls: options.implicit_tls,
            framer,
            out: BytesMut::new(),
            events: VecDeque::new(),
            phase: Phase::Command,
            pending: None,
            hello: None,
            authenticated: false,
            auth: None,
            transaction: None,
            errors: 0,
            idle_commands: 0,
            auth_failures: 0,
            closing: false,
            delayed: None,
            deadline: None,
            activity: true,
            options,
        };
        let protocol = if server.options.lmtp { "LMTP" } else { "ESMTP" };
        let text = format!(
            "{} {protocol} {}",
            server.options.hostname, server.options.greeting
        );
        server.send(Reply::new(ReplyCode::SERVICE_READY, None, text));
        server
    }

    /// The options in force.
    pub fn options(&self) -> &ServerOptions {
        &self.options
    }

    /// Whether the transport is TLS (implicit, or after STARTTLS).
    pub fn is_tls(&self) -> bool {
        self.tls
    }

    /// Whether the client has authenticated.
    pub fn is_authenticated(&self) -> bool {
        self.authenticated
    }

    /// Buffers bytes read from the transport and processes every complete command.
    pub fn handle_input(&mut self, bytes: &[u8]) {
        if self.closing {
            return;
        }
        if matches!(self.phase, Phase::TlsUpgrade) {
            // Plaintext after STARTTLS: never read it as if it came through TLS.
            return;
        }
        self.activity = true;
        self.framer.feed(bytes);
        self.process();
        // Input that ended with a line ending and was all used leaves no line half read (and
        // none being dropped for length): release the buffer so an idle session holds none.
        if bytes.last() == Some(&b'\n') && self.framer.buffered().is_empty() {
            self.framer = LineFramer::new(*self.framer.options());
        }
        if self.framer.buffered().len() > self.options.max_buffered_input {
            self.framer.clear();
            self.close_with(Reply::new(
                ReplyCode::SERVICE_NOT_AVAILABLE,
                enh(4, 7, 0),
                "Too much pipelined input",
            ));
        }
    }

    /// Input bytes held and not yet processed (pipelined commands waiting for a decision).
    pub fn buffered_input(&self) -> usize {
        self.framer.buffered().len()
    }

    /// The next event, if any.
    pub fn poll_event(&mut self) -> Option<Event> {
        let event = self.events.pop_front();
        if event.is_none() && self.events.capacity() > 0 {
            // An idle session holds no buffers.
            self.events = VecDeque::new();
        }
        event
    }

    /// Appends every queued reply to `out`.
    pub fn poll_transmit(&mut self, out: &mut BytesMut) {
        out.extend_from_slice(&std::mem::take(&mut self.out));
    }

    /// Whether the session is done: the transport should be closed once `poll_transmit` has
    /// been written.
    pub fn should_close(&self) -> bool {
        self.closing
    }

    /// Whether more input can be processed now (no decision pending, not closed, not between
    /// STARTTLS and the TLS handshake).
    pub fn wants_input(&self) -> bool {
        !self.closing
            && self.pending.is_none()
            && self.delayed.is_none()
            && !matches!(self.phase, Phase::TlsUpgrade)
    }

    /// When [`Server::handle_timeout`] must be called next, if the session waits for input or
    /// holds a delayed reply.
    pub fn poll_timeout(&self) -> Option<Instant> {
        match &self.delayed {
            Some((_, due)) => *due,
            None => self.deadline,
        }
    }

    /// Tells the session the time. Call it after every drain and when `poll_timeout` passes:
    /// it starts the wait for the next input (RFC 5321 §4.5.3.2) and answers 421 when the
    /// client has been silent too long.
    pub fn handle_timeout(&mut self, now: Instant) {
        if let Some((reply, due)) = self.delayed.take() {
            match due {
                Some(due) if now >= due => {
                    self.send_reply_after_auth_failure(reply);
                    self.activity = true;
                    self.process();
                }
                Some(due) => {
                    self.delayed = Some((reply, Some(due)));
                    return;
                }
                None => {
                    let due = now + self.options.auth_failure_delay;
                    self.delayed = Some((reply, Some(due)));
                    return;
                }
            }
        }
        if !self.wants_input() {
            self.deadline = None;
            return;
        }
        let limit = match self.phase {
            Phase::Data(_) | Phase::Bdat { .. } => self.options.data_timeout,
            _ => self.options.command_timeout,
        };
        match self.deadline {
            _ if self.activity => {
                self.activity = false;
                self.deadline = Some(now + limit);
            }
            None => self.deadline = Some(now + limit),
            Some(deadline) if now >= deadline => {
                self.deadline = None;
                self.close_with(Reply::new(
                    ReplyCode::SERVICE_NOT_AVAILABLE,
                    enh(4, 4, 2),
                    format!("{} Timeout, closing connection", self.options.hostname),
                ));
            }
            Some(_) => {}
        }
    }

    /// Accepts the pending decision with its standard positive reply.
    pub fn accept(&mut self) -> Result<(), UsageError> {
        let pending = self.pending.take().ok_or(UsageError::NoPendingDecision)?;
        match pending {
            Pending::Hello(kind) => {
                self.hello = Some(kind);
                let reply = match kind {
                    HelloKind::Helo => {
                        Reply::new(ReplyCode::OK, None, self.options.hostname.clone())
                    }
                    HelloKind::Ehlo | HelloKind::Lhlo => self.ehlo_reply(),
                };
                self.send(reply);
            }
            Pending::Mail { smtputf8, binary } => {
                self.transaction = Some(Transaction {
                    smtputf8,
                    binary,
                    ..Transaction::default()
                });
                self.idle_commands = 0;
                self.send(Reply::new(ReplyCode::OK, enh(2, 1, 0), "Sender OK"));
            }
            Pending::Rcpt => {
                if let Some(t) = &mut self.transaction {
                    t.pending_rcpts = t.pending_rcpts.saturating_sub(1);
                    t.accepted += 1;
                }
                self.send(Reply::new(ReplyCode::OK, enh(2, 1, 5), "Recipient OK"));
            }
            Pending::MessageEnd => {
                let ok = Reply::new(ReplyCode::OK, enh(2, 0, 0), "Message accepted");
                self.finish_message(|_| ok.clone());
            }
            Pending::Verify => self.send(Reply::new(
                ReplyCode::CANNOT_VERIFY,
                enh(2, 5, 0),
                "Cannot VRFY user, but will accept message and attempt delivery",
            )),
            pending @ (Pending::AuthStart(..) | Pending::AuthNeed) => {
                self.pending = Some(pending);
                return Err(UsageError::NoPendingDecision);
            }
        }
        self.resume();
        Ok(())
    }

    /// Refuses the pending decision with `reply` (for VRFY/EXPN, any reply).
    pub fn reject(&mut self, reply: Reply<'_>) -> Result<(), UsageError> {
        let pending = self.pending.take().ok_or(UsageError::NoPendingDecision)?;
        let reply = reply.into_owned();
        match pending {
            Pending::Hello(_) | Pending::Mail { .. } | Pending::Verify => self.send(reply),
            Pending::Rcpt => {
                if let Some(t) = &mut self.transaction {
                    t.pending_rcpts = t.pending_rcpts.saturating_sub(1);
                    t.rejected += 1;
                }
                self.send(reply);
            }
            Pending::MessageEnd => self.finish_message(|_| reply.clone()),
            Pending::AuthStart(..) => {
                self.send(reply);
            }
            Pending::AuthNeed => {
                self.auth = None;
                self.phase = Phase::Command;
                self.send(reply);
            }
        }
        self.resume();
        Ok(())
    }

    /// LMTP: answers `MessageEnd` with one reply per accepted recipient, in RCPT order.
    pub fn reply_per_recipient<'r>(
        &mut self,
        replies: impl IntoIterator<Item = Reply<'r>>,
    ) -> Result<(), UsageError> {
        if !matches!(self.pending, Some(Pending::MessageEnd)) || !self.options.lmtp {
            return Err(UsageError::NoPendingDecision);
        }
        let replies: Vec<Reply<'static>> = replies.into_iter().map(Reply::into_owned).collect();
        let expected = self.transaction.as_ref().map_or(0, |t| t.accepted);
        if replies.len() != expected {
            return Err(UsageError::ReplyCount {
                expected,
                got: replies.len(),
            });
        }
        self.pending = None;
        self.finish_message(|i| replies[i].clone());
        self.resume();
        Ok(())
    }

    /// The transport is now TLS: the session starts afresh, waiting for EHLO (RFC 3207 §4.2).
    pub fn tls_established(&mut self) -> Result<(), UsageError> {
        if !matches!(self.phase, Phase::TlsUpgrade) {
            return Err(UsageError::NotAwaitingTls);
        }
        self.framer.clear();
        self.phase = Phase::Command;
        self.tls = true;
        self.hello = None;
        self.authenticated = false;
        self.transaction = None;
        self.activity = true;
        Ok(())
    }

    fn resume(&mut self) {
        self.activity = true;
        self.process();
    }

    fn send(&mut self, reply: Reply<'_>) {
        let reply = if self.options.enhanced_status_codes {
            reply
        } else {
            reply.without_enhanced()
        };
        reply.encode(&mut self.out);
    }

    fn close_with(&mut self, reply: Reply<'_>) {
        self.send(reply);
        self.closing = true;
        self.pending = None;
        self.deadline = None;
    }

    /// A protocol error: reply, and close once there have been too many.
    fn error(&mut self, reply: Reply<'_>) {
        self.send(reply);
        self.errors += 1;
        if self.errors >= self.options.max_errors {
            self.close_with(Reply::new(
                ReplyCode::SERVICE_NOT_AVAILABLE,
                enh(4, 7, 0),
                "Too many errors, closing connection",
            ));
        }
    }

    fn process(&mut self) {
        while !self.closing && self.pending.is_none() && self.delayed.is_none() {
            match self.phase {
                Phase::Command | Phase::AuthResponse => match self.framer.next_line() {
                    None => break,
                    Some(Ok(line)) => self.handle_line(&line),
                    Some(Err(FrameError::TooLong { .. })) => {
                        if matches!(self.phase, Phase::AuthResponse) {
                            self.phase = Phase::Command;
                            self.auth = None;
                        }
                        self.error(CommandError::LineTooLong.reply());
                    }
                    Some(Err(_)) => self.error(Reply::new(
                        ReplyCode::SYNTAX_ERROR,
                        enh(5, 5, 2),
                        "Lines must end with CRLF",
                    )),
                },
                Phase::Data(_) | Phase::Bdat { .. } => {
                    let raw = self.framer.take_buffered();
                    if raw.is_empty() {
                        break;
                    }
                    let used = self.consume_body(&raw);
                    self.framer.feed(&raw[used..]);
                }
                Phase::TlsUpgrade => break,
            }
        }
    }

    fn handle_line(&mut self, line: &[u8]) {
        if matches!(self.phase, Phase::AuthResponse) {
            self.auth_response(line);
            return;
        }
        let is_auth = line.len() >= 5 && line[..5].eq_ignore_ascii_case(b"AUTH ");
        if line.len() + 2 > self.options.max_line_length && !is_auth {
            self.error(CommandError::LineTooLong.reply());
            return;
        }
        match Command::parse(line) {
            Ok(command) => self.handle_command(command.into_owned()),
            Err(e) => self.error(e.reply()),
        }
    }

    fn count_idle(&mut self) -> bool {
        if self.transaction.is_some() {
            return true;
        }
        self.idle_commands += 1;
        if self.idle_commands > self.options.max_commands_outside_transaction {
            self.close_with(Reply::new(
                ReplyCode::SERVICE_NOT_AVAILABLE,
                enh(4, 7, 0),
                "Too many commands without a transaction",
            ));
            return false;
        }
        true
    }

    fn reset_transaction(&mut self) {
        if self.transaction.take().is_some() {
            self.events.push_back(Event::Reset);
        }
    }

    fn handle_command(&mut self, command: Command<'static>) {
        let lmtp = self.options.lmtp;
        match command {
            Command::Helo(_) | Command::Ehlo(_) if lmtp => {
                self.error(Reply::new(
                    ReplyCode::SYNTAX_ERROR,
                    enh(5, 5, 1),
                    "Use LHLO",
                ));
            }
            Command::Lhlo(_) if !lmtp => self.error(CommandError::Unrecognized.reply()),
            Command::Helo(host) => self.hello(HelloKind::Helo, host),
            Command::Ehlo(host) => self.hello(HelloKind::Ehlo, host),
            Command::Lhlo(host) => self.hello(HelloKind::Lhlo, host),
            Command::Mail { from, params } => self.mail(from, params),
            Command::Rcpt { to, params } => self.rcpt(to, params),
            Command::Data => self.data(),
            Command::Bdat { size, last } => self.bdat(size, last),
            Command::Rset => {
                if self.count_idle() {
                    self.reset_transaction();
                    self.send(Reply::new(ReplyCode::OK, enh(2, 0, 0), "OK"));
                }
            }
            Command::Noop(_) => {
                if self.count_idle() {
                    self.send(Reply::new(ReplyCode::OK, enh(2, 0, 0), "OK"));
                }
            }
            Command::Help(_) => {
                if self.count_idle() {
                    self.send(Reply::new(
                        ReplyCode::HELP,
                        enh(2, 0, 0),
                        "See RFC 5321 (SMTP)",
                    ));
                }
            }
            Command::Quit => self.close_with(Reply::new(
                ReplyCode::CLOSING,
                enh(2, 0, 0),
                format!("{} closing connection", self.options.hostname),
            )),
            Command::Vrfy(arg) => self.verify(VerifyKind::Vrfy, arg.into_owned()),
            Command::Expn(arg) => self.verify(VerifyKind::Expn, arg.into_owned()),
            Command::StartTls => self.starttls(),
            Command::Auth {
                mechanism,
                initial_response,
            } => self.auth_command(&mechanism, initial_response),
        }
    }

    fn hello(&mut self, kind: HelloKind, host: Host<'static>) {
        if !self.count_idle() {
            return;
        }
        self.reset_transaction();
        self.events.push_back(Event::Hello { kind, host });
        self.pending = Some(Pending::Hello(kind));
    }

    fn ehlo_reply(&self) -> Reply<'static> {
        let o = &self.options;
        let mut caps = Vec::new();
        let flags = [
            (o.pipelining, Capability::Pipelining),
            (o.eightbitmime, Capability::EightBitMime),
            (o.smtputf8, Capability::SmtpUtf8),
            (o.chunking, Capability::Chunking),
            (o.chunking && o.binarymime, Capability::BinaryMime),
            (o.dsn, Capability::Dsn),
            (o.enhanced_status_codes, Capability::EnhancedStatusCodes),
            (o.starttls && !self.tls, Capability::StartTls),
            (o.requiretls && self.tls, Capability::RequireTls),
        ];
        caps.push(Capability::Size(Some(o.max_message_size.unwrap_or(0))));
        caps.extend(flags.into_iter().filter(|(on, _)| *on).map(|(_, c)| c));
        if self.auth_offered() {
            let mechs = o
                .auth_mechanisms
                .iter()
                .filter(|m| self.tls || !m.is_plaintext())
                .map(|m| m.name().into())
                .collect::<Vec<_>>();
            if !mechs.is_empty() {
                caps.push(Capability::Auth(mechs));
            }
        }
        EhloReply {
            domain: o.hostname.clone().into(),
            greeting: Some("Hello".into()),
            capabilities: caps,
        }
        .to_reply()
    }

    fn auth_offered(&self) -> bool {
        !self.options.auth_mechanisms.is_empty()
            && !self.authenticated
            && (self.tls || !self.options.require_tls_for_auth)
    }

    fn bad_sequence(&mut self, text: &'static str) {
        self.error(Reply::new(ReplyCode::BAD_SEQUENCE, enh(5, 5, 1), text));
    }

    fn unsupported_param(&mut self, text: &'static str) {
        self.error(Reply::new(
            ReplyCode::PARAMETERS_NOT_RECOGNIZED,
            enh(5, 5, 4),
            text,
        ));
    }

    fn mail(&mut self, from: ReversePath<'static>, params: MailParameters<'static>) {
        let o = &self.options;
        if self.hello.is_none() {
            return self.bad_sequence("Send HELO/EHLO first");
        }
        if o.require_auth && !self.authenticated {
            return self.error(Reply::new(
                ReplyCode::AUTH_REQUIRED,
                enh(5, 7, 0),
                "Authentication required",
            ));
        }
        if self.transaction.is_some() {
            return self.bad_sequence("Nested MAIL command");
        }
        let binary_ok = o.chunking && o.binarymime;
        let unsupported = match params.body {
            Some(Body::EightBitMime) if !o.eightbitmime => Some("8BITMIME not supported"),
            Some(Body::BinaryMime) if !binary_ok => Some("BINARYMIME not supported"),
            _ if params.smtputf8 && !o.smtputf8 => Some("SMTPUTF8 not supported"),
            _ if params.has_dsn() && !o.dsn => Some("DSN not supported"),
            _ if params.requiretls && !(o.requiretls && self.tls) => {
                Some("REQUIRETLS not supported")
            }
            _ if !params.other.is_empty() && !o.accept_unknown_parameters => {
                Some("Unsupported parameter")
            }
            _ => None,
        };
        if let Some(text) = unsupported {
            return self.unsupported_param(text);
        }
        if let (Some(size), Some(max)) = (params.size, o.max_message_size)
            && size > max
        {
            return self.send(Reply::new(
                ReplyCode::EXCEEDED_STORAGE,
                enh(5, 3, 4),
                "Message size exceeds fixed maximum message size",
            ));
        }
        if !from.is_ascii() && !params.smtputf8 {
            return self.send(Reply::new(
                ReplyCode::MAILBOX_NAME_NOT_ALLOWED,
                enh(5, 6, 7),
                "Non-ASCII address needs SMTPUTF8",
            ));
        }
        let smtputf8 = params.smtputf8;
        let binary = params.body == Some(Body::BinaryMime);
        self.events.push_back(Event::Mail { from, params });
        self.pending = Some(Pending::Mail { smtputf8, binary });
    }

    fn rcpt(&mut self, to: ForwardPath<'static>, params: RcptParameters<'static>) {
        let o = &self.options;
        let Some(t) = &self.transaction else {
            return self.bad_sequence("Need MAIL before RCPT");
        };
        if t.accepted + t.pending_rcpts >= o.max_recipients {
            return self.send(Reply::new(
                ReplyCode::INSUFFICIENT_STORAGE,
                enh(4, 5, 3),
                "Too many recipients",
            ));
        }
        if params.has_dsn() && !o.dsn {
            return self.unsupported_param("DSN not supported");
        }
        if !params.other.is_empty() && !o.accept_unknown_parameters {
            return self.unsupported_param("Unsupported parameter");
        }
        if !to.is_ascii() && !t.smtputf8 {
            return self.send(Reply::new(
                ReplyCode::MAILBOX_NAME_NOT_ALLOWED,
                enh(5, 6, 7),
                "Non-ASCII address needs SMTPUTF8",
            ));
        }
        if let Some(t) = &mut self.transaction {
            t.pending_rcpts += 1;
        }
        self.events.push_back(Event::Rcpt { to, params });
        self.pending = Some(Pending::Rcpt);
    }

    fn verify(&mut self, kind: VerifyKind, argument: String) {
        if !self.count_idle() {
            return;
        }
        if self.options.verify_events {
            self.events.push_back(Event::Verify { kind, argument });
            self.pending = Some(Pending::Verify);
        } else {
            self.send(Reply::new(
                ReplyCode::CANNOT_VERIFY,
                enh(2, 5, 0),
                "Cannot VRFY user, but will accept message and attempt delivery",
            ));
        }
    }

    fn starttls(&mut self) {
        if !self.options.starttls {
            return self.error(Reply::new(
                ReplyCode::NOT_IMPLEMENTED,
                enh(5, 5, 1),
                "STARTTLS not offered",
            ));
        }
        if self.tls {
            return self.bad_sequence("TLS already active");
        }
        self.send(Reply::new(
            ReplyCode::SERVICE_READY,
            enh(2, 0, 0),
            "Ready to start TLS",
        ));
        // CVE-2011-0411: whatever the client pipelined after STARTTLS is plaintext.
        self.framer.clear();
        self.reset_transaction();
        self.phase = Phase::TlsUpgrade;
        self.deadline = None;
        self.events.push_back(Event::StartTls);
    }
}
