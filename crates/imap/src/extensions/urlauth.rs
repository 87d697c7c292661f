//! URLAUTH (RFC 4467), and the LANGUAGE and COMPARATOR commands of RFC 5255.

use nom::Parser;
use nom::combinator::map;
use nom::multi::{many0, many1};
use nom::sequence::preceded;

use crate::encode::Writer;
use crate::parse::core::{R, Upper, astring, atom, mailbox, nstring, sp};
use crate::types::{AString, Atom, Mailbox, NString, static_enum};

/// URLAUTH, LANGUAGE and COMPARATOR commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlAuthCommand<'a> {
    /// `RESETKEY [mailbox [mechanism...]]`
    ResetKey(Option<(Mailbox<'a>, Vec<Atom<'a>>)>),
    /// `GENURLAUTH (url-rump mechanism)...`
    GenUrlAuth(Vec<(AString<'a>, Atom<'a>)>),
    /// `URLFETCH url...`
    UrlFetch(Vec<AString<'a>>),
    /// `COMPARATOR [name...]` (I18NLEVEL=2)
    Comparator(Vec<AString<'a>>),
    /// `LANGUAGE [range...]` (RFC 5255); without ranges it asks for the supported languages.
    Language(Vec<AString<'a>>),
}
static_enum!(UrlAuthCommand { ; ResetKey(a), GenUrlAuth(a), UrlFetch(a), Comparator(a), Language(a); });

/// URLAUTH, LANGUAGE and COMPARATOR data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlAuthData<'a> {
    /// `GENURLAUTH url...`
    GenUrlAuth(Vec<AString<'a>>),
    /// `URLFETCH (url data)...`
    UrlFetch(Vec<(AString<'a>, NString<'a>)>),
    /// `COMPARATOR active [(matching...)]`
    Comparator(AString<'a>, Vec<AString<'a>>),
    /// `LANGUAGE (tag...)` (RFC 5255): the language now in use, or the supported ones.
    Language(Vec<AString<'a>>),
}
static_enum!(UrlAuthData { ; GenUrlAuth(a), UrlFetch(a), Comparator(a, b), Language(a); });

pub(crate) fn urlauth_command<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, UrlAuthCommand<'a>>> {
    Some(match Upper::new(name).as_bytes() {
        b"RESETKEY" => map(
            nom::combinator::opt((mailbox, many0(preceded(sp, atom)))),
            UrlAuthCommand::ResetKey,
        )
        .parse(i),
        b"GENURLAUTH" => map(
            nom::multi::separated_list1(sp, (astring, preceded(sp, atom))),
            UrlAuthCommand::GenUrlAuth,
        )
        .parse(i),
        b"URLFETCH" => map(
            nom::multi::separated_list1(sp, astring),
            UrlAuthCommand::UrlFetch,
        )
        .parse(i),
        b"COMPARATOR" => map(
            nom::multi::separated_list0(sp, astring),
            UrlAuthCommand::Comparator,
        )
        .parse(i),
        b"LANGUAGE" => map(
            nom::multi::separated_list0(sp, astring),
            UrlAuthCommand::Language,
        )
        .parse(i),
        _ => return None,
    })
}

pub(crate) fn urlauth_data<'a>(name: &[u8], i: &'a [u8]) -> Option<R<'a, UrlAuthData<'a>>> {
    Some(match Upper::new(name).as_bytes() {
        b"GENURLAUTH" => map(many1(preceded(sp, astring)), UrlAuthData::GenUrlAuth).parse(i),
        b"URLFETCH" => map(
            many1((preceded(sp, astring), preceded(sp, nstring))),
            UrlAuthData::UrlFetch,
        )
        .parse(i),
        b"COMPARATOR" => map(
            (
                preceded(sp, astring),
                nom::combinator::opt(preceded(sp, crate::parse::core::paren_list1(astring))),
            ),
            |(a, m)| UrlAuthData::Comparator(a, m.unwrap_or_default()),
        )
        .parse(i),
        b"LANGUAGE" => map(
            preceded(sp, crate::parse::core::paren_list1(astring)),
            UrlAuthData::Language,
        )
        .parse(i),
        _ => return None,
    })
}

pub(crate) fn encode_urlauth_command(w: &mut Writer, c: &UrlAuthCommand<'_>) {
    match c {
        UrlAuthCommand::ResetKey(arg) => {
            w.raw(b"RESETKEY");
            if let Some((m, mechs)) = arg {
                w.sp().mailbox(m);
                for a in mechs {
                    w.sp().atom(a);
                }
            }
        }
        UrlAuthCommand::GenUrlAuth(l) => {
            w.raw(b"GENURLAUTH ").items(l, |w, (u, m)| {
                w.astring(u).sp().atom(m);
            });
        }
        UrlAuthCommand::UrlFetch(l) => {
            w.raw(b"URLFETCH ").items(l, |w, u| {
                w.astring(u);
            });
        }
        UrlAuthCommand::Comparator(l) => {
            w.raw(b"COMPARATOR");
            for a in l {
                w.sp().astring(a);
            }
        }
        UrlAuthCommand::Language(l) => {
            w.raw(b"LANGUAGE");
            for a in l {
                w.sp().astring(a);
            }
        }
    }
}

pub(crate) fn encode_urlauth_data(w: &mut Writer, d: &UrlAuthData<'_>) {
    match d {
        UrlAuthData::GenUrlAuth(l) => {
            w.raw(b"GENURLAUTH");
            for u in l {
                w.sp().astring(u);
            }
        }
        UrlAuthData::UrlFetch(l) => {
            w.raw(b"URLFETCH");
            for (u, data) in l {
                w.sp().astring(u).sp().nstring(data);
            }
        }
        UrlAuthData::Comparator(a, m) => {
            w.raw(b"COMPARATOR ").astring(a);
            if !m.is_empty() {
                w.sp().list(m, |w, x| {
                    w.astring(x);
                });
            }
        }
        UrlAuthData::Language(l) => {
            w.raw(b"LANGUAGE ").list(l, |w, x| {
                w.astring(x);
            });
        }
    }
}
