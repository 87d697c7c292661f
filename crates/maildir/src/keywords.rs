//! `dovecot-keywords`: which keyword each lowercase flag letter stands for.
//!
//! One line per keyword, `INDEX NAME`, where index 0 is the letter `a` and 25 is `z`:
//!
//! ```text
//! 0 $Label1
//! 1 Junk
//! ```
//!
//! A letter, once given, keeps its keyword: messages on disk refer to it. New keywords take the
//! first free index, under Dovecot's `dovecot-keywords.lock`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::flags::{Flag, Flags};
use crate::fsutil::{Modes, Stamp, read_optional, replace_file};
use crate::lock::DotLock;

/// The file name inside a folder directory.
pub(crate) const FILE_NAME: &str = "dovecot-keywords";
const LETTERS: usize = 26;

/// The keyword table of one folder.
#[derive(Debug)]
pub(crate) struct Keywords {
    path: PathBuf,
    names: Vec<Option<String>>,
    stamp: Option<Stamp>,
}

impl Keywords {
    pub(crate) fn new(dir: &Path) -> Self {
        Self {
            path: dir.join(FILE_NAME),
            names: vec![None; LETTERS],
            stamp: None,
        }
    }

    /// Rereads the file if it changed.
    pub(crate) fn refresh(&mut self) -> Result<()> {
        let now = Stamp::current(&self.path)?;
        if now == self.stamp && now.is_some() {
            return Ok(());
        }
        self.names = vec![None; LETTERS];
        self.stamp = None;
        if let Some((bytes, stamp)) = read_optional(&self.path)? {
            self.names = parse(&String::from_utf8_lossy(&bytes));
            self.stamp = Some(stamp);
        }
        Ok(())
    }

    /// The keyword a letter stands for.
    pub(crate) fn name(&self, letter: char) -> Option<&str> {
        let i = (letter as usize).checked_sub('a' as usize)?;
        self.names.get(i)?.as_deref()
    }

    /// The letter of a keyword.
    pub(crate) fn letter(&self, name: &str) -> Option<char> {
        self.names
            .iter()
            .position(|n| n.as_deref() == Some(name))
            .map(|i| char::from(b'a' + i as u8))
    }

    /// Gives a letter to every keyword of `flags` that has none yet.
    pub(crate) fn ensure(&mut self, flags: &Flags, modes: &Modes) -> Result<()> {
        self.refresh()?;
        if flags.keywords().all(|k| self.letter(k).is_some()) {
            return Ok(());
        }
        let _lock = DotLock::acquire(&self.path, modes)?;
        self.stamp = None;
        self.refresh()?;
        let mut changed = false;
        for k in flags.keywords() {
            if self.letter(k).is_some() {
                continue;
            }
            let free = self
                .names
                .iter()
                .position(Option::is_none)
                .ok_or_else(|| Error::TooManyKeywords(k.to_owned()))?;
            self.names[free] = Some(k.to_owned());
            changed = true;
        }
        if changed {
            replace_file(&self.path, serialize(&self.names).as_bytes(), modes)?;
            self.stamp = Stamp::current(&self.path)?;
        }
        Ok(())
    }

    /// The flags that the letters of a file name stand for; unknown letters are left out.
    pub(crate) fn flags(&self, letters: &str) -> Flags {
        let mut flags = Flags::new();
        for c in letters.chars() {
            if let Some(f) = Flag::from_letter(c) {
                flags.insert(f);
            } else if let Some(name) = self.name(c) {
                flags.insert_keyword_unchecked(name.to_owned());
            }
        }
        flags
    }

    /// The letters for `flags`, keeping the letters of `old` that are neither system flags nor
    /// keywords we know (another program's extensions). Call [`Keywords::ensure`] first:
    /// keywords without a letter are left out.
    pub(crate) fn letters(&self, flags: &Flags, old: &str) -> String {
        let kept = old.chars().filter(|&c| {
            Flag::from_letter(c).is_none() && !(c.is_ascii_lowercase() && self.name(c).is_some())
        });
        let system = flags.system().map(Flag::letter);
        let keywords = flags.keywords().filter_map(|k| self.letter(k));
        crate::filename::normalize_letters(kept.chain(system).chain(keywords))
    }
}

fn parse(text: &str) -> Vec<Option<String>> {
    let mut names = vec![None; LETTERS];
    for line in text.lines() {
        let Some((index, name)) = line.split_once(' ') else {
            continue;
        };
        if let Ok(i) = index.parse::<usize>()
            && i < LETTERS
            && !name.is_empty()
        {
            names[i] = Some(name.to_owned());
        }
    }
    names
}

fn serialize(names: &[Option<String>]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if let Some(name) = name {
            let _ = writeln!(out, "{i} {name}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modes() -> Modes {
        Modes {
            dir: 0o700,
            file: 0o600,
        }
    }

    #[test]
    fn reads_dovecot_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "0 $Label1\n2 Junk\nbad line\n30 far\n",
        )
        .unwrap();
        let mut k = Keywords::new(dir.path());
        k.refresh().unwrap();
        assert_eq!(k.name('a'), Some("$Label1"));
        assert_eq!(k.name('b'), None);
        assert_eq!(k.name('c'), Some("Junk"));
        assert_eq!(k.name('S'), None);
        assert_eq!(k.letter("Junk"), Some('c'));
        let flags = k.flags("FSacx");
        assert_eq!(
            flags,
            Flags::from([Flag::Flagged, Flag::Seen])
                .with_keyword("$Label1")
                .unwrap()
                .with_keyword("Junk")
                .unwrap()
        );
        // Unknown letters (x) survive a rewrite; known ones follow the flags.
        let new = Flags::from(Flag::Answered).with_keyword("Junk").unwrap();
        assert_eq!(k.letters(&new, "FSacx"), "Rcx");
    }

    #[test]
    fn assigns_first_free_letter_and_persists() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "1 Old\n").unwrap();
        let mut k = Keywords::new(dir.path());
        let flags = Flags::new()
            .with_keyword("New")
            .unwrap()
            .with_keyword("Old")
            .unwrap();
        k.ensure(&flags, &modes()).unwrap();
        assert_eq!(k.letter("New"), Some('a'));
        assert_eq!(k.letter("Old"), Some('b'));
        let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
        assert_eq!(text, "0 New\n1 Old\n");
        assert!(!dir.path().join("dovecot-keywords.lock").exists());
    }

    #[test]
    fn at_most_26_keywords() {
        let dir = tempfile::tempdir().unwrap();
        let mut k = Keywords::new(dir.path());
        let mut flags = Flags::new();
        for i in 0..26 {
            flags.insert_keyword(&format!("k{i}")).unwrap();
        }
        k.ensure(&flags, &modes()).unwrap();
        assert_eq!(k.letter("k0"), Some('a'));
        let more = Flags::new().with_keyword("one-too-many").unwrap();
        assert_eq!(
            k.ensure(&more, &modes()),
            Err(Error::TooManyKeywords("one-too-many".into()))
        );
    }
}
