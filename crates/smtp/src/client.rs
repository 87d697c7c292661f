//! The client session: EHLO with HELO fallback, STARTTLS, AUTH, PIPELINING, SIZE, 8BITMIME,
//! SMTPUTF8, BINARYMIME/CHUNKING, DSN, REQUIRETLS, LMTP; one result per recipient.
//!
//! The drain rule is the server's: after `handle_input`, a request (`send`, `authenticate`,
//! `quit`), `tls_established` or `handle_timeout`, poll events until there are none, write what
//! `poll_transmit` gives, then call `handle_timeout(now)` and wait for input or for
//! `poll_timeout()`.
//!
//! ```
//! use bytes::{Bytes, BytesMut};
//! use mailwire_smtp::client::{Client, ClientOptions, Envelope, Event};
//!
//! let mut client = Client::new(ClientOptions::default());
//! client.handle_input(b"220 mx.example ESMTP\r\n");
//! let mut out = BytesMut::new();
//! client.poll_transmit(&mut out);
//! assert_eq!(&out[..], b"EHLO localhost\r\n");
//! client.handle_input(b"250-mx.example\r\n250 PIPELINING\r\n");
//! assert!(matches!(client.poll_event(), Some(Event::Ready(_))));
//! let envelope = Envelope::new("<a@example.org>", ["<b@example.net>"]).unwrap();
//! client.send(envelope, Bytes::from_static(b"Subject: hi\r\n\r\nhello\r\n")).unwrap();
//! out.clear();
//! client.poll_transmit(&mut out);
//! assert_eq!(&out[..], b"MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nDATA\r\n");
//! ```

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::{Bytes, BytesMut};
use mailwire_core::{DotStuffer, DotStufferOptions, FrameError, FramerOptions, LineFramer};
use mailwire_sasl::{ClientAuth, Mechanism, SaslError};

use crate::address::{AddressError, ForwardPath, Host, ReversePath};
use crate::command::{Command, encode_sasl};
use crate::ehlo::{Capability, EhloReply};
use crate::error::UsageError;
use crate::params::{Body, MailParameters, RcptParameters};
use crate::reply::{MAX_REPLY_LINE, MAX_REPLY_LINES, Reply, ReplyCode, ReplyError};

/// When to use STARTTLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StartTls {
    /// Never (plain text, or the transport is already TLS).
    Never,
    /// When the server offers it.
    Opportunistic,
    /// Always; fail when the server does not offer it.
    Required,
}

/// Settings of a [`Client`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientOptions {
    /// The name given with EHLO / LHLO / HELO.
    pub hello: Host<'static>,
    /// Speak LMTP (RFC 2033).
    pub lmtp: bool,
    /// The transport is TLS from the start.
    pub implicit_tls: bool,
    /// STARTTLS policy.
    pub starttls: StartTls,
    /// Pipeline commands when the server offers PIPELINING.
    pub pipelining: bool,
    /// Send with BDAT when the server offers CHUNKING.
    pub chunking: bool,
    /// The largest BDAT chunk, in octets (at least 1). With PIPELINING the chunks follow each
    /// other at once; without it each waits for the reply to the one before. A refused chunk
    /// fails the transaction and no further chunk is sent (RFC 3030 §4.2).
    pub bdat_chunk_size: usize,
    /// Allow mechanisms that send the password as is (PLAIN, LOGIN, …) without TLS.
    pub allow_plaintext_auth_without_tls: bool,
    /// Report every reply as [`Event::Reply`] (for tools that print the dialogue).
    pub report_replies: bool,
    /// Waiting for the greeting, EHLO, MAIL, RCPT and other replies (RFC 5321 §4.5.3.2: 5 min).
    pub command_timeout: Duration,
    /// Waiting for the 354 after DATA (2 min).
    pub data_start_timeout: Duration,
    /// Waiting for the reply after the end of the data (10 min).
    pub data_end_timeout: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            hello: Host::Domain(
                crate::address::Domain::new("localhost").expect("localhost is a valid domain"),
            ),
            lmtp: false,
            implicit_tls: false,
            starttls: StartTls::Never,
            pipelining: true,
            chunking: false,
            bdat_chunk_size: 64 * 1024,
            allow_plaintext_auth_without_tls: false,
            report_replies: false,
            command_timeout: Duration::from_secs(5 * 60),
            data_start_timeout: Duration::from_secs(2 * 60),
            data_end_timeout: Duration::from_secs(10 * 60),
        }
    }
}

