//! SEARCH keys (RFC 3501 §6.4.4, RFC 9051 §6.4.4, CONDSTORE, WITHIN, SAVEDATE, OBJECTID,
//! SEARCH=FUZZY).

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag_no_case;
use nom::character::complete::char;
use nom::combinator::{map, opt};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded};

use crate::encode::Writer;
use crate::parse::core::{
    R, Upper, astring, atom, date, fail, flag, keyword, number, number64, quoted, sequence_set, sp,
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

fn string_key(index: usize, s: AString<'_>) -> SearchKey<'_> {
    match index {
        0 => SearchKey::Bcc(s),
        1 => SearchKey::Body(s),
        2 => SearchKey::Cc(s),
        3 => SearchKey::From(s),
        4 => SearchKey::Subject(s),
        5 => SearchKey::Text(s),
        _ => SearchKey::To(s),
    }
}

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

/// `name` is uppercase.
fn find<T: Copy>(table: &[(&str, T)], name: &[u8]) -> Option<T> {
    table
        .iter()
        .find(|(n, _)| n.as_bytes() == name)
        .map(|(_, v)| *v)
}

/// One search key, nesting at most `depth` more levels.
pub(crate) fn search_key(depth: usize) -> impl Fn(&[u8]) -> R<'_, SearchKey<'_>> {
    move |i| {
        if depth == 0 {
            return fail(i);
        }
        if i.first() == Some(&b'(') {
            return map(
                delimited(
                    char('('),
                    separated_list1(sp, search_key(depth - 1)),
                    char(')'),
                ),
                SearchKey::And,
            )
            .parse(i);
        }
        if i.first()
            .is_some_and(|b| b.is_ascii_digit() || *b == b'*' || *b == b'$')
        {
            return map(sequence_set, SearchKey::SequenceSet).parse(i);
        }
        let (rest, name) = keyword(i)?;
        // Uppercased once; the tables are then compared byte for byte.
        let upper = Upper::new(name);
        let name = upper.as_bytes();
        if let Some(k) = FLAG_KEYS.iter().find(|(n, _)| n.as_bytes() == name) {
            return Ok((rest, k.1.clone()));
        }
        if let Some(idx) = STRING_KEYS.iter().position(|n| n.as_bytes() == name) {
            return map(preceded(sp, astring), |s| string_key(idx, s)).parse(rest);
        }
        if let Some(f) = find(&DATE_KEYS, name) {
            return map(preceded(sp, date), f).parse(rest);
        }
        if let Some(f) = find(&NUMBER_KEYS, name) {
            return map(preceded(sp, number), f).parse(rest);
        }
        match name {
            b"HEADER" => map((preceded(sp, astring), preceded(sp, astring)), |(h, v)| {
                SearchKey::Header(h, v)
            })
            .parse(rest),
            b"KEYWORD" => map(preceded(sp, flag), SearchKey::Keyword).parse(rest),
            b"UNKEYWORD" => map(preceded(sp, flag), SearchKey::Unkeyword).parse(rest),
            b"UID" => map(preceded(sp, sequence_set), SearchKey::Uid).parse(rest),
            b"NOT" => map(preceded(sp, search_key(depth - 1)), |k| {
                SearchKey::Not(Box::new(k))
            })
            .parse(rest),
            b"FUZZY" => map(preceded(sp, search_key(depth - 1)), |k| {
                SearchKey::Fuzzy(Box::new(k))
            })
            .parse(rest),
            b"OR" => map(
                (
                    preceded(sp, search_key(depth - 1)),
                    preceded(sp, search_key(depth - 1)),
                ),
                |(a, b)| SearchKey::Or(Box::new(a), Box::new(b)),
            )
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
        separated_list1(sp, search_key(MAX_DEPTH)),
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
