//! Parsing of whole response frames.

use std::borrow::Cow;

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1};
use nom::character::complete::char;
use nom::combinator::{all_consuming, map, opt, value as constant};
use nom::multi::{many0, separated_list0, separated_list1};
use nom::sequence::{delimited, preceded, terminated};

use super::body::{body_top, envelope};
use super::code::code;
use super::value::value;
use super::{
    Continuation, Data, ESearchItem, FetchItem, ListData, ListExtendedItem, NamespaceDesc,
    PartialRange, Response, StatusKind, StatusResponse, StatusValue, Thread,
};
use crate::command::fetch::{section, section_binary};
use crate::command::parse::{id_params, status_item};
use crate::error::ParseError;
use crate::parse::core::{
    R, Upper, astring, atom, close, crlf, date_time, fail, flag, imap_tag, keyword, literal8,
    mailbox, nil, nstring, number, number64, nz_number, open, paren_list, paren_list1, quoted,
    raw_frames_alike, sequence_set, sp, string, text,
};
use crate::types::{IString, MailboxAttribute, Text};

/// Parses one response frame (as delivered by the framer, line end included).
///
/// ```
/// use mailwire_imap::response::{Data, Response, parse_response};
///
/// let r = parse_response(b"* 23 EXISTS\r\n").unwrap();
/// assert_eq!(r, Response::Data(Data::Exists(23)));
/// ```
pub fn parse_response(frame: &[u8]) -> Result<Response<'_>, ParseError> {
    all_consuming(terminated(response, crlf))
        .parse(frame)
        .map(|(_, r)| r)
        .map_err(|e| ParseError::from_nom(frame, e))
}

fn response(i: &[u8]) -> R<'_, Response<'_>> {
    match i.first() {
        Some(b'+') => map(continuation, Response::Continuation).parse(i),
        Some(b'*') => {
            let (rest, _) = tag("* ").parse(i)?;
            alt((
                map(status(None), Response::Status),
                map(data, Response::Data),
            ))
            .parse(rest)
        }
        _ => {
            let (rest, t) = terminated(imap_tag, sp).parse(i)?;
            map(status(Some(t)), Response::Status).parse(rest)
        }
    }
}

/// `resp-text`: an optional code and text. Tolerates a missing space after the code.
fn resp_text(i: &[u8]) -> R<'_, (Option<super::Code<'_>>, Text<'_>)> {
    let with_code = map(
        (delimited(char('['), code, char(']')), opt(sp), text),
        |(c, _, t)| (Some(c), t),
    );
    alt((with_code, map(text, |t| (None, t)))).parse(i)
}

fn continuation(i: &[u8]) -> R<'_, Continuation<'_>> {
    let (i, _) = char('+').parse(i)?;
    // Some servers send a bare "+" with no space.
    let (i, parts) = opt(preceded(sp, resp_text)).parse(i)?;
    let (code, text) = parts.unwrap_or_default();
    Ok((i, Continuation { code, text }))
}

fn status<'a>(
    tag: Option<crate::types::Tag<'a>>,
) -> impl FnMut(&'a [u8]) -> R<'a, StatusResponse<'a>> {
    move |i| {
        let (rest, name) = keyword(i)?;
        let kind = match Upper::new(name).as_bytes() {
            b"OK" => StatusKind::Ok,
            b"NO" => StatusKind::No,
            b"BAD" => StatusKind::Bad,
            b"PREAUTH" if tag.is_none() => StatusKind::PreAuth,
            b"BYE" if tag.is_none() => StatusKind::Bye,
            _ => return fail(i),
        };
        // The text may be missing altogether ("a1 OK").
        let (rest, parts) = opt(preceded(sp, resp_text)).parse(rest)?;
        let (code, text) = parts.unwrap_or_default();
        Ok((
            rest,
            StatusResponse {
                tag: tag.clone(),
                kind,
                code,
                text,
            },
        ))
    }
}

fn delimiter(i: &[u8]) -> R<'_, Option<char>> {
    alt((
        constant(None, nil),
        map(
            nom::combinator::verify(quoted, |q: &crate::types::Quoted<'_>| {
                q.as_bytes().len() == 1 && q.as_bytes()[0].is_ascii()
            }),
            |q| Some(char::from(q.as_bytes()[0])),
        ),
    ))
    .parse(i)
}

