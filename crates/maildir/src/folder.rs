//! One folder: its messages, their UIDs, flags and modseqs, and every operation on them.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::crlf::{CrlfReader, LfWriter};
use crate::error::{Error, IoContext, Result};
use crate::filename;
use crate::flags::{Flag, Flags};
use crate::fsutil::{Modes, Stamp, read_optional, replace_file, sync_dir};
use crate::index::{self, Index};
use crate::keywords::Keywords;
use crate::lock::DotLock;
use crate::uidlist::{self, Record, UidList};

const NEW: &str = "new";
const CUR: &str = "cur";
const TMP: &str = "tmp";
/// Files in `tmp/` older than this were left by a crashed writer (the Maildir convention).
const TMP_MAX_AGE: Duration = Duration::from_secs(36 * 3600);

/// What is known about one message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MessageInfo {
    /// The IMAP UID, shared with Dovecot through `dovecot-uidlist`.
    pub uid: u32,
    /// System flags and keywords.
    pub flags: Flags,
    /// The modification sequence of the last change (RFC 7162).
    pub modseq: u64,
    /// Bytes on disk (LF line endings).
    pub size: u64,
    /// Bytes with CRLF line endings: IMAP's RFC822.SIZE, POP3's octet count.
    pub crlf_size: u64,
    /// The message is still in `new/`: no client has taken notice of it.
    pub recent: bool,
}

/// Figures of a folder, for IMAP STATUS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Status {
    /// Number of messages.
    pub messages: u32,
    /// Messages without `\Seen`.
    pub unseen: u32,
    /// Messages still in `new/`.
    pub recent: u32,
    /// The UID the next message will get.
    pub uid_next: u32,
    /// The UIDVALIDITY of the folder.
    pub uid_validity: u32,
    /// Sum of the CRLF sizes (RFC 8438 STATUS SIZE).
    pub size: u64,
    /// The highest modseq of the folder.
    pub highest_modseq: u64,
}

/// How [`Folder::store`] changes flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreOp {
    /// Replace the flags.
    Set,
    /// Add the flags.
    Add,
    /// Remove the flags.
    Remove,
}

/// What [`Folder::store`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct StoreOutcome {
    /// Messages whose flags changed, with their new flags and modseq.
    pub changed: Vec<MessageInfo>,
    /// UIDs left alone because their modseq was above `unchanged_since` (RFC 7162 MODIFIED).
    pub modified: Vec<u32>,
}

/// Where a message's file is.
#[derive(Debug, Clone)]
struct FileRef {
    base: Arc<str>,
    name: Box<str>,
    in_new: bool,
}

impl FileRef {
    fn path(&self, dir: &Path) -> PathBuf {
        dir.join(if self.in_new { NEW } else { CUR })
            .join(&*self.name)
    }

    fn letters(&self) -> &str {
        filename::split(&self.name).1
    }
}

/// A message written to `tmp/`, waiting to be moved in and given a UID.
struct Pending {
    tmp: PathBuf,
    base: String,
    letters: String,
    size: u64,
    crlf_size: u64,
}

/// An open folder.
///
/// The folder keeps a view of its messages from the last [`Folder::sync`] plus its own changes.
/// Other programs (Dovecot, another mailwire process, an MTA writing into `new/`) can change the
/// folder at any time; their changes show up at the next `sync`. Every change takes Dovecot's
/// `dovecot-uidlist.lock`, so the uidlist stays consistent between all of them.
///
/// All methods block on file-system calls: from async code, call them in a blocking task.
#[derive(Debug)]
pub struct Folder {
    name: String,
    root: Arc<Path>,
    dir: PathBuf,
    modes: Modes,
    uidlist: UidList,
    uidlist_stamp: Option<Stamp>,
    index: Index,
    keywords: Keywords,
    infos: Vec<MessageInfo>,
    files: Vec<FileRef>,
}

