//! nom parsers for the shared grammar: numbers, atoms, strings, sequence sets, flags, dates.

use std::borrow::Cow;
use std::num::NonZeroU32;

use nom::branch::alt;
use nom::bytes::complete::{take, take_while, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{map, map_res, opt, recognize, verify};
use nom::error::{Error, ErrorKind};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use crate::types::chars::{
    is_astring_char, is_atom_char, is_char8, is_keyword_char, is_list_char, is_tag_char,
    is_text_char,
};
use crate::types::{
    AString, Atom, AtomExt, Date, DateTime, Flag, IString, Literal, LiteralMode, Mailbox, Quoted,
    SeqOrUid, Sequence, SequenceSet, Tag, Text,
};

/// Parser result over bytes.
pub type R<'a, T> = IResult<&'a [u8], T>;

pub(crate) fn fail<T>(i: &[u8]) -> R<'_, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// One expected byte. Written out rather than `char(c)`: these run between every two tokens,
/// and nom's generic version does not inline into the callers.
#[inline]
pub(crate) fn byte(i: &[u8], c: u8) -> R<'_, ()> {
    match i.split_first() {
        Some((&b, rest)) if b == c => Ok((rest, ())),
        _ => fail(i),
    }
}

#[inline]
pub(crate) fn sp(i: &[u8]) -> R<'_, ()> {
    byte(i, b' ')
}

/// `(`.
#[inline]
pub(crate) fn open(i: &[u8]) -> R<'_, ()> {
    byte(i, b'(')
}

/// `)`.
#[inline]
pub(crate) fn close(i: &[u8]) -> R<'_, ()> {
    byte(i, b')')
}

pub(crate) fn crlf(i: &[u8]) -> R<'_, ()> {
    match i {
        [b'\r', b'\n', rest @ ..] | [b'\n', rest @ ..] => Ok((rest, ())),
        _ => fail(i),
    }
}

#[inline]
pub(crate) fn nil(i: &[u8]) -> R<'_, ()> {
    match i {
        [a, b, c, rest @ ..] if [*a, *b, *c].eq_ignore_ascii_case(b"NIL") => Ok((rest, ())),
        _ => fail(i),
    }
}

fn str_of(b: &[u8]) -> &str {
    // Only called on bytes already checked to be 7-bit ASCII by the char-class predicates.
    std::str::from_utf8(b).unwrap_or_default()
}

/// `number`: 32-bit unsigned.
pub fn number(i: &[u8]) -> R<'_, u32> {
    let (rest, n) = digits(i)?;
    match u32::try_from(n) {
        Ok(n) => Ok((rest, n)),
        Err(_) => fail(i),
    }
}

/// Decimal digits as a `u64` (at most `i64::MAX`, as `number64` allows).
fn digits(i: &[u8]) -> R<'_, u64> {
    let len = i.iter().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 {
        return fail(i);
    }
    let mut n: u64 = 0;
    for &d in &i[..len] {
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(d - b'0')))
        {
            Some(n) if n <= i64::MAX as u64 => n,
            _ => return fail(i),
        };
    }
    Ok((&i[len..], n))
}

/// `number64`: 63-bit unsigned (mod-sequence values, sizes).
pub fn number64(i: &[u8]) -> R<'_, u64> {
    digits(i)
}

/// `nz-number`.
pub fn nz_number(i: &[u8]) -> R<'_, NonZeroU32> {
    map_res(number, NonZeroU32::try_from).parse(i)
}

/// The longest non-empty run of bytes of class `class` that `i` starts with, and the rest. A
/// plain loop: nom's `take_while1` goes through its generic position search and error paths.
#[inline(always)]
pub(crate) fn run1(i: &[u8], class: impl Fn(u8) -> bool) -> R<'_, &[u8]> {
    let len = i.iter().position(|&b| !class(b)).unwrap_or(i.len());
    if len == 0 {
        return Err(nom::Err::Error(Error::new(i, ErrorKind::TakeWhile1)));
    }
    let (run, rest) = i.split_at(len);
    Ok((rest, run))
}

