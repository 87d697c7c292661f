//! What the mailwire interop tests and benchmarks share: loopback ports, child processes that
//! die with the test, example programs built once, third-party programs run to completion, and
//! the message corpora.
//!
//! Test code: a failure here panics with a message, which is the test's failure report.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod corpora;

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The root of the mailwire workspace.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Builds the example `name` of the `mailwire` facade with `features` in the debug profile
/// (once per process for each pair) and returns the path of its binary.
pub fn example_binary(name: &str, features: &str) -> PathBuf {
    build_example(name, features, false)
}

/// [`example_binary`] in the release profile, for benchmarks.
pub fn release_example_binary(name: &str, features: &str) -> PathBuf {
    build_example(name, features, true)
}

fn build_example(name: &str, features: &str, release: bool) -> PathBuf {
    static BUILT: Mutex<Vec<(String, String, bool)>> = Mutex::new(Vec::new());
    let mut built = BUILT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let key = (name.to_owned(), features.to_owned(), release);
    if !built.contains(&key) {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| String::from("cargo"));
        let status = Command::new(cargo)
            .current_dir(workspace_root())
            .args(["build", "-q", "--example", name, "--features", features])
            .args(release.then_some("--release"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building example {name} failed");
        built.push(key);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from);
    let profile = if release { "release" } else { "debug" };
    target.join(profile).join("examples").join(name)
}

/// A TCP port on 127.0.0.1 that nothing listened on a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port on 127.0.0.1")
}

/// Waits (at most 60 s) until something accepts connections on `port` of 127.0.0.1.
pub fn wait_for_port(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "nothing listens on port {port} after 60 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A child process killed and reaped when dropped, also when the test fails.
pub struct KillOnDrop(pub Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Standard output then standard error of a finished program, as text.
pub fn output_text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs `program` with `args`, feeding `stdin` (or nothing), and returns its standard output;
/// panics with both outputs unless it exits successfully.
pub fn run(program: impl AsRef<std::ffi::OsStr>, args: &[&str], stdin: Option<&[u8]>) -> String {
    let program = program.as_ref();
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", program.to_string_lossy()));
    let mut input = child.stdin.take().expect("piped stdin");
    if let Some(data) = stdin {
        input.write_all(data).expect("writing stdin");
    }
    drop(input);
    let output = child.wait_with_output().expect("waiting for the program");
    assert!(
        output.status.success(),
        "{} {args:?} failed:\n{}",
        program.to_string_lossy(),
        output_text(&output)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