impl Folder {
    /// Opens the folder stored in `dir` (which must exist) and reads its state.
    pub(crate) fn open(name: String, root: Arc<Path>, dir: PathBuf, modes: Modes) -> Result<Self> {
        for sub in [CUR, NEW, TMP] {
            modes.mkdir(&dir.join(sub))?;
        }
        clean_tmp(&dir.join(TMP));
        let mut folder = Self {
            name,
            root,
            index: Index::unloaded(&dir),
            keywords: Keywords::new(&dir),
            dir,
            modes,
            uidlist: UidList::unknown(),
            uidlist_stamp: None,
            infos: Vec::new(),
            files: Vec::new(),
        };
        folder.sync()?;
        Ok(folder)
    }

    /// The folder's name (`INBOX` or a name with `.` as hierarchy separator).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The directory of the folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The messages in UID order; a message's sequence number is its position plus one.
    pub fn messages(&self) -> &[MessageInfo] {
        &self.infos
    }

    /// The message with this UID.
    pub fn message(&self, uid: u32) -> Option<&MessageInfo> {
        self.position(uid).map(|i| &self.infos[i])
    }

    /// The position of a UID in [`Folder::messages`].
    pub fn position(&self, uid: u32) -> Option<usize> {
        self.infos.binary_search_by_key(&uid, |m| m.uid).ok()
    }

    /// The UIDVALIDITY of the folder.
    pub fn uid_validity(&self) -> u32 {
        self.uidlist.uid_validity
    }

    /// The UID the next message will get.
    pub fn uid_next(&self) -> u32 {
        self.uidlist.next_uid
    }

    /// The highest modseq given out in this folder (RFC 7162 HIGHESTMODSEQ).
    pub fn highest_modseq(&self) -> u64 {
        self.index.highest
    }

    /// UIDs expunged after `modseq`, as sorted ranges (RFC 7162 VANISHED).
    pub fn vanished_since(&self, modseq: u64) -> Vec<RangeInclusive<u32>> {
        self.index.vanished_since(modseq)
    }

