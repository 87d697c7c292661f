//! Line endings. Messages are stored with LF endings, as Dovecot and the rest of the Unix mail
//! world store them; network protocols want CRLF, so reading converts back.

use std::io::{self, BufRead, Read, Write};

/// Reads a message with every bare LF turned into CRLF, the form IMAP and POP3 send and the
/// form whose length is the `W=` size (RFC822.SIZE).
///
/// ```
/// use std::io::Read;
/// use mailwire_maildir::CrlfReader;
/// let mut out = String::new();
/// CrlfReader::new(&b"Subject: x\n\nbody\r\n"[..]).read_to_string(&mut out).unwrap();
/// assert_eq!(out, "Subject: x\r\n\r\nbody\r\n");
/// ```
#[derive(Debug)]
pub struct CrlfReader<R> {
    inner: io::BufReader<R>,
    last: u8,
    pending_lf: bool,
}

impl<R: Read> CrlfReader<R> {
    /// Wraps a reader.
    pub fn new(inner: R) -> Self {
        Self {
            inner: io::BufReader::with_capacity(64 * 1024, inner),
            last: 0,
            pending_lf: false,
        }
    }

    /// The wrapped reader.
    pub fn into_inner(self) -> R {
        self.inner.into_inner()
    }
}

impl<R: Read> Read for CrlfReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n < out.len() {
            if self.pending_lf {
                out[n] = b'\n';
                n += 1;
                self.pending_lf = false;
                self.last = b'\n';
                continue;
            }
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let mut used = 0;
            for &b in buf {
                if n == out.len() {
                    break;
                }
                used += 1;
                if b == b'\n' && self.last != b'\r' {
                    out[n] = b'\r';
                    n += 1;
                    self.last = b'\r';
                    if n == out.len() {
                        self.pending_lf = true;
                        break;
                    }
                }
                out[n] = b;
                n += 1;
                self.last = b;
            }
            self.inner.consume(used);
        }
        Ok(n)
    }
}

/// Writes a message with CRLF turned into LF, counting the stored size and the CRLF size.
pub(crate) struct LfWriter<W> {
    inner: W,
    held_cr: bool,
    last_out: u8,
    /// Bytes written to `inner`.
    pub size: u64,
    /// Line feeds written without a CR before them: each gains one on the wire.
    pub bare_lf: u64,
    buf: Vec<u8>,
}

impl<W: Write> LfWriter<W> {
    pub(crate) fn new(inner: W) -> Self {
        Self {
            inner,
            held_cr: false,
            last_out: 0,
            size: 0,
            bare_lf: 0,
            buf: Vec::with_capacity(8192),
        }
    }

    /// Writes what is held back; returns the inner writer, the stored size and the CRLF size.
    pub(crate) fn finish(mut self) -> io::Result<(W, u64, u64)> {
        let crlf = self.crlf_size();
        if self.held_cr {
            self.inner.write_all(b"\r")?;
            self.size += 1;
        }
        Ok((self.inner, self.size, crlf))
    }

    /// The size of the message with CRLF line endings.
    pub(crate) fn crlf_size(&self) -> u64 {
        self.size + self.bare_lf + u64::from(self.held_cr)
    }
}

impl<W: Write> Write for LfWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.clear();
        for &b in data {
            if self.held_cr {
                self.held_cr = false;
                if b != b'\n' {
                    self.buf.push(b'\r');
                    self.last_out = b'\r';
                }
            }
            match b {
                b'\r' => self.held_cr = true,
                _ => {
                    if b == b'\n' && self.last_out != b'\r' {
                        self.bare_lf += 1;
                    }
                    self.buf.push(b);
                    self.last_out = b;
                }
            }
        }
        self.inner.write_all(&self.buf)?;
        self.size += self.buf.len() as u64;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_lf(input: &[u8], chunk: usize) -> (Vec<u8>, u64, u64) {
        let mut w = LfWriter::new(Vec::new());
        for part in input.chunks(chunk.max(1)) {
            w.write_all(part).unwrap();
        }
        w.finish().unwrap()
    }

    fn to_crlf(input: &[u8], out_chunk: usize) -> Vec<u8> {
        let mut r = CrlfReader::new(input);
        let mut out = Vec::new();
        let mut buf = vec![0u8; out_chunk];
        loop {
            let n = r.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    }

    #[test]
    fn known_answers() {
        let input = b"a\r\nb\nc\rd\r\r\n\r";
        let (lf, size, crlf) = to_lf(input, 3);
        assert_eq!(lf, b"a\nb\nc\rd\r\n\r");
        assert_eq!(size, lf.len() as u64);
        let back = to_crlf(&lf, 1);
        assert_eq!(back, b"a\r\nb\r\nc\rd\r\n\r");
        assert_eq!(crlf, back.len() as u64);
    }

    proptest::proptest! {
        #[test]
        fn crlf_size_is_what_reading_gives(
            input in proptest::collection::vec(proptest::sample::select(vec![b'a', b'\r', b'\n']), 0..200),
            chunk in 1usize..7,
            out_chunk in 1usize..5,
        ) {
            let (lf, size, crlf) = to_lf(&input, chunk);
            proptest::prop_assert_eq!(size, lf.len() as u64);
            let wire = to_crlf(&lf, out_chunk);
            proptest::prop_assert_eq!(crlf, wire.len() as u64);
        }

        #[test]
        fn text_without_bare_cr_comes_back_as_crlf(
            tokens in proptest::collection::vec(proptest::sample::select(vec!["a", "\n", "\r\n"]), 0..100),
            chunk in 1usize..7,
        ) {
            let input = tokens.concat();
            let (lf, _, _) = to_lf(input.as_bytes(), chunk);
            let wire = to_crlf(&lf, 3);
            proptest::prop_assert_eq!(String::from_utf8(wire).unwrap(), input.replace("\r\n", "\n").replace('\n', "\r\n"));
        }
    }
}