/// `atom`.
pub fn atom(i: &[u8]) -> R<'_, Atom<'_>> {
    let (rest, a) = run1(i, is_atom_char)?;
    Ok((rest, Atom::unvalidated(str_of(a))))
}

/// `tag`.
pub fn imap_tag(i: &[u8]) -> R<'_, Tag<'_>> {
    let (rest, a) = run1(i, is_tag_char)?;
    Ok((rest, Tag::unvalidated(str_of(a))))
}

/// The bytes of a keyword: an atom compared case-insensitively by the caller.
pub(crate) fn keyword(i: &[u8]) -> R<'_, &[u8]> {
    run1(i, is_keyword_char)
}

/// A keyword and its uppercase copy, made in one pass (see `Upper`).
#[inline]
pub(crate) fn keyword_upper(i: &[u8]) -> R<'_, (&[u8], Upper)> {
    let (upper, len) = Upper::scan(i, is_keyword_char);
    if len == 0 {
        return Err(nom::Err::Error(Error::new(i, ErrorKind::TakeWhile1)));
    }
    let (name, rest) = i.split_at(len);
    Ok((rest, (name, upper)))
}

/// An uppercase copy of a keyword, kept on the stack. Names longer than any keyword come back
/// empty, so they match nothing.
pub(crate) struct Upper {
    buf: [u8; 32],
    len: usize,
}

impl Upper {
    pub(crate) fn new(name: &[u8]) -> Self {
        let mut buf = [0u8; 32];
        let len = if name.len() <= buf.len() {
            name.len()
        } else {
            0
        };
        for (d, s) in buf.iter_mut().zip(&name[..len]) {
            *d = s.to_ascii_uppercase();
        }
        Self { buf, len }
    }

    /// The uppercase copy of the run of bytes of class `class` that `i` starts with, and the
    /// length of that run: one pass where scanning and then copying took two.
    #[inline]
    pub(crate) fn scan(i: &[u8], class: impl Fn(u8) -> bool) -> (Self, usize) {
        let mut buf = [0u8; 32];
        let mut n = 0;
        for (d, &b) in buf.iter_mut().zip(i) {
            if !class(b) {
                return (Self { buf, len: n }, n);
            }
            *d = b.to_ascii_uppercase();
            n += 1;
        }
        // Longer than any name: counted to its end, and matches nothing.
        let more = i[n..].iter().take_while(|&&b| class(b)).count();
        let len = if more == 0 { n } else { 0 };
        (Self { buf, len }, n + more)
    }
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The length of the content of the plain quoted string (no escape) that `i` starts with.
/// Only a length comes back, in registers; the callers build the string value themselves.
/// Returning the value from here instead went through memory, and the copies stalled on every
/// field of an envelope or body.
#[inline(always)]
fn plain_quoted_len(i: &[u8]) -> Option<usize> {
    let start = i.strip_prefix(b"\"")?;
    let pos = super::scan::find_quoted_special(start)?;
    (start.get(pos) == Some(&b'"')).then_some(pos)
}

/// The plain quoted string of `len` content bytes that `i` starts with, and the rest.
#[inline(always)]
fn plain_quoted(i: &[u8], len: usize) -> (&[u8], Quoted<'_>) {
    let (content, rest) = i[1..].split_at(len);
    (&rest[1..], Quoted(Cow::Borrowed(content)))
}

/// `quoted`, unescaped.
#[inline]
pub fn quoted(i: &[u8]) -> R<'_, Quoted<'_>> {
    match plain_quoted_len(i) {
        Some(len) => Ok(plain_quoted(i, len)),
        None => quoted_not_plain(i),
    }
}

/// A quoted string holding an escape, or no quoted string at all.
#[cold]
#[inline(never)]
fn quoted_not_plain(i: &[u8]) -> R<'_, Quoted<'_>> {
    let Some(start) = i.strip_prefix(b"\"") else {
        return fail(i);
    };
    match super::scan::find_quoted_special(start) {
        Some(pos) => quoted_escaped(start, pos),
        None => fail(start),
    }
}

/// The content of a quoted string from the first byte that is not plain text (at `pos`): an
/// escape, the end, or a byte a quoted string may not hold.
#[cold]
#[inline(never)]
fn quoted_escaped(start: &[u8], mut pos: usize) -> R<'_, Quoted<'_>> {
    let mut owned: Option<Vec<u8>> = None;
    let mut run_start = 0;
    loop {
        match start.get(pos) {
            None => return fail(start),
            Some(b'"') => {
                let data = match owned {
                    None => Cow::Borrowed(&start[..pos]),
                    Some(mut v) => {
                        v.extend_from_slice(&start[run_start..pos]);
                        Cow::Owned(v)
                    }
                };
                return Ok((&start[pos + 1..], Quoted(data)));
            }
            Some(b'\\') => {
                let esc = match start.get(pos + 1) {
                    Some(&c @ (b'"' | b'\\')) => c,
                    _ => return fail(&start[pos..]),
                };
                let v = owned.get_or_insert_with(Vec::new);
                v.extend_from_slice(&start[run_start..pos]);
                v.push(esc);
                pos += 2;
                run_start = pos;
            }
            Some(&c) if is_text_char(c) => {
                // Skip the plain run in one go.
                pos += 1 + super::scan::find_quoted_special(&start[pos + 1..])
                    .unwrap_or(start.len() - pos - 1);
            }
            Some(_) => return fail(&start[pos..]),
        }
    }
}

/// The announcement of a literal: `[~]{n[+]}` CRLF. Returns (size, mode, binary).
pub fn literal_header(i: &[u8]) -> R<'_, (u64, LiteralMode, bool)> {
    let (i, binary) = map(opt(char('~')), |t| t.is_some()).parse(i)?;
    let (i, (n, plus)) = delimited(char('{'), (number64, opt(char('+'))), char('}')).parse(i)?;
    let (i, _) = crlf(i)?;
    let mode = if plus.is_some() {
        LiteralMode::NonSync
    } else {
        LiteralMode::Sync
    };
    Ok((i, (n, mode, binary)))
}

