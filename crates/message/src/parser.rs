//! Builds the MIME tree (RFC 2045/2046) in one forward pass over each source.
//!
//! Boundaries of all open multiparts are on a stack and every line starting with `--` is
//! checked against it (innermost first), so an inner part ends at any enclosing boundary and
//! no byte is scanned twice: time is linear in the input, the stack depth being bounded by
//! [`Options::max_depth`].

use crate::defect::{Defect, DefectKind};
use crate::message::{Body, HeaderData, Message, PartData, PartId};
use crate::options::Options;
use crate::scan::{Kind, decide};
use crate::transfer::TransferEncoding;
use std::borrow::Cow;

/// A delimiter line found while scanning.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Where the content before the delimiter ends (the line break before `--` belongs to the
    /// delimiter, RFC 2046 §5.1.1).
    content_end: usize,
    /// Index in the boundary stack.
    level: usize,
    close: bool,
    /// After the delimiter line and its line break.
    line_end: usize,
}

pub(crate) struct Parser<'o> {
    opts: &'o Options,
    pub(crate) parts: Vec<PartData>,
    pub(crate) headers: Vec<HeaderData>,
    pub(crate) defects: Vec<Defect>,
    pub(crate) extra: Vec<Vec<u8>>,
    stack: Vec<Vec<u8>>,
}

/// The searcher for `\n--`, built once: building it costs about as much as parsing a small
/// message.
static DELIMITER_START: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"\n--"));

/// Dashes that start no delimiter, within one search, after which the search goes on by
/// substring: enough that a few hyphens in text keep the faster single-byte search.
const DENSE_DASHES: usize = 16;

/// A delimiter line after the line break at `nl`, for content that started at `from`.
fn hit(s: &[u8], from: usize, nl: usize, level: usize, close: bool, line_end: usize) -> Hit {
    let content_end = if nl > from && s[nl - 1] == b'\r' {
        nl - 1
    } else {
        nl
    };
    Hit {
        content_end,
        level,
        close,
        line_end,
    }
}

/// What the enclosing multipart tells a part about its default type.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Default {
    Text,
    Message,
}

impl<'o> Parser<'o> {
    pub(crate) fn new(opts: &'o Options) -> Self {
        Parser {
            opts,
            // Room for a typical message, so the first parts and fields do not regrow.
            parts: Vec::with_capacity(8),
            headers: Vec::with_capacity(32),
            defects: Vec::new(),
            extra: Vec::new(),
            stack: Vec::new(),
        }
    }

    pub(crate) fn run(
        mut self,
        input: &[u8],
    ) -> (Vec<PartData>, Vec<HeaderData>, Vec<Defect>, Vec<Vec<u8>>) {
        self.part(input, 0, 0, 0, 0, Default::Text, None);
        (self.parts, self.headers, self.defects, self.extra)
    }

    fn defect(&mut self, kind: DefectKind, part: usize) {
        self.defects.push(Defect {
            kind,
            part: PartId(part as u32),
        });
    }

    fn delimiter_at(&self, s: &[u8], d: usize) -> Option<(usize, bool, usize)> {
        crate::scan::match_delimiter(&self.stack, s, d)
    }

    /// Finds the next delimiter line of any open boundary at or after the line start `from`.
    fn find_delimiter(&self, s: &[u8], from: usize) -> Option<Hit> {
        if self.stack.is_empty() || from >= s.len() {
            return None;
        }
        if s[from..].starts_with(b"--")
            && let Some((level, close, line_end)) = self.delimiter_at(s, from)
        {
            return Some(Hit {
                content_end: from,
                level,
                close,
                line_end,
            });
        }
        // A single-byte search for `-` runs several vector blocks per step, where a
        // substring search for `\n--` runs one; bodies rarely hold `-` (base64 never does).
        // Each `-` that starts no delimiter restarts the search, though, so a body dense in
        // dashes goes on with the substring search.
        let mut p = from;
        let mut misses = 0;
        while let Some(off) = memchr::memchr(b'-', &s[p..]) {
            let d = p + off;
            if d > from
                && s[d - 1] == b'\n'
                && s.get(d + 1) == Some(&b'-')
                && let Some((level, close, line_end)) = self.delimiter_at(s, d)
            {
                return Some(hit(s, from, d - 1, level, close, line_end));
            }
            misses += 1;
            if misses == DENSE_DASHES {
                return self.find_delimiter_dense(s, from, d + 1);
            }
            p = d + 1;
        }
        None
    }

