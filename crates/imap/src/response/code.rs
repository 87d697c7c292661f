//! Response codes (`resp-text-code`) of RFC 3501, RFC 9051, RFC 5530 and the extensions.

use std::borrow::Cow;
use std::num::NonZeroU32;

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::combinator::{map, opt};
use nom::multi::separated_list1;
use nom::sequence::preceded;

use crate::encode::Writer;
use crate::parse::core::{
    R, Upper, atom, charset, fail, flag, keyword, number64, nz_number, paren_list, sequence_set, sp,
};
use crate::types::{AString, Atom, Flag, Quoted, SequenceSet, static_enum};

/// A response code, the bracketed part of a status response.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Code<'a> {
    /// `ALERT`
    Alert,
    /// `BADCHARSET [(charsets)]`
    BadCharset(Vec<AString<'a>>),
    /// `CAPABILITY caps`
    Capability(Vec<Atom<'a>>),
    /// `PARSE`
    Parse,
    /// `PERMANENTFLAGS (flags)`
    PermanentFlags(Vec<Flag<'a>>),
    /// `READ-ONLY`
    ReadOnly,
    /// `READ-WRITE`
    ReadWrite,
    /// `TRYCREATE`
    TryCreate,
    /// `UIDNEXT n`
    UidNext(NonZeroU32),
    /// `UIDVALIDITY n`
    UidValidity(NonZeroU32),
    /// `UNSEEN n` (IMAP4rev1)
    Unseen(NonZeroU32),
    /// `APPENDUID uidvalidity uids` (UIDPLUS)
    AppendUid {
        /// UIDVALIDITY of the target.
        uid_validity: NonZeroU32,
        /// UIDs given (a set under MULTIAPPEND).
        uids: SequenceSet,
    },
    /// `COPYUID uidvalidity source dest` (UIDPLUS)
    CopyUid {
        /// UIDVALIDITY of the target.
        uid_validity: NonZeroU32,
        /// Source UIDs.
        source: SequenceSet,
        /// Destination UIDs.
        destination: SequenceSet,
    },
    /// `HIGHESTMODSEQ n` (CONDSTORE)
    HighestModSeq(u64),
    /// `MODIFIED set` (CONDSTORE)
    Modified(SequenceSet),
    /// `MAILBOXID (id)` (OBJECTID)
    MailboxId(Atom<'a>),
    /// `APPENDLIMIT n` in a status response (some servers)
    AppendLimit(u64),
    /// `REFERRAL url...` (LOGIN-REFERRALS, MAILBOX-REFERRALS): the URLs as sent, separated by
    /// spaces when there are several.
    Referral(Cow<'a, str>),
    /// `BADURL url` (CATENATE / URLAUTH)
    BadUrl(Cow<'a, str>),
    /// `NOUPDATE "tag"` (RFC 5267): the server will not send updates for that search.
    NoUpdate(Quoted<'a>),
    /// `METADATA LONGENTRIES n` / `MAXSIZE n` / `TOOMANY` / `NOPRIVATE` (RFC 5464)
    Metadata(Atom<'a>, Option<u64>),
    /// A code without arguments that this crate names (RFC 5530, RFC 9051, extensions).
    Simple(SimpleCode),
    /// Any other code: its name and the raw text up to `]`.
    Other(Atom<'a>, Option<Cow<'a, [u8]>>),
}

static_enum!(Code {
    Alert, Parse, ReadOnly, ReadWrite, TryCreate;
    BadCharset(a), Capability(a), PermanentFlags(a), UidNext(a), UidValidity(a), Unseen(a), HighestModSeq(a),
    Modified(a), MailboxId(a), AppendLimit(a), Referral(a), BadUrl(a), NoUpdate(a), Metadata(a, b), Simple(a), Other(a, b);
    AppendUid { uid_validity, uids },
    CopyUid { uid_validity, source, destination },
});

macro_rules! simple_codes {
    ($($v:ident = $n:literal),* $(,)?) => {
        /// Codes without arguments.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum SimpleCode {
            $(#[doc = concat!("`", $n, "`")] $v,)*
        }

        impl SimpleCode {
            const ALL: &'static [(SimpleCode, &'static str)] = &[$((SimpleCode::$v, $n)),*];

            /// The wire name.
            pub fn name(self) -> &'static str {
                match self {
                    $(SimpleCode::$v => $n,)*
                }
            }

            fn from_name(name: &[u8]) -> Option<Self> {
                Self::ALL.iter().find(|(_, n)| n.as_bytes().eq_ignore_ascii_case(name)).map(|(c, _)| *c)
            }
        }
    };
}

simple_codes!(
    UidNotSticky = "UIDNOTSTICKY",
    Unavailable = "UNAVAILABLE",
    AuthenticationFailed = "AUTHENTICATIONFAILED",
    AuthorizationFailed = "AUTHORIZATIONFAILED",
    Expired = "EXPIRED",
    PrivacyRequired = "PRIVACYREQUIRED",
    ContactAdmin = "CONTACTADMIN",
    NoPerm = "NOPERM",
    InUse = "INUSE",
    ExpungeIssued = "EXPUNGEISSUED",
    Corruption = "CORRUPTION",
    ServerBug = "SERVERBUG",
    ClientBug = "CLIENTBUG",
    Cannot = "CANNOT",
    Limit = "LIMIT",
    OverQuota = "OVERQUOTA",
    AlreadyExists = "ALREADYEXISTS",
    NonExistent = "NONEXISTENT",
    NotSaved = "NOTSAVED",
    HasChildren = "HASCHILDREN",
    Closed = "CLOSED",
    UnknownCte = "UNKNOWN-CTE",
    NoModSeq = "NOMODSEQ",
    CompressionActive = "COMPRESSIONACTIVE",
    TooBig = "TOOBIG",
    UseAttr = "USEATTR",
    NoUpdate = "NOUPDATE",
    BadComparator = "BADCOMPARATOR",
    NotificationOverflow = "NOTIFICATIONOVERFLOW",
    BadEvent = "BADEVENT",
    UrlMech = "URLMECH",
);

impl crate::types::IntoStatic for SimpleCode {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}

fn code_text(i: &[u8]) -> R<'_, &[u8]> {
    take_while1(|b: u8| crate::types::chars::is_text_char(b) && b != b']').parse(i)
}

/// The URLs of `BADURL` and `REFERRAL`, kept raw: any `TEXT-CHAR` but `]`, spaces included.
/// RFC 4469's `url-resp-text` is defined so (and its example has a space in the URL), and
/// RFC 2193's `REFERRAL` carries one or more URLs separated by spaces.
fn url_resp_text(i: &[u8]) -> R<'_, Cow<'_, str>> {
    map(
        take_while1(|b: u8| (0x01..=0x7f).contains(&b) && !matches!(b, b']' | b'\r' | b'\n')),
        |u: &[u8]| Cow::Borrowed(std::str::from_utf8(u).unwrap_or_default()),
    )
    .parse(i)
}

/// `resp-text-code` (without brackets).
pub(crate) fn code(i: &[u8]) -> R<'_, Code<'_>> {
    let (rest, name) = keyword(i)?;
    let upper = Upper::new(name);
    let parsed = match upper.as_bytes() {
        b"ALERT" => Ok((rest, Code::Alert)),
        b"PARSE" => Ok((rest, Code::Parse)),
        b"READ-ONLY" => Ok((rest, Code::ReadOnly)),
        b"READ-WRITE" => Ok((rest, Code::ReadWrite)),
        b"TRYCREATE" => Ok((rest, Code::TryCreate)),
        // RFC 9051 §6.4.4.4 example 5 sends `[BADCHARSET UTF-8]`, one charset without the
        // parentheses the grammar asks for; servers copy RFC examples, so it is read as a
        // list of one (and sent back with the parentheses).
        b"BADCHARSET" => map(
            opt(preceded(
                sp,
                alt((paren_list(charset), map(charset, |c| vec![c]))),
            )),
            |c| Code::BadCharset(c.unwrap_or_default()),
        )
        .parse(rest),
        b"CAPABILITY" => map(preceded(sp, separated_list1(sp, atom)), Code::Capability).parse(rest),
        b"PERMANENTFLAGS" => map(preceded(sp, paren_list(flag)), Code::PermanentFlags).parse(rest),
        b"UIDNEXT" => map(preceded(sp, nz_number), Code::UidNext).parse(rest),
        b"UIDVALIDITY" => map(preceded(sp, nz_number), Code::UidValidity).parse(rest),
        b"UNSEEN" => map(preceded(sp, nz_number), Code::Unseen).parse(rest),
        b"APPENDUID" => map(
            (preceded(sp, nz_number), preceded(sp, sequence_set)),
            |(uid_validity, uids)| Code::AppendUid { uid_validity, uids },
        )
        .parse(rest),
        b"COPYUID" => map(
            (
                preceded(sp, nz_number),
                preceded(sp, sequence_set),
                preceded(sp, sequence_set),
            ),
            |(uid_validity, source, destination)| Code::CopyUid {
                uid_validity,
                source,
                destination,
            },
        )
        .parse(rest),
        b"HIGHESTMODSEQ" => map(preceded(sp, number64), Code::HighestModSeq).parse(rest),
        b"MODIFIED" => map(preceded(sp, sequence_set), Code::Modified).parse(rest),
        b"MAILBOXID" => map(
            nom::sequence::delimited(nom::bytes::complete::tag(" ("), atom, char(')')),
            Code::MailboxId,
        )
        .parse(rest),
        b"APPENDLIMIT" => map(preceded(sp, number64), Code::AppendLimit).parse(rest),
        b"REFERRAL" => map(preceded(sp, url_resp_text), Code::Referral).parse(rest),
        b"BADURL" => map(preceded(sp, url_resp_text), Code::BadUrl).parse(rest),
        b"NOUPDATE" => map(preceded(sp, crate::parse::core::quoted), Code::NoUpdate).parse(rest),
        b"METADATA" => map(
            (preceded(sp, atom), opt(preceded(sp, number64))),
            |(a, n)| Code::Metadata(a, n),
        )
        .parse(rest),
        _ => match SimpleCode::from_name(name) {
            Some(c) => Ok((rest, Code::Simple(c))),
            None => fail(i),
        },
    };
    match parsed {
        Ok((r, c)) if r.first() == Some(&b']') => Ok((r, c)),
        // A code this crate does not know, or knows with other arguments: keep it raw.
        _ => {
            let (rest, name) = atom(i)?;
            let (rest, text) = opt(preceded(sp, code_text)).parse(rest)?;
            Ok((rest, Code::Other(name, text.map(Cow::Borrowed))))
        }
    }
}

/// Writes a response code (without brackets).
pub(crate) fn encode_code(w: &mut Writer, c: &Code<'_>) {
    match c {
        Code::Alert => w.raw(b"ALERT"),
        Code::Parse => w.raw(b"PARSE"),
        Code::ReadOnly => w.raw(b"READ-ONLY"),
        Code::ReadWrite => w.raw(b"READ-WRITE"),
        Code::TryCreate => w.raw(b"TRYCREATE"),
        Code::BadCharset(c) if c.is_empty() => w.raw(b"BADCHARSET"),
        Code::BadCharset(c) => w.raw(b"BADCHARSET ").list(c, |w, a| {
            w.astring(a);
        }),
        Code::Capability(c) => w.raw(b"CAPABILITY ").items(c, |w, a| {
            w.atom(a);
        }),
        Code::PermanentFlags(f) => w.raw(b"PERMANENTFLAGS ").list(f, |w, f| {
            w.flag(f);
        }),
        Code::UidNext(n) => w.raw(b"UIDNEXT ").num(n.get()),
        Code::UidValidity(n) => w.raw(b"UIDVALIDITY ").num(n.get()),
        Code::Unseen(n) => w.raw(b"UNSEEN ").num(n.get()),
        Code::AppendUid { uid_validity, uids } => w
            .raw(b"APPENDUID ")
            .num(uid_validity.get())
            .sp()
            .sequence_set(uids),
        Code::CopyUid {
            uid_validity,
            source,
            destination,
        } => w
            .raw(b"COPYUID ")
            .num(uid_validity.get())
            .sp()
            .sequence_set(source)
            .sp()
            .sequence_set(destination),
        Code::HighestModSeq(n) => w.raw(b"HIGHESTMODSEQ ").num(*n),
        Code::Modified(s) => w.raw(b"MODIFIED ").sequence_set(s),
        Code::MailboxId(a) => w.raw(b"MAILBOXID (").atom(a).raw(b")"),
        Code::AppendLimit(n) => w.raw(b"APPENDLIMIT ").num(*n),
        Code::Referral(u) => w.raw(b"REFERRAL ").raw(u.as_bytes()),
        Code::BadUrl(u) => w.raw(b"BADURL ").raw(u.as_bytes()),
        Code::NoUpdate(t) => w.raw(b"NOUPDATE ").quoted(t),
        Code::Metadata(a, n) => {
            w.raw(b"METADATA ").atom(a);
            if let Some(n) = n {
                w.sp().num(*n);
            }
            w
        }
        Code::Simple(s) => w.raw(s.name().as_bytes()),
        Code::Other(name, text) => {
            w.atom(name);
            if let Some(t) = text {
                w.sp().raw(t);
            }
            w
        }
    };
}
