//! `mailwire-index`: modification sequences (RFC 7162) and expunged UIDs, beside the uidlist.
//!
//! Dovecot keeps its modseqs in its own binary index, which other programs cannot share, so
//! mailwire keeps its own. The file is a snapshot followed by appended records, one per line:
//!
//! ```text
//! mailwire-index 1 V1700000000 M1700000000123456
//! + 1 1700000000123457 FS 1700000000.M1P2Q3.mx,S=120,W=124
//! + 2 1700000000123458 - 1700000001.M4P5Q6.mx,S=200,W=210
//! x 1-1 1700000000123459
//! ```
//!
//! `+ UID MODSEQ LETTERS BASE` records the flag letters a message had when it got that modseq
//! (`-` for none); `x LOW-HIGH MODSEQ` records UIDs expunged at that modseq. A later record for
//! a UID replaces an earlier one. Records are appended under the folder lock and the file is
//! rewritten (atomically) when the appended part outgrows the snapshot. Base names let a lost
//! or corrupt `dovecot-uidlist` be rebuilt without a new UIDVALIDITY.
//!
//! A new or rebuilt index starts its modseqs at the current time in microseconds: modseqs only
//! ever grow by one per change, so no earlier index can have got that far, and a client that
//! cached a modseq never sees one go backwards.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{IoContext, Result};
use crate::fsutil::{Modes, Stamp, replace_file};

/// The file name inside a folder directory.
pub(crate) const FILE_NAME: &str = "mailwire-index";
const MAGIC: &str = "mailwire-index 1";

/// What the index knows about a live message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub modseq: u64,
    /// Flag letters (sorted), as on disk when `modseq` was given.
    pub letters: Box<str>,
    pub base: Arc<str>,
}

/// The index of one folder, as loaded in memory.
#[derive(Debug)]
pub(crate) struct Index {
    path: PathBuf,
    pub uid_validity: u32,
    pub highest: u64,
    pub entries: HashMap<u32, Entry>,
    /// Expunged UID ranges and their modseq, in the order they happened.
    pub vanished: Vec<(u32, u32, u64)>,
    /// Stamp of the file after our last read or write; `None` when not on disk.
    stamp: Option<Stamp>,
    /// Bytes of the file already applied.
    read_len: u64,
    /// Records appended since the snapshot.
    appended: usize,
    /// The file needs a rewrite before anything is appended (partial last line, reset).
    dirty: bool,
}

/// A modseq no earlier index can have reached: microseconds since 1970.
pub(crate) fn fresh_modseq_base() -> u64 {
    let micros = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_micros();
    u64::try_from(micros).unwrap_or(u64::MAX >> 2).max(1)
}

impl Index {
    /// An empty index that has not been read yet.
    pub(crate) fn unloaded(dir: &Path) -> Self {
        Self {
            path: dir.join(FILE_NAME),
            uid_validity: 0,
            highest: 0,
            entries: HashMap::new(),
            vanished: Vec::new(),
            stamp: None,
            read_len: 0,
            appended: 0,
            dirty: true,
        }
    }

    /// Starts over for a UIDVALIDITY: no entries, modseqs from a fresh base.
    pub(crate) fn reset(&mut self, uid_validity: u32) {
        self.uid_validity = uid_validity;
        self.highest = self.highest.max(fresh_modseq_base());
        self.entries.clear();
        self.vanished.clear();
        self.appended = 0;
        self.dirty = true;
    }

    /// Whether the file holds usable data (it existed and parsed).
    pub(crate) fn is_loaded(&self) -> bool {
        self.uid_validity != 0
    }

