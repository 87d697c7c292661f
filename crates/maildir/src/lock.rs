//! Dovecot-compatible dot-locks: `NAME.lock` created with `O_EXCL` beside the file it guards.
//!
//! The lock file holds `pid:host` so that a lock left by a dead process on this host is broken
//! at once; any other lock counts as stale once it is older than two minutes, Dovecot's own
//! limit for `dovecot-uidlist.lock`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crate::error::{Error, Result};
use crate::filename::hostname;
use crate::fsutil::{Modes, process_alive};

/// How old a lock must be before anyone may break it.
const STALE_AFTER: Duration = Duration::from_secs(120);
/// How long to wait for a live lock before giving up.
const WAIT_AT_MOST: Duration = Duration::from_secs(150);

/// A held dot-lock; dropping it removes the lock file.
#[derive(Debug)]
pub(crate) struct DotLock {
    path: PathBuf,
}

impl DotLock {
    /// Takes the lock guarding `target`, waiting while another live process holds it.
    pub(crate) fn acquire(target: &Path, modes: &Modes) -> Result<Self> {
        let mut name = target.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let start = Instant::now();
        let mut pause = Duration::from_micros(200);
        loop {
            match modes.create_new(&path) {
                Ok(mut file) => {
                    let owner = format!("{}:{}", std::process::id(), hostname());
                    // A lock whose owner line did not make it is still a lock; others fall back
                    // on its age.
                    let _ = file.write_all(owner.as_bytes());
                    return Ok(Self { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io(&path, e)),
            }
            if is_stale(&path) {
                let _ = fs::remove_file(&path);
                continue;
            }
            if start.elapsed() > WAIT_AT_MOST {
                return Err(Error::LockTimeout(path));
            }
            thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        }
    }
}

impl Drop for DotLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

fn is_stale(path: &Path) -> bool {
    if let Ok(text) = fs::read_to_string(path)
        && let Some((pid, host)) = text.trim_end().split_once(':')
        && host == hostname()
        && let Ok(pid) = pid.parse::<u32>()
    {
        return !process_alive(pid);
    }
    match fs::metadata(path).and_then(|m| m.modified()) {
        Ok(mtime) => SystemTime::now()
            .duration_since(mtime)
            .is_ok_and(|age| age > STALE_AFTER),
        // Gone already: the next attempt will tell.
        Err(_) => false,
    }
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
    fn lock_is_exclusive_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("dovecot-uidlist");
        let lock = DotLock::acquire(&target, &modes()).unwrap();
        let lock_path = dir.path().join("dovecot-uidlist.lock");
        let owner = fs::read_to_string(&lock_path).unwrap();
        assert_eq!(owner, format!("{}:{}", std::process::id(), hostname()));
        assert!(!is_stale(&lock_path), "our own lock is alive");
        drop(lock);
        assert!(!lock_path.exists());
    }

    #[test]
    fn lock_of_a_dead_process_is_broken() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("f");
        let lock_path = dir.path().join("f.lock");
        // Pid numbers above the kernel maximum (4194304) never run.
        fs::write(&lock_path, format!("4294967:{}", hostname())).unwrap();
        assert!(is_stale(&lock_path));
        let _lock = DotLock::acquire(&target, &modes()).unwrap();
    }

    #[test]
    fn foreign_recent_lock_is_not_stale() {
        let dir = tempfile::tempdir().unwrap();
        let lock_path = dir.path().join("f.lock");
        fs::write(&lock_path, "3 V1 N1\n").unwrap();
        assert!(!is_stale(&lock_path));
        let old = SystemTime::now() - Duration::from_secs(600);
        fs::File::options()
            .write(true)
            .open(&lock_path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        assert!(is_stale(&lock_path));
    }
}
