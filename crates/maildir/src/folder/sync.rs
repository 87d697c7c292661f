//! Reading the folder's state from disk: the uidlist, the index and the directories, and
//! putting them together (new files get UIDs, changed flags new modseqs, gone files are
//! recorded as expunged), with the recovery of a missing or corrupt uidlist.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::sync::Arc;

use super::{CUR, FileRef, Folder, MessageInfo, NEW};
use crate::error::{Error, IoContext, Result};
use crate::filename;
use crate::fsutil::{Stamp, read_optional, replace_file};
use crate::index;
use crate::uidlist::{self, Record, UidList};

/// The folder as a rescan puts it together.
struct Rebuilt {
    /// The modseq of every change this rescan finds.
    modseq: u64,
    changed: Vec<(u32, index::Entry)>,
    infos: Vec<MessageInfo>,
    files: Vec<FileRef>,
    records: Vec<Record>,
}

impl Folder {
    /// Every UID has been given out (or a broken uidlist says so): start over with a new
    /// UIDVALIDITY, as IMAP requires when UIDs cannot grow any more. The next rescan numbers
    /// the messages from 1.
    pub(super) fn renumber(&mut self) {
        let above = self.uidlist.uid_validity.saturating_add(1);
        let validity = uidlist::allocate_validity(&self.root, above, &self.modes);
        self.uidlist = UidList::new(validity);
        self.uidlist_stamp = None;
        self.index.reset(validity);
    }

    pub(super) fn take_uid(&mut self) -> Result<u32> {
        let uid = self.uidlist.next_uid;
        if uid >= u32::MAX - 1 {
            return Err(Error::UidsExhausted);
        }
        self.uidlist.next_uid += 1;
        Ok(uid)
    }

    pub(super) fn write_uidlist(&mut self) -> Result<()> {
        let path = self.dir.join(uidlist::FILE_NAME);
        replace_file(&path, &self.uidlist.serialize(), &self.modes)?;
        self.uidlist_stamp = Stamp::current(&path)?;
        self.uidlist_appendable = true;
        Ok(())
    }

    /// Adds the records from `first` on to the uidlist. When the file is the one we read, they
    /// are appended in one write, as Dovecot does, so a delivery costs the same in a folder of
    /// any size; readers ignore a last line cut short by a crash, and the next writer then
    /// rewrites the file instead of appending after it. Otherwise the file is rewritten.
    pub(super) fn append_uidlist(&mut self, first: usize) -> Result<()> {
        let path = self.dir.join(uidlist::FILE_NAME);
        if !self.uidlist_appendable
            || self.uidlist_stamp.is_none()
            || Stamp::current(&path)? != self.uidlist_stamp
        {
            return self.write_uidlist();
        }
        let mut text = String::new();
        uidlist::write_records(&mut text, &self.uidlist.records[first..]);
        self.uidlist_appendable = false;
        let mut file = fs::OpenOptions::new().append(true).open(&path).at(&path)?;
        file.write_all(text.as_bytes()).at(&path)?;
        file.sync_data().at(&path)?;
        self.uidlist_stamp = Some(Stamp::of(&file.metadata().at(&path)?));
        self.uidlist_appendable = true;
        Ok(())
    }

    /// Brings the keyword table, the index and the uidlist up to date (under the lock).
    /// `Ok(true)` if the uidlist had to be rebuilt, so the view must be rescanned.
    pub(super) fn prepare_locked(&mut self) -> Result<bool> {
        self.keywords.refresh()?;
        self.index.refresh()?;
        let recovered = self.refresh_uidlist()?;
        if !self.index.is_loaded() || self.index.uid_validity != self.uidlist.uid_validity {
            self.index.reset(self.uidlist.uid_validity);
        }
        Ok(recovered)
    }