fn list_data(i: &[u8]) -> R<'_, ListData<'_>> {
    let attr = map(preceded(char('\\'), atom), MailboxAttribute);
    let ext_item = list_extended_item;
    map(
        (
            paren_list(attr),
            preceded(sp, delimiter),
            // RFC 5819's example puts two spaces before the name, and servers copied it.
            preceded(spaces, mailbox),
            opt(preceded(sp, paren_list(ext_item))),
        ),
        |(attributes, delimiter, mailbox, ext)| ListData {
            attributes,
            delimiter,
            mailbox,
            extended: ext.unwrap_or_default(),
        },
    )
    .parse(i)
}

fn list_extended_item(i: &[u8]) -> R<'_, ListExtendedItem<'_>> {
    let (rest, name) = terminated(astring, sp).parse(i)?;
    let typed = match Upper::new(name.as_bytes()).as_bytes() {
        b"CHILDINFO" => map(paren_list1(string), ListExtendedItem::ChildInfo).parse(rest),
        b"OLDNAME" => map(delimited(open, mailbox, close), ListExtendedItem::OldName).parse(rest),
        _ => fail(rest),
    };
    match typed {
        Ok((r, item)) if r.first().is_none_or(|&b| b == b' ' || b == b')') => Ok((r, item)),
        // Unknown, or a known tag whose value does not follow its syntax: kept generic.
        _ => map(value, |v| ListExtendedItem::Other(name.clone(), v)).parse(rest),
    }
}

fn status_value(i: &[u8]) -> R<'_, StatusValue<'_>> {
    alt((
        map(
            preceded(tag_no_case("MAILBOXID ("), terminated(atom, char(')'))),
            StatusValue::MailboxId,
        ),
        map((status_item, preceded(sp, number64)), |(item, n)| {
            StatusValue::Number(item, n)
        }),
    ))
    .parse(i)
}

fn numbers_modseq(i: &[u8]) -> R<'_, (Vec<std::num::NonZeroU32>, Option<u64>)> {
    let modseq = delimited(tag_no_case(" (MODSEQ "), number64, char(')'));
    (many0(preceded(sp, nz_number)), opt(modseq)).parse(i)
}

fn esearch_item(i: &[u8]) -> R<'_, ESearchItem<'_>> {
    let (rest, name) = atom(i)?;
    let (rest, _) = sp(rest)?;
    match Upper::new(name.as_str().as_bytes()).as_bytes() {
        b"MIN" => map(nz_number, ESearchItem::Min).parse(rest),
        b"MAX" => map(nz_number, ESearchItem::Max).parse(rest),
        b"ALL" => map(sequence_set, ESearchItem::All).parse(rest),
        b"COUNT" => map(number, ESearchItem::Count).parse(rest),
        b"MODSEQ" => map(number64, ESearchItem::ModSeq).parse(rest),
        // A typed item that does not follow its syntax is kept generic rather than refused.
        b"ADDTO" => typed_or_other(rest, name, map(context_updates, ESearchItem::AddTo)),
        b"REMOVEFROM" => typed_or_other(rest, name, map(context_updates, ESearchItem::RemoveFrom)),
        b"RELEVANCY" => typed_or_other(
            rest,
            name,
            map(paren_list1(relevancy_score), ESearchItem::Relevancy),
        ),
        b"PARTIAL" => typed_or_other(rest, name, partial_result),
        _ => map(value, |v| ESearchItem::Other(name.clone(), v)).parse(rest),
    }
}

fn typed_or_other<'a>(
    i: &'a [u8],
    name: crate::types::Atom<'a>,
    mut typed: impl Parser<&'a [u8], Output = ESearchItem<'a>, Error = nom::error::Error<&'a [u8]>>,
) -> R<'a, ESearchItem<'a>> {
    match typed.parse(i) {
        Ok((r, item)) if r.first().is_none_or(|&b| matches!(b, b' ' | b'\r' | b'\n')) => {
            Ok((r, item))
        }
        _ => map(value, |v| ESearchItem::Other(name.clone(), v)).parse(i),
    }
}

/// `(position set *(SP position set))` of ADDTO and REMOVEFROM (RFC 5267).
fn context_updates(i: &[u8]) -> R<'_, Vec<(u32, crate::types::SequenceSet)>> {
    paren_list1((number, preceded(sp, sequence_set))).parse(i)
}

