//! Encoding: every command and response writes itself into a [`Writer`].
//!
//! The writer records where each synchronising literal announcement ends, so that a client
//! can stop there and wait for the server's `+` before sending the literal's bytes.

use bytes::BytesMut;

use crate::types::{
    AString, Atom, Date, DateTime, Flag, IString, Literal, LiteralMode, Mailbox, Quoted, SeqOrUid,
    Sequence, SequenceSet,
};

/// A value that has a wire form.
pub trait Encode {
    /// Writes the wire form.
    fn encode(&self, w: &mut Writer);

    /// The wire form as bytes.
    fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        self.encode(&mut w);
        w.into_bytes().to_vec()
    }
}

/// An output buffer with the positions where a client must wait for a continuation request.
#[derive(Debug, Default)]
pub struct Writer {
    buf: BytesMut,
    sync_points: Vec<usize>,
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// A writer appending to `buf` (positions count from its current end).
    pub fn with_buffer(buf: BytesMut) -> Self {
        Self {
            buf,
            sync_points: Vec::new(),
        }
    }

    /// The bytes written.
    pub fn into_bytes(self) -> BytesMut {
        self.buf
    }

    /// The bytes written so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Offsets just after each `{n}\r\n`: a client sends up to there, then waits for `+`.
    pub fn sync_points(&self) -> &[usize] {
        &self.sync_points
    }

    /// Raw bytes.
    pub fn raw(&mut self, b: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(b);
        self
    }

    /// A space.
    pub fn sp(&mut self) -> &mut Self {
        self.raw(b" ")
    }

    /// CRLF.
    pub fn crlf(&mut self) -> &mut Self {
        self.raw(b"\r\n")
    }

    /// A decimal number.
    pub fn num(&mut self, n: impl Into<u64>) -> &mut Self {
        let mut tmp = [0u8; 20];
        let mut n: u64 = n.into();
        let mut i = tmp.len();
        loop {
            i -= 1;
            tmp[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.raw(&tmp[i..])
    }

    /// An atom.
    pub fn atom(&mut self, a: &Atom<'_>) -> &mut Self {
        self.raw(a.as_str().as_bytes())
    }

    /// A quoted string.
    pub fn quoted(&mut self, q: &Quoted<'_>) -> &mut Self {
        self.quoted_bytes(q.as_bytes())
    }

    pub(crate) fn quoted_bytes(&mut self, data: &[u8]) -> &mut Self {
        self.buf.reserve(data.len() + 2);
        self.buf.extend_from_slice(b"\"");
        let mut start = 0;
        for (i, &b) in data.iter().enumerate() {
            if b == b'"' || b == b'\\' {
                self.buf.extend_from_slice(&data[start..i]);
                self.buf.extend_from_slice(&[b'\\', b]);
                start = i + 1;
            }
        }
        self.buf.extend_from_slice(&data[start..]);
        self.raw(b"\"")
    }

    /// A literal, recording a sync point after a `{n}` announcement.
    pub fn literal(&mut self, l: &Literal<'_>) -> &mut Self {
        if l.is_binary() {
            self.raw(b"~");
        }
        self.raw(b"{").num(l.data().len() as u64);
        if l.mode() == LiteralMode::NonSync {
            self.raw(b"+");
        }
        self.raw(b"}\r\n");
        if l.mode() == LiteralMode::Sync {
            self.sync_points.push(self.buf.len());
        }
        self.raw(l.data())
    }

    /// A string.
    pub fn string(&mut self, s: &IString<'_>) -> &mut Self {
        match s {
            IString::Quoted(q) => self.quoted(q),
            IString::Literal(l) => self.literal(l),
        }
    }

    /// An nstring.
    pub fn nstring(&mut self, s: &Option<IString<'_>>) -> &mut Self {
        match s {
            Some(s) => self.string(s),
            None => self.raw(b"NIL"),
        }
    }

    /// An astring.
    pub fn astring(&mut self, s: &AString<'_>) -> &mut Self {
        match s {
            AString::Atom(a) => self.raw(a.as_str().as_bytes()),
            AString::String(s) => self.string(s),
        }
    }

    /// A mailbox.
    pub fn mailbox(&mut self, m: &Mailbox<'_>) -> &mut Self {
        match m {
            Mailbox::Inbox => self.raw(b"INBOX"),
            Mailbox::Other(a) => self.astring(a),
        }
    }

    fn seq_or_uid(&mut self, s: SeqOrUid) -> &mut Self {
        match s {
            SeqOrUid::Value(n) => self.num(n.get()),
            SeqOrUid::Asterisk => self.raw(b"*"),
        }
    }

    /// A sequence set.
    pub fn sequence_set(&mut self, set: &SequenceSet) -> &mut Self {
        match set {
            SequenceSet::Saved => self.raw(b"$"),
            SequenceSet::Set(items) => {
                for (i, s) in items.iter().enumerate() {
                    if i > 0 {
                        self.raw(b",");
                    }
                    match *s {
                        Sequence::Single(a) => self.seq_or_uid(a),
                        Sequence::Range(a, b) => self.seq_or_uid(a).raw(b":").seq_or_uid(b),
                    };
                }
                self
            }
        }
    }

    /// A flag.
    pub fn flag(&mut self, f: &Flag<'_>) -> &mut Self {
        match f {
            Flag::Keyword(a) => self.atom(a),
            Flag::Extension(a) => self.raw(b"\\").atom(a),
            other => self.raw(other.wire().as_bytes()),
        }
    }

    /// `"(" item *(SP item) ")"`.
    pub fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) -> &mut Self {
        self.raw(b"(");
        self.items(items, |w, x| f(w, x));
        self.raw(b")")
    }

    /// `item *(SP item)` without parentheses.
    pub fn items<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) -> &mut Self {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.sp();
            }
            f(self, x);
        }
        self
    }

    fn two(&mut self, n: u8) -> &mut Self {
        self.raw(&[b'0' + n / 10, b'0' + n % 10])
    }

    fn year(&mut self, y: u16) -> &mut Self {
        self.two((y / 100) as u8).two((y % 100) as u8)
    }

    /// `d-Mon-yyyy`.
    pub fn date(&mut self, d: &Date) -> &mut Self {
        self.num(d.day())
            .raw(b"-")
            .raw(d.month_name().as_bytes())
            .raw(b"-")
            .year(d.year())
    }

    /// `"dd-Mon-yyyy hh:mm:ss +zzzz"`.
    pub fn date_time(&mut self, dt: &DateTime) -> &mut Self {
        let d = dt.date();
        let (h, m, s) = dt.time();
        let z = dt.zone_minutes();
        self.raw(b"\"")
            .two(d.day())
            .raw(b"-")
            .raw(d.month_name().as_bytes())
            .raw(b"-")
            .year(d.year())
            .sp();
        self.two(h).raw(b":").two(m).raw(b":").two(s).sp();
        let abs = z.unsigned_abs();
        self.raw(if z < 0 { b"-" } else { b"+" });
        self.two((abs / 60) as u8).two((abs % 60) as u8).raw(b"\"")
    }
}
