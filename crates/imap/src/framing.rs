//! The framer: finds where each IMAP message ends before anything is parsed.
//!
//! A message is a line, or a line announcing a literal (`{n}`, `{n+}`, `~{n}`), the literal's
//! bytes, and the rest of the line, as many times as there are literals. The framer never
//! parses commands; it only counts. It bounds every buffer:
//!
//! - bytes outside literals (default 64 KiB per message): a longer message is skipped to its
//!   end and reported as [`FrameEvent::Discarded`], following any literals it announces so that
//!   their bytes are never taken for commands;
//! - the size of one literal (`max_literal`): a bigger synchronising literal is refused at once
//!   ([`FrameEvent::LiteralRefused`], the client never sends it), a bigger non-synchronising one
//!   is skipped;
//! - the bytes of one message kept in memory (`max_buffered`): a literal that would exceed it is
//!   handed out in chunks ([`FrameEvent::LiteralStart`], [`FrameEvent::LiteralData`]) and
//!   appears in the final [`FrameEvent::Message`] as an empty literal of the same form
//!   (`{0}`, `{0+}`, `~{0}`).
//!
//! In the server role, a synchronising literal stops the client until it gets a continuation
//! request: the framer reports [`FrameEvent::ContinuationNeeded`], and the server either sends
//! `+ ...` and keeps feeding bytes, or calls [`Framer::refuse_literal`] and answers the command
//! with a tagged `NO`/`BAD`.
//!
//! ```
//! use mailwire_imap::framing::{FrameEvent, Framer, FramerOptions, Role};
//!
//! let mut framer = Framer::new(FramerOptions::new(Role::Server));
//! framer.push(b"a1 LOGIN {5}\r\n");
//! assert_eq!(framer.next_event(), Some(FrameEvent::ContinuationNeeded { size: 5 }));
//! assert_eq!(framer.next_event(), None); // waiting for the literal
//! framer.push(b"alice pw\r\na2 NOOP\r\n");
//! assert_eq!(framer.next_event(), Some(FrameEvent::Message(b"a1 LOGIN {5}\r\nalice pw\r\n"[..].into())));
//! assert_eq!(framer.next_event(), Some(FrameEvent::Message(b"a2 NOOP\r\n"[..].into())));
//! ```

use bytes::{Buf, Bytes, BytesMut};

use crate::redact::redact;

/// Which side the framer reads for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Reads commands from a client (synchronising literals wait for `+`).
    Server,
    /// Reads responses from a server (literals always follow at once).
    Client,
}

/// Limits and tolerances of a [`Framer`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FramerOptions {
    /// Which side is read.
    pub role: Role,
    /// Bytes outside literals in one message (default 64 KiB).
    pub max_line: usize,
    /// Size of one literal (default 64 MiB).
    pub max_literal: u64,
    /// Largest non-synchronising literal accepted; `Some(4096)` under LITERAL- (RFC 7888).
    pub max_non_sync_literal: Option<u64>,
    /// Bytes of one message kept in memory; larger literals are streamed (default 1 MiB).
    pub max_buffered: usize,
    /// Accept a bare LF as a line end (real servers and clients send it; RFC 3501 does not).
    pub allow_bare_lf: bool,
}

impl FramerOptions {
    /// Safe defaults for `role`.
    pub fn new(role: Role) -> Self {
        Self {
            role,
            max_line: 64 * 1024,
            max_literal: 64 * 1024 * 1024,
            max_non_sync_literal: None,
            max_buffered: 1024 * 1024,
            allow_bare_lf: false,
        }
    }
}

/// Why a message was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscardReason {
    /// More than `max_line` bytes outside literals.
    LineTooLong,
    /// A non-synchronising literal over the limit (its bytes were skipped).
    LiteralTooLarge {
        /// The announced size.
        size: u64,
    },
    /// A line ended by LF alone while `allow_bare_lf` is off.
    BareLineFeed,
}

/// What the framer found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameEvent {
    /// A whole message, ending in its line end, ready for the parser.
    Message(Bytes),
    /// Server role: a synchronising literal of `size` bytes was announced. Send a continuation
    /// request, or call [`Framer::refuse_literal`] and answer the command.
    ContinuationNeeded {
        /// The announced size.
        size: u64,
    },
    /// Server role: a synchronising literal over `max_literal` was announced; the command was
    /// dropped (answer it with a tagged `NO [TOOBIG]` or `BAD`). `head` is the start of the
    /// command (credentials redacted), for the tag.
    LiteralRefused {
        /// The announced size.
        size: u64,
        /// The start of the command.
        head: Bytes,
    },
    /// A literal too big to buffer begins; its bytes follow as [`FrameEvent::LiteralData`].
    LiteralStart {
        /// The announced size.
        size: u64,
        /// A `~{n}` literal.
        binary: bool,
    },
    /// A chunk of a streamed literal.
    LiteralData(Bytes),
    /// A message that broke a limit was skipped to its end. `head` is its start (credentials
    /// redacted), for the tag.
    Discarded {
        /// Which limit.
        reason: DiscardReason,
        /// The start of the message.
        head: Bytes,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Line,
    Literal(u64),
    Stream(u64),
    Skip(u64),
    AwaitDecision {
        size: u64,
        binary: bool,
        stream: bool,
    },
}

