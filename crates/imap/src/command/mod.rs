//! Commands a client sends (RFC 3501 §6, RFC 9051 §6, and the extensions).

use std::borrow::Cow;
use std::num::NonZeroU64;

use mailwire_core::Secret;

pub use self::fetch::{FetchAttribute, FetchItems, Partial, Section, SectionText};
pub use self::options::{ListReturn, ListSelection, OptionValue, PartialRange, SearchReturn};
pub use self::search::SearchKey;
use crate::types::{
    AString, Atom, DateTime, Flag, IString, IntoStatic, Literal, Mailbox, MailboxAttribute,
    SequenceSet, Tag, static_enum, static_struct,
};

pub(crate) mod encode;
pub(crate) mod fetch;
pub(crate) mod options;
pub(crate) mod parse;
pub(crate) mod search;
#[cfg(test)]
mod tests;

pub use parse::{AuthenticateData, parse_authenticate_data, parse_command, parse_idle_done};

/// A tagged command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command<'a> {
    /// The client's tag.
    pub tag: Tag<'a>,
    /// What is asked.
    pub body: CommandBody<'a>,
}
static_struct!(Command { tag, body });

/// The command itself.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CommandBody<'a> {
    /// `CAPABILITY`
    Capability,
    /// `NOOP`
    Noop,
    /// `LOGOUT`
    Logout,
    /// `STARTTLS`
    StartTls,
    /// `AUTHENTICATE mech [initial-response]` (SASL-IR, RFC 4959). The initial response is the
    /// base64 text as sent (`=` for an empty one).
    Authenticate {
        /// SASL mechanism name.
        mechanism: Atom<'a>,
        /// Base64 initial response, or `=`.
        initial_response: Option<Secret<Cow<'a, [u8]>>>,
    },
    /// `LOGIN user password`
    Login {
        /// User name.
        username: AString<'a>,
        /// Password.
        password: Secret<AString<'a>>,
    },
    /// `ENABLE cap...` (RFC 5161)
    Enable {
        /// Capabilities to enable.
        capabilities: Vec<Atom<'a>>,
    },
    /// `SELECT mailbox [(params)]`
    Select {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// CONDSTORE / QRESYNC parameters.
        params: Vec<SelectParam<'a>>,
    },
    /// `EXAMINE mailbox [(params)]`
    Examine {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// CONDSTORE / QRESYNC parameters.
        params: Vec<SelectParam<'a>>,
    },
    /// `CREATE mailbox [(USE (attrs))]` (CREATE-SPECIAL-USE, RFC 6154)
    Create {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Special-use attributes asked for.
        special_use: Vec<MailboxAttribute<'a>>,
    },
    /// `DELETE mailbox`
    Delete {
        /// The mailbox.
        mailbox: Mailbox<'a>,
    },
    /// `RENAME from to`
    Rename {
        /// Existing name.
        from: Mailbox<'a>,
        /// New name.
        to: Mailbox<'a>,
    },
    /// `SUBSCRIBE mailbox`
    Subscribe {
        /// The mailbox.
        mailbox: Mailbox<'a>,
    },
    /// `UNSUBSCRIBE mailbox`
    Unsubscribe {
        /// The mailbox.
        mailbox: Mailbox<'a>,
    },
    /// `LIST [(selection)] reference pattern(s) [RETURN (...)]` (LIST-EXTENDED, RFC 5258;
    /// LIST-STATUS, RFC 5819; SPECIAL-USE, RFC 6154).
    List {
        /// Selection options (`SUBSCRIBED`, `REMOTE`, `RECURSIVEMATCH`, `SPECIAL-USE`).
        selection: Vec<ListSelection<'a>>,
        /// Reference name.
        reference: Mailbox<'a>,
        /// One pattern, or several in parentheses.
        patterns: Vec<AString<'a>>,
        /// Return options.
        returns: Vec<ListReturn<'a>>,
    },
    /// `LSUB reference pattern`
    Lsub {
        /// Reference name.
        reference: Mailbox<'a>,
        /// Pattern.
        pattern: AString<'a>,
    },
    /// `RLIST reference pattern` (MAILBOX-REFERRALS, RFC 2193)
    Rlist {
        /// Reference name.
        reference: Mailbox<'a>,
        /// Pattern.
        pattern: AString<'a>,
    },
    /// `RLSUB reference pattern` (MAILBOX-REFERRALS, RFC 2193)
    Rlsub {
        /// Reference name.
        reference: Mailbox<'a>,
        /// Pattern.
        pattern: AString<'a>,
    },
    /// `CANCELUPDATE "tag"...` (CONTEXT=SEARCH, RFC 5267)
    CancelUpdate {
        /// Tags of the searches whose updates stop.
        tags: Vec<crate::types::Quoted<'a>>,
    },
    /// `NAMESPACE` (RFC 2342)
    Namespace,
    /// `STATUS mailbox (items)`
    Status {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Items asked for.
        items: Vec<StatusItem<'a>>,
    },
    /// `APPEND mailbox [flags] [date] literal` (one message, or several under MULTIAPPEND).
    Append {
        /// Target mailbox.
        mailbox: Mailbox<'a>,
        /// The messages.
        messages: Vec<AppendMessage<'a>>,
    },
    /// `IDLE` (RFC 2177); ended by a `DONE` line.
    Idle,
    /// `CHECK` (IMAP4rev1)
    Check,
    /// `CLOSE`
    Close,
    /// `UNSELECT` (RFC 3691)
    Unselect,
    /// `EXPUNGE`
    Expunge,
    /// `UID EXPUNGE set` (UIDPLUS)
    UidExpunge {
        /// UIDs.
        set: SequenceSet,
    },
    /// `[UID] SEARCH [RETURN (...)] [CHARSET c] keys`
    Search {
        /// UID variant.
        uid: bool,
        /// ESEARCH return options; `None` without `RETURN`.
        returns: Option<Vec<SearchReturn<'a>>>,
        /// Charset of the string arguments.
        charset: Option<AString<'a>>,
        /// The keys, all of which must match.
        criteria: Vec<SearchKey<'a>>,
    },
    /// `[UID] FETCH set items [(modifiers)]`
    Fetch {
        /// UID variant.
        uid: bool,
        /// Messages.
        set: SequenceSet,
        /// What to fetch.
        items: FetchItems<'a>,
        /// CONDSTORE / QRESYNC modifiers.
        modifiers: Vec<FetchModifier>,
    },
    /// `[UID] STORE set [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] flags`
    Store {
        /// UID variant.
        uid: bool,
        /// Messages.
        set: SequenceSet,
        /// CONDSTORE `UNCHANGEDSINCE`.
        unchanged_since: Option<u64>,
        /// Replace, add or remove.
        kind: StoreKind,
        /// `.SILENT`
        silent: bool,
        /// The flags.
        flags: Vec<Flag<'a>>,
    },
    /// `[UID] COPY set mailbox`
    Copy {
        /// UID variant.
        uid: bool,
        /// Messages.
        set: SequenceSet,
        /// Target.
        mailbox: Mailbox<'a>,
    },
    /// `[UID] MOVE set mailbox` (RFC 6851)
    Move {
        /// UID variant.
        uid: bool,
        /// Messages.
        set: SequenceSet,
        /// Target.
        mailbox: Mailbox<'a>,
    },
    /// `[UID] SORT [RETURN (...)] (criteria) charset keys` (SORT, RFC 5256; ESORT, RFC 5267;
    /// SORT=DISPLAY, RFC 5957)
    Sort {
        /// UID variant.
        uid: bool,
        /// ESORT return options; `None` without `RETURN`.
        returns: Option<Vec<SearchReturn<'a>>>,
        /// Sort criteria.
        criteria: Vec<SortCriterion<'a>>,
        /// Charset of the string arguments.
        charset: AString<'a>,
        /// Search keys.
        search: Vec<SearchKey<'a>>,
    },
    /// `[UID] THREAD algorithm charset keys` (RFC 5256)
    Thread {
        /// UID variant.
        uid: bool,
        /// `ORDEREDSUBJECT`, `REFERENCES`, ...
        algorithm: Atom<'a>,
        /// Charset of the string arguments.
        charset: AString<'a>,
        /// Search keys.
        search: Vec<SearchKey<'a>>,
    },
    /// A QUOTA command (RFC 9208).
    Quota(crate::extensions::QuotaCommand<'a>),
    /// An ACL command (RFC 4314).
    Acl(crate::extensions::AclCommand<'a>),
    /// A METADATA command (RFC 5464).
    Metadata(crate::extensions::MetadataCommand<'a>),
    /// NOTIFY (RFC 5465).
    Notify(crate::extensions::NotifyCommand<'a>),
    /// A URLAUTH command (RFC 4467) or COMPARATOR (RFC 5255).
    UrlAuth(crate::extensions::UrlAuthCommand<'a>),
    /// `COMPRESS mechanism` (RFC 4978)
    Compress {
        /// `DEFLATE`.
        mechanism: Atom<'a>,
    },
    /// `ID (field value ...)` or `ID NIL` (RFC 2971)
    Id {
        /// Field/value pairs; `None` for `NIL`.
        fields: Option<Vec<(IString<'a>, Option<IString<'a>>)>>,
    },
    /// `UNAUTHENTICATE` (RFC 8437)
    Unauthenticate,
    /// `X<atom> [arguments]`: an experimental command (RFC 3501 §6.5.1 `x-command`), whose
    /// arguments this crate does not know and keeps as sent.
    Experimental {
        /// The command name, starting with `X`.
        name: Atom<'a>,
        /// Everything after the name and its space, literals included, without the line
        /// end; `None` when the command has no arguments.
        args: Option<Cow<'a, [u8]>>,
    },
}

static_enum!(CommandBody {
    Capability, Noop, Logout, StartTls, Namespace, Idle, Check, Close, Unselect, Expunge, Unauthenticate;
    Quota(a), Acl(a), Metadata(a), UrlAuth(a), Notify(a);
    Authenticate { mechanism, initial_response },
    Login { username, password },
    Enable { capabilities },
    Select { mailbox, params },
    Examine { mailbox, params },
    Create { mailbox, special_use },
    Delete { mailbox },
    Rename { from, to },
    Subscribe { mailbox },
    Unsubscribe { mailbox },
    List { selection, reference, patterns, returns },
    Lsub { reference, pattern },
    Rlist { reference, pattern },
    Rlsub { reference, pattern },
    CancelUpdate { tags },
    Status { mailbox, items },
    Append { mailbox, messages },
    UidExpunge { set },
    Search { uid, returns, charset, criteria },
    Fetch { uid, set, items, modifiers },
    Store { uid, set, unchanged_since, kind, silent, flags },
    Copy { uid, set, mailbox },
    Move { uid, set, mailbox },
    Compress { mechanism },
    Id { fields },
    Sort { uid, returns, criteria, charset, search },
    Thread { uid, algorithm, charset, search },
    Experimental { name, args },
});

/// A SORT criterion: a key (`ARRIVAL`, `CC`, `DATE`, `FROM`, `SIZE`, `SUBJECT`, `TO`,
/// `DISPLAYFROM`, `DISPLAYTO`, ...), possibly reversed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortCriterion<'a> {
    /// `REVERSE`
    pub reverse: bool,
    /// The key.
    pub key: Atom<'a>,
}
static_struct!(SortCriterion { reverse, key });

/// A SELECT / EXAMINE parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectParam<'a> {
    /// `CONDSTORE` (RFC 7162)
    CondStore,
    /// `QRESYNC (uidvalidity modseq [known-uids] [(seqs uids)])` (RFC 7162)
    QResync {
        /// Last known UIDVALIDITY.
        uid_validity: std::num::NonZeroU32,
        /// Last known HIGHESTMODSEQ.
        mod_seq: NonZeroU64,
        /// UIDs the client knows.
        known_uids: Option<SequenceSet>,
        /// Sequence numbers and matching UIDs.
        seq_match: Option<(SequenceSet, SequenceSet)>,
    },
    /// Any other parameter, as an atom (parameters with values are not kept).
    Other(Atom<'a>),
}
static_enum!(SelectParam { CondStore; Other(a); QResync { uid_validity, mod_seq, known_uids, seq_match } });

/// A STATUS item name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusItem<'a> {
    /// `MESSAGES`
    Messages,
    /// `RECENT` (IMAP4rev1)
    Recent,
    /// `UIDNEXT`
    UidNext,
    /// `UIDVALIDITY`
    UidValidity,
    /// `UNSEEN`
    Unseen,
    /// `DELETED` (IMAP4rev2)
    Deleted,
    /// `DELETED-STORAGE` (QUOTA, RFC 9208)
    DeletedStorage,
    /// `SIZE` (STATUS=SIZE, RFC 8438)
    Size,
    /// `HIGHESTMODSEQ` (CONDSTORE)
    HighestModSeq,
    /// `APPENDLIMIT` (RFC 7889)
    AppendLimit,
    /// `MAILBOXID` (OBJECTID, RFC 8474)
    MailboxId,
    /// Any other item.
    Other(Atom<'a>),
}
static_enum!(StatusItem { Messages, Recent, UidNext, UidValidity, Unseen, Deleted, DeletedStorage, Size, HighestModSeq, AppendLimit, MailboxId; Other(a); });

impl StatusItem<'_> {
    pub(crate) const NAMES: [(&'static str, StatusItem<'static>); 11] = [
        ("MESSAGES", StatusItem::Messages),
        ("RECENT", StatusItem::Recent),
        ("UIDNEXT", StatusItem::UidNext),
        ("UIDVALIDITY", StatusItem::UidValidity),
        ("UNSEEN", StatusItem::Unseen),
        ("DELETED", StatusItem::Deleted),
        ("DELETED-STORAGE", StatusItem::DeletedStorage),
        ("SIZE", StatusItem::Size),
        ("HIGHESTMODSEQ", StatusItem::HighestModSeq),
        ("APPENDLIMIT", StatusItem::AppendLimit),
        ("MAILBOXID", StatusItem::MailboxId),
    ];

    /// The wire name.
    pub fn name(&self) -> &str {
        match self {
            Self::Other(a) => a.as_str(),
            known => Self::NAMES
                .iter()
                .find(|(_, v)| v == known)
                .map_or("", |(n, _)| n),
        }
    }
}

/// One message of APPEND.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppendMessage<'a> {
    /// Flags to set.
    pub flags: Vec<Flag<'a>>,
    /// Internal date to set.
    pub date: Option<DateTime>,
    /// The message.
    pub data: AppendData<'a>,
}
static_struct!(AppendMessage { flags, date, data });

/// The message of one APPEND.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppendData<'a> {
    /// A literal (`~{n}` under BINARY).
    Literal(Literal<'a>),
    /// `CATENATE (parts)` (RFC 4469): the message is assembled from text and IMAP URLs.
    Catenate(Vec<CatenatePart<'a>>),
    /// `UTF8 (~{n})` (UTF8=ACCEPT, RFC 6855): a message with UTF-8 headers.
    Utf8(Literal<'a>),
}
static_enum!(AppendData { ; Literal(a), Catenate(a), Utf8(a); });

/// One part of CATENATE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatenatePart<'a> {
    /// `URL url`: an IMAP URL (RFC 5092, with URL-PARTIAL and URLAUTH forms), as sent.
    Url(AString<'a>),
    /// `TEXT literal`
    Text(Literal<'a>),
}
static_enum!(CatenatePart { ; Url(a), Text(a); });

/// A FETCH modifier (RFC 7162).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchModifier {
    /// `CHANGEDSINCE modseq`
    ChangedSince(u64),
    /// `VANISHED`
    Vanished,
}

/// How STORE changes flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreKind {
    /// `FLAGS`
    Replace,
    /// `+FLAGS`
    Add,
    /// `-FLAGS`
    Remove,
}

impl IntoStatic for FetchModifier {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}

impl IntoStatic for StoreKind {
    type Static = Self;
    fn into_static(self) -> Self {
        self
    }
}
