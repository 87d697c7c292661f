//! mailwire-maildir: durable deliveries per second (with fsync) of 4 KiB messages, flag
//! updates per second, and opening a folder of 100,000 messages (time, and memory printed once).
//!
//! Run: `cargo bench -p mailwire-benches --bench maildir`. The Maildirs live under Cargo's
//! target directory (a real disk, so fsync costs what it costs), not in a RAM-backed /tmp.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mailwire_maildir::{Flag, Flags, Maildir};

const BIG_FOLDER: u32 = 100_000;

fn message_4k(n: u64) -> Vec<u8> {
    let mut m = format!(
        "Message-ID: <{n}@bench.test>\r\nFrom: a@example.test\r\nSubject: bench {n}\r\n\r\n"
    );
    while m.len() < 4096 - 78 {
        m.push_str(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tem\r\n",
        );
    }
    m.into_bytes()
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("scratch directory")
}

fn deliver(c: &mut Criterion) {
    let mut group = c.benchmark_group("maildir");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(1));
    let data = message_4k(1);
    group.bench_function("deliver_4k_fsync", |b| {
        b.iter_custom(|iters| {
            let dir = scratch();
            let md = Maildir::open(dir.path().join("Maildir")).expect("open");
            let mut inbox = md.inbox().expect("inbox");
            let start = Instant::now();
            for _ in 0..iters {
                black_box(inbox.deliver(&data).expect("deliver"));
            }
            start.elapsed()
        });
    });
    group.finish();
}

fn flags(c: &mut Criterion) {
    let mut group = c.benchmark_group("maildir");
    group.sample_size(20);
    group.throughput(Throughput::Elements(1));
    let dir = scratch();
    let md = Maildir::open(dir.path().join("Maildir")).expect("open");
    let mut inbox = md.inbox().expect("inbox");
    for n in 0..1000 {
        inbox.deliver(&message_4k(n)).expect("deliver");
    }
    let seen = Flags::from(Flag::Seen)
        .with_keyword("Work")
        .expect("keyword");
    let mut uid = 0u32;
    let mut on = true;
    group.bench_function("flag_update", |b| {
        b.iter(|| {
            uid = uid % 1000 + 1;
            if uid == 1 {
                on = !on;
            }
            let changed = if on {
                inbox.add_flags(&[uid], &seen)
            } else {
                inbox.remove_flags(&[uid], &seen)
            };
            black_box(changed.expect("store"));
        });
    });
    group.finish();
}

/// Writes a folder of `count` messages the way an MTA would (files straight into `cur/`),
/// then opens it once so that the uidlist and the index exist.
fn big_folder(root: &Path, count: u32) -> Maildir {
    let md = Maildir::open(root).expect("open");
    let body = message_4k(0);
    let stored: Vec<u8> = String::from_utf8(body.clone())
        .expect("ASCII")
        .replace("\r\n", "\n")
        .into_bytes();
    for n in 0..count {
        let name = format!(
            "{}.M{n}P1Q{n}.bench,S={},W={}:2,{}",
            1_700_000_000 + n,
            stored.len(),
            body.len(),
            if n % 3 == 0 { "" } else { "S" }
        );
        fs::write(root.join("cur").join(name), &stored).expect("write");
    }
    let before = resident_kib();
    let first = Instant::now();
    let inbox = md.inbox().expect("first open");
    let took = first.elapsed();
    let held = resident_kib().saturating_sub(before);
    eprintln!(
        "maildir: first open of {count} messages (UIDs given, uidlist and index written): {took:?}; \
         resident memory grew by {} MiB while the folder is open ({} bytes per message); peak RSS {} MiB",
        held / 1024,
        held * 1024 / u64::from(count),
        peak_kib() / 1024
    );
    assert_eq!(inbox.messages().len() as u32, count);
    md
}

fn resident_kib() -> u64 {
    status_kib("VmRSS:")
}

fn peak_kib() -> u64 {
    status_kib("VmHWM:")
}

fn status_kib(field: &str) -> u64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn open_big(c: &mut Criterion) {
    let dir = scratch();
    let md = big_folder(&dir.path().join("Maildir"), BIG_FOLDER);
    let mut group = c.benchmark_group("maildir");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("open_100k", |b| {
        b.iter(|| black_box(md.inbox().expect("open")));
    });
    let mut inbox = md.inbox().expect("open");
    let data = message_4k(1);
    group.throughput(Throughput::Elements(1));
    group.bench_function("deliver_4k_fsync_into_100k", |b| {
        b.iter(|| black_box(inbox.deliver(&data).expect("deliver")));
    });
    group.finish();
}

criterion_group!(benches, deliver, flags, open_big);
criterion_main!(benches);