    /// [`Parser::find_delimiter`] by substring search for `\n--`, from `p` on.
    fn find_delimiter_dense(&self, s: &[u8], from: usize, mut p: usize) -> Option<Hit> {
        while let Some(off) = DELIMITER_START.find(&s[p..]) {
            let nl = p + off;
            if let Some((level, close, line_end)) = self.delimiter_at(s, nl + 1) {
                return Some(hit(s, from, nl, level, close, line_end));
            }
            p = nl + 1;
        }
        None
    }

    /// Parses the header section at `pos`; returns the header range and where the body starts.
    fn header_section(&mut self, s: &[u8], pos: usize, part: usize) -> (u32, u32, usize) {
        let first = self.headers.len() as u32;
        let mut i = pos;
        if part == 0 && crate::scan::is_envelope_line(&s[i..]) {
            // An mbox envelope line; it is kept in the raw bytes but is no field.
            i = memchr::memchr(b'\n', &s[i..]).map_or(s.len(), |p| i + p + 1);
        }
        let mut too_large = false;
        let body_start = loop {
            if i >= s.len() {
                break s.len();
            }
            match s[i] {
                b'\n' => break i + 1,
                b'\r' if s.get(i + 1) == Some(&b'\n') => break i + 2,
                b'\r' if i + 1 == s.len() => break s.len(),
                b'-' if s[i..].starts_with(b"--") && self.delimiter_at(s, i).is_some() => break i,
                _ => {}
            }
            let mut end = memchr::memchr(b'\n', &s[i..]).map_or(s.len(), |p| i + p + 1);
            if s[i] == b' ' || s[i] == b'\t' {
                if self.headers.len() as u32 == first {
                    self.defect(DefectKind::FirstLineIsContinuation, part);
                    i = end;
                    continue;
                }
                // A continuation after an unindexed field (header section too large).
                i = end;
                continue;
            }
            let line = &s[i..end];
            let colon = match crate::scan::field_colon(line) {
                Some(c) => i + c,
                None => {
                    self.defect(DefectKind::HeaderWithoutColon, part);
                    break i;
                }
            };
            while end < s.len() && (s[end] == b' ' || s[end] == b'\t') {
                end = memchr::memchr(b'\n', &s[end..]).map_or(s.len(), |p| end + p + 1);
            }
            if end - pos > self.opts.max_header_bytes {
                if !too_large {
                    too_large = true;
                    self.defect(DefectKind::HeaderSectionTooLarge, part);
                }
            } else {
                self.headers.push(HeaderData {
                    start: i,
                    colon,
                    end,
                });
            }
            i = end;
        };
        (first, self.headers.len() as u32, body_start)
    }

    #[allow(clippy::too_many_arguments)]
    fn part(
        &mut self,
        s: &[u8],
        src: u32,
        pos: usize,
        depth: usize,
        encoded: usize,
        default: Default,
        parent: Option<u32>,
    ) -> (usize, Option<Hit>) {
        let idx = self.parts.len();
        self.parts.push(PartData {
            src,
            start: pos,
            body_start: pos,
            end: pos,
            headers: 0..0,
            content_type: None,
            default_message: false,
            encoding: TransferEncoding::SevenBit,
            media: crate::scan::Media::TextPlain,
            body: Body::Leaf,
            parent,
        });
        let (h0, h1, body_start) = self.header_section(s, pos, idx);
        let d = decide(
            s,
            &self.headers[h0 as usize..h1 as usize],
            default == Default::Message,
        );
        if d.invalid_content_type {
            self.defect(DefectKind::InvalidContentType, idx);
        }
        let encoding = d.encoding;
        {
            let p = &mut self.parts[idx];
            p.headers = h0..h1;
            p.content_type = d.content_type.map(|i| h0 + i as u32);
            p.default_message = d.default_message;
            p.encoding = encoding;
            p.media = d.media;
            p.body_start = body_start;
        }
        let limits_ok = |this: &mut Self| {
            if depth >= this.opts.max_depth {
                this.defect(DefectKind::DepthLimit, idx);
                false
            } else if this.parts.len() >= this.opts.max_parts {
                this.defect(DefectKind::PartLimit, idx);
                false
            } else {
                true
            }
        };
        if let Kind::Multipart { boundary, digest } = d.kind {
            match boundary {
                Some(b) if limits_ok(self) => {
                    let child_default = if digest {
                        Default::Message
                    } else {
                        Default::Text
                    };
                    return self.multipart(s, src, idx, b, depth, encoded, child_default);
                }
                None => self.defect(DefectKind::MissingBoundary, idx),
                _ => {}
            }
        } else if matches!(d.kind, Kind::Message) && limits_ok(self) {
            if matches!(
                encoding,
                TransferEncoding::Base64 | TransferEncoding::QuotedPrintable
            ) {
                let hit = self.find_delimiter(s, body_start);
                let end = hit.map_or(s.len(), |h| h.content_end.max(body_start));
                self.parts[idx].end = end;
                if encoded >= self.opts.max_encoded_nesting {
                    self.defect(DefectKind::EncodedNestingLimit, idx);
                } else {
                    let decoded = encoding.decode(&s[body_start..end]).0.into_owned();
                    let saved = std::mem::take(&mut self.stack);
                    let new_src = self.extra.len() as u32 + 1;
                    let child = self.parts.len() as u32;
                    // Reserve the source's slot first so that sources nested inside it get
                    // later indices; the decoded bytes move into the slot once parsed.
                    self.extra.push(Vec::new());
                    self.part(
                        &decoded,
                        new_src,
                        0,
                        depth + 1,
                        encoded + 1,
                        Default::Text,
                        Some(idx as u32),
                    );
                    self.extra[new_src as usize - 1] = decoded;
                    self.stack = saved;
                    self.parts[idx].body = Body::Message(child);
                }
                return (end, hit);
            }
            let child = self.parts.len() as u32;
            let (end, hit) = self.part(
                s,
                src,
                body_start,
                depth + 1,
                encoded,
                Default::Text,
                Some(idx as u32),
            );
            self.parts[idx].body = Body::Message(child);
            self.parts[idx].end = end;
            return (end, hit);
        }
        let hit = self.find_delimiter(s, body_start);
        let end = hit.map_or(s.len(), |h| h.content_end.max(body_start));
        self.parts[idx].end = end;
        (end, hit)
    }

