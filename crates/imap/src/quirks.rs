//! Opt-in tolerance for what real peers send and the RFCs forbid.
//!
//! Always accepted, because the RFCs allow them or nothing else can be meant: keywords in any
//! letter case, a status response without text (`a1 OK`), a missing space after a response code,
//! a bare `+` continuation request, spaces between envelope addresses and between body parts,
//! and the doubled spaces the RFCs' own examples contain (between the NAMESPACE lists, RFC 2342
//! §5.5; before a LIST mailbox name, RFC 5819).
//! Opt-in through [`ParseOptions`]: the rest. Bare LF line ends are a framer option
//! ([`FramerOptions::allow_bare_lf`](crate::framing::FramerOptions)).

use std::borrow::Cow;
use std::cell::Cell;

use crate::command::{Command, parse_command};
use crate::error::ParseError;
use crate::response::{Response, parse_response};
use crate::types::IntoStatic;

/// Named tolerances, all off by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Collapse doubled spaces and drop trailing spaces outside quoted strings and literals
    /// (also inside human-readable text).
    pub lenient_spaces: bool,
    /// Read `NIL` where a string is required (a body's encoding or subtype, a parameter) as an
    /// empty string.
    pub nil_as_empty_string: bool,
}

impl ParseOptions {
    /// Every tolerance on.
    pub fn lenient() -> Self {
        Self {
            lenient_spaces: true,
            nil_as_empty_string: true,
        }
    }
}

thread_local! {
    static NIL_AS_EMPTY: Cell<bool> = const { Cell::new(false) };
}

/// Whether the parser in progress reads NIL as an empty string.
pub(crate) fn nil_as_empty_string() -> bool {
    NIL_AS_EMPTY.with(Cell::get)
}

/// Sets the flag for one parse and clears it again, also on unwinding.
struct NilGuard;

impl NilGuard {
    fn set(on: bool) -> Self {
        NIL_AS_EMPTY.with(|c| c.set(on));
        Self
    }
}

impl Drop for NilGuard {
    fn drop(&mut self) {
        NIL_AS_EMPTY.with(|c| c.set(false));
    }
}

/// Length of a literal announcement `[~]{n[+]}` CRLF at the start of `b`, and its size.
fn literal_at(b: &[u8]) -> Option<(usize, usize)> {
    let start = usize::from(b.first() == Some(&b'~'));
    let rest = b.get(start..)?.strip_prefix(b"{")?;
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let size: usize = std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
    let mut at = start + 1 + digits;
    if b.get(at) == Some(&b'+') {
        at += 1;
    }
    if b.get(at) != Some(&b'}') {
        return None;
    }
    at += 1;
    match b.get(at..at + 2) {
        Some(b"\r\n") => Some((at + 2, size)),
        _ if b.get(at) == Some(&b'\n') => Some((at + 1, size)),
        _ => None,
    }
}

/// `frame` with doubled spaces collapsed and trailing spaces removed, outside quoted strings
/// and literal data.
pub(crate) fn normalize_spaces(frame: &[u8]) -> Cow<'_, [u8]> {
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    let mut in_quote = false;
    while i < frame.len() {
        let b = frame[i];
        if in_quote {
            if b == b'\\' && i + 1 < frame.len() {
                if let Some(o) = out.as_mut() {
                    o.extend_from_slice(&frame[i..i + 2]);
                }
                i += 2;
                continue;
            }
            in_quote = b != b'"';
        } else if b == b'"' {
            in_quote = true;
        } else if let Some((len, size)) = (b == b'{' || b == b'~')
            .then(|| literal_at(&frame[i..]))
            .flatten()
        {
            let end = (i + len).saturating_add(size).min(frame.len());
            if let Some(o) = out.as_mut() {
                o.extend_from_slice(&frame[i..end]);
            }
            i = end;
            continue;
        } else if b == b' ' {
            let next = frame.get(i + 1).copied();
            if matches!(next, Some(b' ' | b'\r' | b'\n') | None) {
                out.get_or_insert_with(|| frame[..i].to_vec());
                i += 1;
                continue;
            }
        }
        if let Some(o) = out.as_mut() {
            o.push(b);
        }
        i += 1;
    }
    match out {
        Some(v) => Cow::Owned(v),
        None => Cow::Borrowed(frame),
    }
}

/// Parses a command frame with the tolerances in `opts`.
pub fn parse_command_with<'a>(
    frame: &'a [u8],
    opts: &ParseOptions,
) -> Result<Command<'a>, ParseError> {
    let _guard = NilGuard::set(opts.nil_as_empty_string);
    if !opts.lenient_spaces {
        return parse_command(frame);
    }
    match normalize_spaces(frame) {
        Cow::Borrowed(f) => parse_command(f),
        Cow::Owned(v) => parse_command(&v).map(IntoStatic::into_static),
    }
}

/// Parses a response frame with the tolerances in `opts`.
pub fn parse_response_with<'a>(
    frame: &'a [u8],
    opts: &ParseOptions,
) -> Result<Response<'a>, ParseError> {
    let _guard = NilGuard::set(opts.nil_as_empty_string);
    if !opts.lenient_spaces {
        return parse_response(frame);
    }
    match normalize_spaces(frame) {
        Cow::Borrowed(f) => parse_response(f),
        Cow::Owned(v) => parse_response(&v).map(IntoStatic::into_static),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::Encode;

    #[test]
    fn spaces_are_opt_in() {
        let frame = b"a1  FETCH 1 (FLAGS  UID) \r\n";
        assert!(parse_command(frame).is_err());
        let cmd = parse_command_with(frame, &ParseOptions::lenient()).unwrap();
        assert_eq!(cmd.to_bytes(), b"a1 FETCH 1 (FLAGS UID)\r\n");
        // Quoted strings and literals keep their spaces.
        let frame = b"a1 LOGIN \"a  b \"  {3}\r\n  x \r\n";
        let cmd = parse_command_with(frame, &ParseOptions::lenient()).unwrap();
        assert_eq!(cmd.to_bytes(), b"a1 LOGIN \"a  b \" {3}\r\n  x\r\n");
        let r = parse_response_with(b"* SEARCH 1 2 \r\n", &ParseOptions::lenient()).unwrap();
        assert_eq!(r.to_bytes(), b"* SEARCH 1 2\r\n");
        assert!(matches!(
            parse_response(b"* SEARCH 1 2 \r\n"),
            Ok(Response::Data(crate::response::Data::Other { .. }))
        ));
    }

    #[test]
    fn nil_as_empty_string_is_opt_in() {
        use crate::response::{Data, FetchItem};
        let frame = b"* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL NIL 10 1))\r\n";
        // Strictly, the structure is not one: it is kept as a generic item.
        let generic = |r: Result<Response<'_>, ParseError>| matches!(r, Ok(Response::Data(Data::Fetch { ref items, .. })) if matches!(items[0], FetchItem::Other(..)));
        assert!(generic(parse_response(frame)));
        let opts = ParseOptions {
            nil_as_empty_string: true,
            ..ParseOptions::default()
        };
        let r = parse_response_with(frame, &opts).unwrap();
        assert_eq!(
            r.to_bytes(),
            b"* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"\" 10 1))\r\n"
        );
        // The flag does not outlive the call.
        assert!(!nil_as_empty_string());
        assert!(generic(parse_response(frame)));
    }
}
