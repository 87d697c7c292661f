//! Responses a server sends (RFC 3501 §7, RFC 9051 §7, and the extensions).

use std::borrow::Cow;
use std::num::NonZeroU32;

pub use self::body::{
    Address, Body, BodyFields, Disposition, Envelope, ExtensionTail, Language, SinglePartKind,
};
pub use self::code::{Code, SimpleCode};
pub use self::value::Value;
use crate::command::{Section, StatusItem};
use crate::types::{
    AString, Atom, DateTime, Flag, IString, Mailbox, MailboxAttribute, NString, SequenceSet, Tag,
    Text, static_enum, static_struct,
};

mod body;
mod code;
mod encode;
mod parse;
#[cfg(test)]
mod tests;
pub(crate) mod value;

pub use parse::parse_response;

/// One response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response<'a> {
    /// A status response, tagged or not (`OK`, `NO`, `BAD`, `PREAUTH`, `BYE`).
    Status(StatusResponse<'a>),
    /// Untagged data.
    Data(Data<'a>),
    /// A continuation request: `+ ...`.
    Continuation(Continuation<'a>),
}
static_enum!(Response { ; Status(a), Data(a), Continuation(a); });

/// The kind of a status response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKind {
    /// `OK`
    Ok,
    /// `NO`
    No,
    /// `BAD`
    Bad,
    /// `PREAUTH` (greeting only)
    PreAuth,
    /// `BYE`
    Bye,
}

impl crate::types::IntoStatic for StatusKind {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}

/// A status response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusResponse<'a> {
    /// The command's tag, `None` for `*`.
    pub tag: Option<Tag<'a>>,
    /// OK, NO, BAD, PREAUTH or BYE.
    pub kind: StatusKind,
    /// The bracketed code.
    pub code: Option<Code<'a>>,
    /// Human-readable text.
    pub text: Text<'a>,
}
static_struct!(StatusResponse {
    tag,
    kind,
    code,
    text
});

/// A continuation request. During AUTHENTICATE, `text` holds the base64 challenge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Continuation<'a> {
    /// A response code, if any.
    pub code: Option<Code<'a>>,
    /// The text or base64 data.
    pub text: Text<'a>,
}
static_struct!(Continuation { code, text });

