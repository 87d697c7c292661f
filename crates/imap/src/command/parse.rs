//! Parsing of whole command frames.

use std::borrow::Cow;

use mailwire_core::Secret;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while};
use nom::character::complete::char;
use nom::combinator::{all_consuming, map, opt, recognize, value, verify};
use nom::multi::{many1, separated_list1};
use nom::sequence::{delimited, preceded, terminated};

use super::fetch::fetch_items;
use super::options::{list_return, list_selection, search_returns};
use super::search::{MAX_DEPTH, search_args, search_keys};
use super::{
    AppendData, AppendMessage, CatenatePart, Command, CommandBody, FetchModifier, ListSelection,
    SelectParam, SortCriterion, StatusItem, StoreKind,
};
use crate::error::ParseError;
use crate::parse::core::{
    R, Upper, astring, atom, charset, crlf, date_time, fail, flag, flag_list, imap_tag,
    keyword_upper, list_mailbox, literal, literal8, mailbox, nil, nstring, number64, nz_number,
    paren_list, paren_list1, raw_frames_alike, run1, sequence_set, sp, string,
};
use crate::types::MailboxAttribute;
use crate::types::chars::is_atom_char;

/// Parses one command frame (as delivered by the framer, line end included).
///
/// ```
/// use mailwire_imap::command::{CommandBody, parse_command};
///
/// let cmd = parse_command(b"a1 SELECT INBOX\r\n").unwrap();
/// assert_eq!(cmd.tag.as_str(), "a1");
/// assert!(matches!(cmd.body, CommandBody::Select { .. }));
/// ```
pub fn parse_command(frame: &[u8]) -> Result<Command<'_>, ParseError> {
    match command(frame) {
        Ok(([], c)) => Ok(c),
        Ok((rest, _)) => Err(ParseError::new(frame, rest)),
        Err(e) => Err(ParseError::from_nom(frame, e)),
    }
}

/// A line the client sends during AUTHENTICATE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthenticateData<'a> {
    /// Base64 text (not decoded).
    Continue(Secret<Cow<'a, [u8]>>),
    /// `*`: the client cancels the exchange.
    Cancel,
}

fn base64(i: &[u8]) -> R<'_, &[u8]> {
    recognize((
        take_while(|b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/'),
        take_while(|b| b == b'='),
    ))
    .parse(i)
}

/// Parses a line sent in answer to an AUTHENTICATE continuation request.
pub fn parse_authenticate_data(line: &[u8]) -> Result<AuthenticateData<'_>, ParseError> {
    let p = alt((
        value(AuthenticateData::Cancel, tag("*")),
        map(base64, |b| {
            AuthenticateData::Continue(Secret::new(Cow::Borrowed(b)))
        }),
    ));
    all_consuming(terminated(p, crlf))
        .parse(line)
        .map(|(_, d)| d)
        .map_err(|_| ParseError::new(b"<redacted>", b""))
}

/// Parses the `DONE` line that ends IDLE.
pub fn parse_idle_done(line: &[u8]) -> Result<(), ParseError> {
    all_consuming(terminated(tag_no_case("DONE"), crlf))
        .parse(line)
        .map(|_| ())
        .map_err(|e| ParseError::from_nom(line, e))
}

/// A plain function rather than a nom chain: every command goes through it, and the layers of
/// `map`/`terminated` each moved the whole `Command` value once more.
pub(crate) fn command(i: &[u8]) -> R<'_, Command<'_>> {
    let (i, tag) = imap_tag(i)?;
    let (i, ()) = sp(i)?;
    let (i, body) = command_body(i)?;
    let (i, ()) = crlf(i)?;
    Ok((i, Command { tag, body }))
}