/// Whether bytes kept raw (a generic fallback's arguments, without the frame's final line end)
/// frame again as they did: every line break in them ends a literal announcement whose data
/// follows in full, and they do not end in an announcement (the frame's own line end would
/// then start a literal). Only then do the bytes, written back as they are, parse to the same
/// value.
pub(crate) fn raw_frames_alike(raw: &[u8]) -> bool {
    let mut from = 0;
    while let Some(off) = raw[from..].iter().position(|&b| b == b'\n') {
        let lf = from + off;
        let line = raw[..lf].strip_suffix(b"\r").unwrap_or(&raw[..lf]);
        let Some(size) = announced_size(&line[from.min(line.len())..]) else {
            return false;
        };
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        match (lf + 1).checked_add(size) {
            Some(next) if next <= raw.len() => from = next,
            _ => return false,
        }
    }
    announced_size(&raw[from..]).is_none()
}

/// The size a literal announcement (`{n}`, `{n+}`, `~{n}`) at the end of `line` gives
/// (saturated: an announcement too large to count is still one).
fn announced_size(line: &[u8]) -> Option<u64> {
    let inner = line.strip_suffix(b"}")?;
    let inner = inner.strip_suffix(b"+").unwrap_or(inner);
    let open = inner.iter().rposition(|&b| b == b'{')?;
    let digits = &inner[open + 1..];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0u64, |n, &d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
}

fn literal_any(i: &[u8]) -> R<'_, Literal<'_>> {
    let (i, (n, mode, binary)) = literal_header(i)?;
    let n = usize::try_from(n).map_err(|_| nom::Err::Error(Error::new(i, ErrorKind::TooLarge)))?;
    let (i, data) = take(n).parse(i)?;
    if !binary && !data.iter().all(|&b| is_char8(b)) {
        return fail(i);
    }
    Ok((
        i,
        Literal {
            data: Cow::Borrowed(data),
            mode,
            binary,
        },
    ))
}

