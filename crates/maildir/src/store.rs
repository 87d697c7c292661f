//! The Maildir++ tree of one user: folders, subscriptions, quota.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, IoContext, Result};
use crate::filename;
use crate::folder::{Folder, Status};
use crate::fsutil::{Modes, read_optional, replace_file};
use crate::lock::DotLock;
use mailwire_core::utf7;

const SUBSCRIPTIONS: &str = "subscriptions";
/// Dovecot marks each folder directory with this empty file.
const MAILDIRFOLDER: &str = "maildirfolder";
/// Where a folder goes while it is deleted; Dovecot uses and skips the same name (older
/// versions used it with a single dot, which we skip too).
const TRASHED: &str = "..DOVECOT-TRASHED";
const TRASHED_NAME: &str = "DOVECOT-TRASHED";
/// Dovecot's version 2 subscriptions header.
const SUBS_V2: &str = "V\t2\n\n";

/// Storage use of a user, over all folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Quota {
    /// Bytes of all messages as stored.
    pub bytes: u64,
    /// Number of messages.
    pub messages: u64,
}

/// A user's Maildir++ directory.
#[derive(Debug, Clone)]
pub struct Maildir {
    root: Arc<Path>,
    modes: Modes,
}

impl Maildir {
    /// Opens a Maildir, creating it (mode 0700) with `cur/`, `new/` and `tmp/` if missing.
    ///
    /// New files and directories take their permissions from the root directory, as with
    /// Dovecot: give the root mode 0770 and a shared group to share the Maildir.
    pub fn open(root: impl AsRef<Path>) -> Result<Self> {
        let root = root.as_ref().to_path_buf();
        if !root.is_dir() {
            fs::DirBuilder::new()
                .recursive(true)
                .create(&root)
                .at(&root)?;
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&root, fs::Permissions::from_mode(0o700)).at(&root)?;
        }
        let modes = Modes::from_root(&root)?;
        for sub in ["cur", "new", "tmp"] {
            modes.mkdir(&root.join(sub))?;
        }
        Ok(Self {
            root: Arc::from(root),
            modes,
        })
    }

    /// The root directory.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Opens INBOX.
    pub fn inbox(&self) -> Result<Folder> {
        self.folder("INBOX")
    }

    /// Opens a folder by name (`INBOX`, any case, or e.g. `Archive.2024`) and syncs it.
    pub fn folder(&self, name: &str) -> Result<Folder> {
        let (name, dir) = self.locate(name)?;
        if !dir.is_dir() {
            return Err(Error::NoSuchFolder(name));
        }
        Folder::open(name, self.root.clone(), dir, self.modes)
    }

    /// The status of a folder (opens and syncs it).
    pub fn status(&self, name: &str) -> Result<Status> {
        Ok(self.folder(name)?.status())
    }

    /// All folder names, `INBOX` first, the others sorted.
    pub fn list_folders(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in fs::read_dir(&self.root).at(&self.root)? {
            let entry = entry.at(&self.root)?;
            let Ok(dir_name) = entry.file_name().into_string() else {
                continue;
            };
            let Some(encoded) = dir_name.strip_prefix('.') else {
                continue;
            };
            // `.` and `..`, trash, and names no folder can have (an empty first part).
            if encoded.is_empty() || encoded.starts_with('.') || encoded == TRASHED_NAME {
                continue;
            }
            if !entry.file_type().at(entry.path())?.is_dir() {
                continue;
            }
            if let Ok(name) = utf7::decode(encoded.as_bytes()) {
                names.push(name);
            }
        }
        names.sort();
        names.insert(0, "INBOX".to_owned());
        Ok(names)
    }

    /// Creates a folder. Parents are not created: Maildir++ needs none.
    pub fn create_folder(&self, name: &str) -> Result<()> {
        let (name, dir) = self.locate(name)?;
        if *dir == *self.root {
            return Err(Error::Inbox);
        }
        if !self.modes.mkdir(&dir)? {
            return Err(Error::FolderExists(name));
        }
        for sub in ["cur", "new", "tmp"] {
            self.modes.mkdir(&dir.join(sub))?;
        }
        let marker = dir.join(MAILDIRFOLDER);
        match self.modes.create_new(&marker) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(Error::io(marker, e)),
        }
    }

    /// Renames a folder and its children (`A` to `B` also moves `A.x` to `B.x`).
    pub fn rename_folder(&self, from: &str, to: &str) -> Result<()> {
        let (from, from_dir) = self.locate(from)?;
        let (to, to_dir) = self.locate(to)?;
        if *from_dir == *self.root || *to_dir == *self.root {
            return Err(Error::Inbox);
        }
        if !from_dir.is_dir() {
            return Err(Error::NoSuchFolder(from));
        }
        if to_dir.exists() {
            return Err(Error::FolderExists(to));
        }
        let prefix = format!("{from}.");
        let mut children = Vec::new();
        for name in self.list_folders()? {
            if let Some(rest) = name.strip_prefix(&prefix) {
                let (new_name, new_dir) = self.locate(&format!("{to}.{rest}"))?;
                if new_dir.exists() {
                    return Err(Error::FolderExists(new_name));
                }
                children.push((self.locate(&name)?.1, new_dir));
            }
        }
        fs::rename(&from_dir, &to_dir).at(&from_dir)?;
        for (old, new) in children {
            fs::rename(&old, &new).at(&old)?;
        }
        Ok(())
    }

    /// Deletes a folder and its messages; its children stay.
    pub fn delete_folder(&self, name: &str) -> Result<()> {
        let (name, dir) = self.locate(name)?;
        if *dir == *self.root {
            return Err(Error::Inbox);
        }
        if !dir.is_dir() {
            return Err(Error::NoSuchFolder(name));
        }
        // Out of sight first, so no reader ever sees a half-deleted folder.
        let trash = self.root.join(TRASHED);
        if fs::rename(&dir, &trash).is_err() {
            let _ = fs::remove_dir_all(&trash);
            fs::rename(&dir, &trash).at(&dir)?;
        }
        fs::remove_dir_all(&trash).at(&trash)
    }

    /// Subscribed folder names, in file order.
    pub fn subscriptions(&self) -> Result<Vec<String>> {
        let path = self.root.join(SUBSCRIPTIONS);
        let Some((bytes, _)) = read_optional(&path)? else {
            return Ok(Vec::new());
        };
        let text = String::from_utf8_lossy(&bytes);
        Ok(parse_subscriptions(&text)
            .1
            .iter()
            .map(|n| utf7::decode(n.as_bytes()).unwrap_or_else(|_| n.clone()))
            .collect())
    }

    /// Adds a folder to the subscriptions (the folder need not exist). The file holds names
    /// in modified UTF-7, as Dovecot writes them.
    pub fn subscribe(&self, name: &str) -> Result<()> {
        let name = utf7::encode(&self.locate(name)?.0);
        self.edit_subscriptions(|names| {
            if names.contains(&name) {
                false
            } else {
                names.push(name.clone());
                true
            }
        })
    }

    /// Removes a folder from the subscriptions.
    pub fn unsubscribe(&self, name: &str) -> Result<()> {
        let name = utf7::encode(&canonical(name));
        self.edit_subscriptions(|names| {
            let before = names.len();
            names.retain(|n| *n != name);
            names.len() != before
        })
    }

    fn edit_subscriptions(&self, edit: impl FnOnce(&mut Vec<String>) -> bool) -> Result<()> {
        let path = self.root.join(SUBSCRIPTIONS);
        let _lock = DotLock::acquire(&path, &self.modes)?;
        let text = read_optional(&path)?
            .map(|(b, _)| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        // A new file is written in version 2, as Dovecot 2.3 does.
        let (v2, mut names) = if text.is_empty() {
            (true, Vec::new())
        } else {
            parse_subscriptions(&text)
        };
        if edit(&mut names) {
            let out = serialize_subscriptions(v2, &names);
            replace_file(&path, out.as_bytes(), &self.modes)?;
        }
        Ok(())
    }

    /// Bytes and messages over all folders, from the file names (no folder is locked).
    pub fn quota(&self) -> Result<Quota> {
        let mut quota = Quota::default();
        let mut dirs = vec![self.root.to_path_buf()];
        for name in self.list_folders()?.into_iter().skip(1) {
            dirs.push(self.locate(&name)?.1);
        }
        for dir in dirs {
            for sub in ["new", "cur"] {
                let sub = dir.join(sub);
                let entries = match fs::read_dir(&sub) {
                    Ok(e) => e,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(Error::io(sub, e)),
                };
                for entry in entries {
                    let entry = entry.at(&sub)?;
                    let Ok(name) = entry.file_name().into_string() else {
                        continue;
                    };
                    if !filename::is_message_name(&name) {
                        continue;
                    }
                    let size = match filename::field(filename::split(&name).0, 'S') {
                        Some(size) => size,
                        None => match entry.metadata() {
                            Ok(m) => m.len(),
                            // Expunged while we counted.
                            Err(_) => continue,
                        },
                    };
                    quota.bytes += size;
                    quota.messages += 1;
                }
            }
        }
        Ok(quota)
    }

    /// The canonical name and the directory of a folder name.
    fn locate(&self, name: &str) -> Result<(String, PathBuf)> {
        let name = canonical(name);
        if name == "INBOX" {
            return Ok((name, self.root.to_path_buf()));
        }
        validate_name(&name)?;
        let dir = self.root.join(format!(".{}", utf7::encode(&name)));
        Ok((name, dir))
    }
}