    /// Brings the in-memory index up to date with the file; call under the folder lock.
    /// A missing or corrupt file leaves an empty, dirty index (see [`Index::reset`]).
    pub(crate) fn refresh(&mut self) -> Result<()> {
        let current = Stamp::current(&self.path)?;
        if current.is_some() && current == self.stamp && !self.dirty {
            return Ok(());
        }
        let Some(now) = current else {
            let keep = self.uid_validity;
            self.reset(keep);
            self.uid_validity = 0;
            return Ok(());
        };
        let same_file = self
            .stamp
            .is_some_and(|s| s.ino() == now.ino() && now.size() >= self.read_len)
            && !self.dirty;
        let mut file = File::open(&self.path).at(&self.path)?;
        let start = if same_file { self.read_len } else { 0 };
        file.seek(SeekFrom::Start(start)).at(&self.path)?;
        let mut buf = Vec::new();
        file.read_to_end(&mut buf).at(&self.path)?;
        if start == 0 {
            let highest = self.highest;
            *self = Self::unloaded(self.path.parent().unwrap_or(Path::new(".")));
            self.highest = highest;
        }
        if self.apply(&buf, start == 0).is_err() {
            let keep = self.uid_validity;
            self.reset(keep);
            self.uid_validity = 0;
            return Ok(());
        }
        self.stamp = Some(Stamp::of(&file.metadata().at(&self.path)?));
        Ok(())
    }

