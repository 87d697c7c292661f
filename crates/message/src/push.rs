//! A sans-IO push parser: feed the message in chunks as SMTP DATA delivers it, and poll events
//! that describe its header sections and structure, with body bytes passed through as they
//! arrive instead of being held.
//!
//! It builds the same tree as [`Message::parse_with`](crate::Message::parse_with) with the
//! same options. A transfer-encoded embedded message (base64 or quoted-printable
//! `message/rfc822`) is decoded as it streams and its decoded bytes feed a nested parser, up
//! to [`Options::max_encoded_nesting`] levels. Memory is bounded by
//! [`Options::max_header_bytes`] plus one delimiter line per nesting level, whatever the
//! chunking.
//!
//! Drain rule: after each [`PushParser::push`] or [`PushParser::finish`], call
//! [`PushParser::poll_event`] until it returns `None`.

use crate::defect::{Defect, DefectKind};
use crate::message::{HeaderData, PartId};
use crate::options::Options;
use crate::scan::{
    Kind, MAX_DELIMITER_LINE, decide, field_colon, is_envelope_line, match_delimiter,
};
use crate::stream_decode::StreamDecoder;
use std::collections::VecDeque;

/// One header field as read: the name (white space before the colon removed) and the raw
/// value (after the colon and leading white space, folds kept, trailing white space removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField {
    /// The field name.
    pub name: Vec<u8>,
    /// The raw value.
    pub value: Vec<u8>,
}

/// What the push parser found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// A part's header section is complete. Ids follow the same depth-first order as
    /// [`Message::parts`](crate::Message::parts).
    PartStart {
        /// The part.
        id: PartId,
        /// The enclosing multipart or message part.
        parent: Option<PartId>,
        /// Its header fields, in order.
        headers: Vec<RawField>,
    },
    /// Body bytes, still transfer-encoded: a leaf's body, or a multipart's preamble (the
    /// bytes before its first delimiter; a multipart whose delimiter never comes is a leaf
    /// and these bytes are its body).
    Body {
        /// The part.
        id: PartId,
        /// The next bytes.
        data: Vec<u8>,
    },
    /// A leaf's body bytes with the transfer encoding undone, reported after the
    /// [`Event::Body`] they come from when [`PushParser::decode_bodies`] is on. Concatenated,
    /// they equal [`Part::decoded_body`](crate::Part::decoded_body). Only parts known to be
    /// leaves when their header section ends get them: a multipart whose first delimiter never
    /// comes reports its body as [`Event::Body`] only.
    DecodedBody {
        /// The part.
        id: PartId,
        /// The next decoded bytes.
        data: Vec<u8>,
    },
    /// Bytes of a multipart's epilogue.
    Epilogue {
        /// The multipart.
        id: PartId,
        /// The next bytes.
        data: Vec<u8>,
    },
    /// A part ended; all its children ended before.
    PartEnd {
        /// The part.
        id: PartId,
    },
    /// A defect, as [`Message::defects`](crate::Message::defects) would list it.
    Defect(Defect),
}

#[derive(Debug)]
struct HeaderState {
    id: u32,
    parent: Option<u32>,
    depth: usize,
    in_digest: bool,
    /// Bytes of this header section consumed so far.
    consumed: usize,
    /// Recorded fields, concatenated, and their positions.
    bytes: Vec<u8>,
    fields: Vec<HeaderData>,
    /// The field being read (it may continue on the next line), and its full length.
    pending: Option<(Vec<u8>, usize)>,
    too_large: bool,
    at_start: bool,
    /// The line being read, once classified.
    cur: Option<Cur>,
}

#[derive(Debug, Clone, Copy)]
enum Cur {
    /// Part of the pending field (its first line or a continuation).
    Field,
    /// Consumed without being a field (mbox envelope line, stray continuation).
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Preamble,
    Children,
    Skip,
    Epilogue,
}

#[derive(Debug)]
enum Frame {
    Multipart {
        id: u32,
        level: usize,
        phase: Phase,
        depth: usize,
        digest: bool,
    },
    Message {
        id: u32,
    },
}