/// A RELEVANCY score: 1 to 100 (RFC 6203).
fn relevancy_score(i: &[u8]) -> R<'_, u8> {
    let (rest, n) = number(i)?;
    match u8::try_from(n) {
        Ok(n @ 1..=100) => Ok((rest, n)),
        _ => fail(i),
    }
}

/// `(partial-range SP partial-results)` (RFC 9394).
fn partial_result(i: &[u8]) -> R<'_, ESearchItem<'_>> {
    let (i, _) = open(i)?;
    let from_end = i.first() == Some(&b'-');
    let (i, (first, last)) = if from_end {
        (
            preceded(char('-'), nz_number),
            preceded(tag(":-"), nz_number),
        )
            .parse(i)?
    } else {
        (nz_number, preceded(char(':'), nz_number)).parse(i)?
    };
    let (i, _) = sp(i)?;
    let (i, results) = if i.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'N')) {
        constant(None, nil).parse(i)?
    } else {
        map(sequence_set, Some).parse(i)?
    };
    let (i, _) = close(i)?;
    Ok((
        i,
        ESearchItem::Partial {
            range: PartialRange {
                first,
                last,
                from_end,
            },
            results,
        },
    ))
}

fn esearch(i: &[u8]) -> R<'_, Data<'_>> {
    let correlator = delimited(tag_no_case(" (TAG "), string, char(')'));
    map(
        (
            opt(correlator),
            map(opt(tag_no_case(" UID")), |u| u.is_some()),
            many0(preceded(sp, esearch_item)),
        ),
        |(tag, uid, items)| Data::ESearch { tag, uid, items },
    )
    .parse(i)
}

/// How deeply THREAD lists may nest.
const MAX_THREAD_DEPTH: usize = 64;

fn thread(depth: usize) -> impl Fn(&[u8]) -> R<'_, Thread> {
    move |i| {
        if depth == 0 {
            return fail(i);
        }
        let (i, _) = char('(').parse(i)?;
        let (i, members) = separated_list0(sp, nz_number).parse(i)?;
        let (i, children) = if members.is_empty() {
            many0(thread(depth - 1)).parse(i)?
        } else {
            map(
                opt(preceded(sp, nom::multi::many1(thread(depth - 1)))),
                Option::unwrap_or_default,
            )
            .parse(i)?
        };
        if members.is_empty() && children.is_empty() {
            return fail(i);
        }
        let (i, _) = char(')').parse(i)?;
        Ok((i, Thread { members, children }))
    }
}

fn namespace_desc(i: &[u8]) -> R<'_, NamespaceDesc<'_>> {
    let ext = (
        preceded(sp, string),
        preceded(
            sp,
            delimited(char('('), separated_list1(sp, string), char(')')),
        ),
    );
    map(
        delimited(
            char('('),
            (string, preceded(sp, delimiter), many0(ext)),
            char(')'),
        ),
        |(prefix, delimiter, extensions)| NamespaceDesc {
            prefix,
            delimiter,
            extensions,
        },
    )
    .parse(i)
}

fn spaces(i: &[u8]) -> R<'_, &[u8]> {
    nom::bytes::complete::take_while1(|b| b == b' ').parse(i)
}

fn namespace_list(i: &[u8]) -> R<'_, Vec<NamespaceDesc<'_>>> {
    // Descriptions follow each other without a separator; some servers add a space.
    alt((
        constant(Vec::new(), nil),
        delimited(
            char('('),
            nom::multi::many1(preceded(opt(sp), namespace_desc)),
            char(')'),
        ),
    ))
    .parse(i)
}