fn command_body(i: &[u8]) -> R<'_, CommandBody<'_>> {
    let (rest, (name, upper)) = keyword_upper(i)?;
    let simple = match upper.as_bytes() {
        b"CAPABILITY" => Some(CommandBody::Capability),
        b"NOOP" => Some(CommandBody::Noop),
        b"LOGOUT" => Some(CommandBody::Logout),
        b"STARTTLS" => Some(CommandBody::StartTls),
        b"NAMESPACE" => Some(CommandBody::Namespace),
        b"IDLE" => Some(CommandBody::Idle),
        b"CHECK" => Some(CommandBody::Check),
        b"CLOSE" => Some(CommandBody::Close),
        b"UNSELECT" => Some(CommandBody::Unselect),
        b"EXPUNGE" => Some(CommandBody::Expunge),
        b"UNAUTHENTICATE" => Some(CommandBody::Unauthenticate),
        _ => None,
    };
    if let Some(body) = simple {
        return Ok((rest, body));
    }
    if !takes_arguments(upper.as_bytes()) {
        let args = sp(rest).map(|(r, ())| r).unwrap_or(rest);
        if let Some(r) = crate::extensions::quota_command(name, args) {
            return r.map(|(r, c)| (r, CommandBody::Quota(c)));
        }
        if let Some(r) = crate::extensions::acl_command(name, args) {
            return r.map(|(r, c)| (r, CommandBody::Acl(c)));
        }
        if let Some(r) = crate::extensions::metadata_command(name, args) {
            return r.map(|(r, c)| (r, CommandBody::Metadata(c)));
        }
        if let Some(r) = crate::extensions::urlauth_command(name, args) {
            return r.map(|(r, c)| (r, CommandBody::UrlAuth(c)));
        }
        if let Some(r) = crate::extensions::notify_command(name, args) {
            return r.map(|(r, c)| (r, CommandBody::Notify(c)));
        }
        if name.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'X')) {
            return experimental(i);
        }
        return fail(i);
    }
    let (rest, _) = sp(rest)?;
    match upper.as_bytes() {
        b"AUTHENTICATE" => authenticate(rest),
        b"LOGIN" => map((astring, preceded(sp, astring)), |(username, p)| {
            CommandBody::Login {
                username,
                password: Secret::new(p),
            }
        })
        .parse(rest),
        b"ENABLE" => map(separated_list1(sp, atom), |capabilities| {
            CommandBody::Enable { capabilities }
        })
        .parse(rest),
        b"SELECT" => map(select_args, |(mailbox, params)| CommandBody::Select {
            mailbox,
            params,
        })
        .parse(rest),
        b"EXAMINE" => map(select_args, |(mailbox, params)| CommandBody::Examine {
            mailbox,
            params,
        })
        .parse(rest),
        b"CREATE" => create(rest),
        b"DELETE" => map(mailbox, |mailbox| CommandBody::Delete { mailbox }).parse(rest),
        b"RENAME" => map((mailbox, preceded(sp, mailbox)), |(from, to)| {
            CommandBody::Rename { from, to }
        })
        .parse(rest),
        b"SUBSCRIBE" => map(mailbox, |mailbox| CommandBody::Subscribe { mailbox }).parse(rest),
        b"UNSUBSCRIBE" => map(mailbox, |mailbox| CommandBody::Unsubscribe { mailbox }).parse(rest),
        b"LIST" => list(rest),
        b"LSUB" => map(
            (mailbox, preceded(sp, list_mailbox)),
            |(reference, pattern)| CommandBody::Lsub { reference, pattern },
        )
        .parse(rest),
        b"RLIST" => map(
            (mailbox, preceded(sp, list_mailbox)),
            |(reference, pattern)| CommandBody::Rlist { reference, pattern },
        )
        .parse(rest),
        b"RLSUB" => map(
            (mailbox, preceded(sp, list_mailbox)),
            |(reference, pattern)| CommandBody::Rlsub { reference, pattern },
        )
        .parse(rest),
        b"CANCELUPDATE" => map(separated_list1(sp, crate::parse::core::quoted), |tags| {
            CommandBody::CancelUpdate { tags }
        })
        .parse(rest),
        b"STATUS" => map(
            (mailbox, preceded(sp, paren_list(status_item))),
            |(mailbox, items)| CommandBody::Status { mailbox, items },
        )
        .parse(rest),
        b"APPEND" => append(rest),
        b"UID" => uid_command(rest),
        b"SEARCH" => search(false, rest),
        b"FETCH" => fetch(false, rest),
        b"STORE" => store(false, rest),
        b"COPY" => map(set_mailbox, |(set, mailbox)| CommandBody::Copy {
            uid: false,
            set,
            mailbox,
        })
        .parse(rest),
        b"MOVE" => map(set_mailbox, |(set, mailbox)| CommandBody::Move {
            uid: false,
            set,
            mailbox,
        })
        .parse(rest),
        b"COMPRESS" => map(atom, |mechanism| CommandBody::Compress { mechanism }).parse(rest),
        b"SORT" => sort(false, rest),
        b"THREAD" => thread(false, rest),
        b"ID" => map(id_params, |fields| CommandBody::Id { fields }).parse(rest),
        _ => fail(i),
    }
}

