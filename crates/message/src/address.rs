//! Addresses (RFC 5322 §3.4): mailboxes, groups (also in From, RFC 6854), quoted local parts,
//! comments, obsolete routes, RFC 2047 display names and UTF-8 addresses (RFC 6532).

use crate::encoded_word::{Word, decode_phrase};
use crate::lexer::{atom_end, quoted_string, skip_comment, utf8_cow};
use std::borrow::Cow;

/// One mailbox: an optional display name and an address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Mailbox<'a> {
    /// The display name, decoded (RFC 2047) and unquoted; `None` when absent.
    pub name: Option<Cow<'a, str>>,
    /// The address `local@domain`, with the local part quoted only where RFC 5322 needs it;
    /// `None` for an empty `<>`.
    pub address: Option<Cow<'a, str>>,
}

/// A named group of mailboxes (`name: a@b, c@d;`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Group<'a> {
    /// The group's display name.
    pub name: Cow<'a, str>,
    /// Its members, possibly none.
    pub members: Vec<Mailbox<'a>>,
}

/// An address: a mailbox or a group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Address<'a> {
    /// A single mailbox.
    Mailbox(Mailbox<'a>),
    /// A group.
    Group(Group<'a>),
}

impl Mailbox<'_> {
    /// Copies borrowed text so the value outlives the input.
    pub fn into_owned(self) -> Mailbox<'static> {
        Mailbox {
            name: self.name.map(|n| Cow::Owned(n.into_owned())),
            address: self.address.map(|a| Cow::Owned(a.into_owned())),
        }
    }
}

impl Address<'_> {
    /// Copies borrowed text so the value outlives the input.
    pub fn into_owned(self) -> Address<'static> {
        match self {
            Address::Mailbox(m) => Address::Mailbox(m.into_owned()),
            Address::Group(g) => Address::Group(Group {
                name: Cow::Owned(g.name.into_owned()),
                members: g.members.into_iter().map(Mailbox::into_owned).collect(),
            }),
        }
    }
}

/// The mailboxes of an address list with groups flattened, in order.
pub fn mailboxes<'b, 'a>(list: &'b [Address<'a>]) -> impl Iterator<Item = &'b Mailbox<'a>> {
    list.iter().flat_map(|a| match a {
        Address::Mailbox(m) => std::slice::from_ref(m),
        Address::Group(g) => g.members.as_slice(),
    })
}

#[derive(Debug)]
enum Kind<'a> {
    Atom,
    Quoted(Cow<'a, [u8]>),
    Literal,
    Special(u8),
}

#[derive(Debug)]
struct Tok<'a> {
    kind: Kind<'a>,
    start: usize,
    end: usize,
    /// White space or a comment came before this token.
    gap: bool,
}

fn tokenize(s: &[u8]) -> Vec<Tok<'_>> {
    // About one token per three bytes in real lists (`Name <a@b.c>` is six in fourteen); a
    // close first guess avoids regrowing.
    let mut out = Vec::with_capacity(s.len() / 3 + 4);
    let mut i = 0;
    let mut gap = false;
    while i < s.len() {
        let b = s[i];
        let start = i;
        let kind = match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                gap = true;
                i += 1;
                continue;
            }
            b'(' => {
                gap = true;
                i = skip_comment(s, i);
                continue;
            }
            b'"' => {
                let (q, next) = quoted_string(s, i);
                i = next;
                Kind::Quoted(q)
            }
            b'[' => {
                i = memchr::memchr(b']', &s[i..]).map_or(s.len(), |p| i + p + 1);
                Kind::Literal
            }
            b',' | b':' | b';' | b'<' | b'>' | b'@' => {
                i += 1;
                Kind::Special(b)
            }
            _ => {
                i = atom_end(s, i, true);
                if i == start {
                    // A control character or stray special: keep it inside an atom.
                    i += 1;
                }
                Kind::Atom
            }
        };
        out.push(Tok {
            kind,
            start,
            end: i,
            gap,
        });
        gap = false;
    }
    out
}

