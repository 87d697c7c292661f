//! The message corpora that tests and benchmarks read, none written by this project: enmime's
//! CC0 test messages (committed), CPython's `test_email` data (Debian
//! `libpython3.11-testsuite`) and flufl.bounce's bounce messages (Debian
//! `python3-flufl.bounce`). A corpus whose package is not installed is empty.

use std::path::{Path, PathBuf};

/// Where `libpython3.11-testsuite` installs CPython's email test messages.
pub const CPYTHON: &str = "/usr/lib/python3.11/test/test_email/data";
/// Where `python3-flufl.bounce` installs its bounce messages.
pub const FLUFL: &str = "/usr/lib/python3/dist-packages/flufl/bounce/tests/data";

/// enmime's test messages, sorted.
pub fn enmime() -> Vec<PathBuf> {
    let dir = crate::workspace_root().join("crates/message/tests/corpus/enmime");
    files(&dir, |n| n.ends_with(".raw"))
}

/// CPython's `msg_*.txt` messages, sorted.
pub fn cpython() -> Vec<PathBuf> {
    files(Path::new(CPYTHON), |n| {
        n.starts_with("msg_") && n.ends_with(".txt")
    })
}

/// flufl.bounce's messages, sorted.
pub fn flufl() -> Vec<PathBuf> {
    files(Path::new(FLUFL), |n| n.ends_with(".txt"))
}

/// The files below `dir` whose names `keep` accepts, sorted.
fn files(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().and_then(|n| n.to_str()).is_some_and(&keep) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