/// `x-command`: the name, then the rest of the frame as sent, up to (not including) its
/// final CRLF, which the caller checks.
fn experimental(i: &[u8]) -> R<'_, CommandBody<'_>> {
    let (rest, name) = atom(i)?;
    let Some(body) = rest.strip_suffix(b"\r\n") else {
        return fail(i);
    };
    let end = &rest[body.len()..];
    match body {
        [] => Ok((end, CommandBody::Experimental { name, args: None })),
        [b' ', args @ ..] if !args.is_empty() && raw_frames_alike(args) => Ok((
            end,
            CommandBody::Experimental {
                name,
                args: Some(Cow::Borrowed(args)),
            },
        )),
        _ => fail(i),
    }
}

/// The base commands that take arguments (one `match`, compiled to a switch on the length).
fn takes_arguments(name: &[u8]) -> bool {
    matches!(
        name,
        b"RLIST"
            | b"RLSUB"
            | b"CANCELUPDATE"
            | b"SORT"
            | b"THREAD"
            | b"AUTHENTICATE"
            | b"LOGIN"
            | b"ENABLE"
            | b"SELECT"
            | b"EXAMINE"
            | b"CREATE"
            | b"DELETE"
            | b"RENAME"
            | b"SUBSCRIBE"
            | b"UNSUBSCRIBE"
            | b"LIST"
            | b"LSUB"
            | b"STATUS"
            | b"APPEND"
            | b"UID"
            | b"SEARCH"
            | b"FETCH"
            | b"STORE"
            | b"COPY"
            | b"MOVE"
            | b"COMPRESS"
            | b"ID"
    )
}

fn authenticate(i: &[u8]) -> R<'_, CommandBody<'_>> {
    let ir = alt((
        tag("="),
        nom::combinator::verify(base64, |b: &[u8]| !b.is_empty()),
    ));
    let (rest, mechanism) = atom(i)?;
    let (after, ir_bytes) = opt(preceded(sp, ir)).parse(rest)?;
    Ok((
        after,
        CommandBody::Authenticate {
            mechanism,
            initial_response: ir_bytes.map(|b| Secret::new(Cow::Borrowed(b))),
        },
    ))
}

fn select_param(i: &[u8]) -> R<'_, SelectParam<'_>> {
    let seq_match = delimited(
        char('('),
        (sequence_set, preceded(sp, sequence_set)),
        char(')'),
    );
    let qresync = map(
        delimited(
            tag_no_case("QRESYNC ("),
            (
                nz_number,
                preceded(sp, nz_u64),
                opt(preceded(sp, sequence_set)),
                opt(preceded(sp, seq_match)),
            ),
            char(')'),
        ),
        |(uid_validity, mod_seq, known_uids, seq_match)| SelectParam::QResync {
            uid_validity,
            mod_seq,
            known_uids,
            seq_match,
        },
    );
    alt((
        qresync,
        value(SelectParam::CondStore, tag_no_case("CONDSTORE")),
        map(atom, SelectParam::Other),
    ))
    .parse(i)
}

pub(crate) fn nz_u64(i: &[u8]) -> R<'_, std::num::NonZeroU64> {
    nom::combinator::map_res(number64, std::num::NonZeroU64::try_from).parse(i)
}

type SelectArgs<'a> = (crate::types::Mailbox<'a>, Vec<SelectParam<'a>>);

fn select_args(i: &[u8]) -> R<'_, SelectArgs<'_>> {
    map(
        (mailbox, opt(preceded(sp, paren_list1(select_param)))),
        |(m, p)| (m, p.unwrap_or_default()),
    )
    .parse(i)
}

fn mailbox_attribute(i: &[u8]) -> R<'_, MailboxAttribute<'_>> {
    map(preceded(char('\\'), atom), MailboxAttribute).parse(i)
}

fn create(i: &[u8]) -> R<'_, CommandBody<'_>> {
    let use_attr = delimited(
        tag_no_case("(USE "),
        paren_list(mailbox_attribute),
        char(')'),
    );
    map(
        (mailbox, opt(preceded(sp, use_attr))),
        |(mailbox, special_use)| CommandBody::Create {
            mailbox,
            special_use: special_use.unwrap_or_default(),
        },
    )
    .parse(i)
}