const HEAD_LEN: usize = 64;
/// Enough of a line end to see `~{18446744073709551615+}\r\n`.
const TAIL_KEEP: usize = 32;

/// The sans-IO framer: [`push`](Framer::push) bytes, then take [`next_event`](Framer::next_event)
/// until it returns `None`.
#[derive(Debug)]
pub struct Framer {
    opts: FramerOptions,
    buf: BytesMut,
    state: State,
    msg: BytesMut,
    line_bytes: usize,
    scan_from: usize,
    discard: Option<DiscardReason>,
    head: Vec<u8>,
}

struct Announce {
    size: u64,
    sync: bool,
    binary: bool,
    /// Offset of the `~` or `{` in the line.
    start: usize,
}

fn announced_literal(line: &[u8]) -> Option<Announce> {
    let body = line.strip_suffix(b"\n")?;
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    let body = body.strip_suffix(b"}")?;
    let (body, sync) = match body.strip_suffix(b"+") {
        Some(b) => (b, false),
        None => (body, true),
    };
    let digits = body.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 20 {
        return None;
    }
    let (body, num) = body.split_at(body.len() - digits);
    let size = std::str::from_utf8(num).ok()?.parse::<u64>().ok()?;
    let body = body.strip_suffix(b"{")?;
    let (body, binary) = match body.strip_suffix(b"~") {
        Some(b) => (b, true),
        None => (body, false),
    };
    Some(Announce {
        size,
        sync,
        binary,
        start: body.len(),
    })
}

impl Framer {
    /// A framer with these limits.
    pub fn new(opts: FramerOptions) -> Self {
        Self {
            opts,
            buf: BytesMut::new(),
            state: State::Line,
            msg: BytesMut::new(),
            line_bytes: 0,
            scan_from: 0,
            discard: None,
            head: Vec::new(),
        }
    }

    /// The options in force.
    pub fn options(&self) -> &FramerOptions {
        &self.opts
    }

    /// Changes the options (after ENABLE or a capability change); takes effect for the next
    /// line.
    pub fn set_options(&mut self, opts: FramerOptions) {
        self.opts = opts;
    }