    #[allow(clippy::too_many_arguments)]
    fn multipart(
        &mut self,
        s: &[u8],
        src: u32,
        idx: usize,
        boundary: Vec<u8>,
        depth: usize,
        encoded: usize,
        child_default: Default,
    ) -> (usize, Option<Hit>) {
        let body_start = self.parts[idx].body_start;
        self.stack.push(boundary);
        let level = self.stack.len() - 1;
        let mut children = Vec::new();
        let mut hit = self.find_delimiter(s, body_start);

        let preamble_end = match hit {
            Some(h) if h.level == level => h.content_end.max(body_start),
            _ => {
                // No delimiter of ours: the body is a leaf up to the enclosing boundary.
                self.stack.pop();
                self.defect(DefectKind::StartBoundaryNotFound, idx);
                let end = hit.map_or(s.len(), |h| h.content_end.max(body_start));
                self.parts[idx].end = end;
                return (end, hit);
            }
        };
        let mut epilogue_start = None;
        let end;
        loop {
            let Some(h) = hit else {
                self.defect(DefectKind::CloseBoundaryNotFound, idx);
                end = s.len();
                break;
            };
            if h.level != level {
                self.defect(DefectKind::CloseBoundaryNotFound, idx);
                end = h.content_end.max(body_start);
                break;
            }
            if h.close {
                self.stack.pop();
                epilogue_start = Some(h.line_end);
                hit = self.find_delimiter(s, h.line_end);
                end = hit.map_or(s.len(), |o| o.content_end.max(h.line_end));
                self.parts[idx].body = Body::Multipart {
                    children,
                    preamble_end,
                    epilogue_start,
                };
                self.parts[idx].end = end;
                return (end, hit);
            }
            if self.parts.len() >= self.opts.max_parts {
                // Out of parts: everything up to the next delimiter of ours is kept as-is.
                self.defect(DefectKind::PartLimit, idx);
                hit = self.find_delimiter(s, h.line_end);
                if hit.is_none() {
                    end = s.len();
                    break;
                }
                continue;
            }
            children.push(self.parts.len() as u32);
            let (_, next) = self.part(
                s,
                src,
                h.line_end,
                depth + 1,
                encoded,
                child_default,
                Some(idx as u32),
            );
            hit = next;
        }
        self.stack.pop();
        self.parts[idx].body = Body::Multipart {
            children,
            preamble_end,
            epilogue_start,
        };
        self.parts[idx].end = end;
        (end, hit.filter(|h| h.level < level))
    }
}

pub(crate) fn parse<'a>(input: Cow<'a, [u8]>, opts: &Options) -> Message<'a> {
    let (parts, headers, defects, extra) = Parser::new(opts).run(&input);
    Message::from_parts(input, extra, parts, headers, defects)
}
