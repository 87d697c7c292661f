//! SEARCH keys (RFC 3501 §6.4.4, RFC 9051 §6.4.4, CONDSTORE, WITHIN, SAVEDATE, OBJECTID,
//! SEARCH=FUZZY).

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag_no_case;
use nom::combinator::{map, opt};
use nom::sequence::preceded;

use crate::encode::Writer;
use crate::parse::core::{
    R, astring, atom, date, fail, flag, keyword_upper, number, number64, quoted, sequence_set, sp,
};
use crate::types::{AString, Atom, Date, Flag, IString, SequenceSet, static_enum};

/// How deeply NOT, OR and parentheses may nest.
pub(crate) const MAX_DEPTH: usize = 32;

/// A search key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SearchKey<'a> {
    /// `ALL`
    All,
    /// `ANSWERED`
    Answered,
    /// `BCC s`
    Bcc(AString<'a>),
    /// `BEFORE d`
    Before(Date),
    /// `BODY s`
    Body(AString<'a>),
    /// `CC s`
    Cc(AString<'a>),
    /// `DELETED`
    Deleted,
    /// `DRAFT`
    Draft,
    /// `FLAGGED`
    Flagged,
    /// `FROM s`
    From(AString<'a>),
    /// `HEADER name value`
    Header(AString<'a>, AString<'a>),
    /// `KEYWORD k`
    Keyword(Flag<'a>),
    /// `LARGER n`
    Larger(u32),
    /// `NEW` (IMAP4rev1)
    New,
    /// `NOT key`
    Not(Box<SearchKey<'a>>),
    /// `OLD` (IMAP4rev1)
    Old,
    /// `ON d`
    On(Date),
    /// `OR a b`
    Or(Box<SearchKey<'a>>, Box<SearchKey<'a>>),
    /// `RECENT` (IMAP4rev1)
    Recent,
    /// `SEEN`
    Seen,
    /// `SENTBEFORE d`
    SentBefore(Date),
    /// `SENTON d`
    SentOn(Date),
    /// `SENTSINCE d`
    SentSince(Date),
    /// `SINCE d`
    Since(Date),
    /// `SMALLER n`
    Smaller(u32),
    /// `SUBJECT s`
    Subject(AString<'a>),
    /// `TEXT s`
    Text(AString<'a>),
    /// `TO s`
    To(AString<'a>),
    /// `UID set`
    Uid(SequenceSet),
    /// `UNANSWERED`
    Unanswered,
    /// `UNDELETED`
    Undeleted,
    /// `UNDRAFT`
    Undraft,
    /// `UNFLAGGED`
    Unflagged,
    /// `UNKEYWORD k`
    Unkeyword(Flag<'a>),
    /// `UNSEEN`
    Unseen,
    /// A sequence set.
    SequenceSet(SequenceSet),
    /// `( keys )`
    And(Vec<SearchKey<'a>>),
    /// `MODSEQ ["name" type] n` (CONDSTORE)
    ModSeq {
        /// Flag metadata entry name (a quoted string) and type (`priv`, `shared`, `all`).
        entry: Option<(AString<'a>, Atom<'a>)>,
        /// Mod-sequence.
        mod_seq: u64,
    },
    /// `OLDER n` (WITHIN, RFC 5032)
    Older(u32),
    /// `YOUNGER n` (WITHIN)
    Younger(u32),
    /// `SAVEDBEFORE d` (RFC 8514)
    SavedBefore(Date),
    /// `SAVEDON d`
    SavedOn(Date),
    /// `SAVEDSINCE d`
    SavedSince(Date),
    /// `SAVEDATESUPPORTED`
    SaveDateSupported,
    /// `EMAILID id` (OBJECTID)
    EmailId(Atom<'a>),
    /// `THREADID id` (OBJECTID)
    ThreadId(Atom<'a>),
    /// `FUZZY key` (RFC 6203)
    Fuzzy(Box<SearchKey<'a>>),
}

static_enum!(SearchKey {
    All, Answered, Deleted, Draft, Flagged, New, Old, Recent, Seen, Unanswered, Undeleted, Undraft, Unflagged,
    Unseen, SaveDateSupported;
    Bcc(a), Before(a), Body(a), Cc(a), From(a), Header(a, b), Keyword(a), Larger(a), Not(a), On(a), Or(a, b),
    SentBefore(a), SentOn(a), SentSince(a), Since(a), Smaller(a), Subject(a), Text(a), To(a), Uid(a),
    Unkeyword(a), SequenceSet(a), And(a), Older(a), Younger(a), SavedBefore(a), SavedOn(a), SavedSince(a),
    EmailId(a), ThreadId(a), Fuzzy(a);
    ModSeq { entry, mod_seq },
});

const FLAG_KEYS: [(&str, SearchKey<'static>); 15] = [
    ("ALL", SearchKey::All),
    ("ANSWERED", SearchKey::Answered),
    ("DELETED", SearchKey::Deleted),
    ("DRAFT", SearchKey::Draft),
    ("FLAGGED", SearchKey::Flagged),
    ("NEW", SearchKey::New),
    ("OLD", SearchKey::Old),
    ("RECENT", SearchKey::Recent),
    ("SEEN", SearchKey::Seen),
    ("UNANSWERED", SearchKey::Unanswered),
    ("UNDELETED", SearchKey::Undeleted),
    ("UNDRAFT", SearchKey::Undraft),
    ("UNFLAGGED", SearchKey::Unflagged),
    ("UNSEEN", SearchKey::Unseen),
    ("SAVEDATESUPPORTED", SearchKey::SaveDateSupported),
];

const STRING_KEYS: [&str; 7] = ["BCC", "BODY", "CC", "FROM", "SUBJECT", "TEXT", "TO"];

type DateKey = fn(Date) -> SearchKey<'static>;
const DATE_KEYS: [(&str, DateKey); 9] = [
    ("BEFORE", SearchKey::Before),
    ("ON", SearchKey::On),
    ("SINCE", SearchKey::Since),
    ("SENTBEFORE", SearchKey::SentBefore),
    ("SENTON", SearchKey::SentOn),
    ("SENTSINCE", SearchKey::SentSince),
    ("SAVEDBEFORE", SearchKey::SavedBefore),
    ("SAVEDON", SearchKey::SavedOn),
    ("SAVEDSINCE", SearchKey::SavedSince),
];

type NumberKey = fn(u32) -> SearchKey<'static>;
const NUMBER_KEYS: [(&str, NumberKey); 4] = [
    ("LARGER", SearchKey::Larger),
    ("SMALLER", SearchKey::Smaller),
    ("OLDER", SearchKey::Older),
    ("YOUNGER", SearchKey::Younger),
];

/// `search-key *(SP search-key)`, as one loop (nom's `separated_list1` with a closure per key
/// cost more than most keys take to parse).
pub(crate) fn search_keys(depth: usize, i: &[u8]) -> R<'_, Vec<SearchKey<'_>>> {
    let (mut i, first) = search_key_at(depth, i)?;
    let mut keys = Vec::with_capacity(if i.first() == Some(&b' ') { 4 } else { 1 });
    keys.push(first);
    while let Some((b' ', after)) = i.split_first() {
        match search_key_at(depth, after) {
            Ok((rest, k)) => {
                keys.push(k);
                i = rest;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    Ok((i, keys))
}

/// A search key that takes one argument after a space: the name picks the argument's parser
/// and the variant, in one `match`.
enum Arg<'a> {
    String(fn(AString<'a>) -> SearchKey<'a>),
    Date(fn(Date) -> SearchKey<'a>),
    Number(fn(u32) -> SearchKey<'a>),
}

/// One search key, nesting at most `depth` more levels.
fn search_key_at(depth: usize, i: &[u8]) -> R<'_, SearchKey<'_>> {
    use SearchKey as K;
    if depth == 0 {
        return fail(i);
    }
    match i.first() {
        Some(b'(') => {
            let (rest, keys) = search_keys(depth - 1, &i[1..])?;
            return match rest.split_first() {
                Some((b')', rest)) => Ok((rest, K::And(keys))),
                _ => fail(rest),
            };
        }
        Some(b) if b.is_ascii_digit() || *b == b'*' || *b == b'$' => {
            return map(sequence_set, K::SequenceSet).parse(i);
        }
        _ => {}
    }
    // Uppercased as it is read, then one `match` (a switch on the length) instead of table
    // scans.
    let (rest, (_, upper)) = keyword_upper(i)?;
    let name = upper.as_bytes();
    let arg = match name {
        b"ALL" => return Ok((rest, K::All)),
        b"ANSWERED" => return Ok((rest, K::Answered)),
        b"DELETED" => return Ok((rest, K::Deleted)),
        b"DRAFT" => return Ok((rest, K::Draft)),
        b"FLAGGED" => return Ok((rest, K::Flagged)),
        b"NEW" => return Ok((rest, K::New)),
        b"OLD" => return Ok((rest, K::Old)),
        b"RECENT" => return Ok((rest, K::Recent)),
        b"SEEN" => return Ok((rest, K::Seen)),
        b"UNANSWERED" => return Ok((rest, K::Unanswered)),
        b"UNDELETED" => return Ok((rest, K::Undeleted)),
        b"UNDRAFT" => return Ok((rest, K::Undraft)),
        b"UNFLAGGED" => return Ok((rest, K::Unflagged)),
        b"UNSEEN" => return Ok((rest, K::Unseen)),
        b"SAVEDATESUPPORTED" => return Ok((rest, K::SaveDateSupported)),
        b"BCC" => Arg::String(K::Bcc),
        b"BODY" => Arg::String(K::Body),
        b"CC" => Arg::String(K::Cc),
        b"FROM" => Arg::String(K::From),
        b"SUBJECT" => Arg::String(K::Subject),
        b"TEXT" => Arg::String(K::Text),
        b"TO" => Arg::String(K::To),
        b"BEFORE" => Arg::Date(K::Before),
        b"ON" => Arg::Date(K::On),
        b"SINCE" => Arg::Date(K::Since),
        b"SENTBEFORE" => Arg::Date(K::SentBefore),
        b"SENTON" => Arg::Date(K::SentOn),
        b"SENTSINCE" => Arg::Date(K::SentSince),
        b"SAVEDBEFORE" => Arg::Date(K::SavedBefore),
        b"SAVEDON" => Arg::Date(K::SavedOn),
        b"SAVEDSINCE" => Arg::Date(K::SavedSince),
        b"LARGER" => Arg::Number(K::Larger),
        b"SMALLER" => Arg::Number(K::Smaller),
        b"OLDER" => Arg::Number(K::Older),
        b"YOUNGER" => Arg::Number(K::Younger),
        _ => return search_key_other(depth, i, rest, name),
    };
    let (arg_start, ()) = sp(rest)?;
    match arg {
        Arg::String(f) => astring(arg_start).map(|(r, s)| (r, f(s))),
        Arg::Date(f) => date(arg_start).map(|(r, d)| (r, f(d))),
        Arg::Number(f) => number(arg_start).map(|(r, n)| (r, f(n))),
    }
}

/// The keys with other arguments, and the nesting keys. `name` is uppercase; `i` is where the
/// key starts and `rest` what follows its name.
fn search_key_other<'a>(
    depth: usize,
    i: &'a [u8],
    rest: &'a [u8],
    name: &[u8],
) -> R<'a, SearchKey<'a>> {
    let sub = |i| search_key_at(depth - 1, i);
    match name {
        b"HEADER" => map((preceded(sp, astring), preceded(sp, astring)), |(h, v)| {
            SearchKey::Header(h, v)
        })
        .parse(rest),
        b"KEYWORD" => map(preceded(sp, flag), SearchKey::Keyword).parse(rest),
        b"UNKEYWORD" => map(preceded(sp, flag), SearchKey::Unkeyword).parse(rest),
        b"UID" => map(preceded(sp, sequence_set), SearchKey::Uid).parse(rest),
        b"NOT" => map(preceded(sp, sub), |k| SearchKey::Not(Box::new(k))).parse(rest),
        b"FUZZY" => map(preceded(sp, sub), |k| SearchKey::Fuzzy(Box::new(k))).parse(rest),
        b"OR" => map((preceded(sp, sub), preceded(sp, sub)), |(a, b)| {
            SearchKey::Or(Box::new(a), Box::new(b))
        })
        .parse(rest),
        b"MODSEQ" => {
            let entry = map((preceded(sp, quoted), preceded(sp, atom)), |(q, a)| {
                (AString::String(IString::Quoted(q)), a)
            });
            alt((
                map((entry, preceded(sp, number64)), |(e, mod_seq)| {
                    SearchKey::ModSeq {
                        entry: Some(e),
                        mod_seq,
                    }
                }),
                map(preceded(sp, number64), |mod_seq| SearchKey::ModSeq {
                    entry: None,
                    mod_seq,
                }),
            ))
            .parse(rest)
        }
        b"EMAILID" => map(preceded(sp, atom), SearchKey::EmailId).parse(rest),
        b"THREADID" => map(preceded(sp, atom), SearchKey::ThreadId).parse(rest),
        _ => fail(i),
    }
}

/// `SEARCH` arguments after the command name: `[RETURN (...)] [CHARSET c] keys`.
pub(crate) type SearchArgs<'a> = (
    Option<Vec<super::SearchReturn<'a>>>,
    Option<AString<'a>>,
    Vec<SearchKey<'a>>,
);

pub(crate) fn search_args(i: &[u8]) -> R<'_, SearchArgs<'_>> {
    let returns = preceded(tag_no_case("RETURN "), super::options::search_returns);
    let charset = preceded(tag_no_case("CHARSET "), crate::parse::core::charset);
    (
        opt(nom::sequence::terminated(returns, sp)),
        opt(nom::sequence::terminated(charset, sp)),
        |i| search_keys(MAX_DEPTH, i),
    )
        .parse(i)
}

/// Writes one search key.
pub(crate) fn encode_search_key(w: &mut Writer, k: &SearchKey<'_>) {
    use SearchKey as K;
    if let Some((n, _)) = FLAG_KEYS.iter().find(|(_, v)| v == k) {
        w.raw(n.as_bytes());
        return;
    }
    let word = |w: &mut Writer, name: &str| {
        w.raw(name.as_bytes()).sp();
    };
    match k {
        K::Bcc(s) | K::Body(s) | K::Cc(s) | K::From(s) | K::Subject(s) | K::Text(s) | K::To(s) => {
            let name = match k {
                K::Bcc(_) => STRING_KEYS[0],
                K::Body(_) => STRING_KEYS[1],
                K::Cc(_) => STRING_KEYS[2],
                K::From(_) => STRING_KEYS[3],
                K::Subject(_) => STRING_KEYS[4],
                K::Text(_) => STRING_KEYS[5],
                _ => STRING_KEYS[6],
            };
            word(w, name);
            w.astring(s);
        }
        K::Before(d)
        | K::On(d)
        | K::Since(d)
        | K::SentBefore(d)
        | K::SentOn(d)
        | K::SentSince(d)
        | K::SavedBefore(d)
        | K::SavedOn(d)
        | K::SavedSince(d) => {
            let name = DATE_KEYS
                .iter()
                .find(|(_, f)| f(*d) == *k)
                .map_or("ON", |(n, _)| n);
            word(w, name);
            w.date(d);
        }
        K::Larger(n) | K::Smaller(n) | K::Older(n) | K::Younger(n) => {
            let name = NUMBER_KEYS
                .iter()
                .find(|(_, f)| f(*n) == *k)
                .map_or("LARGER", |(n, _)| n);
            word(w, name);
            w.num(*n);
        }
        K::Header(h, v) => {
            word(w, "HEADER");
            w.astring(h).sp().astring(v);
        }
        K::Keyword(f) => {
            word(w, "KEYWORD");
            w.flag(f);
        }
        K::Unkeyword(f) => {
            word(w, "UNKEYWORD");
            w.flag(f);
        }
        K::Uid(s) => {
            word(w, "UID");
            w.sequence_set(s);
        }
        K::SequenceSet(s) => {
            w.sequence_set(s);
        }
        K::Not(k) => {
            word(w, "NOT");
            encode_search_key(w, k);
        }
        K::Fuzzy(k) => {
            word(w, "FUZZY");
            encode_search_key(w, k);
        }
        K::Or(a, b) => {
            word(w, "OR");
            encode_search_key(w, a);
            w.sp();
            encode_search_key(w, b);
        }
        K::And(keys) => {
            w.list(keys, encode_search_key);
        }
        K::ModSeq { entry, mod_seq } => {
            word(w, "MODSEQ");
            if let Some((name, kind)) = entry {
                w.astring(name).sp().atom(kind).sp();
            }
            w.num(*mod_seq);
        }
        K::EmailId(a) => {
            word(w, "EMAILID");
            w.atom(a);
        }
        K::ThreadId(a) => {
            word(w, "THREADID");
            w.atom(a);
        }
        _ => {}
    }
}
