//! Crash safety: a child process delivers and flags messages in a loop and is killed with
//! SIGKILL at random moments, many times. After each kill, every delivery the child reported
//! is present and intact, no partial message is visible, and the uidlist parses and gives a
//! UID to every visible message.
//!
//! The child is this same binary, started again with `MAILWIRE_CRASH_CHILD` set to the
//! Maildir; it prints one line per completed operation, flushed, before starting the next.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test code: a panic is the failure report.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use mailwire_maildir::{Flag, Flags, Maildir};

const CHILD_ENV: &str = "MAILWIRE_CRASH_CHILD";
const ROUNDS: u64 = 80;

fn main() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        child(Path::new(&dir));
    }
    if std::env::args().any(|a| a == "--ignored" || a == "--list") {
        // Not an ignored test; nothing to list.
        return;
    }
    let started = Instant::now();
    let stats = killed_writers_lose_nothing();
    println!(
        "crash test: {} rounds, {} deliveries and {} flag changes reported, all intact ({:.1}s)",
        ROUNDS,
        stats.0,
        stats.1,
        started.elapsed().as_secs_f64()
    );
}

/// The bytes of message `id` as delivered (CRLF) and as stored (LF). Sizes vary with the id.
fn content(id: &str, n: u64) -> (Vec<u8>, Vec<u8>) {
    let mut wire = format!("Message-ID: <{id}>\r\nSubject: crash {n}\r\n\r\n");
    for line in 0..(n * 7) % 40 {
        wire.push_str(&format!(
            "line {line} of {id} xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"
        ));
    }
    let stored = wire.replace("\r\n", "\n");
    (wire.into_bytes(), stored.into_bytes())
}

fn flag_for(n: u64) -> Flags {
    match n % 4 {
        0 => Flags::from(Flag::Seen),
        1 => Flags::from(Flag::Flagged),
        2 => Flags::new().with_keyword("crash").unwrap(),
        _ => Flags::from(Flag::Answered).with_keyword("other").unwrap(),
    }
}

/// The writer: deliver, sometimes add a flag to an earlier message, forever.
fn child(dir: &Path) -> ! {
    let round: u64 = std::env::var("MAILWIRE_CRASH_ROUND")
        .unwrap()
        .parse()
        .unwrap();
    let md = Maildir::open(dir).unwrap();
    let mut inbox = md.inbox().unwrap();
    let out = std::io::stdout();
    let mut n = 0u64;
    loop {
        let id = format!("r{round}-{n}@crash.test");
        let (wire, _) = content(&id, n);
        let info = inbox.deliver(&wire).unwrap();
        {
            let mut out = out.lock();
            writeln!(out, "D {} {id} {n}", info.uid).unwrap();
            out.flush().unwrap();
        }
        if n % 2 == 1 {
            let target = inbox.messages()[(n as usize * 7919) % inbox.messages().len()].uid;
            inbox.add_flags(&[target], &flag_for(n)).unwrap();
            let mut out = out.lock();
            writeln!(out, "F {target} {n}").unwrap();
            out.flush().unwrap();
        }
        n += 1;
    }
}

/// A small deterministic PRNG (xorshift64*), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn killed_writers_lose_nothing() -> (usize, usize) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("Maildir");
    Maildir::open(&dir).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // uid -> (message id, n); uid -> flags reported as added.
    let mut delivered: BTreeMap<u32, (String, u64)> = BTreeMap::new();
    let mut flagged: HashMap<u32, Flags> = HashMap::new();
    let mut flag_count = 0;
    for round in 0..ROUNDS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .env(CHILD_ENV, &dir)
            .env("MAILWIRE_CRASH_ROUND", round.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<String>>()
        });
        thread::sleep(Duration::from_millis(5 + rng.next() % 150));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "the child only ends when killed");
        for line in reader.join().unwrap() {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts[0] {
                "D" => {
                    let uid: u32 = parts[1].parse().unwrap();
                    let old =
                        delivered.insert(uid, (parts[2].to_owned(), parts[3].parse().unwrap()));
                    assert!(old.is_none(), "UID {uid} given twice");
                }
                "F" => {
                    let uid: u32 = parts[1].parse().unwrap();
                    flagged
                        .entry(uid)
                        .or_default()
                        .union(&flag_for(parts[2].parse().unwrap()));
                    flag_count += 1;
                }
                _ => panic!("unexpected line {line:?}"),
            }
        }
        check_files(&dir);
        check_store(&dir, &delivered, &flagged);
    }
    assert!(
        delivered.len() as u64 > ROUNDS,
        "the children got work done"
    );
    (delivered.len(), flag_count)
}

/// Straight from the files, before mailwire touches anything: every visible message is whole
/// and the uidlist gives it a UID.
fn check_files(dir: &Path) {
    let uidlist = fs::read_to_string(dir.join("dovecot-uidlist")).unwrap();
    let mut lines = uidlist.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("3 V") && header.contains(" N") && header.contains(" G"),
        "{header}"
    );
    let mut prev = 0u32;
    let mut covered = HashMap::new();
    for line in lines {
        let (uid, rest) = line.split_once(' ').unwrap();
        let uid: u32 = uid.parse().unwrap();
        assert!(uid > prev, "UIDs increase in {uidlist}");
        prev = uid;
        let base = rest.rsplit_once(':').unwrap().1;
        covered.insert(base.to_owned(), uid);
    }
    for sub in ["new", "cur"] {
        for entry in fs::read_dir(dir.join(sub)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let base = name.split(':').next().unwrap();
            assert!(covered.contains_key(base), "{sub}/{name} has no UID");
            let data = fs::read(dir.join(sub).join(&name)).unwrap();
            let text = String::from_utf8(data.clone()).unwrap();
            let id = text
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("Message-ID: <"))
                .and_then(|l| l.strip_suffix('>'))
                .unwrap_or_else(|| panic!("{sub}/{name} is partial: {text:?}"));
            let n: u64 = id.split(['-', '@']).nth(1).unwrap().parse().unwrap();
            assert_eq!(data, content(id, n).1, "{sub}/{name} is not intact");
            let size: usize = base
                .split(",S=")
                .nth(1)
                .unwrap()
                .split(',')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert_eq!(size, data.len(), "{name}");
        }
    }
}

/// Through mailwire: every reported delivery has its UID, its bytes and its reported flags.
fn check_store(
    dir: &Path,
    delivered: &BTreeMap<u32, (String, u64)>,
    flagged: &HashMap<u32, Flags>,
) {
    let md = Maildir::open(dir).unwrap();
    let mut inbox = md.inbox().unwrap();
    let uids: Vec<u32> = inbox.messages().iter().map(|m| m.uid).collect();
    assert!(uids.windows(2).all(|w| w[0] < w[1]));
    for (uid, (id, n)) in delivered {
        let info = inbox
            .message(*uid)
            .unwrap_or_else(|| panic!("reported delivery {uid} {id} is lost"))
            .clone();
        assert_eq!(inbox.read_message(*uid).unwrap(), content(id, *n).0);
        if let Some(want) = flagged.get(uid) {
            let mut have = info.flags.clone();
            have.union(want);
            assert_eq!(have, info.flags, "UID {uid} lost reported flags");
        }
    }
    assert!(
        !dir.join("dovecot-uidlist.lock").exists(),
        "the stale lock was broken"
    );
}