    /// Applies file contents; `with_header` for a read from the start.
    fn apply(&mut self, buf: &[u8], with_header: bool) -> Result<(), ()> {
        let complete = buf
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |end| end + 1);
        let text = std::str::from_utf8(&buf[..complete]).map_err(|_| ())?;
        let mut lines = text.lines();
        if with_header {
            let header = lines.next().ok_or(())?;
            let rest = header.strip_prefix(MAGIC).ok_or(())?;
            for field in rest.split(' ').filter(|f| !f.is_empty()) {
                if let Some(v) = field.strip_prefix('V') {
                    self.uid_validity = v.parse().map_err(|_| ())?;
                } else if let Some(m) = field.strip_prefix('M') {
                    self.highest = self.highest.max(m.parse().map_err(|_| ())?);
                }
            }
            if self.uid_validity == 0 {
                return Err(());
            }
            self.dirty = false;
        }
        for line in lines {
            self.apply_line(line)?;
            self.appended += 1;
        }
        self.read_len += complete as u64;
        if complete < buf.len() {
            // A writer died mid-append: rewrite before appending after the broken line.
            self.dirty = true;
        }
        Ok(())
    }

    fn apply_line(&mut self, line: &str) -> Result<(), ()> {
        let mut parts = line.splitn(5, ' ');
        match parts.next() {
            Some("+") => {
                let uid: u32 = parts.next().ok_or(())?.parse().map_err(|_| ())?;
                let modseq: u64 = parts.next().ok_or(())?.parse().map_err(|_| ())?;
                let letters = parts.next().ok_or(())?;
                let base = parts.next().ok_or(())?;
                if uid == 0 || base.is_empty() {
                    return Err(());
                }
                let letters = if letters == "-" { "" } else { letters };
                self.highest = self.highest.max(modseq);
                self.entries.insert(
                    uid,
                    Entry {
                        modseq,
                        letters: letters.into(),
                        base: Arc::from(base),
                    },
                );
            }
            Some("x") => {
                let range = parts.next().ok_or(())?;
                let modseq: u64 = parts.next().ok_or(())?.parse().map_err(|_| ())?;
                let (lo, hi) = range.split_once('-').ok_or(())?;
                let (lo, hi): (u32, u32) =
                    (lo.parse().map_err(|_| ())?, hi.parse().map_err(|_| ())?);
                if lo == 0 || lo > hi {
                    return Err(());
                }
                self.highest = self.highest.max(modseq);
                self.forget(lo..=hi);
                self.push_vanished(lo, hi, modseq);
            }
            _ => return Err(()),
        }
        Ok(())
    }

    fn forget(&mut self, range: RangeInclusive<u32>) {
        let width = u64::from(*range.end() - *range.start());
        if width < self.entries.len() as u64 {
            for uid in range {
                self.entries.remove(&uid);
            }
        } else {
            self.entries.retain(|uid, _| !range.contains(uid));
        }
    }

    fn push_vanished(&mut self, lo: u32, hi: u32, modseq: u64) {
        if let Some(last) = self.vanished.last_mut()
            && last.2 == modseq
            && last.1.checked_add(1) == Some(lo)
        {
            last.1 = hi;
            return;
        }
        self.vanished.push((lo, hi, modseq));
    }

    /// The next modseq to give out.
    pub(crate) fn next_modseq(&mut self) -> u64 {
        self.highest += 1;
        self.highest
    }

    /// Records changes: `set` for live messages, `gone` for expunged UIDs, then writes them.
    pub(crate) fn record(
        &mut self,
        set: &[(u32, Entry)],
        gone: &[u32],
        gone_modseq: u64,
        modes: &Modes,
    ) -> Result<()> {
        let mut text = String::new();
        for (uid, e) in set {
            let letters = if e.letters.is_empty() {
                "-"
            } else {
                &e.letters
            };
            let _ = writeln!(text, "+ {uid} {} {letters} {}", e.modseq, e.base);
            self.highest = self.highest.max(e.modseq);
            self.entries.insert(*uid, e.clone());
        }
        let mut sorted = gone.to_vec();
        sorted.sort_unstable();
        for run in runs(&sorted) {
            let _ = writeln!(text, "x {}-{} {gone_modseq}", run.0, run.1);
            self.forget(run.0..=run.1);
            self.push_vanished(run.0, run.1, gone_modseq);
        }
        if !gone.is_empty() {
            self.highest = self.highest.max(gone_modseq);
        }
        self.appended += set.len() + gone.len();
        if self.dirty || self.appended > self.entries.len() + 4096 {
            return self.write_snapshot(modes);
        }
        if text.is_empty() {
            return Ok(());
        }
        let mut file = OpenOptions::new()
            .append(true)
            .open(&self.path)
            .at(&self.path)?;
        file.write_all(text.as_bytes()).at(&self.path)?;
        self.read_len += text.len() as u64;
        self.stamp = Some(Stamp::of(&file.metadata().at(&self.path)?));
        if self.stamp.map(|s| s.size()) != Some(self.read_len) {
            // Someone else wrote at the same time (they should not, under the lock): reread.
            self.dirty = true;
        }
        Ok(())
    }

    /// Rewrites the whole file atomically.
    pub(crate) fn write_snapshot(&mut self, modes: &Modes) -> Result<()> {
        let mut text = String::with_capacity(64 + self.entries.len() * 80);
        let _ = writeln!(text, "{MAGIC} V{} M{}", self.uid_validity, self.highest);
        let mut uids: Vec<u32> = self.entries.keys().copied().collect();
        uids.sort_unstable();
        for uid in uids {
            let e = &self.entries[&uid];
            let letters = if e.letters.is_empty() {
                "-"
            } else {
                &e.letters
            };
            let _ = writeln!(text, "+ {uid} {} {letters} {}", e.modseq, e.base);
        }
        for (lo, hi, modseq) in &self.vanished {
            let _ = writeln!(text, "x {lo}-{hi} {modseq}");
        }
        replace_file(&self.path, text.as_bytes(), modes)?;
        self.read_len = text.len() as u64;
        self.stamp = Stamp::current(&self.path)?;
        self.appended = 0;
        self.dirty = false;
        Ok(())
    }

    /// The UIDs expunged after `modseq`, as sorted, merged ranges.
    pub(crate) fn vanished_since(&self, modseq: u64) -> Vec<RangeInclusive<u32>> {
        let mut ranges: Vec<(u32, u32)> = self
            .vanished
            .iter()
            .filter(|v| v.2 > modseq)
            .map(|v| (v.0, v.1))
            .collect();
        ranges.sort_unstable();
        let mut out: Vec<RangeInclusive<u32>> = Vec::new();
        for (lo, hi) in ranges {
            if let Some(last) = out.last_mut()
                && lo <= last.end().saturating_add(1)
            {
                let end = (*last.end()).max(hi);
                *last = *last.start()..=end;
                continue;
            }
            out.push(lo..=hi);
        }
        out
    }

    /// The largest UID the index has ever seen, live or expunged.
    pub(crate) fn max_uid(&self) -> u32 {
        let live = self.entries.keys().copied().max().unwrap_or(0);
        let gone = self.vanished.iter().map(|v| v.1).max().unwrap_or(0);
        live.max(gone)
    }
}