fn data(i: &[u8]) -> R<'_, Data<'_>> {
    if i.first().is_some_and(u8::is_ascii_digit) {
        return numbered(i);
    }
    let (rest, name) = keyword(i)?;
    let parsed = match Upper::new(name).as_bytes() {
        b"CAPABILITY" => map(many0(preceded(sp, atom)), Data::Capability).parse(rest),
        b"ENABLED" => map(many0(preceded(sp, atom)), Data::Enabled).parse(rest),
        b"LIST" => map(preceded(sp, list_data), Data::List).parse(rest),
        b"LSUB" => map(preceded(sp, list_data), Data::Lsub).parse(rest),
        b"STATUS" => map(
            (
                preceded(sp, mailbox),
                preceded(sp, paren_list(status_value)),
            ),
            |(mailbox, items)| Data::Status { mailbox, items },
        )
        .parse(rest),
        b"SEARCH" => map(numbers_modseq, |(numbers, mod_seq)| Data::Search {
            numbers,
            mod_seq,
        })
        .parse(rest),
        b"SORT" => map(numbers_modseq, |(numbers, mod_seq)| Data::Sort {
            numbers,
            mod_seq,
        })
        .parse(rest),
        b"ESEARCH" => esearch(rest),
        b"THREAD" => map(
            many0(preceded(opt(sp), thread(MAX_THREAD_DEPTH))),
            Data::Thread,
        )
        .parse(rest),
        b"FLAGS" => map(preceded(sp, paren_list(flag)), Data::Flags).parse(rest),
        // RFC 2342's example 5.5 puts two spaces between the lists, and servers copied it.
        b"NAMESPACE" => map(
            (
                preceded(sp, namespace_list),
                preceded(spaces, namespace_list),
                preceded(spaces, namespace_list),
            ),
            |(personal, other, shared)| Data::Namespace {
                personal,
                other,
                shared,
            },
        )
        .parse(rest),
        b"ID" => map(preceded(sp, id_params), Data::Id).parse(rest),
        b"VANISHED" => map(
            (
                map(opt(tag_no_case(" (EARLIER)")), |e| e.is_some()),
                preceded(sp, sequence_set),
            ),
            |(earlier, uids)| Data::Vanished { earlier, uids },
        )
        .parse(rest),
        _ => extension_data(name, rest).unwrap_or_else(|| fail(i)),
    };
    match parsed {
        Ok((r, d)) if r.first().is_none_or(|&b| b == b'\r' || b == b'\n') => Ok((r, d)),
        // Unknown data, or known data in a form this crate does not read: keep it raw.
        _ => other(None)(i),
    }
}

fn extension_data<'a>(name: &[u8], rest: &'a [u8]) -> Option<R<'a, Data<'a>>> {
    use crate::extensions::{acl_data, metadata_data, quota_data, urlauth_data};
    if let Some(r) = quota_data(name, rest) {
        return Some(r.map(|(r, d)| (r, Data::Quota(d))));
    }
    if let Some(r) = acl_data(name, rest) {
        return Some(r.map(|(r, d)| (r, Data::Acl(d))));
    }
    if let Some(r) = metadata_data(name, rest) {
        return Some(r.map(|(r, d)| (r, Data::Metadata(d))));
    }
    urlauth_data(name, rest).map(|r| r.map(|(r, d)| (r, Data::UrlAuth(d))))
}

/// Raw data: a name then everything to the final line end.
fn other(number: Option<u32>) -> impl Fn(&[u8]) -> R<'_, Data<'_>> {
    move |i| {
        let (rest, name) = atom(i)?;
        let body_len = rest.len() - line_end_len(rest);
        let (raw, end) = rest.split_at(body_len);
        if !raw_frames_alike(raw) {
            return fail(i);
        }
        Ok((
            end,
            Data::Other {
                number,
                name,
                rest: Cow::Borrowed(raw),
            },
        ))
    }
}

fn line_end_len(i: &[u8]) -> usize {
    if i.ends_with(b"\r\n") {
        2
    } else if i.ends_with(b"\n") {
        1
    } else {
        0
    }
}

fn numbered(i: &[u8]) -> R<'_, Data<'_>> {
    let (rest, n) = terminated(number, sp).parse(i)?;
    let (after, name) = keyword(rest)?;
    let parsed = match Upper::new(name).as_bytes() {
        b"EXISTS" => Ok((after, Data::Exists(n))),
        b"RECENT" => Ok((after, Data::Recent(n))),
        b"EXPUNGE" => match std::num::NonZeroU32::new(n) {
            Some(n) => Ok((after, Data::Expunge(n))),
            None => fail(i),
        },
        b"FETCH" => match std::num::NonZeroU32::new(n) {
            Some(seq) => fetch_items(after).map(|(r, items)| (r, Data::Fetch { seq, items })),
            None => fail(i),
        },
        _ => fail(i),
    };
    match parsed {
        Ok((r, d)) if r.first().is_none_or(|&b| b == b'\r' || b == b'\n') => Ok((r, d)),
        _ => other(Some(n))(rest),
    }
}