/// Parses an address list (From, To, Cc, Bcc, Reply-To, Sender, Resent-*). Never fails:
/// whatever cannot be understood is skipped or kept as the nearest sensible mailbox.
///
/// ```
/// use mailwire_message::{parse_address_list, Address};
/// let list = parse_address_list(b"\"Doe, John\" <john@example.com>, team: a@x.test;");
/// let Address::Mailbox(m) = &list[0] else { panic!() };
/// assert_eq!((m.name.as_deref(), m.address.as_deref()), (Some("Doe, John"), Some("john@example.com")));
/// let Address::Group(g) = &list[1] else { panic!() };
/// assert_eq!((&*g.name, g.members.len()), ("team", 1));
/// ```
pub fn parse_address_list(s: &[u8]) -> Vec<Address<'_>> {
    let toks = tokenize(s);
    let mut out = Vec::new();
    let mut group: Option<Group<'_>> = None;
    // Reused for every mailbox, so that a list allocates them once.
    let mut cur: Vec<&Tok<'_>> = Vec::with_capacity(8);
    let mut inner: Vec<&Tok<'_>> = Vec::with_capacity(8);
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        i += 1;
        match t.kind {
            Kind::Special(b'<') => {
                let name = phrase_text(s, &cur);
                cur.clear();
                inner.clear();
                while i < toks.len() && !matches!(toks[i].kind, Kind::Special(b'>')) {
                    inner.push(&toks[i]);
                    i += 1;
                }
                i += 1;
                // Obsolete route (`<@a,@b:user@host>`, RFC 5322 §4.4): dropped.
                if let Some(p) = inner
                    .iter()
                    .position(|t| matches!(t.kind, Kind::Special(b':')))
                    && matches!(inner[0].kind, Kind::Special(b'@'))
                {
                    inner.drain(..=p);
                }
                let address = addr_spec(s, &inner);
                // Anything between `>` and the next separator is junk; skip it.
                while i < toks.len() && !matches!(toks[i].kind, Kind::Special(b',' | b';')) {
                    i += 1;
                }
                push(&mut out, &mut group, Mailbox { name, address });
            }
            Kind::Special(b':') if group.is_none() => {
                let name = phrase_text(s, &cur).unwrap_or_default();
                cur.clear();
                group = Some(Group {
                    name,
                    members: Vec::new(),
                });
            }
            Kind::Special(b',') => finish(s, &mut cur, &mut out, &mut group),
            Kind::Special(b';') => {
                finish(s, &mut cur, &mut out, &mut group);
                if let Some(g) = group.take() {
                    out.push(Address::Group(g));
                }
            }
            _ => cur.push(t),
        }
    }
    finish(s, &mut cur, &mut out, &mut group);
    if let Some(g) = group.take() {
        out.push(Address::Group(g));
    }
    out
}

fn push<'a>(out: &mut Vec<Address<'a>>, group: &mut Option<Group<'a>>, m: Mailbox<'a>) {
    match group {
        Some(g) => g.members.push(m),
        None => out.push(Address::Mailbox(m)),
    }
}

/// Ends a mailbox written without angle brackets: `local@domain`, possibly after stray words.
fn finish<'a>(
    s: &'a [u8],
    cur: &mut Vec<&Tok<'a>>,
    out: &mut Vec<Address<'a>>,
    group: &mut Option<Group<'a>>,
) {
    if cur.is_empty() {
        return;
    }
    // The addr-spec is the run of tokens around the last `@` with no white space inside;
    // words before it (a malformed `Name addr@host`) become the display name.
    let at = cur
        .iter()
        .rposition(|t| matches!(t.kind, Kind::Special(b'@')));
    let mut first = at.unwrap_or(cur.len() - 1);
    while first > 0 && !cur[first].gap && !matches!(cur[first - 1].kind, Kind::Special(_)) {
        first -= 1;
    }
    let name = if first > 0 {
        phrase_text(s, &cur[..first])
    } else {
        None
    };
    let address = addr_spec(s, &cur[first..]);
    cur.clear();
    if name.is_some() || address.is_some() {
        push(out, group, Mailbox { name, address });
    }
}

fn contiguous(toks: &[&Tok<'_>]) -> bool {
    toks.windows(2).all(|w| w[0].end == w[1].start)
}

fn addr_spec<'a>(s: &'a [u8], toks: &[&Tok<'a>]) -> Option<Cow<'a, str>> {
    let stray = |t: &&Tok<'_>| matches!(t.kind, Kind::Special(b',' | b';' | b':' | b'<' | b'>'));
    let kept: Vec<&Tok<'a>>;
    let toks = if toks.iter().any(stray) {
        kept = toks.iter().copied().filter(|t| !stray(t)).collect();
        &kept[..]
    } else {
        toks
    };
    let (first, last) = (toks.first()?, toks.last()?);
    if contiguous(toks) && !toks.iter().any(|t| matches!(t.kind, Kind::Quoted(_))) {
        return Some(utf8_cow(Cow::Borrowed(&s[first.start..last.end])));
    }
    let at = toks
        .iter()
        .rposition(|t| matches!(t.kind, Kind::Special(b'@')));
    let (local, domain) = match at {
        Some(p) => (&toks[..p], Some(&toks[p + 1..])),
        None => (toks, None),
    };
    let mut local_bytes = Vec::new();
    for t in local {
        match &t.kind {
            Kind::Quoted(q) => local_bytes.extend_from_slice(q),
            _ => local_bytes.extend_from_slice(&s[t.start..t.end]),
        }
    }
    let mut out = quote_local(&local_bytes);
    if let Some(domain) = domain {
        out.push('@');
        for t in domain {
            out.push_str(&String::from_utf8_lossy(&s[t.start..t.end]));
        }
    }
    Some(Cow::Owned(out))
}

/// The local part as RFC 5322 writes it: bare when it is a dot-atom, quoted otherwise.
pub(crate) fn quote_local(local: &[u8]) -> String {
    let text = String::from_utf8_lossy(local);
    let dot_atom = !local.is_empty()
        && local
            .split(|&b| b == b'.')
            .all(|p| !p.is_empty() && p.iter().all(|&b| crate::lexer::is_atext(b)));
    if dot_atom {
        return text.into_owned();
    }
    let mut q = String::with_capacity(text.len() + 2);
    q.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            q.push('\\');
        }
        q.push(c);
    }
    q.push('"');
    q
}

