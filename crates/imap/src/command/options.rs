//! Typed options of SEARCH / SORT `RETURN (...)` (ESEARCH RFC 4731, SEARCHRES RFC 5182,
//! CONTEXT=SEARCH and ESORT RFC 5267, PARTIAL RFC 9394) and of LIST selection and `RETURN`
//! (LIST-EXTENDED RFC 5258, LIST-STATUS RFC 5819, SPECIAL-USE RFC 6154, LIST-MYRIGHTS RFC 8440).
//!
//! Every family keeps a generic `Other` variant, so an option this crate does not know still
//! parses and encodes back as sent (its name uppercased only if it is a known one).

use std::num::NonZeroU32;

use nom::Parser;
use nom::bytes::complete::tag;
use nom::character::complete::char;
use nom::combinator::{map, opt};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded};

use super::StatusItem;
use super::encode::encode_status_items;
use super::parse::status_item;
use crate::encode::Writer;
use crate::parse::core::{R, Upper, atom, nz_number, paren_list1, sp};
use crate::response::Value;
use crate::response::value::{encode_value, value};
use crate::types::{Atom, IntoStatic, static_enum};

/// The parenthesised value an unknown option may carry (`option-value` of RFC 5258,
/// `"(" tagged-ext-comp ")"` of RFC 4466), kept generic.
pub type OptionValue<'a> = Option<Vec<Value<'a>>>;

/// A SEARCH or SORT `RETURN` option.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SearchReturn<'a> {
    /// `MIN` (ESEARCH, RFC 4731)
    Min,
    /// `MAX` (ESEARCH)
    Max,
    /// `ALL` (ESEARCH)
    All,
    /// `COUNT` (ESEARCH)
    Count,
    /// `SAVE` (SEARCHRES, RFC 5182)
    Save,
    /// `CONTEXT` (CONTEXT=SEARCH, RFC 5267)
    Context,
    /// `UPDATE` (CONTEXT=SEARCH)
    Update,
    /// `RELEVANCY` (SEARCH=FUZZY, RFC 6203)
    Relevancy,
    /// `UPDATE (fetch-att...)` (NOTIFY, RFC 5465 §7): updates that also bring these FETCH
    /// attributes of each new message.
    UpdateFetch(Vec<super::fetch::FetchAttribute<'a>>),
    /// `PARTIAL range` (RFC 5267, negative ranges from RFC 9394)
    Partial(PartialRange),
    /// Any other option, with its parenthesised value if it has one.
    Other {
        /// Option name.
        name: Atom<'a>,
        /// Its value.
        value: OptionValue<'a>,
    },
}
static_enum!(SearchReturn { Min, Max, All, Count, Save, Context, Update, Relevancy; Partial(a), UpdateFetch(a); Other { name, value } });

/// The range of `PARTIAL`: `first:last`, counted from the end of the results when `from_end`
/// (`-first:-last`, RFC 9394). The bounds are kept in the order sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialRange {
    /// The range counts from the last result.
    pub from_end: bool,
    /// First bound.
    pub first: NonZeroU32,
    /// Second bound.
    pub last: NonZeroU32,
}

impl IntoStatic for PartialRange {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}

/// A LIST selection option (LIST-EXTENDED, RFC 5258; SPECIAL-USE, RFC 6154).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListSelection<'a> {
    /// `SUBSCRIBED`
    Subscribed,
    /// `REMOTE`
    Remote,
    /// `RECURSIVEMATCH`
    RecursiveMatch,
    /// `SPECIAL-USE` (RFC 6154)
    SpecialUse,
    /// Any other option, with its parenthesised value if it has one.
    Other {
        /// Option name.
        name: Atom<'a>,
        /// Its value.
        value: OptionValue<'a>,
    },
}
static_enum!(ListSelection { Subscribed, Remote, RecursiveMatch, SpecialUse; ; Other { name, value } });

