//! proptest strategies for every type, shared by the round-trip tests.

use std::borrow::Cow;
use std::num::NonZeroU32;

use proptest::collection::vec;
use proptest::prelude::*;

use crate::types::*;

pub fn nz() -> impl Strategy<Value = NonZeroU32> {
    (1u32..=u32::MAX).prop_map(|n| NonZeroU32::new(n).expect("range starts at 1"))
}

pub fn small_nz() -> impl Strategy<Value = NonZeroU32> {
    (1u32..5000).prop_map(|n| NonZeroU32::new(n).expect("range starts at 1"))
}

pub fn atom() -> impl Strategy<Value = Atom<'static>> {
    "[a-zA-Z0-9$!#&'+,./:;<=>?@^_`|~-]{1,12}".prop_map(|s| Atom::try_from(s).expect("atom chars"))
}

pub fn tag() -> impl Strategy<Value = Tag<'static>> {
    "[a-zA-Z0-9.]{1,8}".prop_map(|s| Tag::try_from(s).expect("tag chars"))
}

pub fn literal() -> impl Strategy<Value = Literal<'static>> {
    (
        vec(1u8..=255, 0..20),
        prop_oneof![Just(LiteralMode::Sync), Just(LiteralMode::NonSync)],
    )
        .prop_map(|(d, m)| Literal::new(d, m).expect("no NUL"))
}

pub fn quoted() -> impl Strategy<Value = Quoted<'static>> {
    "[ -~]{0,16}".prop_map(|s| Quoted(Cow::Owned(s.into_bytes())))
}

pub fn istring() -> impl Strategy<Value = IString<'static>> {
    prop_oneof![
        quoted().prop_map(IString::Quoted),
        literal().prop_map(IString::Literal)
    ]
}

pub fn nstring() -> impl Strategy<Value = Option<IString<'static>>> {
    proptest::option::of(istring())
}

pub fn astring() -> impl Strategy<Value = AString<'static>> {
    prop_oneof![
        "[a-zA-Z0-9.\\]_-]{1,12}"
            .prop_filter("NIL is not an atom string", |s| !s
                .eq_ignore_ascii_case("NIL"))
            .prop_map(|s| AString::Atom(AtomExt::try_from(s).expect("astring chars"))),
        istring().prop_map(AString::String),
    ]
}

pub fn mailbox() -> impl Strategy<Value = Mailbox<'static>> {
    astring().prop_map(Mailbox::from_wire)
}

pub fn seq_or_uid() -> impl Strategy<Value = SeqOrUid> {
    prop_oneof![4 => nz().prop_map(SeqOrUid::Value), 1 => Just(SeqOrUid::Asterisk)]
}

pub fn sequence_set() -> impl Strategy<Value = SequenceSet> {
    prop_oneof![
        1 => Just(SequenceSet::Saved),
        8 => vec(
            prop_oneof![
                seq_or_uid().prop_map(Sequence::Single),
                (seq_or_uid(), seq_or_uid()).prop_map(|(a, b)| Sequence::Range(a, b)),
            ],
            1..5
        )
        .prop_map(SequenceSet::Set),
    ]
}

pub fn store_flag() -> impl Strategy<Value = Flag<'static>> {
    prop_oneof![
        Just(Flag::Answered),
        Just(Flag::Flagged),
        Just(Flag::Deleted),
        Just(Flag::Seen),
        Just(Flag::Draft),
        atom().prop_map(Flag::Keyword),
        "X[a-z]{1,6}".prop_map(|s| Flag::Extension(Atom::try_from(s).expect("atom"))),
    ]
}

pub fn flag() -> impl Strategy<Value = Flag<'static>> {
    prop_oneof![8 => store_flag(), 1 => Just(Flag::Recent), 1 => Just(Flag::Wildcard)]
}

pub fn date() -> impl Strategy<Value = Date> {
    (1000u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"))
}

pub fn date_time() -> impl Strategy<Value = DateTime> {
    (
        date(),
        0u8..24,
        0u8..60,
        0u8..60,
        -(99 * 60 + 59i16)..=(99 * 60 + 59),
    )
        .prop_map(|(d, h, m, s, z)| DateTime::new(d, h, m, s, z).expect("valid"))
}

/// Names the typed SEARCH / SORT / LIST options take: a generic option of one of these names
/// would parse back as the typed variant.
const KNOWN_OPTION_NAMES: [&str; 14] = [
    "MIN",
    "MAX",
    "ALL",
    "COUNT",
    "SAVE",
    "CONTEXT",
    "UPDATE",
    "PARTIAL",
    "SUBSCRIBED",
    "REMOTE",
    "RECURSIVEMATCH",
    "SPECIAL-USE",
    "MYRIGHTS",
    "STATUS",
];

fn generic_value() -> impl Strategy<Value = crate::response::Value<'static>> {
    use crate::response::Value;
    let leaf = prop_oneof![
        Just(Value::Nil),
        "[0-9A-Za-z]{1,5}"
            .prop_filter("NIL is Value::Nil", |t| !t.eq_ignore_ascii_case("NIL"))
            .prop_map(|t| Value::Token(Cow::Owned(t))),
        istring().prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| vec(inner, 0..3).prop_map(Value::List))
}

fn option_other() -> impl Strategy<Value = (Atom<'static>, crate::command::OptionValue<'static>)> {
    (
        atom().prop_filter("a known option name", |a| {
            !KNOWN_OPTION_NAMES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(a.as_str()))
        }),
        proptest::option::of(vec(generic_value(), 0..3)),
    )
}

pub fn search_return() -> impl Strategy<Value = crate::command::SearchReturn<'static>> {
    use crate::command::{PartialRange, SearchReturn as S};
    prop_oneof![
        Just(S::Min),
        Just(S::Max),
        Just(S::All),
        Just(S::Count),
        Just(S::Save),
        Just(S::Context),
        Just(S::Update),
        (any::<bool>(), nz(), nz()).prop_map(|(from_end, first, last)| S::Partial(PartialRange {
            from_end,
            first,
            last
        })),
        option_other().prop_map(|(name, value)| S::Other { name, value }),
    ]
}

pub fn list_selection() -> impl Strategy<Value = crate::command::ListSelection<'static>> {
    use crate::command::ListSelection as S;
    prop_oneof![
        Just(S::Subscribed),
        Just(S::Remote),
        Just(S::RecursiveMatch),
        Just(S::SpecialUse),
        option_other().prop_map(|(name, value)| S::Other { name, value }),
    ]
}

pub fn list_return(
    status_item: impl Strategy<Value = crate::command::StatusItem<'static>>,
) -> impl Strategy<Value = crate::command::ListReturn<'static>> {
    use crate::command::ListReturn as R;
    prop_oneof![
        Just(R::Subscribed),
        Just(R::Children),
        Just(R::SpecialUse),
        Just(R::MyRights),
        vec(status_item, 1..3).prop_map(R::Status),
        option_other().prop_map(|(name, value)| R::Other { name, value }),
    ]
}