/// `literal` (text only).
pub fn literal(i: &[u8]) -> R<'_, Literal<'_>> {
    verify(literal_any, |l: &Literal<'_>| !l.binary).parse(i)
}

/// `literal8` or `literal`: where BINARY allows `~{n}`.
pub fn literal8(i: &[u8]) -> R<'_, Literal<'_>> {
    literal_any(i)
}

/// `string`. Always inlined, like `nstring`: see `plain_quoted_len`.
#[inline(always)]
pub fn string(i: &[u8]) -> R<'_, IString<'_>> {
    // A plain quoted string is nearly every envelope and body field.
    match plain_quoted_len(i) {
        Some(len) => {
            let (rest, q) = plain_quoted(i, len);
            Ok((rest, IString::Quoted(q)))
        }
        None => string_not_plain(i),
    }
}

/// A quoted string with an escape, a literal, or NIL read as an empty string: rare next to
/// plain quoted strings, so kept out of line.
#[inline(never)]
fn string_not_plain(i: &[u8]) -> R<'_, IString<'_>> {
    match i.first() {
        Some(b'"') => quoted_not_plain(i).map(|(r, q)| (r, IString::Quoted(q))),
        Some(b'{') => literal(i).map(|(r, l)| (r, IString::Literal(l))),
        Some(b'N' | b'n') if crate::quirks::nil_as_empty_string() => {
            nil(i).map(|(r, ())| (r, IString::Quoted(Quoted(Cow::Borrowed(b"")))))
        }
        _ => fail(i),
    }
}

/// `astring`.
pub fn astring(i: &[u8]) -> R<'_, AString<'_>> {
    match i.first() {
        Some(b'"' | b'{') => string(i).map(|(r, s)| (r, AString::String(s))),
        _ => {
            let (rest, a) = run1(i, is_astring_char)?;
            Ok((rest, AString::Atom(AtomExt::unvalidated(str_of(a)))))
        }
    }
}

/// `nstring`.
#[inline(always)]
pub fn nstring(i: &[u8]) -> R<'_, Option<IString<'_>>> {
    match i.first() {
        Some(b'N' | b'n') => nil(i).map(|(r, ())| (r, None)),
        _ => match plain_quoted_len(i) {
            Some(len) => {
                let (rest, q) = plain_quoted(i, len);
                Ok((rest, Some(IString::Quoted(q))))
            }
            None => string_not_plain(i).map(|(r, s)| (r, Some(s))),
        },
    }
}

/// `mailbox`.
pub fn mailbox(i: &[u8]) -> R<'_, Mailbox<'_>> {
    map(astring, Mailbox::from_wire).parse(i)
}

/// `list-mailbox`: list chars or a string.
pub fn list_mailbox(i: &[u8]) -> R<'_, AString<'_>> {
    match run1(i, is_list_char) {
        Ok((rest, a)) => Ok((rest, AString::Atom(AtomExt::unvalidated(str_of(a))))),
        Err(_) => string(i).map(|(r, s)| (r, AString::String(s))),
    }
}

/// `text`: the rest of the line (possibly empty).
pub fn text(i: &[u8]) -> R<'_, Text<'_>> {
    map(take_while(is_text_char), |t: &[u8]| Text(Cow::Borrowed(t))).parse(i)
}

fn seq_number(i: &[u8]) -> R<'_, SeqOrUid> {
    match i.split_first() {
        Some((b'*', rest)) => Ok((rest, SeqOrUid::Asterisk)),
        _ => nz_number(i).map(|(r, n)| (r, SeqOrUid::Value(n))),
    }
}

fn sequence(i: &[u8]) -> R<'_, Sequence> {
    let (i, a) = seq_number(i)?;
    // A `:` not followed by a number ends the sequence there, for the caller to reject.
    if let Some((b':', rest)) = i.split_first()
        && let Ok((rest, b)) = seq_number(rest)
    {
        return Ok((rest, Sequence::Range(a, b)));
    }
    Ok((i, Sequence::Single(a)))
}