/// `INBOX` in any case is INBOX.
fn canonical(name: &str) -> String {
    if name.eq_ignore_ascii_case("INBOX") {
        "INBOX".to_owned()
    } else {
        name.to_owned()
    }
}

fn validate_name(name: &str) -> Result<()> {
    let bad = name.is_empty()
        || name.len() > 200
        || name.contains('/')
        || name.chars().any(char::is_control)
        || name.split('.').any(|part| part.is_empty())
        || name.starts_with('~')
        || name == TRASHED_NAME;
    if bad {
        Err(Error::InvalidFolderName(name.to_owned()))
    } else {
        Ok(())
    }
}

/// Reads Dovecot's subscriptions file: version 1 is one name per line; version 2 starts with
/// `V\t2\n\n` and separates hierarchy levels with a tab, escaping with `\x01`.
fn parse_subscriptions(text: &str) -> (bool, Vec<String>) {
    match text.strip_prefix(SUBS_V2) {
        Some(rest) => (
            true,
            rest.lines()
                .filter(|l| !l.is_empty())
                .map(|l| {
                    l.split('\t')
                        .map(tab_unescape)
                        .collect::<Vec<_>>()
                        .join(".")
                })
                .collect(),
        ),
        None => (
            false,
            text.lines()
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
    }
}

fn serialize_subscriptions(v2: bool, names: &[String]) -> String {
    let mut out = String::new();
    if v2 {
        out.push_str(SUBS_V2);
    }
    for name in names {
        if v2 {
            let parts: Vec<String> = name.split('.').map(tab_escape).collect();
            out.push_str(&parts.join("\t"));
        } else {
            out.push_str(name);
        }
        out.push('\n');
    }
    out
}

fn tab_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\x01' => out.push_str("\x011"),
            '\t' => out.push_str("\x01t"),
            '\r' => out.push_str("\x01r"),
            '\n' => out.push_str("\x01n"),
            c => out.push(c),
        }
    }
    out
}

