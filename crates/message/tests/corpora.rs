//! Real corpora that nobody on this team wrote: enmime's test messages (CC0, committed in
//! `corpus/enmime`), CPython's `test_email` data (Debian `libpython3.11-testsuite`) and
//! flufl.bounce's bounce messages (Debian `python3-flufl.bounce`). Every message must parse,
//! write back byte for byte, and survive every accessor; the differential test compares with
//! Python's `email` package.

use mailwire_message::{Address, Message, mailboxes};
use proptest::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mailwire_test_support::corpora::{CPYTHON, cpython, enmime, flufl};

/// Exercises everything a caller can ask of a message.
fn exercise(raw: &[u8]) -> Message<'_> {
    let msg = Message::parse(raw);
    let mut out = Vec::new();
    msg.write_to(&mut out);
    assert!(out == raw, "write-back differs");
    let _ = msg.all_defects();
    let _ = msg.body_parts();
    for p in msg.parts() {
        for h in p.headers() {
            let _ = (h.name(), h.text(), h.unfolded());
        }
        let _ = (
            p.subject(),
            p.from(),
            p.to(),
            p.cc(),
            p.date(),
            p.message_id(),
        );
        let _ = (
            p.references(),
            p.in_reply_to(),
            p.received(),
            p.content_id(),
        );
        let _ = (p.content_type(), p.disposition(), p.filename(), p.text());
        let _ = (p.preamble(), p.epilogue());
    }
    msg
}

fn run_corpus(paths: &[PathBuf]) {
    assert!(!paths.is_empty(), "corpus not found");
    for p in paths {
        let raw = std::fs::read(p).expect("readable corpus file");
        let msg = exercise(&raw);
        assert!(msg.parts().count() >= 1, "{}", p.display());
    }
}

#[test]
fn enmime_corpus_parses_and_writes_back() {
    let paths = enmime();
    assert!(paths.len() >= 70, "{} files", paths.len());
    run_corpus(&paths);
}

#[test]
#[ignore = "needs libpython3.11-testsuite (installed by .ci/run)"]
fn cpython_corpus_parses_and_writes_back() {
    run_corpus(&cpython());
}

#[test]
#[ignore = "needs python3-flufl.bounce (installed by .ci/run)"]
fn flufl_bounce_corpus_parses_and_writes_back() {
    run_corpus(&flufl());
}

fn corpus_bytes() -> Vec<Vec<u8>> {
    enmime()
        .iter()
        .map(|p| std::fs::read(p).expect("readable corpus file"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Truncating or mutating any corpus message never panics, and the result still writes
    /// back byte for byte.
    #[test]
    fn mutated_corpus_never_panics(
        which in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&b"\r\n-:;=?\"<>()@ \t\x00\xffBQ"[..])), 0..8),
    ) {
        let corpus = corpus_bytes();
        let mut raw = corpus[which.index(corpus.len())].clone();
        for (at, byte) in edits {
            if !raw.is_empty() {
                let i = at.index(raw.len());
                raw[i] = byte;
            }
        }
        let keep = cut.index(raw.len() + 1);
        raw.truncate(keep);
        let _ = exercise(&raw);
    }
}

// ---------------------------------------------------------------------------------------
// Differential test against Python's email package.

/// What both sides report for one message.
fn describe(raw: &[u8]) -> serde_json::Value {
    let msg = Message::parse(raw);
    let root = msg.root();
    let addrs = |l: Vec<Address<'_>>| -> serde_json::Value {
        mailboxes(&l)
            .map(
                |m| serde_json::json!({"name": m.name.as_deref(), "address": m.address.as_deref()}),
            )
            .collect()
    };
    let parts: Vec<serde_json::Value> = msg
        .leaves()
        .map(|p| {
            let ct = p.content_type();
            let body = p.decoded_body();
            let hash: String = Sha256::digest(&body)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            serde_json::json!({
                "content_type": format!("{}/{}", ct.media_type, ct.subtype),
                "size": body.len(),
                "sha256": hash,
            })
        })
        .collect();
    serde_json::json!({
        "subject": root.subject(),
        "from": addrs(root.from()),
        "to": addrs(root.to()),
        "date": root.date().map(|d| d.to_rfc3339()),
        "parts": parts,
    })
}

/// The corpus-relative key used in `differential_known.txt`.
fn key(p: &Path) -> String {
    let s = p.to_string_lossy();
    if let Some(i) = s.find("corpus/enmime/") {
        return format!("enmime/{}", &s[i + "corpus/enmime/".len()..]);
    }
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if s.starts_with(CPYTHON) {
        format!("cpython/{name}")
    } else {
        format!("flufl/{name}")
    }
}

/// Known differences: `key<TAB>field<TAB>why ours is right`, one per line.
fn known() -> BTreeMap<(String, String), String> {
    let text = include_str!("differential_known.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut it = l.splitn(3, '\t');
            Some((
                (it.next()?.to_string(), it.next()?.to_string()),
                it.next()?.to_string(),
            ))
        })
        .collect()
}

#[test]
#[ignore = "needs python3, libpython3.11-testsuite and python3-flufl.bounce (installed by .ci/run)"]
fn differential_against_python_email() {
    let mut paths = enmime();
    paths.extend(cpython());
    paths.extend(flufl());
    assert!(paths.len() > 200, "corpora missing: {} files", paths.len());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/differential.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .args(&paths)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let known = known();
    let mut unexplained = Vec::new();
    let mut explained = 0;
    let mut agreed = 0;
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout)
        .expect("JSON is UTF-8")
        .lines()
        .collect();
    assert_eq!(lines.len(), paths.len());
    for (path, line) in paths.iter().zip(lines) {
        let theirs: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
        let ours = describe(&std::fs::read(path).expect("readable"));
        let k = key(path);
        for field in ["subject", "from", "to", "date", "parts"] {
            if ours[field] == theirs[field] {
                agreed += 1;
            } else if known.contains_key(&(k.clone(), field.to_string())) {
                explained += 1;
            } else {
                unexplained.push(format!(
                    "{k}\t{field}\n  ours:   {}\n  python: {}",
                    ours[field], theirs[field]
                ));
            }
        }
    }
    println!(
        "{agreed} fields agree, {explained} differ for listed reasons, {} unexplained",
        unexplained.len()
    );
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}
