//! Dot-stuffing, as SMTP DATA (RFC 5321 section 4.5.2) and POP3 multi-line responses
//! (RFC 1939 section 3) carry a message: a `.` that begins a line is doubled, and a line holding
//! a single `.` ends the data.
//!
//! Both directions stream: they take input in any chunking and keep only a few bytes of state
//! between chunks.
//!
//! **Lines.** For stuffing, a line begins at the start of the data and after every CR or LF,
//! bare or not. Doubling a dot after a bare CR or bare LF too means that no receiver, however it
//! splits lines, can find a lone `.` line in the stuffed data before the real end; the decoder
//! removes a leading dot at the same places, so that the round trip is exact.
//!
//! **The end of the data** is recognised only as CRLF `.` CRLF (or `.` CRLF at the very start of
//! the data). `LF.LF`, `CR.CR`, `LF.CRLF`, `CRLF.LF` and `CR.CRLF` are content: treating any of
//! them as the end lets a sender smuggle a second message past a filter that reads the data
//! differently (SMTP smuggling, CVE-2023-51764, CVE-2023-51765, CVE-2023-51766). A server that
//! wants to refuse bare CR or LF altogether can ask the decoder whether it saw any.
//!
//! ```
//! use bytes::BytesMut;
//! use mailwire_core::dot::{DotStuffer, DotStufferOptions, DotUnstuffer};
//!
//! let mut wire = BytesMut::new();
//! let mut stuffer = DotStuffer::new(DotStufferOptions { normalize_line_endings: true });
//! stuffer.encode(b"Subject: dots\n\n.\n..hidden", &mut wire);
//! stuffer.finish(&mut wire);
//! assert_eq!(&wire[..], b"Subject: dots\r\n\r\n..\r\n...hidden\r\n.\r\n");
//!
//! // The peer pipelined its next command behind the data.
//! wire.extend_from_slice(b"QUIT\r\n");
//! let mut message = BytesMut::new();
//! let mut unstuffer = DotUnstuffer::new();
//! let decoded = unstuffer.decode(&wire, &mut message);
//! assert!(decoded.done);
//! assert_eq!(&message[..], b"Subject: dots\r\n\r\n.\r\n..hidden\r\n");
//! assert_eq!(&wire[decoded.consumed..], b"QUIT\r\n");
//! assert!(!unstuffer.saw_bare_line_ending());
//! ```

use bytes::{BufMut, BytesMut};

/// How a [`DotStuffer`] treats line endings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DotStufferOptions {
    /// Turn every bare CR and bare LF into CRLF, as SMTP and POP3 require.
    ///
    /// When on (the default), decoding the output gives the input with bare CR and bare LF
    /// replaced by CRLF and, if the input is not empty and does not end with a line ending, CRLF
    /// appended. When off, the input's bytes pass through unchanged apart from the stuffing
    /// dots, and decoding gives the input back exactly, with CRLF appended if the input is not
    /// empty and does not end with CRLF.
    pub normalize_line_endings: bool,
}

impl Default for DotStufferOptions {
    fn default() -> Self {
        Self {
            normalize_line_endings: true,
        }
    }
}

/// Streaming dot-stuffing encoder: message content in, SMTP DATA / POP3 multi-line data out.
///
/// Call [`encode`](Self::encode) with the content in as many chunks as convenient, then
/// [`finish`](Self::finish) to write the end of the data. After `finish` the stuffer is ready
/// for another message.
#[derive(Debug, Clone, Default)]
pub struct DotStuffer {
    options: DotStufferOptions,
    /// Some content has been encoded since the last `finish`.
    started: bool,
    /// The next content byte begins a line.
    line_start: bool,
    /// Normalising: a CR ended the last chunk and was written as CRLF, so an LF that begins the
    /// next chunk is its pair and must be skipped.
    skip_lf: bool,
    /// The output so far ends with CRLF.
    ends_with_crlf: bool,
    /// The last content byte was CR (for `ends_with_crlf` across chunks without normalising).
    last_was_cr: bool,
}

impl DotStuffer {
    /// Creates an encoder for one message.
    pub fn new(options: DotStufferOptions) -> Self {
        Self {
            options,
            started: false,
            line_start: true,
            skip_lf: false,
            ends_with_crlf: false,
            last_was_cr: false,
        }
    }