/// Untagged data.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Data<'a> {
    /// `CAPABILITY caps`
    Capability(Vec<Atom<'a>>),
    /// `ENABLED caps` (RFC 5161)
    Enabled(Vec<Atom<'a>>),
    /// `LIST (attrs) delim name [ext]`
    List(ListData<'a>),
    /// `LSUB (attrs) delim name`
    Lsub(ListData<'a>),
    /// `STATUS mailbox (item value ...)`
    Status {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Values.
        items: Vec<StatusValue<'a>>,
    },
    /// `SEARCH n... [(MODSEQ m)]`
    Search {
        /// Matching numbers.
        numbers: Vec<NonZeroU32>,
        /// CONDSTORE highest mod-sequence.
        mod_seq: Option<u64>,
    },
    /// `SORT n... [(MODSEQ m)]` (RFC 5256)
    Sort {
        /// Sorted numbers.
        numbers: Vec<NonZeroU32>,
        /// CONDSTORE highest mod-sequence.
        mod_seq: Option<u64>,
    },
    /// QUOTA / QUOTAROOT data (RFC 9208).
    Quota(crate::extensions::QuotaData<'a>),
    /// ACL / LISTRIGHTS / MYRIGHTS data (RFC 4314).
    Acl(crate::extensions::AclData<'a>),
    /// METADATA data (RFC 5464).
    Metadata(crate::extensions::MetadataData<'a>),
    /// GENURLAUTH / URLFETCH data (RFC 4467), COMPARATOR data (RFC 5255).
    UrlAuth(crate::extensions::UrlAuthData<'a>),
    /// `THREAD (...)...` (RFC 5256)
    Thread(Vec<Thread>),
    /// `ESEARCH [(TAG "t")] [UID] items` (RFC 4731, RFC 9051)
    ESearch {
        /// Correlator tag.
        tag: Option<IString<'a>>,
        /// UID results.
        uid: bool,
        /// Result items.
        items: Vec<ESearchItem<'a>>,
    },
    /// `FLAGS (flags)`
    Flags(Vec<Flag<'a>>),
    /// `n EXISTS`
    Exists(u32),
    /// `n RECENT` (IMAP4rev1)
    Recent(u32),
    /// `n EXPUNGE`
    Expunge(NonZeroU32),
    /// `n FETCH (items)`
    Fetch {
        /// Sequence number.
        seq: NonZeroU32,
        /// Items.
        items: Vec<FetchItem<'a>>,
    },
    /// `NAMESPACE personal other shared` (RFC 2342)
    Namespace {
        /// Personal namespaces.
        personal: Vec<NamespaceDesc<'a>>,
        /// Other users' namespaces.
        other: Vec<NamespaceDesc<'a>>,
        /// Shared namespaces.
        shared: Vec<NamespaceDesc<'a>>,
    },
    /// `ID (field value ...)` or `ID NIL` (RFC 2971)
    Id(Option<Vec<(IString<'a>, NString<'a>)>>),
    /// `VANISHED [(EARLIER)] uids` (QRESYNC)
    Vanished {
        /// Sent in answer to FETCH ... VANISHED or SELECT ... QRESYNC.
        earlier: bool,
        /// The UIDs.
        uids: SequenceSet,
    },
    /// Any other untagged data, kept raw (`* [n] NAME rest`), literals included.
    Other {
        /// A leading number, if any.
        number: Option<u32>,
        /// The data name.
        name: Atom<'a>,
        /// Everything after the name, without the line end.
        rest: Cow<'a, [u8]>,
    },
}
static_enum!(Data {
    ;
    Capability(a), Enabled(a), List(a), Lsub(a), Flags(a), Exists(a), Recent(a), Expunge(a), Id(a), Thread(a), Quota(a), Acl(a), Metadata(a), UrlAuth(a);
    Status { mailbox, items },
    Search { numbers, mod_seq },
    Sort { numbers, mod_seq },
    ESearch { tag, uid, items },
    Fetch { seq, items },
    Namespace { personal, other, shared },
    Vanished { earlier, uids },
    Other { number, name, rest },
});

/// One thread of THREAD data: messages in a chain, then the branches below the last of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread {
    /// A chain of messages, each the parent of the next.
    pub members: Vec<NonZeroU32>,
    /// Branches under the last member (or sibling roots when `members` is empty).
    pub children: Vec<Thread>,
}

impl crate::types::IntoStatic for Thread {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}

/// A LIST / LSUB entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListData<'a> {
    /// Attributes (`\HasChildren`, `\Drafts`, ...).
    pub attributes: Vec<MailboxAttribute<'a>>,
    /// Hierarchy delimiter, `None` for NIL.
    pub delimiter: Option<char>,
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// LIST-EXTENDED items (`CHILDINFO`, `OLDNAME`, ...).
    pub extended: Vec<ListExtendedItem<'a>>,
}
static_struct!(ListData {
    attributes,
    delimiter,
    mailbox,
    extended
});

impl crate::types::IntoStatic for char {
    type Static = char;
    fn into_static(self) -> char {
        self
    }
}

/// One value of STATUS data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusValue<'a> {
    /// A numeric item.
    Number(StatusItem<'a>, u64),
    /// `MAILBOXID (id)` (OBJECTID)
    MailboxId(Atom<'a>),
}
static_enum!(StatusValue { ; Number(a, b), MailboxId(a); });

/// An ESEARCH result item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ESearchItem<'a> {
    /// `MIN n`
    Min(NonZeroU32),
    /// `MAX n`
    Max(NonZeroU32),
    /// `ALL set`
    All(SequenceSet),
    /// `COUNT n`
    Count(u32),
    /// `MODSEQ n`
    ModSeq(u64),
    /// `ADDTO (position set ...)` (CONTEXT=SEARCH, RFC 5267): messages that joined the
    /// result, each set at its position in the sorted result.
    AddTo(Vec<(u32, SequenceSet)>),
    /// `REMOVEFROM (position set ...)` (RFC 5267): messages that left the result.
    RemoveFrom(Vec<(u32, SequenceSet)>),
    /// `RELEVANCY (score ...)` (SEARCH=FUZZY, RFC 6203): one score from 1 to 100 per message
    /// of the result, in its order.
    Relevancy(Vec<u8>),
    /// `PARTIAL (range results)` (RFC 9394): one page of the result.
    Partial {
        /// The page asked for.
        range: PartialRange,
        /// The messages in it; `None` for NIL (the page is empty).
        results: Option<SequenceSet>,
    },
    /// Any other item, kept generic.
    Other(Atom<'a>, Value<'a>),
}
static_enum!(ESearchItem { ; Min(a), Max(a), All(a), Count(a), ModSeq(a), AddTo(a), RemoveFrom(a), Relevancy(a), Other(a, b); Partial { range, results } });

/// The page of a PARTIAL result (RFC 9394): positions `first` to `last` (both from 1) in the
/// result, counted from its end when `from_end` is set (sent as `-first:-last`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialRange {
    /// The first position.
    pub first: NonZeroU32,
    /// The last position.
    pub last: NonZeroU32,
    /// Counted from the end of the result.
    pub from_end: bool,
}

impl crate::types::IntoStatic for PartialRange {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}

/// A LIST-EXTENDED data item (RFC 5258) after the mailbox name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListExtendedItem<'a> {
    /// `"CHILDINFO" ("SUBSCRIBED" ...)`: why a mailbox that does not itself match is listed
    /// (some child matches these selection options).
    ChildInfo(Vec<IString<'a>>),
    /// `"OLDNAME" (mailbox)` (RFC 5465 / RFC 9051): the name the mailbox had before a RENAME.
    OldName(Mailbox<'a>),
    /// Any other item, kept generic.
    Other(AString<'a>, Value<'a>),
}
static_enum!(ListExtendedItem { ; ChildInfo(a), OldName(a), Other(a, b); });

/// A namespace description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamespaceDesc<'a> {
    /// Prefix.
    pub prefix: IString<'a>,
    /// Hierarchy delimiter.
    pub delimiter: Option<char>,
    /// Extensions: name and values.
    pub extensions: Vec<(IString<'a>, Vec<IString<'a>>)>,
}
static_struct!(NamespaceDesc {
    prefix,
    delimiter,
    extensions
});

/// An item of FETCH data (`msg-att`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchItem<'a> {
    /// `FLAGS (flags)`
    Flags(Vec<Flag<'a>>),
    /// `ENVELOPE (...)`
    Envelope(Box<Envelope<'a>>),
    /// `INTERNALDATE "..."`
    InternalDate(DateTime),
    /// `RFC822.SIZE n`
    Rfc822Size(u32),
    /// `RFC822 nstring` (IMAP4rev1)
    Rfc822(NString<'a>),
    /// `RFC822.HEADER nstring` (IMAP4rev1)
    Rfc822Header(NString<'a>),
    /// `RFC822.TEXT nstring` (IMAP4rev1)
    Rfc822Text(NString<'a>),
    /// `BODY (...)`: the non-extensible structure.
    Body(Box<Body<'a>>),
    /// `BODYSTRUCTURE (...)`
    BodyStructure(Box<Body<'a>>),
    /// `BODY[section]<origin> nstring`
    BodySection {
        /// Section.
        section: Section<'a>,
        /// Offset of a partial fetch.
        origin: Option<u32>,
        /// The data.
        data: NString<'a>,
    },
    /// `BINARY[part]<origin> nstring-or-literal8` (RFC 3516)
    Binary {
        /// Part numbers.
        part: Vec<NonZeroU32>,
        /// Offset of a partial fetch.
        origin: Option<u32>,
        /// The data.
        data: NString<'a>,
    },
    /// `BINARY.SIZE[part] n` (RFC 3516)
    BinarySize {
        /// Part numbers.
        part: Vec<NonZeroU32>,
        /// Decoded size.
        size: u32,
    },
    /// `UID n`
    Uid(NonZeroU32),
    /// `MODSEQ (n)` (CONDSTORE)
    ModSeq(u64),
    /// `EMAILID (id)` (OBJECTID)
    EmailId(Atom<'a>),
    /// `THREADID (id)` or `THREADID NIL` (OBJECTID)
    ThreadId(Option<Atom<'a>>),
    /// `SAVEDATE "..."` or `SAVEDATE NIL` (RFC 8514)
    SaveDate(Option<DateTime>),
    /// `PREVIEW nstring` (RFC 8970)
    Preview(NString<'a>),
    /// Any other item (vendor items such as `X-GM-LABELS`, `SNIPPET (FUZZY "...")`, or
    /// `PREVIEW (FUZZY ...)` of draft servers), kept generic.
    Other(Cow<'a, str>, Value<'a>),
}
static_enum!(FetchItem {
    ;
    Flags(a), Envelope(a), InternalDate(a), Rfc822Size(a), Rfc822(a), Rfc822Header(a), Rfc822Text(a), Body(a),
    BodyStructure(a), Uid(a), ModSeq(a), EmailId(a), ThreadId(a), SaveDate(a), Preview(a), Other(a, b);
    BodySection { section, origin, data },
    Binary { part, origin, data },
    BinarySize { part, size },
});
