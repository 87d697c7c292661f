//! Sequence sets: `1:4,7,9:*`, and `$` (the saved search result of SEARCHRES, RFC 5182).

use std::num::NonZeroU32;

use super::ValidationError;

/// One end of a range: a number or `*` (the largest number in use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeqOrUid {
    /// A message sequence number or UID.
    Value(NonZeroU32),
    /// `*`.
    Asterisk,
}

impl SeqOrUid {
    /// `n`, if non-zero.
    pub fn new(n: u32) -> Option<Self> {
        NonZeroU32::new(n).map(Self::Value)
    }
}

/// One element of a sequence set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sequence {
    /// A single number or `*`.
    Single(SeqOrUid),
    /// `a:b`; the order of the ends carries no meaning (`4:2` is `2:4`).
    Range(SeqOrUid, SeqOrUid),
}

/// A sequence set (`sequence-set`), or `$` for the saved search result.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SequenceSet {
    /// A non-empty list of ranges.
    Set(Vec<Sequence>),
    /// `$` (SEARCHRES).
    Saved,
}

impl SequenceSet {
    /// A set from a non-empty list.
    pub fn new(items: Vec<Sequence>) -> Result<Self, ValidationError> {
        if items.is_empty() {
            Err(ValidationError::Empty("sequence set"))
        } else {
            Ok(Self::Set(items))
        }
    }

    /// The set holding just `n`.
    pub fn single(n: NonZeroU32) -> Self {
        Self::Set(vec![Sequence::Single(SeqOrUid::Value(n))])
    }

    /// Whether `n` belongs to the set, with `*` standing for `largest`. `$` holds nothing here:
    /// its contents live in the session.
    pub fn contains(&self, n: u32, largest: u32) -> bool {
        let v = |s: SeqOrUid| match s {
            SeqOrUid::Value(x) => x.get(),
            SeqOrUid::Asterisk => largest,
        };
        match self {
            Self::Saved => false,
            Self::Set(items) => items.iter().any(|s| match *s {
                Sequence::Single(a) => v(a) == n,
                Sequence::Range(a, b) => {
                    let (lo, hi) = (v(a).min(v(b)), v(a).max(v(b)));
                    (lo..=hi).contains(&n)
                }
            }),
        }
    }
}

impl TryFrom<&str> for SequenceSet {
    type Error = ValidationError;
    fn try_from(s: &str) -> Result<Self, ValidationError> {
        match crate::parse::core::sequence_set(s.as_bytes()) {
            Ok(([], set)) => Ok(set),
            _ => Err(ValidationError::Syntax("sequence set")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_with_asterisk_and_reversed_ranges() {
        let set = SequenceSet::try_from("2,4:7,9,12:*").unwrap();
        assert!(set.contains(5, 20) && set.contains(15, 20) && !set.contains(3, 20));
        let set = SequenceSet::try_from("*:4").unwrap();
        assert!(set.contains(6, 6) && set.contains(4, 6) && !set.contains(3, 6));
        assert!(SequenceSet::try_from("0").is_err());
        assert!(SequenceSet::try_from("1,").is_err());
        assert_eq!(SequenceSet::try_from("$").unwrap(), SequenceSet::Saved);
    }
}