/// A LIST return option (LIST-EXTENDED, RFC 5258; LIST-STATUS, RFC 5819; SPECIAL-USE,
/// RFC 6154; LIST-MYRIGHTS, RFC 8440).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListReturn<'a> {
    /// `SUBSCRIBED`
    Subscribed,
    /// `CHILDREN`
    Children,
    /// `SPECIAL-USE` (RFC 6154)
    SpecialUse,
    /// `MYRIGHTS` (RFC 8440)
    MyRights,
    /// `STATUS (items)` (LIST-STATUS, RFC 5819)
    Status(Vec<StatusItem<'a>>),
    /// Any other option, with its parenthesised value if it has one.
    Other {
        /// Option name.
        name: Atom<'a>,
        /// Its value.
        value: OptionValue<'a>,
    },
}
static_enum!(ListReturn { Subscribed, Children, SpecialUse, MyRights; Status(a); Other { name, value } });

const SEARCH_NAMES: [(&str, SearchReturn<'static>); 8] = [
    ("MIN", SearchReturn::Min),
    ("MAX", SearchReturn::Max),
    ("ALL", SearchReturn::All),
    ("COUNT", SearchReturn::Count),
    ("SAVE", SearchReturn::Save),
    ("CONTEXT", SearchReturn::Context),
    ("UPDATE", SearchReturn::Update),
    ("RELEVANCY", SearchReturn::Relevancy),
];

const SELECTION_NAMES: [(&str, ListSelection<'static>); 4] = [
    ("SUBSCRIBED", ListSelection::Subscribed),
    ("REMOTE", ListSelection::Remote),
    ("RECURSIVEMATCH", ListSelection::RecursiveMatch),
    ("SPECIAL-USE", ListSelection::SpecialUse),
];

const LIST_RETURN_NAMES: [(&str, ListReturn<'static>); 4] = [
    ("SUBSCRIBED", ListReturn::Subscribed),
    ("CHILDREN", ListReturn::Children),
    ("SPECIAL-USE", ListReturn::SpecialUse),
    ("MYRIGHTS", ListReturn::MyRights),
];

/// Finds the unit option named `upper` (already uppercased) in a table.
fn known<T: Clone>(table: &[(&str, T)], upper: &[u8]) -> Option<T> {
    table
        .iter()
        .find(|(n, _)| n.as_bytes() == upper)
        .map(|(_, v)| v.clone())
}

fn name_of<'t, T: PartialEq>(table: &'t [(&'t str, T)], v: &T) -> Option<&'t str> {
    table.iter().find(|(_, k)| k == v).map(|(n, _)| *n)
}

/// An unknown option's optional value: `SP "(" [value *(SP value)] ")"`.
fn option_value(i: &[u8]) -> R<'_, OptionValue<'_>> {
    opt(preceded(
        tag(" ("),
        map((opt(separated_list1(sp, value)), char(')')), |(v, _)| {
            v.unwrap_or_default()
        }),
    ))
    .parse(i)
}

fn encode_other(w: &mut Writer, name: &Atom<'_>, v: &OptionValue<'_>) {
    w.atom(name);
    if let Some(v) = v {
        w.sp().list(v, encode_value);
    }
}

fn partial_range(i: &[u8]) -> R<'_, PartialRange> {
    let negative = (
        preceded(char('-'), nz_number),
        preceded(tag(":-"), nz_number),
    );
    let positive = (nz_number, preceded(char(':'), nz_number));
    nom::branch::alt((
        map(negative, |(first, last)| PartialRange {
            from_end: true,
            first,
            last,
        }),
        map(positive, |(first, last)| PartialRange {
            from_end: false,
            first,
            last,
        }),
    ))
    .parse(i)
}

/// One `RETURN` option of SEARCH or SORT.
pub(crate) fn search_return(i: &[u8]) -> R<'_, SearchReturn<'_>> {
    let (rest, name) = atom(i)?;
    let upper = Upper::new(name.as_str().as_bytes());
    if upper.as_bytes() == b"UPDATE"
        && let Ok((r, atts)) = preceded(sp, paren_list1(super::fetch::fetch_attribute)).parse(rest)
    {
        return Ok((r, SearchReturn::UpdateFetch(atts)));
    }
    if let Some(k) = known(&SEARCH_NAMES, upper.as_bytes()) {
        return Ok((rest, k));
    }
    if upper.as_bytes() == b"PARTIAL"
        && let Ok((r, range)) = preceded(sp, partial_range).parse(rest)
    {
        return Ok((r, SearchReturn::Partial(range)));
    }
    map(option_value, |value| SearchReturn::Other {
        name: name.clone(),
        value,
    })
    .parse(rest)
}

/// `"(" [option *(SP option)] ")"` after `RETURN `.
pub(crate) fn search_returns(i: &[u8]) -> R<'_, Vec<SearchReturn<'_>>> {
    map(
        delimited(
            char('('),
            opt(separated_list1(sp, search_return)),
            char(')'),
        ),
        Option::unwrap_or_default,
    )
    .parse(i)
}

/// One LIST selection option.
pub(crate) fn list_selection(i: &[u8]) -> R<'_, ListSelection<'_>> {
    let (rest, name) = atom(i)?;
    let upper = Upper::new(name.as_str().as_bytes());
    if let Some(k) = known(&SELECTION_NAMES, upper.as_bytes()) {
        return Ok((rest, k));
    }
    map(option_value, |value| ListSelection::Other {
        name: name.clone(),
        value,
    })
    .parse(rest)
}

/// One LIST return option.
pub(crate) fn list_return(i: &[u8]) -> R<'_, ListReturn<'_>> {
    let (rest, name) = atom(i)?;
    let upper = Upper::new(name.as_str().as_bytes());
    if let Some(k) = known(&LIST_RETURN_NAMES, upper.as_bytes()) {
        return Ok((rest, k));
    }
    if upper.as_bytes() == b"STATUS"
        && let Ok((r, items)) = preceded(sp, paren_list1(status_item)).parse(rest)
    {
        return Ok((r, ListReturn::Status(items)));
    }
    map(option_value, |value| ListReturn::Other {
        name: name.clone(),
        value,
    })
    .parse(rest)
}

/// Writes one SEARCH / SORT `RETURN` option.
pub(crate) fn encode_search_return(w: &mut Writer, r: &SearchReturn<'_>) {
    match r {
        SearchReturn::Partial(p) => {
            w.raw(b"PARTIAL ");
            if p.from_end {
                w.raw(b"-").num(p.first.get()).raw(b":-").num(p.last.get());
            } else {
                w.num(p.first.get()).raw(b":").num(p.last.get());
            }
        }
        SearchReturn::UpdateFetch(atts) => {
            w.raw(b"UPDATE ").list(atts, super::fetch::encode_attribute);
        }
        SearchReturn::Other { name, value } => encode_other(w, name, value),
        unit => {
            w.raw(name_of(&SEARCH_NAMES, unit).unwrap_or_default().as_bytes());
        }
    }
}

/// Writes one LIST selection option.
pub(crate) fn encode_list_selection(w: &mut Writer, s: &ListSelection<'_>) {
    match s {
        ListSelection::Other { name, value } => encode_other(w, name, value),
        unit => {
            w.raw(
                name_of(&SELECTION_NAMES, unit)
                    .unwrap_or_default()
                    .as_bytes(),
            );
        }
    }
}

/// Writes one LIST return option.
pub(crate) fn encode_list_return(w: &mut Writer, r: &ListReturn<'_>) {
    match r {
        ListReturn::Status(items) => {
            w.raw(b"STATUS ");
            encode_status_items(w, items);
        }
        ListReturn::Other { name, value } => encode_other(w, name, value),
        unit => {
            w.raw(
                name_of(&LIST_RETURN_NAMES, unit)
                    .unwrap_or_default()
                    .as_bytes(),
            );
        }
    }
}