/// `SP "(" [msg-att *(SP msg-att)] ")"`, as one loop: a FETCH stream is mostly this list.
fn fetch_items(i: &[u8]) -> R<'_, Vec<FetchItem<'_>>> {
    let (i, ()) = sp(i)?;
    let (mut i, ()) = open(i)?;
    let mut items = Vec::new();
    match fetch_item(i) {
        Ok((rest, first)) => {
            items.push(first);
            i = rest;
            while let Some((b' ', after)) = i.split_first() {
                match fetch_item(after) {
                    Ok((rest, next)) => {
                        items.push(next);
                        i = rest;
                    }
                    Err(nom::Err::Error(_)) => break,
                    Err(e) => return Err(e),
                }
            }
        }
        Err(nom::Err::Error(_)) => {}
        Err(e) => return Err(e),
    }
    let (i, ()) = close(i)?;
    Ok((i, items))
}

fn nstring_or_literal8(i: &[u8]) -> R<'_, Option<IString<'_>>> {
    alt((nstring, map(literal8, |l| Some(IString::Literal(l))))).parse(i)
}

fn origin(i: &[u8]) -> R<'_, u32> {
    delimited(char('<'), number, char('>')).parse(i)
}

fn fetch_item(i: &[u8]) -> R<'_, FetchItem<'_>> {
    let (rest, name) =
        take_while1(|b: u8| crate::types::chars::is_atom_char(b) && b != b'[' && b != b'<')
            .parse(i)?;
    let upper = Upper::new(name);
    let known = match upper.as_bytes() {
        b"FLAGS" => map(preceded(sp, paren_list(flag)), FetchItem::Flags).parse(rest),
        b"ENVELOPE" => map(preceded(sp, envelope), FetchItem::Envelope).parse(rest),
        b"INTERNALDATE" => map(preceded(sp, date_time), FetchItem::InternalDate).parse(rest),
        b"RFC822.SIZE" => map(preceded(sp, number), FetchItem::Rfc822Size).parse(rest),
        b"RFC822" => map(preceded(sp, nstring), FetchItem::Rfc822).parse(rest),
        b"RFC822.HEADER" => map(preceded(sp, nstring), FetchItem::Rfc822Header).parse(rest),
        b"RFC822.TEXT" => map(preceded(sp, nstring), FetchItem::Rfc822Text).parse(rest),
        b"BODYSTRUCTURE" => sp(rest)
            .and_then(|(rest, ())| body_top(rest))
            .map(|(rest, b)| (rest, FetchItem::BodyStructure(Box::new(b)))),
        b"BODY" if rest.first() == Some(&b'[') => map(
            (section, opt(origin), preceded(sp, nstring)),
            |(section, origin, data)| FetchItem::BodySection {
                section,
                origin,
                data,
            },
        )
        .parse(rest),
        b"BODY" => sp(rest)
            .and_then(|(rest, ())| body_top(rest))
            .map(|(rest, b)| (rest, FetchItem::Body(Box::new(b)))),
        b"BINARY" => map(
            (
                section_binary,
                opt(origin),
                preceded(sp, nstring_or_literal8),
            ),
            |(part, origin, data)| FetchItem::Binary { part, origin, data },
        )
        .parse(rest),
        b"BINARY.SIZE" => map((section_binary, preceded(sp, number)), |(part, size)| {
            FetchItem::BinarySize { part, size }
        })
        .parse(rest),
        b"UID" => map(preceded(sp, nz_number), FetchItem::Uid).parse(rest),
        b"MODSEQ" => map(
            preceded(tag(" ("), terminated(number64, char(')'))),
            FetchItem::ModSeq,
        )
        .parse(rest),
        b"EMAILID" => map(
            preceded(tag(" ("), terminated(atom, char(')'))),
            FetchItem::EmailId,
        )
        .parse(rest),
        b"THREADID" => map(
            preceded(
                sp,
                alt((
                    constant(None, nil),
                    map(delimited(char('('), atom, char(')')), Some),
                )),
            ),
            FetchItem::ThreadId,
        )
        .parse(rest),
        b"SAVEDATE" => map(
            preceded(sp, alt((constant(None, nil), map(date_time, Some)))),
            FetchItem::SaveDate,
        )
        .parse(rest),
        b"PREVIEW" => map(preceded(sp, nstring), FetchItem::Preview).parse(rest),
        _ => fail(i),
    };
    match known {
        Ok(ok) => Ok(ok),
        Err(_) => {
            // An item this crate does not read: a name and one generic value.
            let (rest, value) = preceded(sp, value).parse(rest)?;
            let name = std::str::from_utf8(name).unwrap_or_default();
            Ok((rest, FetchItem::Other(Cow::Borrowed(name), value)))
        }
    }
}