/// `sequence-set`, or `$`. Written out by hand: it sits in every FETCH, STORE, COPY and
/// SEARCH, and the generic combinators cost more than the scanning.
pub fn sequence_set(i: &[u8]) -> R<'_, SequenceSet> {
    if let Some((b'$', rest)) = i.split_first() {
        return Ok((rest, SequenceSet::Saved));
    }
    let (mut i, first) = sequence(i)?;
    // Room for a few ranges at once when a second one follows, rather than growing from one.
    let mut set = if i.first() == Some(&b',') {
        let mut set = Vec::with_capacity(4);
        set.push(first);
        set
    } else {
        vec![first]
    };
    while let Some((b',', rest)) = i.split_first() {
        let Ok((rest, next)) = sequence(rest) else {
            break;
        };
        set.push(next);
        i = rest;
    }
    Ok((i, SequenceSet::Set(set)))
}

/// `flag` / `flag-fetch` / `flag-perm` / `flag-keyword`.
pub fn flag(i: &[u8]) -> R<'_, Flag<'_>> {
    match i {
        [b'\\', b'*', rest @ ..] => Ok((rest, Flag::Wildcard)),
        [b'\\', rest @ ..] => {
            let (after, name) = run1(rest, is_atom_char)?;
            let flag = Flag::system_known(name)
                .unwrap_or_else(|| Flag::Extension(Atom::unvalidated(str_of(name))));
            Ok((after, flag))
        }
        _ => map(atom, Flag::Keyword).parse(i),
    }
}

/// `"(" [flag *(SP flag)] ")"`.
pub fn flag_list(i: &[u8]) -> R<'_, Vec<Flag<'_>>> {
    paren_list(flag).parse(i)
}

/// `"(" [x *(SP x)] ")"`.
pub fn paren_list<'a, O, P>(p: P) -> impl Parser<&'a [u8], Output = Vec<O>, Error = Error<&'a [u8]>>
where
    P: Parser<&'a [u8], Output = O, Error = Error<&'a [u8]>>,
{
    list_in_parens(p, false)
}

/// `"(" x *(SP x) ")"` (at least one).
pub fn paren_list1<'a, O, P>(
    p: P,
) -> impl Parser<&'a [u8], Output = Vec<O>, Error = Error<&'a [u8]>>
where
    P: Parser<&'a [u8], Output = O, Error = Error<&'a [u8]>>,
{
    list_in_parens(p, true)
}

/// A parenthesised list separated by single spaces, as one loop: these lists sit in almost
/// every command, and nom's `delimited(opt(separated_list1))` adds a layer per element.
fn list_in_parens<'a, O, P>(
    mut p: P,
    non_empty: bool,
) -> impl Parser<&'a [u8], Output = Vec<O>, Error = Error<&'a [u8]>>
where
    P: Parser<&'a [u8], Output = O, Error = Error<&'a [u8]>>,
{
    move |i: &'a [u8]| {
        let (mut i, ()) = open(i)?;
        let mut out = Vec::new();
        match p.parse(i) {
            Ok((rest, first)) => {
                // Sized once: growing from four elements moved longer lists (FETCH items,
                // header names) through a reallocation.
                out = Vec::with_capacity(if rest.first() == Some(&b' ') { 8 } else { 1 });
                out.push(first);
                i = rest;
                while let Some((b' ', after)) = i.split_first() {
                    match p.parse(after) {
                        Ok((rest, next)) => {
                            out.push(next);
                            i = rest;
                        }
                        Err(nom::Err::Error(_)) => break,
                        Err(e) => return Err(e),
                    }
                }
            }
            Err(nom::Err::Error(e)) if non_empty => return Err(nom::Err::Error(e)),
            Err(nom::Err::Error(_)) => {}
            Err(e) => return Err(e),
        }
        let (i, ()) = close(i)?;
        Ok((i, out))
    }
}

fn two_digits(i: &[u8]) -> R<'_, u8> {
    map_res(
        take_while_m_n(2, 2, |b: u8| b.is_ascii_digit()),
        |d: &[u8]| str_of(d).parse::<u8>(),
    )
    .parse(i)
}

fn date_month(i: &[u8]) -> R<'_, u8> {
    map_res(take(3usize), |m: &[u8]| Date::month_from_name(m).ok_or(())).parse(i)
}

fn year(i: &[u8]) -> R<'_, u16> {
    map_res(
        take_while_m_n(4, 4, |b: u8| b.is_ascii_digit()),
        |d: &[u8]| str_of(d).parse::<u16>(),
    )
    .parse(i)
}