pub(crate) fn status_item(i: &[u8]) -> R<'_, StatusItem<'_>> {
    // Uppercased once and matched whole; only an unknown name is made into an atom.
    let (rest, name) = run1(i, is_atom_char)?;
    let known = match Upper::new(name).as_bytes() {
        b"MESSAGES" => StatusItem::Messages,
        b"RECENT" => StatusItem::Recent,
        b"UIDNEXT" => StatusItem::UidNext,
        b"UIDVALIDITY" => StatusItem::UidValidity,
        b"UNSEEN" => StatusItem::Unseen,
        b"DELETED" => StatusItem::Deleted,
        b"DELETED-STORAGE" => StatusItem::DeletedStorage,
        b"SIZE" => StatusItem::Size,
        b"HIGHESTMODSEQ" => StatusItem::HighestModSeq,
        b"APPENDLIMIT" => StatusItem::AppendLimit,
        b"MAILBOXID" => StatusItem::MailboxId,
        _ => return atom(i).map(|(r, a)| (r, StatusItem::Other(a))),
    };
    Ok((rest, known))
}

/// RFC 9051 §9 `list-select-opts`: RECURSIVEMATCH only modifies another selection option, so
/// `(RECURSIVEMATCH)` and `(REMOTE RECURSIVEMATCH)` are not commands (the server answers BAD).
fn selection_is_valid(options: &[ListSelection<'_>]) -> bool {
    !options.contains(&ListSelection::RecursiveMatch)
        || options
            .iter()
            .any(|o| !matches!(o, ListSelection::Remote | ListSelection::RecursiveMatch))
}

fn list(i: &[u8]) -> R<'_, CommandBody<'_>> {
    let patterns = alt((paren_list1(list_mailbox), map(list_mailbox, |p| vec![p])));
    let selection = verify(paren_list(list_selection), |s: &Vec<_>| {
        selection_is_valid(s)
    });
    map(
        (
            opt(terminated(selection, sp)),
            mailbox,
            preceded(sp, patterns),
            opt(preceded(tag_no_case(" RETURN "), paren_list(list_return))),
        ),
        |(selection, reference, patterns, returns)| CommandBody::List {
            selection: selection.unwrap_or_default(),
            reference,
            patterns,
            returns: returns.unwrap_or_default(),
        },
    )
    .parse(i)
}

fn append_data(i: &[u8]) -> R<'_, AppendData<'_>> {
    let part = alt((
        map(preceded(tag_no_case("URL "), astring), CatenatePart::Url),
        map(preceded(tag_no_case("TEXT "), literal), CatenatePart::Text),
    ));
    alt((
        map(literal8, AppendData::Literal),
        map(
            preceded(tag_no_case("CATENATE "), paren_list1(part)),
            AppendData::Catenate,
        ),
        map(
            delimited(tag_no_case("UTF8 ("), literal8, char(')')),
            AppendData::Utf8,
        ),
    ))
    .parse(i)
}

fn append(i: &[u8]) -> R<'_, CommandBody<'_>> {
    let message = map(
        (
            opt(preceded(sp, flag_list)),
            opt(preceded(sp, date_time)),
            preceded(sp, append_data),
        ),
        |(flags, date, data)| AppendMessage {
            flags: flags.unwrap_or_default(),
            date,
            data,
        },
    );
    map((mailbox, many1(message)), |(mailbox, messages)| {
        CommandBody::Append { mailbox, messages }
    })
    .parse(i)
}

fn uid_command(i: &[u8]) -> R<'_, CommandBody<'_>> {
    let (rest, (_, upper)) = keyword_upper(i)?;
    let (rest, ()) = sp(rest)?;
    match upper.as_bytes() {
        b"COPY" => map(set_mailbox, |(set, mailbox)| CommandBody::Copy {
            uid: true,
            set,
            mailbox,
        })
        .parse(rest),
        b"MOVE" => map(set_mailbox, |(set, mailbox)| CommandBody::Move {
            uid: true,
            set,
            mailbox,
        })
        .parse(rest),
        b"FETCH" => fetch(true, rest),
        b"SORT" => sort(true, rest),
        b"THREAD" => thread(true, rest),
        b"SEARCH" => search(true, rest),
        b"STORE" => store(true, rest),
        b"EXPUNGE" => map(sequence_set, |set| CommandBody::UidExpunge { set }).parse(rest),
        _ => fail(i),
    }
}

fn set_mailbox(i: &[u8]) -> R<'_, (crate::types::SequenceSet, crate::types::Mailbox<'_>)> {
    (sequence_set, preceded(sp, mailbox)).parse(i)
}