    /// [`Folder::prepare_locked`], then a rescan if the view no longer matches the files.
    pub(super) fn prepare_checked(&mut self) -> Result<()> {
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
                    self.uidlist_appendable = bytes.ends_with(b"\n");
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
    pub(super) fn rescan_locked(&mut self, write_uidlist: bool) -> Result<()> {
        let mut result = self.rescan_inner(write_uidlist);
        if result == Err(Error::UidsExhausted) {
            self.renumber();
            result = self.rescan_inner(true);
        }
        if result.is_err() {
            // The in-memory uidlist may be half rebuilt: read it again next time.
            self.uidlist_stamp = None;
        }
        result
    }

    fn rescan_inner(&mut self, mut write_uidlist: bool) -> Result<()> {
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
        let mut out = Rebuilt {
            modseq: self.index.highest + 1,
            changed: Vec::new(),
            infos: Vec::with_capacity(self.uidlist.records.len()),
            files: Vec::with_capacity(self.uidlist.records.len()),
            records: Vec::with_capacity(self.uidlist.records.len()),
        };
        for mut rec in std::mem::take(&mut self.uidlist.records) {
            let Some((name, in_new)) = disk.remove(&*rec.base) else {
                write_uidlist = true;
                continue;
            };
            let r = FileRef::new(rec.base.clone(), &name, in_new);
            if let Some(sizes) = self.sizes(&r, &mut rec, &mut write_uidlist)? {
                self.admit(&mut out, rec, r, sizes);
            }
        }
        // Files nobody gave a UID yet, in name order (delivery time order), as Dovecot does.
        let mut fresh: Vec<(String, (String, bool))> = disk.into_iter().collect();
        fresh.sort_unstable();
        for (base, (name, in_new)) in fresh {
            let r = FileRef::new(Arc::from(base), &name, in_new);
            let mut rec = Record {
                uid: 0,
                ext: String::new(),
                base: r.base.clone(),
            };
            if let Some(sizes) = self.sizes(&r, &mut rec, &mut write_uidlist)? {
                rec.uid = self.take_uid()?;
                write_uidlist = true;
                self.admit(&mut out, rec, r, sizes);
            }
        }
        self.uidlist.records = out.records;
        let infos = out.infos;
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
        self.files = out.files;
        self.index
            .record(&out.changed, &gone, out.modseq, &self.modes)?;
        // The index read its own copy of every base name: share the uidlist's instead.
        for rec in &self.uidlist.records {
            if let Some(e) = self.index.entries.get_mut(&rec.uid)
                && e.base == rec.base
            {
                e.base = rec.base.clone();
            }
        }
        Ok(())
    }

    /// Adds a message found on disk; a new modseq if its flags are not those the index knows.
    fn admit(&self, out: &mut Rebuilt, rec: Record, r: FileRef, (size, crlf_size): (u64, u64)) {
        let letters = filename::normalize_letters(r.letters().chars());
        let known = self
            .index
            .entries
            .get(&rec.uid)
            .filter(|e| *e.letters == *letters && e.base == rec.base);
        let modseq = match known {
            Some(e) => e.modseq,
            None => {
                out.changed.push((
                    rec.uid,
                    index::Entry {
                        modseq: out.modseq,
                        letters: letters.as_str().into(),
                        base: rec.base.clone(),
                    },
                ));
                out.modseq
            }
        };
        out.infos.push(MessageInfo {
            uid: rec.uid,
            flags: self.keywords.flags(&letters),
            modseq,
            size,
            crlf_size,
            recent: r.in_new,
        });
        out.files.push(r);
        out.records.push(rec);
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
    pub(super) fn locate(&self, base: &str) -> Result<Option<FileRef>> {
        for (sub, in_new) in [(CUR, false), (NEW, true)] {
            let dir = self.dir.join(sub);
            for entry in fs::read_dir(&dir).at(&dir)? {
                let entry = entry.at(&dir)?;
                let Ok(name) = entry.file_name().into_string() else {
                    continue;
                };
                if filename::split(&name).0 == base {
                    return Ok(Some(FileRef::new(Arc::from(base), &name, in_new)));
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