#[derive(Debug)]
enum Mode {
    Headers(Box<HeaderState>),
    /// Content of a leaf part.
    Leaf(u32),
    /// Content owned by the top frame (preamble, epilogue or skipped parts).
    Frame,
    /// Content of a transfer-encoded embedded message, decoded into a nested parser.
    Encoded(Box<Nested>),
    Done,
}

#[derive(Debug)]
struct Nested {
    id: u32,
    decoder: StreamDecoder,
    child: PushParser,
}

/// The push parser.
///
/// ```
/// use mailwire_message::{Event, PushParser};
/// let mut p = PushParser::new(Default::default());
/// let mut body = Vec::new();
/// for chunk in [&b"Subject: hi\r\n"[..], b"\r\nHel", b"lo\r\n"] {
///     p.push(chunk);
///     while let Some(e) = p.poll_event() {
///         if let Event::Body { data, .. } = e {
///             body.extend(data);
///         }
///     }
/// }
/// p.finish();
/// while let Some(e) = p.poll_event() {
///     if let Event::Body { data, .. } = e {
///         body.extend(data);
///     }
/// }
/// assert_eq!(body, b"Hello\r\n");
/// ```
#[derive(Debug)]
pub struct PushParser {
    opts: Options,
    buf: Vec<u8>,
    at_line_start: bool,
    /// The line break that ended the last content line, held until we know whether a
    /// delimiter follows (then it belongs to the delimiter, RFC 2046 §5.1.1).
    held: Vec<u8>,
    mode: Mode,
    frames: Vec<Frame>,
    stack: Vec<Vec<u8>>,
    parts: usize,
    events: VecDeque<Event>,
    eof: bool,
    /// Levels of transfer-encoded embedded messages around this parser's input.
    encoded: usize,
    /// Whether leaves' bodies are also reported decoded.
    decode_bodies: bool,
    /// The decoder of the current leaf's body, when bodies are reported decoded.
    leaf_decoder: Option<StreamDecoder>,
}

impl PushParser {
    /// A parser for one message.
    pub fn new(opts: Options) -> Self {
        Self::nested(opts, 0, None, 0, 0)
    }

    /// A parser for the decoded body of an embedded message: its parts are numbered from
    /// `first`, its root part is a child of `parent`.
    fn nested(
        opts: Options,
        first: usize,
        parent: Option<u32>,
        depth: usize,
        encoded: usize,
    ) -> Self {
        let mut p = PushParser {
            opts,
            buf: Vec::new(),
            at_line_start: true,
            held: Vec::new(),
            mode: Mode::Done,
            frames: Vec::new(),
            stack: Vec::new(),
            parts: 0,
            events: VecDeque::new(),
            eof: false,
            encoded,
            decode_bodies: false,
            leaf_decoder: None,
        };
        p.parts = first;
        p.start_part(parent, depth, false);
        p
    }

    /// Also reports leaves' bodies with their transfer encoding undone, as
    /// [`Event::DecodedBody`], so that attachments can be hashed or stored decoded without
    /// being held. Call before the first [`PushParser::push`].
    ///
    /// ```
    /// use mailwire_message::{Event, PushParser};
    /// let mut p = PushParser::new(Default::default()).decode_bodies(true);
    /// p.push(b"Content-Transfer-Encoding: base64\r\n\r\naGVs");
    /// p.push(b"bG8=\r\n");
    /// p.finish();
    /// let mut decoded = Vec::new();
    /// while let Some(e) = p.poll_event() {
    ///     if let Event::DecodedBody { data, .. } = e {
    ///         decoded.extend(data);
    ///     }
    /// }
    /// assert_eq!(decoded, b"hello");
    /// ```
    pub fn decode_bodies(mut self, on: bool) -> Self {
        self.decode_bodies = on;
        self
    }

    /// Feeds the next bytes of the message.
    pub fn push(&mut self, data: &[u8]) {
        if self.eof {
            return;
        }
        self.buf.extend_from_slice(data);
        self.run();
    }