    /// Appends bytes read from the transport.
    pub fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Drops everything buffered and not yet framed (after STARTTLS, plaintext sent ahead of
    /// the handshake must not survive it).
    pub fn clear(&mut self) {
        self.buf.clear();
        self.reset_message();
        self.state = State::Line;
    }

    /// Bytes held that are not yet part of an event.
    pub fn buffered(&self) -> usize {
        self.buf.len() + self.msg.len()
    }

    /// After [`FrameEvent::ContinuationNeeded`] and before any further bytes arrive: refuse the
    /// literal. The command is dropped and
    /// the client, which waits for `+`, moves on once it sees the tagged answer. Returns
    /// `false` when no literal is waiting for a decision.
    pub fn refuse_literal(&mut self) -> bool {
        if matches!(self.state, State::AwaitDecision { .. }) {
            self.reset_message();
            self.state = State::Line;
            true
        } else {
            false
        }
    }

    fn reset_message(&mut self) {
        self.msg.clear();
        self.line_bytes = 0;
        self.scan_from = 0;
        self.discard = None;
        self.head.clear();
    }

    fn take_head(&mut self) -> Bytes {
        let head = if self.head.is_empty() {
            &self.msg[..self.msg.len().min(HEAD_LEN)]
        } else {
            &self.head[..]
        };
        Bytes::from(redact(head).into_owned())
    }

    fn start_discard(&mut self, reason: DiscardReason, line_len: usize) {
        if self.discard.is_none() {
            // Bounded by the line limit so that the head never depends on how input was cut.
            let keep = HEAD_LEN.min(self.opts.max_line);
            self.head = self.msg[..self.msg.len().min(keep)].to_vec();
            if self.head.is_empty() {
                self.head = self.buf[..line_len.min(keep)].to_vec();
            }
            self.discard = Some(reason);
            self.msg.clear();
        }
    }

    fn finish_discard(&mut self, reason: DiscardReason) -> FrameEvent {
        let head = self.take_head();
        self.reset_message();
        FrameEvent::Discarded { reason, head }
    }

    /// The next event, or `None` when more bytes are needed.
    pub fn next_event(&mut self) -> Option<FrameEvent> {
        loop {
            match self.state {
                State::Line => {
                    if let Some(ev) = self.scan_line()? {
                        return Some(ev);
                    }
                }
                State::Literal(remaining) => {
                    let n = usize::try_from(remaining)
                        .unwrap_or(usize::MAX)
                        .min(self.buf.len());
                    self.msg.extend_from_slice(&self.buf[..n]);
                    self.buf.advance(n);
                    let left = remaining - n as u64;
                    self.state = if left == 0 {
                        State::Line
                    } else {
                        State::Literal(left)
                    };
                    if left > 0 {
                        return None;
                    }
                }
                State::Stream(remaining) => {
                    if remaining == 0 {
                        self.state = State::Line;
                        continue;
                    }
                    if self.buf.is_empty() {
                        return None;
                    }
                    let n = usize::try_from(remaining)
                        .unwrap_or(usize::MAX)
                        .min(self.buf.len());
                    self.state = State::Stream(remaining - n as u64);
                    return Some(FrameEvent::LiteralData(self.buf.split_to(n).freeze()));
                }
                State::Skip(remaining) => {
                    let n = usize::try_from(remaining)
                        .unwrap_or(usize::MAX)
                        .min(self.buf.len());
                    self.buf.advance(n);
                    let left = remaining - n as u64;
                    if left > 0 {
                        self.state = State::Skip(left);
                        return None;
                    }
                    self.state = State::Line;
                }
                State::AwaitDecision {
                    size,
                    binary,
                    stream,
                } => {
                    // The client sends nothing before our `+`: until bytes come, the server may
                    // still refuse.
                    if self.buf.is_empty() {
                        return None;
                    }
                    if stream {
                        self.state = State::Stream(size);
                        return Some(FrameEvent::LiteralStart { size, binary });
                    }
                    self.state = State::Literal(size);
                }
            }
        }
    }

    /// Scans for a line end. `None`: need more bytes; `Some(None)`: state changed, loop again.
    fn scan_line(&mut self) -> Option<Option<FrameEvent>> {
        let Some(found) = crate::parse::scan::find_lf(&self.buf[self.scan_from..]) else {
            self.scan_from = self.buf.len();
            if self.discard.is_none() && self.line_bytes + self.buf.len() > self.opts.max_line {
                self.start_discard(DiscardReason::LineTooLong, self.buf.len());
            }
            if self.discard.is_some() && self.buf.len() > TAIL_KEEP {
                let drop = self.buf.len() - TAIL_KEEP;
                self.buf.advance(drop);
                self.scan_from = self.buf.len();
            }
            return None;
        };
        let end = self.scan_from + found + 1;
        self.scan_from = 0;
        if self.discard.is_none() && self.line_bytes + end > self.opts.max_line {
            self.start_discard(DiscardReason::LineTooLong, end);
        }
        let line = &self.buf[..end];
        if !self.opts.allow_bare_lf && !line.ends_with(b"\r\n") {
            self.start_discard(DiscardReason::BareLineFeed, end);
        }
        let line = &self.buf[..end];
        let announce = announced_literal(line);
        if announce.is_none() && self.discard.is_none() && self.msg.is_empty() {
            // A plain one-line message: hand out the buffer's bytes without copying them.
            self.line_bytes = 0;
            return Some(Some(FrameEvent::Message(self.buf.split_to(end).freeze())));
        }
        if self.discard.is_none() {
            self.msg.extend_from_slice(line);
        }
        self.line_bytes += end;
        self.buf.advance(end);
        let Some(a) = announce else {
            return Some(Some(match self.discard {
                Some(reason) => self.finish_discard(reason),
                None => {
                    self.line_bytes = 0;
                    FrameEvent::Message(self.msg.split().freeze())
                }
            }));
        };
        let waits = a.sync && self.opts.role == Role::Server;
        if let Some(reason) = self.discard {
            if waits {
                return Some(Some(self.finish_discard(reason)));
            }
            self.state = State::Skip(a.size);
            return Some(None);
        }
        let too_big = a.size > self.opts.max_literal
            || (!a.sync && self.opts.max_non_sync_literal.is_some_and(|m| a.size > m));
        if too_big {
            if waits {
                let head = self.take_head();
                self.reset_message();
                return Some(Some(FrameEvent::LiteralRefused { size: a.size, head }));
            }
            self.start_discard(DiscardReason::LiteralTooLarge { size: a.size }, 0);
            self.state = State::Skip(a.size);
            return Some(None);
        }
        let stream = (self.msg.len() as u64).saturating_add(a.size) > self.opts.max_buffered as u64;
        if stream {
            // The message keeps an empty literal of the same form in place of the streamed one.
            let line_start = self.msg.len() - end;
            self.msg.truncate(line_start + a.start);
            let form: &[u8] = match (a.binary, a.sync) {
                (true, true) => b"~{0}\r\n",
                (true, false) => b"~{0+}\r\n",
                (false, true) => b"{0}\r\n",
                (false, false) => b"{0+}\r\n",
            };
            self.msg.extend_from_slice(form);
        }
        if waits {
            self.state = State::AwaitDecision {
                size: a.size,
                binary: a.binary,
                stream,
            };
            return Some(Some(FrameEvent::ContinuationNeeded { size: a.size }));
        }
        if stream {
            self.state = State::Stream(a.size);
            return Some(Some(FrameEvent::LiteralStart {
                size: a.size,
                binary: a.binary,
            }));
        }
        self.state = State::Literal(a.size);
        Some(None)
    }
}

#[cfg(test)]
#[path = "framing_tests.rs"]
mod tests;