    /// The options in force.
    pub fn options(&self) -> &DotStufferOptions {
        &self.options
    }

    /// Appends the stuffed form of the next chunk of content to `out`.
    pub fn encode(&mut self, input: &[u8], out: &mut BytesMut) {
        let Some(&last) = input.last() else {
            return;
        };
        out.reserve(input.len() + input.len() / 32 + 2);
        let normalize = self.options.normalize_line_endings;
        let mut i = 0;
        if self.skip_lf {
            self.skip_lf = false;
            if input[0] == b'\n' {
                i = 1;
            }
        }
        // Bytes input[from..i] are still to be copied to `out`, in one run.
        let mut from = i;
        while i < input.len() {
            if self.line_start && input[i] == b'.' {
                out.extend_from_slice(&input[from..i]);
                out.put_u8(b'.');
                from = i;
            }
            let Some(k) = memchr::memchr2(b'\r', b'\n', &input[i..]) else {
                self.line_start = false;
                break;
            };
            let end = i + k;
            self.line_start = true;
            i = end + 1;
            if input[end] == b'\r' && input.get(end + 1) == Some(&b'\n') {
                // CRLF: one line ending, whether normalising or not.
                i = end + 2;
            } else if !normalize {
                continue;
            } else if input[end] == b'\n' {
                // A bare LF (a CRLF split across chunks was dealt with by `skip_lf`).
                out.extend_from_slice(&input[from..end]);
                out.put_u8(b'\r');
                from = end;
            } else {
                // A CR not followed by LF in this chunk: written as CRLF now; an LF that opens
                // the next chunk is its pair.
                out.extend_from_slice(&input[from..=end]);
                out.put_u8(b'\n');
                from = end + 1;
                self.skip_lf = end + 1 == input.len();
            }
        }
        out.extend_from_slice(&input[from..]);

        self.started = true;
        self.ends_with_crlf = if normalize {
            last == b'\r' || last == b'\n'
        } else {
            let before_last = match input.len() {
                1 => self.last_was_cr,
                n => input[n - 2] == b'\r',
            };
            last == b'\n' && before_last
        };
        self.last_was_cr = last == b'\r';
    }

    /// Ends the data: appends CRLF if the content was not empty and did not end with one, then
    /// the terminating `.` CRLF. The stuffer is then reset for another message.
    pub fn finish(&mut self, out: &mut BytesMut) {
        if self.started && !self.ends_with_crlf {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b".\r\n");
        *self = Self::new(self.options);
    }
}

/// What one call to [`DotUnstuffer::decode`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decoded {
    /// Number of input bytes used. When `done`, the index just after the terminating `.` CRLF:
    /// `input[consumed..]` follows the data (pipelined commands) and belongs to the caller.
    /// Otherwise the whole input.
    pub consumed: usize,
    /// The end of the data has been reached.
    pub done: bool,
}

/// Where the decoder is, in terms of the last bytes it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unstuff {
    /// At the start of the data or of a line that follows CRLF: a `.` here may begin the end.
    LineStartCrlf,
    /// At the start of a line that follows a bare CR or a bare LF.
    LineStartBare,
    /// Inside a line.
    Text,
    /// Just after a CR already written out; the next byte tells whether it was bare.
    Cr,
    /// After a `.` that begins a line, dropped whatever comes next.
    Dot { after_crlf: bool },
    /// After CRLF `.` CR; the CR is held back, as an LF next ends the data.
    DotCr,
}

/// Streaming dot-stuffing decoder: SMTP DATA / POP3 multi-line data in, message content out.
///
/// The decoded content keeps its line endings as they came, including the CRLF that precedes
/// the terminating `.` (a message ends with CRLF). One leading `.` is removed from every line.
/// State between chunks is a few bytes; the content is written to the caller's buffer as it is
/// decoded, so the caller enforces its own size limit on that buffer.
#[derive(Debug, Clone)]
pub struct DotUnstuffer {
    state: Unstuff,
    done: bool,
    bare_lf: usize,
    bare_cr: usize,
}

