//! Helpers for the known-answer tables built from RFC examples: one entry per protocol line,
//! fed through the framer of the side that reads it, parsed, checked to be the typed value
//! expected, encoded again and compared with the RFC bytes.
// Each test file that includes this module uses only the part it needs.
#![allow(dead_code)]

use mailwire_imap::command::{parse_authenticate_data, parse_command, parse_idle_done};
use mailwire_imap::encode::Encode;
use mailwire_imap::framing::{FrameEvent, Framer, FramerOptions, Role};
use mailwire_imap::response::parse_response;

/// Who sends the line and how it is read.
#[derive(Clone, Copy, Debug)]
pub enum Side {
    /// A tagged command.
    Client,
    /// A response.
    Server,
    /// The `DONE` that ends IDLE.
    Done,
    /// A line sent in answer to an AUTHENTICATE challenge.
    AuthData,
}

/// One RFC line (or one message: a line announcing literals, their data and the rest).
#[derive(Clone, Copy, Debug)]
pub struct Ex {
    /// The RFC section.
    pub section: &'static str,
    /// Who sends it.
    pub side: Side,
    /// The bytes as sent, without the final CRLF.
    pub wire: &'static str,
    /// The start of the `Debug` form of the parsed command body or response.
    pub shape: &'static str,
    /// The canonical encoding, when the RFC's text is not it (and why, in a comment beside it).
    pub canonical: Option<&'static str>,
    /// Whether the generic `Data::Other` is the value expected (experimental responses).
    pub generic: bool,
}

/// A command line.
pub const fn c(section: &'static str, wire: &'static str, shape: &'static str) -> Ex {
    Ex {
        section,
        side: Side::Client,
        wire,
        shape,
        canonical: None,
        generic: false,
    }
}

/// A response line.
pub const fn s(section: &'static str, wire: &'static str, shape: &'static str) -> Ex {
    Ex {
        section,
        side: Side::Server,
        wire,
        shape,
        canonical: None,
        generic: false,
    }
}

/// The `DONE` ending IDLE.
pub const fn done(section: &'static str) -> Ex {
    Ex {
        section,
        side: Side::Done,
        wire: "DONE",
        shape: "",
        canonical: None,
        generic: false,
    }
}

/// A client line answering an AUTHENTICATE challenge; `shape` starts its `Debug` form.
pub const fn auth(section: &'static str, wire: &'static str, shape: &'static str) -> Ex {
    Ex {
        section,
        side: Side::AuthData,
        wire,
        shape,
        canonical: None,
        generic: false,
    }
}

/// The untagged data of an experimental command (RFC 3501 §6.5.1): this crate cannot know
/// it, so the generic `Data::Other`, which keeps it as sent, is the value expected.
pub const fn experimental_data(section: &'static str, wire: &'static str) -> Ex {
    Ex {
        section,
        side: Side::Server,
        wire,
        shape: "Data(Other",
        canonical: None,
        generic: true,
    }
}

impl Ex {
    /// Marks an entry whose expected value holds a generic fallback (a value the grammar cannot
    /// type, kept as sent).
    pub const fn kept_generic(mut self) -> Self {
        self.generic = true;
        self
    }

    /// Names the canonical encoding of a line the RFC prints in another form.
    pub const fn canon(mut self, canonical: &'static str) -> Self {
        self.canonical = Some(canonical);
        self
    }
}

/// Frames `input` as the side `role` reads it, pushed `chunk` bytes at a time; a synchronising
/// literal's continuation request is taken as sent.
pub fn frames(role: Role, input: &[u8], chunk: usize) -> Vec<Vec<u8>> {
    let mut framer = Framer::new(FramerOptions::new(role));
    let mut out = Vec::new();
    for piece in input.chunks(chunk) {
        framer.push(piece);
        while let Some(ev) = framer.next_event() {
            match ev {
                FrameEvent::Message(m) => out.push(m.to_vec()),
                FrameEvent::ContinuationNeeded { .. } => {}
                other => panic!("unexpected {other:?}"),
            }
        }
    }
    assert_eq!(framer.buffered(), 0, "bytes left in the framer");
    out
}

/// Checks that the framer finds `input` to be exactly one message, however it is split.
fn framed_whole(role: Role, input: &str) -> Result<(), String> {
    for chunk in [input.len(), 1, 7] {
        if frames(role, input.as_bytes(), chunk) != [input.as_bytes()] {
            return Err(format!("not one message when framed in chunks of {chunk}"));
        }
    }
    Ok(())
}

/// Whether a `Debug` form holds one of the generic fallbacks anywhere: untagged data kept raw,
/// or an unknown response code, status item, select parameter, ESEARCH or FETCH item, or
/// RETURN option kept as name and raw value.
fn has_generic_part(shape: &str) -> bool {
    shape.starts_with("Data(Other")
        || shape.contains("Other(Atom(\"")
        || shape.contains("Other(\"")
        || shape.contains("Other { name")
}

/// Checks that `shape` is what the table expects and holds no generic fallback (unless the
/// entry expects one).
fn shape_is(shape: &str, ex: &Ex) -> Result<(), String> {
    if !shape.starts_with(ex.shape) || (has_generic_part(shape) && !ex.generic) {
        return Err(format!("parsed as {shape}"));
    }
    Ok(())
}

/// Checks that the encoding is the canonical bytes.
fn encodes_to(bytes: &[u8], want: &str) -> Result<(), String> {
    if bytes != want.as_bytes() {
        return Err(format!("encodes as {:?}", String::from_utf8_lossy(bytes)));
    }
    Ok(())
}

/// Checks one entry.
fn check(ex: &Ex) -> Result<(), String> {
    let input = format!("{}\r\n", ex.wire);
    let want = format!("{}\r\n", ex.canonical.unwrap_or(ex.wire));
    match ex.side {
        Side::Client => {
            framed_whole(Role::Server, &input)?;
            let cmd =
                parse_command(input.as_bytes()).map_err(|e| format!("does not parse: {e}"))?;
            shape_is(&format!("{:?}", cmd.body), ex)?;
            let bytes = cmd.to_bytes();
            encodes_to(&bytes, &want)?;
            if parse_command(&bytes).ok() != Some(cmd) {
                return Err("does not parse back to the same value".into());
            }
        }
        Side::Server => {
            framed_whole(Role::Client, &input)?;
            let r = parse_response(input.as_bytes()).map_err(|e| format!("does not parse: {e}"))?;
            shape_is(&format!("{r:?}"), ex)?;
            let bytes = r.to_bytes();
            encodes_to(&bytes, &want)?;
            if parse_response(&bytes).ok() != Some(r) {
                return Err("does not parse back to the same value".into());
            }
        }
        Side::Done => {
            parse_idle_done(input.as_bytes()).map_err(|e| format!("does not parse: {e}"))?;
        }
        Side::AuthData => {
            let d = parse_authenticate_data(input.as_bytes())
                .map_err(|e| format!("does not parse: {e}"))?;
            shape_is(&format!("{d:?}"), ex)?;
        }
    }
    Ok(())
}

/// Runs a table, reporting every entry that fails; returns how many lines it checked.
pub fn run(rfc: &str, table: &[Ex]) -> usize {
    let failures: Vec<String> = table
        .iter()
        .filter_map(|ex| {
            check(ex)
                .err()
                .map(|e| format!("RFC {rfc} {}: {}: {e}", ex.section, ex.wire))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    table.len()
}