fn search(uid: bool, i: &[u8]) -> R<'_, CommandBody<'_>> {
    map(search_args, |(returns, charset, criteria)| {
        CommandBody::Search {
            uid,
            returns,
            charset,
            criteria,
        }
    })
    .parse(i)
}

fn sort(uid: bool, i: &[u8]) -> R<'_, CommandBody<'_>> {
    let returns = preceded(tag_no_case("RETURN "), search_returns);
    let criterion = map((opt(tag_no_case("REVERSE ")), atom), |(r, key)| {
        SortCriterion {
            reverse: r.is_some(),
            key,
        }
    });
    map(
        (
            opt(terminated(returns, sp)),
            paren_list1(criterion),
            preceded(sp, charset),
            preceded(sp, |i| search_keys(MAX_DEPTH, i)),
        ),
        |(returns, criteria, charset, search)| CommandBody::Sort {
            uid,
            returns,
            criteria,
            charset,
            search,
        },
    )
    .parse(i)
}

fn thread(uid: bool, i: &[u8]) -> R<'_, CommandBody<'_>> {
    map(
        (
            atom,
            preceded(sp, charset),
            preceded(sp, |i| search_keys(MAX_DEPTH, i)),
        ),
        |(algorithm, charset, search)| CommandBody::Thread {
            uid,
            algorithm,
            charset,
            search,
        },
    )
    .parse(i)
}

fn fetch(uid: bool, i: &[u8]) -> R<'_, CommandBody<'_>> {
    let modifier = alt((
        map(
            preceded(tag_no_case("CHANGEDSINCE "), number64),
            FetchModifier::ChangedSince,
        ),
        value(FetchModifier::Vanished, tag_no_case("VANISHED")),
    ));
    let (rest, set) = sequence_set(i)?;
    let (rest, ()) = sp(rest)?;
    let (rest, items) = fetch_items(rest)?;
    // Modifiers are rare: only a space and a parenthesis start them.
    let (rest, modifiers) = match rest {
        [b' ', b'(', ..] => match paren_list1(modifier).parse(&rest[1..]) {
            Ok((r, m)) => (r, m),
            Err(_) => (rest, Vec::new()),
        },
        _ => (rest, Vec::new()),
    };
    Ok((
        rest,
        CommandBody::Fetch {
            uid,
            set,
            items,
            modifiers,
        },
    ))
}

/// `i` starts with `word` in any case.
fn starts_with_no_case(i: &[u8], word: &[u8]) -> bool {
    i.get(..word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

fn store(uid: bool, i: &[u8]) -> R<'_, CommandBody<'_>> {
    let (rest, set) = sequence_set(i)?;
    let unchanged = preceded(
        sp,
        delimited(tag_no_case("(UNCHANGEDSINCE "), number64, char(')')),
    );
    let (rest, unchanged_since) = opt(unchanged).parse(rest)?;
    let (rest, ()) = sp(rest)?;
    let (rest, kind) = match rest.split_first() {
        Some((b'+', r)) => (r, StoreKind::Add),
        Some((b'-', r)) => (r, StoreKind::Remove),
        _ => (rest, StoreKind::Replace),
    };
    if !starts_with_no_case(rest, b"FLAGS") {
        return fail(rest);
    }
    let rest = &rest[5..];
    let silent = starts_with_no_case(rest, b".SILENT");
    let rest = if silent { &rest[7..] } else { rest };
    let (rest, ()) = sp(rest)?;
    let (rest, flags) = alt((flag_list, separated_list1(sp, flag))).parse(rest)?;
    Ok((
        rest,
        CommandBody::Store {
            uid,
            set,
            unchanged_since,
            kind,
            silent,
            flags,
        },
    ))
}

pub(crate) type IdFieldsRef<'a> =
    Option<Vec<(crate::types::IString<'a>, Option<crate::types::IString<'a>>)>>;

pub(crate) fn id_params(i: &[u8]) -> R<'_, IdFieldsRef<'_>> {
    alt((
        value(None, nil),
        map(paren_list((string, preceded(sp, nstring))), Some),
    ))
    .parse(i)
}