impl Default for DotUnstuffer {
    fn default() -> Self {
        Self::new()
    }
}

impl DotUnstuffer {
    /// Creates a decoder positioned at the start of the data (just after the server's `354`
    /// reply, or after the `+OK` line of a POP3 multi-line response).
    pub fn new() -> Self {
        Self {
            state: Unstuff::LineStartCrlf,
            done: false,
            bare_lf: 0,
            bare_cr: 0,
        }
    }

    /// Decodes the next chunk of data, appending content to `out`.
    ///
    /// Once the end has been found, further calls use nothing and return `done` again; call
    /// [`reset`](Self::reset) to decode another message.
    #[must_use = "on `done`, the input after `consumed` belongs to the caller"]
    pub fn decode(&mut self, input: &[u8], out: &mut BytesMut) -> Decoded {
        if self.done {
            return Decoded {
                consumed: 0,
                done: true,
            };
        }
        out.reserve(input.len());
        let mut i = 0;
        // input[from..i] is content not yet copied to `out`: copies happen in runs, broken only
        // where a byte is dropped.
        let mut from = 0;
        while i < input.len() {
            match self.state {
                Unstuff::Text => match memchr::memchr2(b'\r', b'\n', &input[i..]) {
                    None => i = input.len(),
                    Some(k) => {
                        let end = i + k;
                        if input[end] == b'\n' {
                            self.bare_lf += 1;
                            self.state = Unstuff::LineStartBare;
                            i = end + 1;
                        } else if input.get(end + 1) != Some(&b'\n') {
                            self.state = Unstuff::Cr;
                            i = end + 1;
                        } else if input.get(end + 2).is_some_and(|&b| b != b'.') {
                            // The common case, CRLF then text: stay in the scanning loop.
                            i = end + 2;
                        } else {
                            self.state = Unstuff::LineStartCrlf;
                            i = end + 2;
                        }
                    }
                },
                Unstuff::LineStartCrlf | Unstuff::LineStartBare => {
                    if input[i] == b'.' {
                        out.extend_from_slice(&input[from..i]);
                        self.state = Unstuff::Dot {
                            after_crlf: self.state == Unstuff::LineStartCrlf,
                        };
                        i += 1;
                        from = i;
                    } else {
                        self.state = Unstuff::Text;
                    }
                }
                Unstuff::Cr => {
                    if input[i] == b'\n' {
                        self.state = Unstuff::LineStartCrlf;
                        i += 1;
                    } else {
                        self.bare_cr += 1;
                        self.state = Unstuff::LineStartBare;
                    }
                }
                Unstuff::Dot { after_crlf } => {
                    if after_crlf && input[i] == b'\r' {
                        self.state = Unstuff::DotCr;
                        i += 1;
                        from = i;
                    } else {
                        self.state = Unstuff::Text;
                    }
                }
                Unstuff::DotCr => {
                    if input[i] == b'\n' {
                        self.done = true;
                        return Decoded {
                            consumed: i + 1,
                            done: true,
                        };
                    }
                    // Not the end after all: the held CR is content (a bare one, which the
                    // `Cr` state counts) and the dot before it was a stuffing dot.
                    out.put_u8(b'\r');
                    self.state = Unstuff::Cr;
                }
            }
        }
        out.extend_from_slice(&input[from..]);
        Decoded {
            consumed: input.len(),
            done: false,
        }
    }

    /// Whether the end of the data has been read.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Number of bare LF (LF not preceded by CR) seen in the data so far.
    pub fn bare_lf_count(&self) -> usize {
        self.bare_lf
    }

    /// Number of bare CR (CR not followed by LF) seen in the data so far.
    pub fn bare_cr_count(&self) -> usize {
        self.bare_cr
    }

    /// Whether the data so far held a bare CR or a bare LF. A server may refuse such a message
    /// (for example with `550 5.6.11 bare LF or CR not allowed`).
    pub fn saw_bare_line_ending(&self) -> bool {
        self.bare_lf > 0 || self.bare_cr > 0
    }

    /// Prepares the decoder for another message.
    pub fn reset(&mut self) {
        *self = Self::new();
    }
}

#[cfg(test)]
mod tests;