/// Who a message goes from and to. SIZE, BODY and SMTPUTF8 are added by the client as the
/// message needs them; put RET, ENVID, AUTH=, REQUIRETLS in `params`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The reverse path.
    pub from: ReversePath<'static>,
    /// MAIL parameters the caller chooses.
    pub params: MailParameters<'static>,
    /// Recipients and their RCPT parameters (NOTIFY, ORCPT).
    pub recipients: Vec<(ForwardPath<'static>, RcptParameters<'static>)>,
}

impl Envelope {
    /// An envelope from paths written with angle brackets: `<a@example.org>`, `<>`.
    pub fn new<'r>(
        from: &str,
        recipients: impl IntoIterator<Item = &'r str>,
    ) -> Result<Self, AddressError> {
        Ok(Envelope {
            from: ReversePath::parse(from)?.into_owned(),
            params: MailParameters::default(),
            recipients: recipients
                .into_iter()
                .map(|r| {
                    Ok((
                        ForwardPath::parse(r)?.into_owned(),
                        RcptParameters::default(),
                    ))
                })
                .collect::<Result<_, AddressError>>()?,
        })
    }
}

/// The outcome for one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientResult {
    /// The recipient.
    pub to: ForwardPath<'static>,
    /// The reply that decided its fate: the MAIL or RCPT refusal, or the reply after the data
    /// (in LMTP, this recipient's own).
    pub reply: Reply<'static>,
}

impl RecipientResult {
    /// Whether the message was accepted for this recipient.
    pub fn delivered(&self) -> bool {
        self.reply.code().is_positive()
    }
}

/// The outcome of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionResult {
    /// The reply to MAIL.
    pub mail: Reply<'static>,
    /// One result per recipient, in envelope order.
    pub recipients: Vec<RecipientResult>,
}