/// `d-Mon-yyyy`, written out: SEARCH dates went through four layers of `map_res` and a string
/// parse per number.
fn date_text(i: &[u8]) -> R<'_, Date> {
    let day_len = i.iter().take(2).take_while(|b| b.is_ascii_digit()).count();
    if day_len == 0 {
        return fail(i);
    }
    let day = i[..day_len].iter().fold(0u8, |n, &d| n * 10 + (d - b'0'));
    let (r, ()) = byte(&i[day_len..], b'-')?;
    let Some(month) = r.get(..3).and_then(Date::month_from_name) else {
        return fail(r);
    };
    let (r, ()) = byte(&r[3..], b'-')?;
    let year = match r.get(..4) {
        Some(y) if y.iter().all(u8::is_ascii_digit) => {
            y.iter().fold(0u16, |n, &d| n * 10 + u16::from(d - b'0'))
        }
        _ => return fail(r),
    };
    match Date::new(year, month, day) {
        Ok(d) => Ok((&r[4..], d)),
        Err(_) => fail(i),
    }
}

/// `date`: `d-Mon-yyyy`, optionally quoted.
pub fn date(i: &[u8]) -> R<'_, Date> {
    if let Ok(d) = date_text(i) {
        return Ok(d);
    }
    let (inner, ()) = byte(i, b'"')?;
    let (r, d) = date_text(inner)?;
    let (r, ()) = byte(r, b'"')?;
    Ok((r, d))
}

/// `date-time`: `"dd-Mon-yyyy hh:mm:ss +zzzz"`.
pub fn date_time(i: &[u8]) -> R<'_, DateTime> {
    let day = alt((
        preceded(
            char(' '),
            map_res(recognize(take(1usize)), |d: &[u8]| str_of(d).parse::<u8>()),
        ),
        two_digits,
    ));
    let zone = map_res(
        (alt((char('+'), char('-'))), two_digits, two_digits),
        |(s, h, m)| -> Result<i16, ()> {
            let v = i16::from(h) * 60 + i16::from(m);
            Ok(if s == '-' { -v } else { v })
        },
    );
    map_res(
        delimited(
            char('"'),
            (
                terminated(day, char('-')),
                terminated(date_month, char('-')),
                terminated(year, sp),
                terminated(two_digits, char(':')),
                terminated(two_digits, char(':')),
                terminated(two_digits, sp),
                zone,
            ),
            char('"'),
        ),
        |(d, mo, y, h, mi, s, z)| {
            Date::new(y, mo, d).and_then(|date| DateTime::new(date, h, mi, s, z))
        },
    )
    .parse(i)
}

/// `charset`: an atom or a quoted string.
pub fn charset(i: &[u8]) -> R<'_, AString<'_>> {
    alt((
        map(atom, |a| AString::Atom(AtomExt(a.0))),
        map(quoted, |q| AString::String(IString::Quoted(q))),
    ))
    .parse(i)
}

