//! Small file-system helpers: atomic replacement, directory fsync, change stamps, permissions.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{IoContext, Result};

/// Permissions for new files and directories, copied from the Maildir root as Dovecot does:
/// a root of mode 0770 gives files 0660, so every user with access to the root can share it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Modes {
    pub dir: u32,
    pub file: u32,
}

impl Modes {
    pub(crate) fn from_root(root: &Path) -> Result<Self> {
        let mode = fs::metadata(root).at(root)?.permissions().mode() & 0o7777;
        Ok(Self {
            dir: mode & 0o777,
            file: mode & 0o666,
        })
    }

    /// Creates a directory with the shared mode; `Ok(false)` if it existed.
    pub(crate) fn mkdir(&self, path: &Path) -> Result<bool> {
        match fs::DirBuilder::new().mode(self.dir).create(path) {
            Ok(()) => {
                fs::set_permissions(path, fs::Permissions::from_mode(self.dir)).at(path)?;
                Ok(true)
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(crate::Error::io(path, e)),
        }
    }

    /// Creates a new file that must not exist yet, with the shared mode.
    pub(crate) fn create_new(&self, path: &Path) -> io::Result<File> {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(self.file)
            .open(path)?;
        // The umask may have taken bits away; the shared mode must win.
        file.set_permissions(fs::Permissions::from_mode(self.file))?;
        Ok(file)
    }
}

/// Flushes a directory so that a rename or a new entry in it survives a power loss.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).at(dir)
}

/// A name for a temporary file beside `target` that no other writer uses.
pub(crate) fn temp_beside(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(
        "{name}.mailwire-tmp.{}.{}.{n}",
        std::process::id(),
        crate::filename::hostname()
    ))
}

/// Replaces `target` with `contents` atomically: a temporary file is written and flushed to
/// disk, then renamed over the target. Readers see the old or the new file, never a mix.
pub(crate) fn replace_file(target: &Path, contents: &[u8], modes: &Modes) -> Result<()> {
    let tmp = temp_beside(target);
    let result = (|| {
        let mut f = modes.create_new(&tmp)?;
        f.write_all(contents)?;
        f.sync_data()?;
        fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.at(target)
}

/// Reads a whole file; `None` if it does not exist.
pub(crate) fn read_optional(path: &Path) -> Result<Option<(Vec<u8>, Stamp)>> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(crate::Error::io(path, e)),
    };
    let meta = file.metadata().at(path)?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut buf).at(path)?;
    Ok(Some((buf, Stamp::of(&meta))))
}

/// What identifies one version of a file: a rewrite changes the inode, an append the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Stamp {
    ino: u64,
    size: u64,
    mtime: i64,
    mtime_nsec: i64,
}

impl Stamp {
    pub(crate) fn of(meta: &fs::Metadata) -> Self {
        Self {
            ino: meta.ino(),
            size: meta.size(),
            mtime: meta.mtime(),
            mtime_nsec: meta.mtime_nsec(),
        }
    }

    /// The current stamp of a path, `None` if it does not exist.
    pub(crate) fn current(path: &Path) -> Result<Option<Self>> {
        match fs::metadata(path) {
            Ok(m) => Ok(Some(Self::of(&m))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(crate::Error::io(path, e)),
        }
    }

    pub(crate) fn ino(&self) -> u64 {
        self.ino
    }

    pub(crate) fn size(&self) -> u64 {
        self.size
    }
}

/// Random bytes from the kernel, for mailbox GUIDs.
pub(crate) fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    let filled = File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    if filled.is_err() {
        // No /dev/urandom: fall back on the clock and the process id, which is still unique
        // enough for a mailbox GUID on one machine.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos()
            ^ u128::from(std::process::id()) << 64;
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (seed >> ((i % 16) * 8)) as u8;
        }
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a process with this id runs on this machine.
pub(crate) fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}
