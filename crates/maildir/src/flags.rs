//! Message flags: the six system flags of a Maildir file name and IMAP keywords.

use std::collections::BTreeSet;
use std::fmt;

use crate::error::{Error, Result};

/// A system flag, stored as an uppercase letter in the `:2,` suffix of a Maildir file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// `\Draft` (letter `D`).
    Draft,
    /// `\Flagged` (letter `F`).
    Flagged,
    /// Forwarded, Maildir's "passed" (letter `P`); IMAP clients see the `$Forwarded` keyword
    /// only if the server maps it.
    Passed,
    /// `\Answered` (letter `R`, "replied").
    Answered,
    /// `\Seen` (letter `S`).
    Seen,
    /// `\Deleted` (letter `T`, "trashed").
    Deleted,
}

impl Flag {
    /// Every flag, in the ASCII order of its letter.
    pub const ALL: [Flag; 6] = [
        Flag::Draft,
        Flag::Flagged,
        Flag::Passed,
        Flag::Answered,
        Flag::Seen,
        Flag::Deleted,
    ];

    /// The letter that stands for the flag in a Maildir file name.
    pub fn letter(self) -> char {
        match self {
            Flag::Draft => 'D',
            Flag::Flagged => 'F',
            Flag::Passed => 'P',
            Flag::Answered => 'R',
            Flag::Seen => 'S',
            Flag::Deleted => 'T',
        }
    }

    /// The flag for a Maildir letter.
    pub fn from_letter(letter: char) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.letter() == letter)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of system flags and keywords.
///
/// ```
/// use mailwire_maildir::{Flag, Flags};
/// let flags = Flags::from(Flag::Seen).with(Flag::Flagged).with_keyword("$Label1").unwrap();
/// assert!(flags.contains(Flag::Seen));
/// assert_eq!(flags.keywords().collect::<Vec<_>>(), ["$Label1"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Flags {
    system: u8,
    keywords: BTreeSet<String>,
}

impl Flags {
    /// No flag at all.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a system flag.
    pub fn insert(&mut self, flag: Flag) {
        self.system |= flag.bit();
    }

    /// Removes a system flag.
    pub fn remove(&mut self, flag: Flag) {
        self.system &= !flag.bit();
    }

    /// This set with one more system flag.
    #[must_use]
    pub fn with(mut self, flag: Flag) -> Self {
        self.insert(flag);
        self
    }

    /// Whether the system flag is set.
    pub fn contains(&self, flag: Flag) -> bool {
        self.system & flag.bit() != 0
    }

    /// The system flags that are set, in letter order.
    pub fn system(&self) -> impl Iterator<Item = Flag> + '_ {
        Flag::ALL.into_iter().filter(|f| self.contains(*f))
    }

    /// Adds a keyword, which must be a valid IMAP flag keyword (an atom without `\`).
    pub fn insert_keyword(&mut self, keyword: &str) -> Result<()> {
        validate_keyword(keyword)?;
        self.keywords.insert(keyword.to_owned());
        Ok(())
    }

    /// This set with one more keyword.
    pub fn with_keyword(mut self, keyword: &str) -> Result<Self> {
        self.insert_keyword(keyword)?;
        Ok(self)
    }

    /// Removes a keyword.
    pub fn remove_keyword(&mut self, keyword: &str) {
        self.keywords.remove(keyword);
    }

    /// Whether the keyword is set.
    pub fn has_keyword(&self, keyword: &str) -> bool {
        self.keywords.contains(keyword)
    }

    /// The keywords, in sorted order.
    pub fn keywords(&self) -> impl Iterator<Item = &str> + '_ {
        self.keywords.iter().map(String::as_str)
    }

    /// Whether no flag and no keyword is set.
    pub fn is_empty(&self) -> bool {
        self.system == 0 && self.keywords.is_empty()
    }

    /// Adds every flag and keyword of `other`.
    pub fn union(&mut self, other: &Flags) {
        self.system |= other.system;
        self.keywords.extend(other.keywords.iter().cloned());
    }

    /// Removes every flag and keyword of `other`.
    pub fn difference(&mut self, other: &Flags) {
        self.system &= !other.system;
        for k in &other.keywords {
            self.keywords.remove(k);
        }
    }

    pub(crate) fn insert_keyword_unchecked(&mut self, keyword: String) {
        self.keywords.insert(keyword);
    }
}

impl From<Flag> for Flags {
    fn from(flag: Flag) -> Self {
        Flags::new().with(flag)
    }
}

impl<const N: usize> From<[Flag; N]> for Flags {
    fn from(flags: [Flag; N]) -> Self {
        let mut out = Flags::new();
        for f in flags {
            out.insert(f);
        }
        out
    }
}

impl fmt::Display for Flags {
    /// IMAP notation, e.g. `\Seen \Flagged $Label1`; `P` shows as `$Forwarded`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut sep = |f: &mut fmt::Formatter<'_>| {
            let s = if first { "" } else { " " };
            first = false;
            f.write_str(s)
        };
        for flag in self.system() {
            sep(f)?;
            f.write_str(match flag {
                Flag::Draft => "\\Draft",
                Flag::Flagged => "\\Flagged",
                Flag::Passed => "$Forwarded",
                Flag::Answered => "\\Answered",
                Flag::Seen => "\\Seen",
                Flag::Deleted => "\\Deleted",
            })?;
        }
        for k in &self.keywords {
            sep(f)?;
            f.write_str(k)?;
        }
        Ok(())
    }
}

/// An IMAP keyword is an atom: printable ASCII without `(){ %*"\]` and not starting with `\`.
pub(crate) fn validate_keyword(keyword: &str) -> Result<()> {
    let ok = !keyword.is_empty()
        && keyword.len() <= 200
        && keyword
            .bytes()
            .all(|b| b > b' ' && b < 0x7f && !b"(){%*\"\\]".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidKeyword(keyword.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_round_trip() {
        for f in Flag::ALL {
            assert_eq!(Flag::from_letter(f.letter()), Some(f));
        }
        assert_eq!(Flag::from_letter('a'), None);
        let letters: String = Flag::ALL.iter().map(|f| f.letter()).collect();
        assert_eq!(letters, "DFPRST");
    }

    #[test]
    fn set_operations() {
        let mut a = Flags::from([Flag::Seen, Flag::Draft]);
        a.insert_keyword("Junk").unwrap();
        let b = Flags::from(Flag::Seen).with_keyword("Junk").unwrap();
        a.difference(&b);
        assert_eq!(a, Flags::from(Flag::Draft));
        a.union(&b);
        assert!(a.contains(Flag::Seen) && a.has_keyword("Junk"));
        assert_eq!(a.to_string(), "\\Draft \\Seen Junk");
    }

    #[test]
    fn keyword_validation() {
        assert!(validate_keyword("$Label1").is_ok());
        assert!(validate_keyword("NonJunk").is_ok());
        for bad in ["", "\\Seen", "a b", "x(y", "é", "a]"] {
            assert_eq!(
                validate_keyword(bad),
                Err(Error::InvalidKeyword(bad.to_owned()))
            );
        }
    }
}