fn phrase_text<'a>(s: &'a [u8], toks: &[&Tok<'a>]) -> Option<Cow<'a, str>> {
    let (first, last) = (toks.first()?, toks.last()?);
    let span = &s[first.start..last.end];
    let simple = toks.iter().all(|t| matches!(t.kind, Kind::Atom))
        && toks
            .windows(2)
            .all(|w| w[1].start == w[0].end + 1 && s[w[0].end] == b' ')
        && !crate::lexer::has_ew_marker(span);
    if simple {
        return Some(utf8_cow(Cow::Borrowed(span)));
    }
    let words = toks
        .iter()
        .map(|t| match &t.kind {
            Kind::Quoted(q) => Word {
                text: q.clone(),
                quoted: true,
            },
            _ => Word {
                text: Cow::Borrowed(&s[t.start..t.end]),
                quoted: false,
            },
        })
        .collect();
    let text = decode_phrase(words);
    (!text.is_empty() || toks.iter().any(|t| matches!(t.kind, Kind::Quoted(_)))).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(s: &str) -> Vec<(Option<String>, Option<String>)> {
        let list = parse_address_list(s.as_bytes());
        mailboxes(&list)
            .map(|m| {
                (
                    m.name.as_ref().map(|n| n.to_string()),
                    m.address.as_ref().map(|a| a.to_string()),
                )
            })
            .collect()
    }

    fn one(name: Option<&str>, addr: &str) -> (Option<String>, Option<String>) {
        (name.map(String::from), Some(addr.to_string()))
    }

    #[test]
    fn simple_forms() {
        assert_eq!(flat("a@b.example"), vec![one(None, "a@b.example")]);
        assert_eq!(
            flat("John Doe <jdoe@machine.example>"),
            vec![one(Some("John Doe"), "jdoe@machine.example")]
        );
        assert_eq!(
            flat("\"Joe Q. Public\" <john.q.public@example.com>"),
            vec![one(Some("Joe Q. Public"), "john.q.public@example.com")]
        );
        assert_eq!(flat("<boss@nil.test>"), vec![one(None, "boss@nil.test")]);
        assert_eq!(
            flat("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>").len(),
            3
        );
    }

    #[test]
    fn borrowed_when_possible() {
        let list = parse_address_list(b"John Doe <jdoe@machine.example>");
        let m = mailboxes(&list).next().unwrap();
        assert!(matches!(m.name, Some(Cow::Borrowed(_))));
        assert!(matches!(m.address, Some(Cow::Borrowed(_))));
    }

    #[test]
    fn comments_quotes_routes_and_encoded_words() {
        assert_eq!(
            flat("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"),
            vec![one(Some("Pete"), "pete@silly.test")]
        );
        assert_eq!(
            flat("\"john doe\"@example.com"),
            vec![one(None, "\"john doe\"@example.com")]
        );
        assert_eq!(
            flat("\"john\"@example.com"),
            vec![one(None, "john@example.com")]
        );
        assert_eq!(
            flat("<@route1,@route2:user@host.test>"),
            vec![one(None, "user@host.test")]
        );
        assert_eq!(
            flat("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>"),
            vec![one(Some("André Pirard"), "PIRARD@vm1.ulg.ac.be")]
        );
        assert_eq!(
            flat("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>"),
            vec![one(Some("Keith Moore"), "moore@cs.utk.edu")]
        );
        assert_eq!(
            flat("joe@x.test (Joe Bloggs)"),
            vec![one(None, "joe@x.test")]
        );
        assert_eq!(
            flat("Jörg <jörg@bücher.test>"),
            vec![one(Some("Jörg"), "jörg@bücher.test")]
        );
        assert_eq!(
            flat("John Doe jdoe@x.test"),
            vec![one(Some("John Doe"), "jdoe@x.test")]
        );
    }

    #[test]
    fn groups() {
        let list = parse_address_list(
            b"A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;, x@y.test",
        );
        assert_eq!(list.len(), 2);
        let Address::Group(g) = &list[0] else {
            panic!("{list:?}")
        };
        assert_eq!(g.name, "A Group");
        assert_eq!(g.members.len(), 3);
        let list = parse_address_list(b"Undisclosed recipients:;");
        assert_eq!(
            list,
            vec![Address::Group(Group {
                name: "Undisclosed recipients".into(),
                members: vec![]
            })]
        );
    }

    #[test]
    fn garbage_never_panics() {
        for s in [
            "<", ">", "@", ":;", "<<>>", "\"", "(", "a@", "@b", ",,,", "a:b:c;d;", "<@", "[",
            "x <y",
        ] {
            let _ = flat(s);
        }
        assert_eq!(flat("<>"), vec![(None, None)]);
    }
}