fn tab_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\x01' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('1') => out.push('\x01'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_map_to_directories() {
        let dir = tempfile::tempdir().unwrap();
        let md = Maildir::open(dir.path()).unwrap();
        assert_eq!(
            md.locate("inbox").unwrap(),
            ("INBOX".into(), dir.path().to_path_buf())
        );
        assert_eq!(
            md.locate("Entwürfe.2024").unwrap().1,
            dir.path().join(".Entw&APw-rfe.2024")
        );
        for bad in [
            "",
            ".a",
            "a.",
            "a..b",
            "a/b",
            "~x",
            "a\nb",
            "DOVECOT-TRASHED",
        ] {
            assert_eq!(
                md.locate(bad),
                Err(Error::InvalidFolderName(bad.into())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn subscriptions_file_formats() {
        let (v2, names) = parse_subscriptions("V\t2\n\nINBOX\nA\tB\nx\x01ty\n");
        assert!(v2);
        assert_eq!(names, ["INBOX", "A.B", "x\ty"]);
        assert_eq!(
            serialize_subscriptions(true, &names),
            "V\t2\n\nINBOX\nA\tB\nx\x01ty\n"
        );
        let (v2, names) = parse_subscriptions("INBOX\nA.B\n");
        assert!(!v2);
        assert_eq!(serialize_subscriptions(false, &names), "INBOX\nA.B\n");
    }
}