/// Consecutive runs of sorted UIDs.
fn runs(sorted: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &uid in sorted {
        match out.last_mut() {
            Some(last) if last.1.checked_add(1) == Some(uid) || last.1 == uid => last.1 = uid,
            _ => out.push((uid, uid)),
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

    fn entry(modseq: u64, letters: &str, base: &str) -> Entry {
        Entry {
            modseq,
            letters: letters.into(),
            base: Arc::from(base),
        }
    }

    #[test]
    fn append_reload_and_compact() {
        let dir = tempfile::tempdir().unwrap();
        let mut idx = Index::unloaded(dir.path());
        idx.refresh().unwrap();
        assert!(!idx.is_loaded());
        idx.reset(42);
        let base = idx.highest;
        assert!(base > 1_000_000_000_000_000);
        let m1 = idx.next_modseq();
        idx.record(
            &[(1, entry(m1, "S", "a")), (2, entry(m1, "", "b"))],
            &[],
            0,
            &modes(),
        )
        .unwrap();
        let m2 = idx.next_modseq();
        idx.record(&[(2, entry(m2, "FS", "b"))], &[1], m2, &modes())
            .unwrap();

        let mut other = Index::unloaded(dir.path());
        other.refresh().unwrap();
        assert_eq!(other.uid_validity, 42);
        assert_eq!(other.highest, m2);
        assert_eq!(other.entries.len(), 1);
        assert_eq!(other.entries[&2], entry(m2, "FS", "b"));
        assert_eq!(other.vanished_since(m1), vec![1..=1]);
        assert_eq!(other.vanished_since(m2), vec![]);
        assert_eq!(other.max_uid(), 2);

        // Appends by one handle are picked up incrementally by another.
        let m3 = idx.next_modseq();
        idx.record(&[(3, entry(m3, "", "c"))], &[], 0, &modes())
            .unwrap();
        other.refresh().unwrap();
        assert_eq!(other.entries[&3].modseq, m3);
        other.write_snapshot(&modes()).unwrap();
        idx.refresh().unwrap();
        assert_eq!(idx.entries, other.entries);
        assert_eq!(idx.vanished, other.vanished);
    }

    #[test]
    fn partial_last_line_is_ignored_then_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "mailwire-index 1 V7 M10\n+ 1 9 S a\n+ 2 10 S").unwrap();
        let mut idx = Index::unloaded(dir.path());
        idx.refresh().unwrap();
        assert_eq!(idx.entries.len(), 1);
        assert!(idx.dirty);
        let m = idx.next_modseq();
        idx.record(&[(3, entry(m, "", "c"))], &[], 0, &modes())
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("+ 2 10 S\n") && text.ends_with("+ 3 11 - c\n"),
            "{text}"
        );
    }

    #[test]
    fn corrupt_file_resets_above_old_modseqs() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "mailwire-index 1 V7 M10\n? junk\n",
        )
        .unwrap();
        let mut idx = Index::unloaded(dir.path());
        idx.refresh().unwrap();
        assert!(!idx.is_loaded());
        assert!(idx.entries.is_empty());
        assert!(idx.highest > 10);
    }

    #[test]
    fn vanished_ranges_merge() {
        let dir = tempfile::tempdir().unwrap();
        let mut idx = Index::unloaded(dir.path());
        idx.reset(1);
        idx.record(&[], &[5, 6, 7, 9], 100, &modes()).unwrap();
        idx.record(&[], &[8], 101, &modes()).unwrap();
        idx.record(&[], &[1], 102, &modes()).unwrap();
        assert_eq!(idx.vanished_since(0), vec![1..=1, 5..=9]);
        assert_eq!(idx.vanished_since(100), vec![1..=1, 8..=8]);
    }

    #[test]
    fn runs_of_uids() {
        assert_eq!(runs(&[1, 2, 3, 5, 7, 8]), vec![(1, 3), (5, 5), (7, 8)]);
        assert_eq!(runs(&[]), vec![]);
        assert_eq!(
            runs(&[u32::MAX - 1, u32::MAX]),
            vec![(u32::MAX - 1, u32::MAX)]
        );
    }
}