/// `header-fld-name` list: `"(" astring *(SP astring) ")"`.
pub fn header_list(i: &[u8]) -> R<'_, Vec<AString<'_>>> {
    paren_list1(astring).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_bytes_frame_alike_only_with_whole_literals() {
        for good in [
            &b""[..],
            b"a b (c)",
            b"(bar) {3}\r\nbaz",
            b"{3+}\r\nbaz x ~{2}\r\n\r\n y",
            b"{0}\r\n",
            b"{2}\nab",
            b"a\rb",
            b"{3}x",
        ] {
            assert!(raw_frames_alike(good), "{}", String::from_utf8_lossy(good));
        }
        for bad in [
            &b"a\r\nb"[..],
            b"a\nb",
            b"{4}\r\nab",
            // Found by fuzzing: the literal announced 4 bytes, 2 came before the line end.
            b"ACnLnn \" \xb3O*O\xff1\\\\\" {4}\r\n\xffC",
            b"x {3}",
            b"x {3+}",
            b"x ~{99999999999999999999999}",
            b"{99999999999999999999999}\r\nabc",
        ] {
            assert!(!raw_frames_alike(bad), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn strings() {
        assert_eq!(quoted(br#""a\"b\\c" x"#).unwrap().1.as_bytes(), br#"a"b\c"#);
        assert!(matches!(
            quoted(br#""abc" x"#).unwrap().1.0,
            Cow::Borrowed(_)
        ));
        assert!(quoted(b"\"a\rb\"").is_err());
        assert!(quoted(br#""a\b""#).is_err());
        let (rest, l) = literal(b"{3}\r\nabc)").unwrap();
        assert_eq!(
            (rest, l.data(), l.mode()),
            (&b")"[..], &b"abc"[..], LiteralMode::Sync)
        );
        let (_, l) = literal(b"{3+}\r\nabc").unwrap();
        assert_eq!(l.mode(), LiteralMode::NonSync);
        assert!(literal(b"~{3}\r\na\0c").is_err());
        assert!(literal(b"{3}\r\na\0c").is_err());
        assert_eq!(literal8(b"~{3}\r\na\0c").unwrap().1.data(), b"a\0c");
        assert!(literal(b"{3}\r\nab").is_err());
        assert_eq!(astring(b"foo]bar ").unwrap().1.as_bytes(), b"foo]bar");
        assert_eq!(nstring(b"nil").unwrap().1, None);
    }

    #[test]
    fn string_and_nstring_take_every_form() {
        let borrowed = |s: &IString<'_>| matches!(s, IString::Quoted(Quoted(Cow::Borrowed(_))));
        let (rest, s) = string(b"\"plain\" x").unwrap();
        assert_eq!((rest, s.as_bytes()), (&b" x"[..], &b"plain"[..]));
        assert!(borrowed(&s));
        let (rest, s) = nstring(b"\"\")").unwrap();
        assert_eq!(
            (rest, s.map(|s| s.as_bytes().to_vec())),
            (&b")"[..], Some(vec![]))
        );
        let (rest, s) = string(br#""a\"b" x"#).unwrap();
        assert_eq!((rest, s.as_bytes()), (&b" x"[..], &br#"a"b"#[..]));
        // A tab is plain text; the escape after it takes the unescaping path.
        let (_, s) = nstring(b"\"tab\there\\\\\" x").unwrap();
        assert_eq!(s.unwrap().as_bytes(), b"tab\there\\");
        let (rest, s) = nstring(b"{3}\r\nabc)").unwrap();
        assert_eq!((rest, s.unwrap().as_bytes()), (&b")"[..], &b"abc"[..]));
        assert_eq!(nstring(b"NIL)").unwrap(), (&b")"[..], None));
        for bad in [
            &b"\"open"[..],
            b"\"a\rb\"",
            b"\"a\nb\"",
            b"\"a\0b\"",
            b"\"a\\b\"",
            b"atom",
            b"",
        ] {
            assert!(string(bad).is_err(), "{bad:?}");
            assert!(nstring(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn dates() {
        let (_, d) = date_time(b"\"17-Jul-1996 02:44:25 -0700\"").unwrap();
        assert_eq!(
            (d.date().year(), d.date().month(), d.date().day()),
            (1996, 7, 17)
        );
        assert_eq!(d.zone_minutes(), -420);
        let (_, d) = date_time(b"\" 7-Jul-1996 02:44:25 +0130\"").unwrap();
        assert_eq!((d.date().day(), d.zone_minutes()), (7, 90));
        assert!(date_time(b"\"31-Feb-1996 02:44:25 -0700\"").is_err());
        assert_eq!(
            date(b"1-Feb-1994").unwrap().1,
            Date::new(1994, 2, 1).unwrap()
        );
        assert_eq!(
            date(b"\"1-feb-1994\"").unwrap().1,
            Date::new(1994, 2, 1).unwrap()
        );
    }

    #[test]
    fn flags() {
        let (_, f) = flag_list(b"(\\Seen \\answered $Forwarded \\*)").unwrap();
        assert_eq!(
            f,
            vec![
                Flag::Seen,
                Flag::Answered,
                Flag::Keyword(Atom::unvalidated("$Forwarded")),
                Flag::Wildcard
            ]
        );
        assert_eq!(flag_list(b"()").unwrap().1, vec![]);
    }
}