    /// Ends the input: remaining bytes are processed and every open part ends.
    pub fn finish(&mut self) {
        if self.eof {
            return;
        }
        self.eof = true;
        self.run();
        self.unwind_eof();
    }

    /// The next event, if any.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    fn defect(&mut self, kind: DefectKind, id: u32) {
        self.events.push_back(Event::Defect(Defect {
            kind,
            part: PartId(id),
        }));
    }

    fn start_part(&mut self, parent: Option<u32>, depth: usize, in_digest: bool) {
        let id = self.parts as u32;
        self.parts += 1;
        self.mode = Mode::Headers(Box::new(HeaderState {
            id,
            parent,
            depth,
            in_digest,
            consumed: 0,
            bytes: Vec::new(),
            fields: Vec::new(),
            pending: None,
            too_large: false,
            at_start: true,
            cur: None,
        }));
        self.at_line_start = true;
    }

    fn run(&mut self) {
        loop {
            let progressed = match self.mode {
                Mode::Headers(_) => self.header_step(),
                Mode::Leaf(_) | Mode::Frame | Mode::Encoded(_) => self.content_step(),
                Mode::Done => {
                    self.buf.clear();
                    false
                }
            };
            if !progressed {
                break;
            }
        }
    }

    // ---- header sections -----------------------------------------------------------------

    /// Handles the next piece of a header section; `false` when more bytes are needed.
    fn header_step(&mut self) -> bool {
        let cap = self.opts.max_header_bytes;
        let Mode::Headers(h) = &mut self.mode else {
            return false;
        };
        if let Some(cur) = h.cur {
            // Inside a line already classified: take its bytes up to its line break.
            let (n, done) = match memchr::memchr(b'\n', &self.buf) {
                Some(p) => (p + 1, true),
                None => (self.buf.len(), self.eof),
            };
            if n == 0 && !done {
                return false;
            }
            match (cur, &mut h.pending) {
                (Cur::Skip, _) | (_, None) => h.consumed += n,
                (_, Some((bytes, len))) => {
                    *len += n;
                    if bytes.len() + n <= cap {
                        bytes.extend_from_slice(&self.buf[..n]);
                    } else {
                        // Too long to record: the length no longer matches the bytes kept.
                        bytes.clear();
                        bytes.push(0);
                    }
                }
            }
            self.buf.drain(..n);
            if done {
                h.cur = None;
            }
            return true;
        }
        if self.buf.is_empty() {
            if self.eof {
                self.end_headers(0);
                return true;
            }
            return false;
        }
        let window = &self.buf[..self.buf.len().min(MAX_DELIMITER_LINE)];
        let nl = memchr::memchr(b'\n', window);
        if nl.is_none() && !self.eof && self.buf.len() < MAX_DELIMITER_LINE {
            return false;
        }
        let line = match nl {
            Some(p) => &self.buf[..=p],
            None if self.eof => &self.buf[..],
            None => window,
        };
        let continues = matches!(line[0], b' ' | b'\t');
        if h.pending.is_some() && continues {
            h.cur = Some(Cur::Field);
            return true;
        }
        let root_start = h.at_start && h.id == 0;
        h.at_start = false;
        let envelope = root_start && is_envelope_line(line);
        let blank = line == b"\n" || line == b"\r\n" || (line == b"\r" && self.eof);
        let whole_line = nl.is_some() || self.eof;
        let delimiter = whole_line
            && line.starts_with(b"--")
            && match_delimiter(&self.stack, line, 0).is_some();
        let field = field_colon(line).is_some();
        let line_len = line.len();
        self.finish_pending();
        let Mode::Headers(h) = &mut self.mode else {
            return false;
        };
        if envelope {
            h.cur = Some(Cur::Skip);
        } else if blank {
            self.end_headers(line_len);
        } else if delimiter {
            self.end_headers(0);
        } else if continues {
            h.cur = Some(Cur::Skip);
            if h.fields.is_empty() {
                let id = h.id;
                self.defect(DefectKind::FirstLineIsContinuation, id);
            }
        } else if field {
            h.pending = Some((Vec::new(), 0));
            h.cur = Some(Cur::Field);
        } else {
            let id = h.id;
            self.defect(DefectKind::HeaderWithoutColon, id);
            // The line starts the body; it is not consumed.
            self.end_headers(0);
        }
        true
    }

    /// Records the pending field, if the header section is still within its limit.
    fn finish_pending(&mut self) {
        let cap = self.opts.max_header_bytes;
        let Mode::Headers(h) = &mut self.mode else {
            return;
        };
        let Some((bytes, len)) = h.pending.take() else {
            return;
        };
        h.consumed += len;
        if h.consumed > cap || bytes.len() != len {
            if !h.too_large {
                h.too_large = true;
                let id = h.id;
                self.defect(DefectKind::HeaderSectionTooLarge, id);
            }
            return;
        }
        let start = h.bytes.len();
        let colon = start + field_colon(&bytes).unwrap_or(0);
        h.bytes.extend_from_slice(&bytes);
        h.fields.push(HeaderData {
            start,
            colon,
            end: h.bytes.len(),
        });
    }

    /// Ends the header section after consuming `n` more bytes (the empty line).
    fn end_headers(&mut self, n: usize) {
        self.finish_pending();
        self.buf.drain(..n);
        let Mode::Headers(h) = std::mem::replace(&mut self.mode, Mode::Done) else {
            return;
        };
        let h = *h;
        let headers = h
            .fields
            .iter()
            .map(|f| RawField {
                name: f.name(&h.bytes).to_vec(),
                value: f.value(&h.bytes).to_vec(),
            })
            .collect();
        let d = decide(&h.bytes, &h.fields, h.in_digest);
        self.events.push_back(Event::PartStart {
            id: PartId(h.id),
            parent: h.parent.map(PartId),
            headers,
        });
        if d.invalid_content_type {
            self.defect(DefectKind::InvalidContentType, h.id);
        }
        self.at_line_start = true;
        self.held.clear();
        let limits_ok = |this: &mut Self| {
            if h.depth >= this.opts.max_depth {
                this.defect(DefectKind::DepthLimit, h.id);
                false
            } else if this.parts >= this.opts.max_parts {
                this.defect(DefectKind::PartLimit, h.id);
                false
            } else {
                true
            }
        };
        match d.kind {
            Kind::Multipart { boundary, digest } => match boundary {
                Some(b) if limits_ok(self) => {
                    self.stack.push(b);
                    self.frames.push(Frame::Multipart {
                        id: h.id,
                        level: self.stack.len() - 1,
                        phase: Phase::Preamble,
                        depth: h.depth,
                        digest,
                    });
                    self.mode = Mode::Frame;
                    return;
                }
                None => self.defect(DefectKind::MissingBoundary, h.id),
                _ => {}
            },
            Kind::Message if limits_ok(self) => {
                if let Some(decoder) = StreamDecoder::new(d.encoding) {
                    if self.encoded >= self.opts.max_encoded_nesting {
                        self.defect(DefectKind::EncodedNestingLimit, h.id);
                    } else {
                        let child = PushParser::nested(
                            self.opts.clone(),
                            self.parts,
                            Some(h.id),
                            h.depth + 1,
                            self.encoded + 1,
                        )
                        .decode_bodies(self.decode_bodies);
                        self.mode = Mode::Encoded(Box::new(Nested {
                            id: h.id,
                            decoder,
                            child,
                        }));
                        return;
                    }
                } else {
                    self.frames.push(Frame::Message { id: h.id });
                    self.start_part(Some(h.id), h.depth + 1, false);
                    return;
                }
            }
            _ => {}
        }
        self.leaf_decoder = self
            .decode_bodies
            .then(|| StreamDecoder::for_body(d.encoding));
        self.mode = Mode::Leaf(h.id);
    }

    // ---- content -------------------------------------------------------------------------

    fn emit(&mut self, data: Vec<u8>) {
        if data.is_empty() {
            return;
        }
        if let Mode::Encoded(n) = &mut self.mode {
            let mut decoded = Vec::new();
            n.decoder.feed(&data, &mut decoded);
            n.child.push(&decoded);
            self.events.extend(n.child.events.drain(..));
            return;
        }
        let event = match self.mode {
            Mode::Leaf(id) => {
                let mut decoded = Vec::new();
                if let Some(d) = &mut self.leaf_decoder {
                    d.feed(&data, &mut decoded);
                }
                self.push_body(Event::Body {
                    id: PartId(id),
                    data,
                });
                if !decoded.is_empty() {
                    self.push_body(Event::DecodedBody {
                        id: PartId(id),
                        data: decoded,
                    });
                }
                return;
            }
            Mode::Frame => match self.frames.last() {
                Some(Frame::Multipart {
                    id,
                    phase: Phase::Preamble,
                    ..
                }) => Event::Body {
                    id: PartId(*id),
                    data,
                },
                Some(Frame::Multipart {
                    id,
                    phase: Phase::Epilogue,
                    ..
                }) => Event::Epilogue {
                    id: PartId(*id),
                    data,
                },
                _ => return,
            },
            _ => return,
        };
        self.push_body(event);
    }

    /// Queues body bytes, coalesced with the previous event of the same part and kind.
    fn push_body(&mut self, event: Event) {
        match (self.events.back_mut(), event) {
            (Some(Event::Body { id: a, data: d }), Event::Body { id: b, data })
            | (Some(Event::DecodedBody { id: a, data: d }), Event::DecodedBody { id: b, data })
            | (Some(Event::Epilogue { id: a, data: d }), Event::Epilogue { id: b, data })
                if *a == b =>
            {
                d.extend_from_slice(&data);
            }
            (_, e) => self.events.push_back(e),
        }
    }

    /// Passes content through up to the next possible delimiter line; `false` when more
    /// bytes are needed.
    fn content_step(&mut self) -> bool {
        if self.buf.is_empty() {
            return false;
        }
        if self.at_line_start {
            if self.buf.len() < 2 && !self.eof {
                return false;
            }
            if self.buf.starts_with(b"--") && !self.stack.is_empty() {
                let scan = &self.buf[..self.buf.len().min(MAX_DELIMITER_LINE + 1)];
                let nl = memchr::memchr(b'\n', scan);
                if nl.is_none() && !self.eof && self.buf.len() <= MAX_DELIMITER_LINE {
                    return false;
                }
                let candidate = match nl {
                    Some(p) => &self.buf[..=p],
                    None => &self.buf[..],
                };
                if let Some((level, close, line_end)) = match_delimiter(&self.stack, candidate, 0) {
                    self.held.clear();
                    self.buf.drain(..line_end);
                    self.at_line_start = true;
                    self.on_delimiter(level, close);
                    return true;
                }
            }
            let held = std::mem::take(&mut self.held);
            self.emit(held);
            self.at_line_start = false;
            return true;
        }
        match memchr::memchr(b'\n', &self.buf) {
            Some(p) => {
                let brk = if p > 0 && self.buf[p - 1] == b'\r' {
                    2
                } else {
                    1
                };
                let content = self.buf[..p + 1 - brk].to_vec();
                self.held = self.buf[p + 1 - brk..=p].to_vec();
                self.buf.drain(..=p);
                self.emit(content);
                self.at_line_start = true;
                true
            }
            None => {
                // Keep a final CR: it may start the line break.
                let keep = usize::from(!self.eof && self.buf.last() == Some(&b'\r'));
                let n = self.buf.len() - keep;
                if n == 0 {
                    return false;
                }
                let content: Vec<u8> = self.buf.drain(..n).collect();
                self.emit(content);
                true
            }
        }
    }

    /// Ends a transfer-encoded embedded message, if one is open: the decoder and the nested
    /// parser give up what they held, and part numbering goes on after the nested parts.
    fn end_encoded(&mut self) {
        if !matches!(self.mode, Mode::Encoded(_)) {
            return;
        }
        let Mode::Encoded(mut n) = std::mem::replace(&mut self.mode, Mode::Frame) else {
            return;
        };
        let mut decoded = Vec::new();
        n.decoder.finish(&mut decoded);
        n.child.push(&decoded);
        n.child.finish();
        self.events.extend(n.child.events.drain(..));
        self.parts = n.child.parts;
        self.events.push_back(Event::PartEnd { id: PartId(n.id) });
    }

    /// Reports what the current leaf's decoder held back.
    fn end_leaf_decoder(&mut self) {
        let (Mode::Leaf(id), Some(mut d)) = (&self.mode, self.leaf_decoder.take()) else {
            return;
        };
        let mut decoded = Vec::new();
        d.finish(&mut decoded);
        if !decoded.is_empty() {
            let id = PartId(*id);
            self.push_body(Event::DecodedBody { id, data: decoded });
        }
    }

    fn new_child(&mut self) {
        let Some(Frame::Multipart {
            id, depth, digest, ..
        }) = self.frames.last()
        else {
            return;
        };
        let (id, depth, digest) = (*id, *depth, *digest);
        self.start_part(Some(id), depth + 1, digest);
    }

    fn set_phase(&mut self, p: Phase) {
        if let Some(Frame::Multipart { phase, .. }) = self.frames.last_mut() {
            *phase = p;
        }
    }

    /// A delimiter line of `level` was consumed: end what it ends, start what it starts.
    fn on_delimiter(&mut self, level: usize, close: bool) {
        self.end_encoded();
        self.end_leaf_decoder();
        if let Mode::Leaf(id) = self.mode {
            self.events.push_back(Event::PartEnd { id: PartId(id) });
            self.mode = Mode::Frame;
        }
        loop {
            match self.frames.last() {
                None => {
                    self.mode = Mode::Done;
                    return;
                }
                Some(Frame::Message { id }) => {
                    let id = *id;
                    self.events.push_back(Event::PartEnd { id: PartId(id) });
                    self.frames.pop();
                }
                Some(&Frame::Multipart {
                    id,
                    level: mine,
                    phase,
                    ..
                }) => {
                    if phase != Phase::Epilogue && level == mine {
                        self.mode = Mode::Frame;
                        if close {
                            self.stack.pop();
                            self.set_phase(Phase::Epilogue);
                        } else if self.parts >= self.opts.max_parts {
                            self.defect(DefectKind::PartLimit, id);
                            self.set_phase(Phase::Skip);
                        } else {
                            self.set_phase(Phase::Children);
                            self.new_child();
                        }
                        return;
                    }
                    match phase {
                        Phase::Preamble => {
                            self.stack.pop();
                            self.defect(DefectKind::StartBoundaryNotFound, id);
                        }
                        Phase::Children | Phase::Skip => {
                            self.defect(DefectKind::CloseBoundaryNotFound, id);
                            self.stack.pop();
                        }
                        Phase::Epilogue => {}
                    }
                    self.events.push_back(Event::PartEnd { id: PartId(id) });
                    self.frames.pop();
                }
            }
        }
    }

    /// The input ended: close every open part, innermost first.
    fn unwind_eof(&mut self) {
        // A header section cut short still starts its part (and, for a message, its child).
        while let Mode::Headers(_) = self.mode {
            self.buf.clear();
            self.end_headers(0);
        }
        let rest = std::mem::take(&mut self.held);
        self.emit(rest);
        self.end_encoded();
        self.end_leaf_decoder();
        if let Mode::Leaf(id) = self.mode {
            self.events.push_back(Event::PartEnd { id: PartId(id) });
        }
        while let Some(f) = self.frames.pop() {
            match f {
                Frame::Message { id } => self.events.push_back(Event::PartEnd { id: PartId(id) }),
                Frame::Multipart { id, phase, .. } => {
                    match phase {
                        Phase::Preamble => {
                            self.stack.pop();
                            self.defect(DefectKind::StartBoundaryNotFound, id);
                        }
                        Phase::Children => {
                            self.defect(DefectKind::CloseBoundaryNotFound, id);
                            self.stack.pop();
                        }
                        Phase::Skip => {
                            self.stack.pop();
                        }
                        Phase::Epilogue => {}
                    }
                    self.events.push_back(Event::PartEnd { id: PartId(id) });
                }
            }
        }
        self.mode = Mode::Done;
    }
}