/// Why the session ended abnormally.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The server sent something that is not a reply.
    #[error("malformed reply: {0}")]
    MalformedReply(ReplyError),
    /// The server refused the connection (greeting other than 220).
    #[error("server refused the connection: {0}")]
    Refused(Reply<'static>),
    /// The server ended the session (421).
    #[error("server closed the session: {0}")]
    ServiceClosing(Reply<'static>),
    /// STARTTLS was required but not offered, or refused.
    #[error("STARTTLS required but not available")]
    TlsUnavailable,
    /// Both EHLO and HELO were refused.
    #[error("greeting refused: {0}")]
    HelloRefused(Reply<'static>),
    /// The server did not answer in time.
    #[error("timeout waiting for the server")]
    Timeout,
    /// A reply came when none was expected.
    #[error("unexpected reply: {0}")]
    UnexpectedReply(Reply<'static>),
}

/// What the application must see or do.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// A reply, as received (only with [`ClientOptions::report_replies`]).
    Reply(Reply<'static>),
    /// The session is ready for `authenticate`, `send` or `quit`; here is what the server
    /// offers (empty after a HELO fallback).
    Ready(EhloReply<'static>),
    /// Write everything `poll_transmit` gives, start TLS on the transport, then call
    /// [`Client::tls_established`].
    StartTls,
    /// AUTH succeeded.
    Authenticated,
    /// AUTH failed with this reply; the session is ready again.
    AuthFailed(Reply<'static>),
    /// The SASL exchange failed on our side (the server's data was wrong); the exchange was
    /// cancelled and the session is ready again.
    AuthError(SaslError),
    /// A message was handled: one result per recipient.
    Sent(TransactionResult),
    /// The session is over (after QUIT, or on an error); close the transport.
    Closed(Option<ClientError>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Mail,
    Rcpt(usize),
    Data,
    DataEnd,
    /// A BDAT chunk before the last.
    BdatChunk,
    /// The `BDAT n LAST` chunk.
    Bdat,
    LmtpEnd,
    Rset,
}

#[derive(Debug)]
struct Txn {
    envelope: Envelope,
    body: Bytes,
    mail_params: MailParameters<'static>,
    bdat: bool,
    /// Octets of `body` already sent in BDAT chunks.
    sent: usize,
    pipelined: bool,
    expect: VecDeque<Expect>,
    mail: Option<Reply<'static>>,
    rcpt: Vec<Option<Reply<'static>>>,
    accepted: usize,
    data: Option<Reply<'static>>,
    lmtp: Vec<Reply<'static>>,
}

#[derive(Debug)]
enum State {
    Greeting,
    Ehlo,
    Helo,
    StartTls,
    TlsUpgrade,
    Ready,
    Auth {
        auth: Box<ClientAuth>,
        /// We sent `*`; the server's reply to it ends the exchange.
        cancelled: bool,
    },
    Transaction(Box<Txn>),
    Quit,
    Closed,
}

/// An SMTP or LMTP client session. See the [module documentation](self) for the drain rule.
#[derive(Debug)]
pub struct Client {
    options: ClientOptions,
    framer: LineFramer,
    reply_buf: BytesMut,
    reply_lines: usize,
    out: BytesMut,
    events: VecDeque<Event>,
    state: State,
    tls: bool,
    capabilities: EhloReply<'static>,
    deadline: Option<Instant>,
    activity: bool,
}

impl Client {
    /// A new session, waiting for the server's greeting.
    pub fn new(options: ClientOptions) -> Self {
        Client {
            framer: LineFramer::new(FramerOptions {
                max_line_length: MAX_REPLY_LINE,
                allow_bare_lf: true,
            }),
            reply_buf: BytesMut::new(),
            reply_lines: 0,
            out: BytesMut::new(),
            events: VecDeque::new(),
            state: State::Greeting,
            tls: options.implicit_tls,
            capabilities: EhloReply::default(),
            deadline: None,
            activity: true,
            options,
        }
    }

    /// What the server offered in its last EHLO reply.
    pub fn capabilities(&self) -> &EhloReply<'static> {
        &self.capabilities
    }

    /// Whether the transport is TLS.
    pub fn is_tls(&self) -> bool {
        self.tls
    }

    /// Whether the session waits for a request (`authenticate`, `send`, `quit`).
    pub fn is_ready(&self) -> bool {
        matches!(self.state, State::Ready)
    }

    /// Whether the session is over.
    pub fn is_closed(&self) -> bool {
        matches!(self.state, State::Closed)
    }

    /// Buffers bytes read from the transport and handles every complete reply.
    pub fn handle_input(&mut self, bytes: &[u8]) {
        if matches!(self.state, State::Closed | State::TlsUpgrade) {
            return;
        }
        self.activity = true;
        self.framer.feed(bytes);
        while !matches!(self.state, State::Closed | State::TlsUpgrade) {
            let line = match self.framer.next_line() {
                None => break,
                Some(Ok(line)) => line,
                Some(Err(FrameError::TooLong { .. })) => {
                    self.fail(ClientError::MalformedReply(ReplyError::LineTooLong));
                    break;
                }
                Some(Err(_)) => {
                    self.fail(ClientError::MalformedReply(ReplyError::Syntax));
                    break;
                }
            };
            self.reply_buf.extend_from_slice(&line);
            self.reply_buf.extend_from_slice(b"\r\n");
            self.reply_lines += 1;
            if self.reply_lines > MAX_REPLY_LINES {
                self.fail(ClientError::MalformedReply(ReplyError::TooManyLines));
                break;
            }
            if line.get(3) == Some(&b'-') {
                continue;
            }
            let buf = std::mem::take(&mut self.reply_buf);
            self.reply_lines = 0;
            match Reply::parse(&buf) {
                Ok(Some((reply, _))) => self.handle_reply(reply.into_owned()),
                Ok(None) => self.fail(ClientError::MalformedReply(ReplyError::Syntax)),
                Err(e) => self.fail(ClientError::MalformedReply(e)),
            }
        }
    }

    /// The next event, if any.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// Appends every queued command and message byte to `out`.
    pub fn poll_transmit(&mut self, out: &mut BytesMut) {
        out.extend_from_slice(&self.out);
        self.out.clear();
    }

    /// When [`Client::handle_timeout`] must be called next, if the session waits for a reply.
    pub fn poll_timeout(&self) -> Option<Instant> {
        self.deadline
    }

    /// Tells the session the time; call it after every drain and when `poll_timeout` passes.
    pub fn handle_timeout(&mut self, now: Instant) {
        let limit = match &self.state {
            State::Ready | State::Closed | State::TlsUpgrade => {
                self.deadline = None;
                return;
            }
            State::Transaction(t) => match t.expect.front() {
                Some(Expect::Data) => self.options.data_start_timeout,
                Some(Expect::DataEnd | Expect::Bdat | Expect::LmtpEnd) => {
                    self.options.data_end_timeout
                }
                _ => self.options.command_timeout,
            },
            _ => self.options.command_timeout,
        };
        match self.deadline {
            _ if self.activity => {
                self.activity = false;
                self.deadline = Some(now + limit);
            }
            None => self.deadline = Some(now + limit),
            Some(deadline) if now >= deadline => self.fail(ClientError::Timeout),
            Some(_) => {}
        }
    }

    /// The transport is now TLS: EHLO is sent again (RFC 3207 §4.2).
    pub fn tls_established(&mut self) -> Result<(), UsageError> {
        if !matches!(self.state, State::TlsUpgrade) {
            return Err(UsageError::NotAwaitingTls);
        }
        self.framer.clear();
        self.reply_buf.clear();
        self.reply_lines = 0;
        self.tls = true;
        self.capabilities = EhloReply::default();
        self.send_hello();
        Ok(())
    }

    /// The strongest of `allowed` that the server offers (in the order of
    /// [`Mechanism::ALL`]); mechanisms that send the password as is only over TLS unless
    /// [`ClientOptions::allow_plaintext_auth_without_tls`].
    pub fn choose_mechanism(&self, allowed: &[Mechanism]) -> Option<Mechanism> {
        let offered = self.capabilities.auth_mechanisms();
        Mechanism::ALL.into_iter().find(|m| {
            allowed.contains(m)
                && offered.iter().any(|o| o == m.name())
                && (self.tls || self.options.allow_plaintext_auth_without_tls || !m.is_plaintext())
        })
    }

    /// Starts AUTH with a SASL client the caller built for an offered mechanism.
    pub fn authenticate(&mut self, mut auth: ClientAuth) -> Result<(), UsageError> {
        if !matches!(self.state, State::Ready) {
            return Err(UsageError::NotReady);
        }
        let mechanism = auth.mechanism();
        if !self
            .capabilities
            .auth_mechanisms()
            .iter()
            .any(|m| m == mechanism.name())
        {
            return Err(UsageError::NotOffered("this SASL mechanism"));
        }
        self.out.extend_from_slice(b"AUTH ");
        self.out.extend_from_slice(mechanism.name().as_bytes());
        if let Some(ir) = auth.initial_response() {
            self.out.extend_from_slice(b" ");
            encode_sasl(&ir, &mut self.out);
        }
        self.out.extend_from_slice(b"\r\n");
        self.state = State::Auth {
            auth: Box::new(auth),
            cancelled: false,
        };
        self.activity = true;
        Ok(())
    }

    /// Sends a message. `message` is the whole RFC 5322 message, lines ending in CRLF.
    pub fn send(&mut self, envelope: Envelope, message: Bytes) -> Result<(), UsageError> {
        if !matches!(self.state, State::Ready) {
            return Err(UsageError::NotReady);
        }
        let caps = &self.capabilities;
        let mut params = envelope.params.clone();
        let size = message.len() as u64;
        if let Some(limit) = caps.size_limit()
            && size > limit
        {
            return Err(UsageError::TooBig { size, limit });
        }
        if caps.has(&Capability::Size(None)) {
            params.size = Some(size);
        }
        let binary = message.contains(&0);
        let eight_bit = !message.is_ascii();
        let headers_end = find(&message, b"\r\n\r\n").unwrap_or(message.len());
        let utf8 = !envelope.from.is_ascii()
            || envelope.recipients.iter().any(|(r, _)| !r.is_ascii())
            || !message[..headers_end].is_ascii();
        let chunking = caps.has(&Capability::Chunking);
        if binary {
            if !(chunking && caps.has(&Capability::BinaryMime)) {
                return Err(UsageError::NotOffered("BINARYMIME"));
            }
            params.body = Some(Body::BinaryMime);
        } else if eight_bit {
            if !caps.has(&Capability::EightBitMime) {
                return Err(UsageError::NotOffered("8BITMIME"));
            }
            params.body = Some(Body::EightBitMime);
        }
        if utf8 {
            if !caps.has(&Capability::SmtpUtf8) {
                return Err(UsageError::NotOffered("SMTPUTF8"));
            }
            params.smtputf8 = true;
        }
        let dsn = params.has_dsn() || envelope.recipients.iter().any(|(_, p)| p.has_dsn());
        if dsn && !caps.has(&Capability::Dsn) {
            return Err(UsageError::NotOffered("DSN"));
        }
        if params.requiretls && !caps.has(&Capability::RequireTls) {
            return Err(UsageError::NotOffered("REQUIRETLS"));
        }
        let bdat = binary || (self.options.chunking && chunking);
        let pipelined = self.options.pipelining && caps.has(&Capability::Pipelining);
        let count = envelope.recipients.len();
        let mut txn = Txn {
            envelope,
            body: message,
            mail_params: params,
            bdat,
            sent: 0,
            pipelined,
            expect: VecDeque::new(),
            mail: None,
            rcpt: vec![None; count],
            accepted: 0,
            data: None,
            lmtp: Vec::new(),
        };
        self.write_mail(&mut txn);
        if pipelined {
            for i in 0..count {
                self.write_rcpt(&mut txn, i);
            }
            self.write_data_command(&mut txn);
        }
        self.state = State::Transaction(Box::new(txn));
        self.activity = true;
        Ok(())
    }

    /// Sends QUIT; [`Event::Closed`] follows the server's 221.
    pub fn quit(&mut self) -> Result<(), UsageError> {
        if !matches!(self.state, State::Ready) {
            return Err(UsageError::NotReady);
        }
        Command::Quit.encode(&mut self.out);
        self.state = State::Quit;
        self.activity = true;
        Ok(())
    }

    fn fail(&mut self, error: ClientError) {
        self.state = State::Closed;
        self.deadline = None;
        self.events.push_back(Event::Closed(Some(error)));
    }

    fn send_hello(&mut self) {
        let host = self.options.hello.clone();
        let command = if self.options.lmtp {
            Command::Lhlo(host)
        } else {
            Command::Ehlo(host)
        };
        command.encode(&mut self.out);
        self.state = State::Ehlo;
        self.activity = true;
    }

    fn ready(&mut self) {
        self.state = State::Ready;
        self.events
            .push_back(Event::Ready(self.capabilities.clone()));
    }

    fn handle_reply(&mut self, reply: Reply<'static>) {
        if self.options.report_replies {
            self.events.push_back(Event::Reply(reply.clone()));
        }
        let code = reply.code();
        if code == ReplyCode::SERVICE_NOT_AVAILABLE && !matches!(self.state, State::Quit) {
            return self.fail(ClientError::ServiceClosing(reply));
        }
        match std::mem::replace(&mut self.state, State::Closed) {
            State::Greeting if code == ReplyCode::SERVICE_READY => self.send_hello(),
            State::Greeting => {
                Command::Quit.encode(&mut self.out);
                self.fail(ClientError::Refused(reply));
            }
            State::Ehlo if code.is_positive() => {
                self.capabilities = EhloReply::from_reply(&reply).into_owned();
                let offered = self.capabilities.has(&Capability::StartTls);
                match self.options.starttls {
                    StartTls::Required | StartTls::Opportunistic if !self.tls && offered => {
                        Command::StartTls.encode(&mut self.out);
                        self.state = State::StartTls;
                    }
                    StartTls::Required if !self.tls => {
                        Command::Quit.encode(&mut self.out);
                        self.fail(ClientError::TlsUnavailable);
                    }
                    _ => self.ready(),
                }
            }
            State::Ehlo if !self.options.lmtp && self.options.starttls != StartTls::Required => {
                Command::Helo(self.options.hello.clone()).encode(&mut self.out);
                self.state = State::Helo;
            }
            State::Ehlo | State::Helo if !code.is_positive() => {
                Command::Quit.encode(&mut self.out);
                self.fail(ClientError::HelloRefused(reply));
            }
            State::Helo => {
                self.capabilities = EhloReply::default();
                self.ready();
            }
            State::Ehlo => self.ready(),
            State::StartTls if code == ReplyCode::SERVICE_READY => {
                self.state = State::TlsUpgrade;
                self.framer.clear();
                self.events.push_back(Event::StartTls);
            }
            State::StartTls if self.options.starttls == StartTls::Required => {
                Command::Quit.encode(&mut self.out);
                self.fail(ClientError::TlsUnavailable);
            }
            State::StartTls => self.ready(),
            State::Auth { auth, cancelled } => self.auth_reply(*auth, cancelled, reply),
            State::Transaction(txn) => self.transaction_reply(*txn, reply),
            State::Quit => {
                self.state = State::Closed;
                self.events.push_back(Event::Closed(None));
            }
            State::Ready | State::TlsUpgrade | State::Closed => {
                self.fail(ClientError::UnexpectedReply(reply));
            }
        }
    }

    fn auth_reply(&mut self, mut auth: ClientAuth, cancelled: bool, reply: Reply<'static>) {
        let code = reply.code();
        if code == ReplyCode::AUTH_CHALLENGE && !cancelled {
            let text = reply.lines()[0].trim_ascii();
            let response = match BASE64.decode(text) {
                Ok(challenge) => auth.step(&challenge),
                Err(_) => Err(SaslError::Misuse(mailwire_sasl::Misuse::InvalidArgument(
                    "challenge is not base64",
                ))),
            };
            let cancelled = match response {
                Ok(response) => {
                    self.out
                        .extend_from_slice(BASE64.encode(response).as_bytes());
                    self.out.extend_from_slice(b"\r\n");
                    false
                }
                Err(e) => {
                    // Cancel; the server's 501 to `*` then ends the exchange.
                    self.out.extend_from_slice(b"*\r\n");
                    self.events.push_back(Event::AuthError(e));
                    true
                }
            };
            self.state = State::Auth {
                auth: Box::new(auth),
                cancelled,
            };
            return;
        }
        self.state = State::Ready;
        if cancelled {
            return;
        }
        if code.is_positive() {
            match auth.finish(None) {
                Ok(()) => self.events.push_back(Event::Authenticated),
                Err(e) => self.events.push_back(Event::AuthError(e)),
            }
        } else {
            self.events.push_back(Event::AuthFailed(reply));
        }
    }

    fn write_mail(&mut self, txn: &mut Txn) {
        Command::Mail {
            from: txn.envelope.from.clone(),
            params: txn.mail_params.clone(),
        }
        .encode(&mut self.out);
        txn.expect.push_back(Expect::Mail);
    }

    fn write_rcpt(&mut self, txn: &mut Txn, i: usize) {
        let (to, params) = txn.envelope.recipients[i].clone();
        Command::Rcpt { to, params }.encode(&mut self.out);
        txn.expect.push_back(Expect::Rcpt(i));
    }

    /// DATA, or the message in BDAT chunks: all of them when pipelining, else the first.
    fn write_data_command(&mut self, txn: &mut Txn) {
        if txn.bdat {
            while self.write_bdat_chunk(txn) && txn.pipelined {}
        } else {
            Command::Data.encode(&mut self.out);
            txn.expect.push_back(Expect::Data);
        }
    }

    /// Writes the next BDAT chunk (an empty message is `BDAT 0 LAST`); returns whether more
    /// chunks follow.
    fn write_bdat_chunk(&mut self, txn: &mut Txn) -> bool {
        let start = txn.sent.min(txn.body.len());
        let end = txn
            .body
            .len()
            .min(start.saturating_add(self.options.bdat_chunk_size.max(1)));
        let last = end == txn.body.len();
        Command::Bdat {
            size: (end - start) as u64,
            last,
        }
        .encode(&mut self.out);
        self.out.extend_from_slice(&txn.body[start..end]);
        txn.sent = end;
        txn.expect.push_back(if last {
            Expect::Bdat
        } else {
            Expect::BdatChunk
        });
        !last
    }

    fn transaction_reply(&mut self, mut txn: Txn, reply: Reply<'static>) {
        let Some(expect) = txn.expect.pop_front() else {
            return self.fail(ClientError::UnexpectedReply(reply));
        };
        let positive = reply.code().is_positive();
        let mail_ok = || txn.mail.as_ref().is_some_and(|m| m.code().is_positive());
        match expect {
            Expect::Mail => {
                txn.mail = Some(reply);
                if !txn.pipelined {
                    if positive && !txn.rcpt.is_empty() {
                        self.write_rcpt(&mut txn, 0);
                    } else if positive {
                        Command::Rset.encode(&mut self.out);
                        txn.expect.push_back(Expect::Rset);
                    }
                }
            }
            Expect::Rcpt(i) => {
                if positive {
                    txn.accepted += 1;
                }
                txn.rcpt[i] = Some(reply);
                if !txn.pipelined {
                    if i + 1 < txn.rcpt.len() {
                        self.write_rcpt(&mut txn, i + 1);
                    } else if txn.accepted > 0 {
                        self.write_data_command(&mut txn);
                    } else {
                        Command::Rset.encode(&mut self.out);
                        txn.expect.push_back(Expect::Rset);
                    }
                }
            }
            Expect::Data if reply.code() == ReplyCode::START_MAIL_INPUT => {
                let mut stuffer = DotStuffer::new(DotStufferOptions {
                    normalize_line_endings: true,
                });
                if mail_ok() && txn.accepted > 0 {
                    stuffer.encode(&txn.body, &mut self.out);
                    stuffer.finish(&mut self.out);
                    let replies = if self.options.lmtp { txn.accepted } else { 1 };
                    txn.expect
                        .extend(std::iter::repeat_n(Expect::DataEnd, replies));
                } else {
                    // RFC 2920 §3.1: nothing to deliver, end the data at once.
                    self.out.extend_from_slice(b".\r\n");
                    txn.expect.push_back(Expect::Rset);
                }
            }
            Expect::Data => txn.data = Some(reply),
            Expect::BdatChunk => {
                // The first refused chunk's reply stands for the message.
                if !positive && txn.data.is_none() {
                    txn.data = Some(reply);
                }
                if !txn.pipelined {
                    if txn.data.is_some() {
                        Command::Rset.encode(&mut self.out);
                        txn.expect.push_back(Expect::Rset);
                    } else {
                        self.write_bdat_chunk(&mut txn);
                    }
                }
            }
            Expect::Bdat => {
                // After a refused chunk the server answers LAST once, even in LMTP.
                let chunk_failed = txn.data.is_some();
                let lmtp = self.options.lmtp && mail_ok() && txn.accepted > 0 && !chunk_failed;
                if lmtp {
                    txn.lmtp.push(reply);
                    txn.expect
                        .extend(std::iter::repeat_n(Expect::LmtpEnd, txn.accepted - 1));
                } else if !chunk_failed {
                    txn.data = Some(reply);
                }
            }
            Expect::DataEnd if self.options.lmtp => txn.lmtp.push(reply),
            Expect::DataEnd => txn.data = Some(reply),
            Expect::LmtpEnd => txn.lmtp.push(reply),
            Expect::Rset => {}
        }
        if txn.expect.is_empty() {
            self.finish_transaction(txn);
        } else {
            self.state = State::Transaction(Box::new(txn));
        }
    }

    fn finish_transaction(&mut self, txn: Txn) {
        let mail = txn
            .mail
            .clone()
            .unwrap_or_else(|| Reply::new(ReplyCode::LOCAL_ERROR, None, "no reply to MAIL"));
        let fallback = txn
            .data
            .clone()
            .unwrap_or_else(|| Reply::new(ReplyCode::LOCAL_ERROR, None, "no reply to the data"));
        let mut lmtp = txn.lmtp.into_iter();
        let recipients = txn
            .envelope
            .recipients
            .into_iter()
            .zip(txn.rcpt)
            .map(|((to, _), rcpt)| {
                let reply = match rcpt {
                    _ if !mail.code().is_positive() => mail.clone(),
                    Some(r) if !r.code().is_positive() => r,
                    None => mail.clone(),
                    Some(_) => lmtp.next().unwrap_or_else(|| fallback.clone()),
                };
                RecipientResult { to, reply }
            })
            .collect();
        self.state = State::Ready;
        self.events
            .push_back(Event::Sent(TransactionResult { mail, recipients }));
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