    /// Messages changed (or added) after `modseq` (RFC 7162 CHANGEDSINCE).
    pub fn changed_since(&self, modseq: u64) -> impl Iterator<Item = &MessageInfo> + '_ {
        self.infos.iter().filter(move |m| m.modseq > modseq)
    }

    /// The figures of the folder as of the last sync.
    pub fn status(&self) -> Status {
        let mut s = Status {
            messages: u32::try_from(self.infos.len()).unwrap_or(u32::MAX),
            uid_next: self.uidlist.next_uid,
            uid_validity: self.uidlist.uid_validity,
            highest_modseq: self.index.highest,
            ..Status::default()
        };
        for m in &self.infos {
            s.unseen += u32::from(!m.flags.contains(Flag::Seen));
            s.recent += u32::from(m.recent);
            s.size += m.crlf_size;
        }
        s
    }

    /// Rereads the folder: new files get UIDs in name order, changed flags get a new modseq,
    /// vanished files are recorded as expunged.
    pub fn sync(&mut self) -> Result<()> {
        let _lock = self.lock()?;
        let recovered = self.prepare_locked()?;
        self.rescan_locked(recovered)
    }

    /// Delivers a message with no flags into `new/`: written to `tmp/`, flushed to disk, moved
    /// into `new/`, the directory flushed, and given a UID, before this returns.
    pub fn deliver(&mut self, message: &[u8]) -> Result<MessageInfo> {
        self.append(message, &Flags::new(), None)
    }

    /// Adds a message with flags and an internal date (the file time; now if `None`), as IMAP
    /// APPEND does. CRLF line endings are stored as LF. Durable when this returns.
    pub fn append(
        &mut self,
        message: impl Read,
        flags: &Flags,
        internal_date: Option<SystemTime>,
    ) -> Result<MessageInfo> {
        self.keywords.ensure(flags, &self.modes)?;
        let pending = self.write_tmp(message, flags, internal_date)?;
        let mut infos = self.commit(vec![pending])?;
        infos.pop().ok_or(Error::UidsExhausted)
    }

    /// Opens a message's file: its bytes as stored, with LF line endings.
    pub fn open_message(&mut self, uid: u32) -> Result<File> {
        let i = self.position(uid).ok_or(Error::NoSuchMessage(uid))?;
        loop {
            let path = self.files[i].path(&self.dir);
            match File::open(&path) {
                Ok(f) => return Ok(f),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    let found = self.locate(&self.files[i].base)?;
                    self.files[i] = found.ok_or(Error::NoSuchMessage(uid))?;
                }
                Err(e) => return Err(Error::io(path, e)),
            }
        }
    }

    /// A reader of the message with CRLF line endings; it yields `crlf_size` bytes.
    pub fn read_crlf(&mut self, uid: u32) -> Result<CrlfReader<File>> {
        Ok(CrlfReader::new(self.open_message(uid)?))
    }

    /// The whole message with CRLF line endings.
    pub fn read_message(&mut self, uid: u32) -> Result<Vec<u8>> {
        let capacity = self.message(uid).map_or(0, |m| m.crlf_size);
        let mut out = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
        let path = self.dir.clone();
        self.read_crlf(uid)?.read_to_end(&mut out).at(path)?;
        Ok(out)
    }

    /// The internal date of a message: the modification time of its file.
    pub fn internal_date(&mut self, uid: u32) -> Result<SystemTime> {
        let file = self.open_message(uid)?;
        let path = self.dir.clone();
        file.metadata().and_then(|m| m.modified()).at(path)
    }

    /// Replaces the flags of the messages with these UIDs; returns those that changed.
    pub fn set_flags(&mut self, uids: &[u32], flags: &Flags) -> Result<Vec<MessageInfo>> {
        Ok(self.store(uids, StoreOp::Set, flags, None)?.changed)
    }

    /// Adds flags to the messages with these UIDs; returns those that changed.
    pub fn add_flags(&mut self, uids: &[u32], flags: &Flags) -> Result<Vec<MessageInfo>> {
        Ok(self.store(uids, StoreOp::Add, flags, None)?.changed)
    }

    /// Removes flags from the messages with these UIDs; returns those that changed.
    pub fn remove_flags(&mut self, uids: &[u32], flags: &Flags) -> Result<Vec<MessageInfo>> {
        Ok(self.store(uids, StoreOp::Remove, flags, None)?.changed)
    }

    /// Changes flags, as IMAP STORE does: UIDs that do not exist are skipped, and with
    /// `unchanged_since` messages whose modseq is higher are left alone and reported.
    /// All changed messages share one new modseq.
    pub fn store(
        &mut self,
        uids: &[u32],
        op: StoreOp,
        flags: &Flags,
        unchanged_since: Option<u64>,
    ) -> Result<StoreOutcome> {
        if op != StoreOp::Remove {
            self.keywords.ensure(flags, &self.modes)?;
        }
        let _lock = self.lock()?;
        self.prepare_checked()?;
        let modseq = self.index.highest + 1;
        let mut out = StoreOutcome::default();
        let mut entries = Vec::new();
        let mut failure = None;
        for &uid in uids {
            let Some(i) = self.position(uid) else {
                continue;
            };
            if let Some(since) = unchanged_since {
                let current = self
                    .index
                    .entries
                    .get(&uid)
                    .map_or(self.infos[i].modseq, |e| e.modseq);
                if current > since {
                    out.modified.push(uid);
                    continue;
                }
            }
            match self.restore_one(i, op, flags) {
                Ok(Some(letters)) => {
                    let file = &self.files[i];
                    let info = &mut self.infos[i];
                    info.flags = self.keywords.flags(&letters);
                    info.modseq = modseq;
                    info.recent = false;
                    out.changed.push(info.clone());
                    entries.push((
                        uid,
                        index::Entry {
                            modseq,
                            letters: letters.into(),
                            base: file.base.clone(),
                        },
                    ));
                }
                Ok(None) => {}
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        if !entries.is_empty() {
            self.index.record(&entries, &[], 0, &self.modes)?;
        }
        match failure {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }

    /// Renames one message's file for new flags; the new letters if it changed.
    fn restore_one(&mut self, i: usize, op: StoreOp, flags: &Flags) -> Result<Option<String>> {
        loop {
            let file = &self.files[i];
            let old = file.letters();
            let mut new = match op {
                StoreOp::Set => Flags::new(),
                _ => self.keywords.flags(old),
            };
            match op {
                StoreOp::Set | StoreOp::Add => new.union(flags),
                StoreOp::Remove => new.difference(flags),
            }
            let letters = self.keywords.letters(&new, old);
            if letters == filename::normalize_letters(old.chars()) {
                return Ok(None);
            }
            let name = filename::join(&file.base, &letters);
            let from = file.path(&self.dir);
            let to = self.dir.join(CUR).join(&name);
            match fs::rename(&from, &to) {
                Ok(()) => {
                    self.files[i] = FileRef {
                        base: file.base.clone(),
                        name: name.into(),
                        in_new: false,
                    };
                    return Ok(Some(letters));
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    // Someone renamed it (new flags, or new/ to cur/) or expunged it.
                    match self.locate(&file.base.clone())? {
                        Some(found) => self.files[i] = found,
                        None => return Ok(None),
                    }
                }
                Err(e) => return Err(Error::io(from, e)),
            }
        }
    }

    /// Expunges the messages flagged `\Deleted`; returns their UIDs.
    pub fn expunge(&mut self) -> Result<Vec<u32>> {
        let uids: Vec<u32> = self
            .infos
            .iter()
            .filter(|m| m.flags.contains(Flag::Deleted))
            .map(|m| m.uid)
            .collect();
        self.remove(&uids, true)
    }

    /// Expunges those of these UIDs that are flagged `\Deleted` (UIDPLUS UID EXPUNGE).
    pub fn expunge_uids(&mut self, uids: &[u32]) -> Result<Vec<u32>> {
        self.remove(uids, true)
    }

    /// Copies messages into another folder, hard-linking the files when the file system
    /// allows; returns `(source UID, new UID)` pairs (UIDPLUS COPYUID).
    ///
    /// Both folders must be different handles; to copy within one folder, open it twice.
    pub fn copy_to(&mut self, uids: &[u32], dest: &mut Folder) -> Result<Vec<(u32, u32)>> {
        let mut all = Flags::new();
        for &uid in uids {
            if let Some(m) = self.message(uid) {
                all.union(&m.flags);
            }
        }
        dest.keywords.ensure(&all, &dest.modes)?;
        let mut pending = Vec::new();
        let mut sources = Vec::new();
        let result = (|| {
            for &uid in uids {
                let Some(i) = self.position(uid) else {
                    continue;
                };
                if let Some(p) = self.link_into(i, dest)? {
                    pending.push(p);
                    sources.push(uid);
                }
            }
            Ok(())
        })();
        if let Err(e) = result {
            for p in &pending {
                let _ = fs::remove_file(&p.tmp);
            }
            return Err(e);
        }
        let infos = dest.commit(pending)?;
        Ok(sources
            .into_iter()
            .zip(infos.iter().map(|m| m.uid))
            .collect())
    }

    /// Moves messages into another folder (copy, then expunge here without needing
    /// `\Deleted`); returns `(source UID, new UID)` pairs.
    pub fn move_to(&mut self, uids: &[u32], dest: &mut Folder) -> Result<Vec<(u32, u32)>> {
        let pairs = self.copy_to(uids, dest)?;
        let moved: Vec<u32> = pairs.iter().map(|p| p.0).collect();
        self.remove(&moved, false)?;
        Ok(pairs)
    }

    fn link_into(&mut self, i: usize, dest: &Folder) -> Result<Option<Pending>> {
        let info = self.infos[i].clone();
        let base0 = filename::unique_base(SystemTime::now());
        let tmp = dest.dir.join(TMP).join(&base0);
        loop {
            let from = self.files[i].path(&self.dir);
            match fs::hard_link(&from, &tmp) {
                Ok(()) => break,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    match self.locate(&self.files[i].base.clone())? {
                        Some(found) => self.files[i] = found,
                        None => return Ok(None),
                    }
                }
                // Another file system, or links not allowed: copy the bytes.
                Err(_) => {
                    copy_file(&from, &tmp, &dest.modes)?;
                    break;
                }
            }
        }
        Ok(Some(Pending {
            tmp,
            base: filename::with_sizes(&base0, info.size, info.crlf_size),
            letters: dest.keywords.letters(&info.flags, ""),
            size: info.size,
            crlf_size: info.crlf_size,
        }))
    }

    /// Removes messages; with `require_deleted` only those flagged `\Deleted`.
    fn remove(&mut self, uids: &[u32], require_deleted: bool) -> Result<Vec<u32>> {
        let _lock = self.lock()?;
        self.prepare_checked()?;
        let mut removed = Vec::new();
        let mut failure = None;
        for &uid in uids {
            let Some(i) = self.position(uid) else {
                continue;
            };
            if require_deleted && !self.infos[i].flags.contains(Flag::Deleted) {
                continue;
            }
            match self.unlink(i) {
                Ok(()) => removed.push(uid),
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        if !removed.is_empty() {
            removed.sort_unstable();
            removed.dedup();
            let modseq = self.index.next_modseq();
            self.uidlist
                .records
                .retain(|r| removed.binary_search(&r.uid).is_err());
            self.write_uidlist()?;
            self.index.record(&[], &removed, modseq, &self.modes)?;
            let (infos, files) = std::mem::take(&mut self.infos)
                .into_iter()
                .zip(std::mem::take(&mut self.files))
                .filter(|(m, _)| removed.binary_search(&m.uid).is_err())
                .unzip();
            self.infos = infos;
            self.files = files;
        }
        match failure {
            Some(e) => Err(e),
            None => Ok(removed),
        }
    }

    fn unlink(&mut self, i: usize) -> Result<()> {
        loop {
            let path = self.files[i].path(&self.dir);
            match fs::remove_file(&path) {
                Ok(()) => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    match self.locate(&self.files[i].base.clone())? {
                        Some(found) => self.files[i] = found,
                        None => return Ok(()),
                    }
                }
                Err(e) => return Err(Error::io(path, e)),
            }
        }
    }

    fn lock(&self) -> Result<DotLock> {
        DotLock::acquire(&self.dir.join(uidlist::FILE_NAME), &self.modes)
    }

    /// Writes a message into `tmp/` and flushes it; nothing is visible yet.
    fn write_tmp(
        &self,
        mut message: impl Read,
        flags: &Flags,
        internal_date: Option<SystemTime>,
    ) -> Result<Pending> {
        let base0 = filename::unique_base(SystemTime::now());
        let tmp = self.dir.join(TMP).join(&base0);
        let written = (|| {
            let file = self.modes.create_new(&tmp)?;
            let mut w = LfWriter::new(BufWriter::with_capacity(64 * 1024, file));
            io::copy(&mut message, &mut w)?;
            let (buf, size, crlf_size) = w.finish()?;
            let file = buf.into_inner().map_err(io::IntoInnerError::into_error)?;
            if let Some(date) = internal_date {
                file.set_modified(date)?;
            }
            file.sync_all()?;
            Ok((size, crlf_size))
        })();
        let (size, crlf_size) = match written {
            Ok(sizes) => sizes,
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                return Err(Error::io(&tmp, e));
            }
        };
        Ok(Pending {
            base: filename::with_sizes(&base0, size, crlf_size),
            letters: self.keywords.letters(flags, ""),
            tmp,
            size,
            crlf_size,
        })
    }

    /// Moves written messages in, flushes the directories and gives them UIDs.
    fn commit(&mut self, pending: Vec<Pending>) -> Result<Vec<MessageInfo>> {
        let lock = self.lock();
        let result = lock.and_then(|_lock| {
            self.prepare_checked()?;
            self.commit_locked(&pending)
        });
        if result.is_err() {
            // Nothing half-done stays behind: the caller was told it failed.
            for p in &pending {
                let _ = fs::remove_file(&p.tmp);
                let _ = fs::remove_file(self.dir.join(NEW).join(&p.base));
                let _ =
                    fs::remove_file(self.dir.join(CUR).join(filename::join(&p.base, &p.letters)));
            }
            self.uidlist_stamp = None;
        }
        result
    }

    fn commit_locked(&mut self, pending: &[Pending]) -> Result<Vec<MessageInfo>> {
        let (mut to_new, mut to_cur) = (false, false);
        let mut refs = Vec::with_capacity(pending.len());
        for p in pending {
            let in_new = p.letters.is_empty();
            let name = if in_new {
                p.base.clone()
            } else {
                filename::join(&p.base, &p.letters)
            };
            let r = FileRef {
                base: Arc::from(p.base.as_str()),
                name: name.into(),
                in_new,
            };
            let to = r.path(&self.dir);
            fs::rename(&p.tmp, &to).at(&to)?;
            to_new |= in_new;
            to_cur |= !in_new;
            refs.push(r);
        }
        if to_new {
            sync_dir(&self.dir.join(NEW))?;
        }
        if to_cur {
            sync_dir(&self.dir.join(CUR))?;
        }
        let modseq = self.index.highest + 1;
        let mut infos = Vec::with_capacity(pending.len());
        let mut entries = Vec::with_capacity(pending.len());
        for (p, r) in pending.iter().zip(&refs) {
            let uid = self.take_uid()?;
            self.uidlist.records.push(Record {
                uid,
                ext: String::new(),
                base: r.base.clone(),
            });
            infos.push(MessageInfo {
                uid,
                flags: self.keywords.flags(&p.letters),
                modseq,
                size: p.size,
                crlf_size: p.crlf_size,
                recent: r.in_new,
            });
            entries.push((
                uid,
                index::Entry {
                    modseq,
                    letters: p.letters.as_str().into(),
                    base: r.base.clone(),
                },
            ));
        }
        self.write_uidlist()?;
        self.index.record(&entries, &[], 0, &self.modes)?;
        self.infos.extend(infos.iter().cloned());
        self.files.extend(refs);
        Ok(infos)
    }

    fn take_uid(&mut self) -> Result<u32> {
        let uid = self.uidlist.next_uid;
        if uid >= u32::MAX - 1 {
            return Err(Error::UidsExhausted);
        }
        self.uidlist.next_uid += 1;
        Ok(uid)
    }

    fn write_uidlist(&mut self) -> Result<()> {
        let path = self.dir.join(uidlist::FILE_NAME);
        replace_file(&path, &self.uidlist.serialize(), &self.modes)?;
        self.uidlist_stamp = Stamp::current(&path)?;
        Ok(())
    }

    /// Brings the keyword table, the index and the uidlist up to date (under the lock).
    /// `Ok(true)` if the uidlist had to be rebuilt, so the view must be rescanned.
    fn prepare_locked(&mut self) -> Result<bool> {
        self.keywords.refresh()?;
        self.index.refresh()?;
        let recovered = self.refresh_uidlist()?;
        if !self.index.is_loaded() || self.index.uid_validity != self.uidlist.uid_validity {
            self.index.reset(self.uidlist.uid_validity);
        }
        Ok(recovered)
    }

    /// [`Folder::prepare_locked`], then a rescan if the view no longer matches the files.
    fn prepare_checked(&mut self) -> Result<()> {
        let validity = self.uidlist.uid_validity;
        let recovered = self.prepare_locked()?;
        if recovered || validity != self.uidlist.uid_validity {
            self.rescan_locked(recovered)?;
        }
        Ok(())
    }

    /// Rereads `dovecot-uidlist` if it changed; rebuilds it if it is missing or corrupt.
    fn refresh_uidlist(&mut self) -> Result<bool> {
        let path = self.dir.join(uidlist::FILE_NAME);
        let current = Stamp::current(&path)?;
        if current.is_some() && current == self.uidlist_stamp {
            return Ok(false);
        }
        let mut hint = 0;
        if let Some((bytes, stamp)) = read_optional(&path)? {
            match UidList::parse(&bytes) {
                Ok(list) => {
                    self.uidlist = list;
                    self.uidlist_stamp = Some(stamp);
                    return Ok(false);
                }
                Err(_) => hint = uidlist::salvage_validity(&bytes).unwrap_or(0),
            }
        }
        self.rebuild_uidlist(hint);
        Ok(true)
    }

    /// A missing or corrupt uidlist: rebuilt from our index when it knows this folder's UIDs
    /// (UIDVALIDITY kept), otherwise started over with a new UIDVALIDITY.
    fn rebuild_uidlist(&mut self, broken_validity: u32) {
        let old = std::mem::replace(&mut self.uidlist, UidList::unknown());
        if self.index.is_loaded() {
            let mut list = UidList::new(self.index.uid_validity);
            if old.uid_validity == list.uid_validity {
                list.guid = old.guid;
            }
            let mut uids: Vec<u32> = self.index.entries.keys().copied().collect();
            uids.sort_unstable();
            for uid in uids {
                list.records.push(Record {
                    uid,
                    ext: String::new(),
                    base: self.index.entries[&uid].base.clone(),
                });
            }
            list.next_uid = (self.index.max_uid().saturating_add(1))
                .max(old.next_uid)
                .max(1);
            self.uidlist = list;
        } else {
            let above = old
                .uid_validity
                .max(broken_validity)
                .max(self.index.uid_validity)
                .saturating_add(1);
            let validity = uidlist::allocate_validity(&self.root, above, &self.modes);
            self.uidlist = UidList::new(validity);
        }
        self.uidlist_stamp = None;
    }

    /// Reads `new/` and `cur/` and reconciles them with the uidlist and the index.
    fn rescan_locked(&mut self, mut write_uidlist: bool) -> Result<()> {
        let mut disk = self.scan()?;
        if self
            .uidlist
            .records
            .iter()
            .any(|r| !disk.contains_key(&*r.base))
        {
            // A file renamed while the directory was read can be missed; look once more.
            for (base, found) in self.scan()? {
                disk.entry(base).or_insert(found);
            }
        }
        let modseq = self.index.highest + 1;
        let mut changed = Vec::new();
        let mut infos = Vec::with_capacity(self.uidlist.records.len());
        let mut files = Vec::with_capacity(self.uidlist.records.len());
        let mut records = Vec::with_capacity(self.uidlist.records.len());
        for mut rec in std::mem::take(&mut self.uidlist.records) {
            let Some((name, in_new)) = disk.remove(&*rec.base) else {
                write_uidlist = true;
                continue;
            };
            let r = FileRef {
                base: rec.base.clone(),
                name: name.into(),
                in_new,
            };
            let Some((size, crlf_size)) = self.sizes(&r, &mut rec, &mut write_uidlist)? else {
                continue;
            };
            self.admit(
                rec,
                r,
                size,
                crlf_size,
                modseq,
                &mut changed,
                &mut infos,
                &mut files,
                &mut records,
            );
        }
        let mut fresh: Vec<(String, (String, bool))> = disk.into_iter().collect();
        fresh.sort_unstable();
        for (base, (name, in_new)) in fresh {
            let r = FileRef {
                base: Arc::from(base),
                name: name.into(),
                in_new,
            };
            let mut rec = Record {
                uid: 0,
                ext: String::new(),
                base: r.base.clone(),
            };
            let Some((size, crlf_size)) = self.sizes(&r, &mut rec, &mut write_uidlist)? else {
                continue;
            };
            rec.uid = self.take_uid()?;
            write_uidlist = true;
            self.admit(
                rec,
                r,
                size,
                crlf_size,
                modseq,
                &mut changed,
                &mut infos,
                &mut files,
                &mut records,
            );
        }
        self.uidlist.records = records;
        let gone: Vec<u32> = self
            .index
            .entries
            .keys()
            .copied()
            .filter(|uid| {
                infos
                    .binary_search_by_key(uid, |m: &MessageInfo| m.uid)
                    .is_err()
            })
            .collect();
        if write_uidlist || self.uidlist_stamp.is_none() {
            self.write_uidlist()?;
        }
        self.infos = infos;
        self.files = files;
        self.index.record(&changed, &gone, modseq, &self.modes)?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn admit(
        &self,
        rec: Record,
        r: FileRef,
        size: u64,
        crlf_size: u64,
        modseq: u64,
        changed: &mut Vec<(u32, index::Entry)>,
        infos: &mut Vec<MessageInfo>,
        files: &mut Vec<FileRef>,
        records: &mut Vec<Record>,
    ) {
        let letters = filename::normalize_letters(r.letters().chars());
        let known = self
            .index
            .entries
            .get(&rec.uid)
            .filter(|e| *e.letters == *letters && e.base == rec.base);
        let message_modseq = match known {
            Some(e) => e.modseq,
            None => {
                changed.push((
                    rec.uid,
                    index::Entry {
                        modseq,
                        letters: letters.as_str().into(),
                        base: rec.base.clone(),
                    },
                ));
                modseq
            }
        };
        infos.push(MessageInfo {
            uid: rec.uid,
            flags: self.keywords.flags(&letters),
            modseq: message_modseq,
            size,
            crlf_size,
            recent: r.in_new,
        });
        files.push(r);
        records.push(rec);
    }

    /// The sizes of a message: from its name, its uidlist record, or by reading it (then
    /// kept in the record as Dovecot does). `None` if the file is gone.
    fn sizes(&self, r: &FileRef, rec: &mut Record, write: &mut bool) -> Result<Option<(u64, u64)>> {
        let size = filename::field(&r.base, 'S').or_else(|| rec.ext_number('S'));
        let crlf = filename::field(&r.base, 'W').or_else(|| rec.ext_number('W'));
        if let (Some(s), Some(w)) = (size, crlf) {
            return Ok(Some((s, w)));
        }
        let path = r.path(&self.dir);
        let measured = match File::open(&path) {
            Ok(f) => measure(f).at(&path)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        let mut ext: Vec<&str> = rec
            .ext
            .split(' ')
            .filter(|f| !f.is_empty() && !f.starts_with(['S', 'W']))
            .collect();
        let fields = [format!("S{}", measured.0), format!("W{}", measured.1)];
        ext.extend(fields.iter().map(String::as_str));
        rec.ext = ext.join(" ");
        *write = true;
        Ok(Some(measured))
    }

    /// Base name → (file name, in `new/`) for every message file; `cur/` wins over `new/`.
    fn scan(&self) -> Result<HashMap<String, (String, bool)>> {
        let mut out = HashMap::with_capacity(self.infos.len() + 16);
        for (sub, in_new) in [(NEW, true), (CUR, false)] {
            let dir = self.dir.join(sub);
            for entry in fs::read_dir(&dir).at(&dir)? {
                let entry = entry.at(&dir)?;
                let Ok(name) = entry.file_name().into_string() else {
                    continue;
                };
                if !filename::is_message_name(&name) {
                    continue;
                }
                let base = filename::split(&name).0.to_owned();
                out.insert(base, (name, in_new));
            }
        }
        Ok(out)
    }

    /// Finds the current file of a base name after a rename by someone else.
    fn locate(&self, base: &str) -> Result<Option<FileRef>> {
        for (sub, in_new) in [(CUR, false), (NEW, true)] {
            let dir = self.dir.join(sub);
            for entry in fs::read_dir(&dir).at(&dir)? {
                let entry = entry.at(&dir)?;
                let Ok(name) = entry.file_name().into_string() else {
                    continue;
                };
                if filename::split(&name).0 == base {
                    return Ok(Some(FileRef {
                        base: Arc::from(base),
                        name: name.into(),
                        in_new,
                    }));
                }
            }
        }
        Ok(None)
    }
}

/// Stored size and CRLF size of a file's contents.
fn measure(file: File) -> io::Result<(u64, u64)> {
    let mut reader = io::BufReader::new(file);
    let (mut size, mut bare_lf, mut prev) = (0u64, 0u64, 0u8);
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            return Ok((size, size + bare_lf));
        }
        for &b in &buf[..n] {
            if b == b'\n' && prev != b'\r' {
                bare_lf += 1;
            }
            prev = b;
        }
        size += n as u64;
    }
}

/// Copies a file's bytes and time, flushed to disk, when a hard link is not possible.
fn copy_file(from: &Path, to: &Path, modes: &Modes) -> Result<()> {
    let result = (|| {
        let mut src = File::open(from)?;
        let mtime = src.metadata()?.modified()?;
        let mut dst = modes.create_new(to)?;
        io::copy(&mut src, &mut dst)?;
        dst.set_modified(mtime)?;
        dst.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(to);
    }
    result.at(from)
}

/// Removes files a crashed writer left in `tmp/` long ago.
fn clean_tmp(tmp: &Path) {
    let Ok(entries) = fs::read_dir(tmp) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > TMP_MAX_AGE));
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}
