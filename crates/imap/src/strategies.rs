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
