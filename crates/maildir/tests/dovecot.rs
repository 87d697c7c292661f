//! Interop with Dovecot: the same Maildir seen through Dovecot's IMAP (driven by Python's
//! imaplib) and through mailwire, one after the other and both at once.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test code: a panic is the failure report.

use std::fs;
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, UNIX_EPOCH};

use mailwire_maildir::{Flag, Flags, Maildir, MessageInfo};
use mailwire_test_support::free_port;
use serde_json::{Value, json};

const NOBODY: u32 = 65534;
const NOGROUP: u32 = 65534;

/// A Dovecot instance on loopback, stopped (and its processes gone) on drop.
struct Dovecot {
    child: Child,
    port: u16,
    base: PathBuf,
    maildir: PathBuf,
    script: PathBuf,
}

impl Dovecot {
    fn start(base: &Path) -> Self {
        let port = free_port();
        fs::set_permissions(base, fs::Permissions::from_mode(0o755)).unwrap();
        let home = base.join("home/alice");
        let maildir = home.join("Maildir");
        fs::create_dir_all(&maildir).unwrap();
        for dir in [base.join("home"), home.clone(), maildir.clone()] {
            // Shared between root (mailwire) and nobody (Dovecot's mail processes): mailwire
            // copies the root's mode onto what it creates, as Dovecot does.
            fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).unwrap();
            std::os::unix::fs::chown(&dir, Some(NOBODY), Some(NOGROUP)).unwrap();
        }
        fs::write(base.join("passwd"), "alice:{PLAIN}secret\n").unwrap();
        let t = base.display();
        let conf = format!(
            "base_dir = {t}/run\n\
             log_path = {t}/dovecot.log\n\
             protocols = imap\n\
             listen = 127.0.0.1\n\
             ssl = no\n\
             disable_plaintext_auth = no\n\
             auth_mechanisms = plain login\n\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%n {t}/passwd\n}}\n\
             userdb {{\n  driver = static\n  args = uid=nobody gid=nogroup home={t}/home/%n\n}}\n\
             mail_location = maildir:~/Maildir\n\
             namespace inbox {{\n  inbox = yes\n  separator = .\n  prefix =\n}}\n\
             service imap-login {{\n  inet_listener imap {{\n    port = {port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}\n}}\n"
        );
        let conf_path = base.join("dovecot.conf");
        fs::write(&conf_path, conf).unwrap();
        let script = base.join("imap_client.py");
        fs::write(&script, include_str!("support/imap_client.py")).unwrap();
        let child = Command::new("dovecot")
            .arg("-F")
            .arg("-c")
            .arg(&conf_path)
            .stdin(Stdio::null())
            .spawn()
            .expect("dovecot is installed");
        let dovecot = Self {
            child,
            port,
            base: base.to_path_buf(),
            maildir,
            script,
        };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "dovecot did not start: {}",
                dovecot.log()
            );
            thread::sleep(Duration::from_millis(50));
        }
        dovecot
    }

    fn log(&self) -> String {
        fs::read_to_string(self.base.join("dovecot.log")).unwrap_or_default()
    }

    /// Runs imaplib commands; returns one JSON result per command.
    fn imap(&self, commands: Value) -> Vec<Value> {
        let out = Command::new("python3")
            .arg(&self.script)
            .arg(self.port.to_string())
            .arg(commands.to_string())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "imaplib failed: {}\n{}\nDovecot log:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            self.log()
        );
        serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
    }

    /// Dovecot must not have found anything to complain about in what mailwire wrote.
    fn assert_clean_log(&self) {
        let log = self.log();
        for bad in ["Error", "Panic", "Fatal", "Broken", "corrupt", "Corrupt"] {
            assert!(!log.contains(bad), "Dovecot complained ({bad}):\n{log}");
        }
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // SIGTERM lets the master stop its children; SIGKILL if it does not go.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn b64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn imap_flags(flags: &Flags) -> Vec<String> {
    let mut out: Vec<String> = flags
        .to_string()
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    out.sort();
    out
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// Compares what Dovecot returned for a folder with what mailwire reads.
fn assert_same(dovecot_view: &Value, folder: &mut mailwire_maildir::Folder) {
    let list = dovecot_view.as_array().unwrap();
    let ours: Vec<MessageInfo> = folder.messages().to_vec();
    assert_eq!(
        list.len(),
        ours.len(),
        "message count; Dovecot: {dovecot_view}"
    );
    for (theirs, mine) in list.iter().zip(&ours) {
        assert_eq!(theirs["uid"], json!(mine.uid));
        assert_eq!(
            strings(&theirs["flags"]),
            imap_flags(&mine.flags),
            "uid {}",
            mine.uid
        );
        assert_eq!(theirs["size"], json!(mine.crlf_size), "uid {}", mine.uid);
        let body = folder.read_message(mine.uid).unwrap();
        assert_eq!(theirs["body"], json!(b64(&body)), "uid {}", mine.uid);
        let date = folder
            .internal_date(mine.uid)
            .unwrap()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        assert_eq!(theirs["date"], json!(date), "uid {}", mine.uid);
    }
}

fn message(id: &str) -> Vec<u8> {
    format!(
        "Message-ID: <{id}@test>\r\nFrom: a@example.test\r\nSubject: {id}\r\n\r\nHello {id}.\r\n\r\n-- \r\nbye\r\n"
    )
    .into_bytes()
}

#[test]
#[ignore = "needs dovecot (installed by .ci/run)"]
fn dovecot_reads_what_mailwire_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(tmp.path());
    let md = Maildir::open(&dovecot.maildir).unwrap();
    md.create_folder("Archive").unwrap();
    md.create_folder("Entwürfe").unwrap();
    md.subscribe("Archive").unwrap();
    let mut inbox = md.inbox().unwrap();
    let date = UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    inbox.deliver(&message("m1")).unwrap();
    let seen = Flags::from([Flag::Seen, Flag::Flagged])
        .with_keyword("$Label1")
        .unwrap();
    inbox.append(&message("m2")[..], &seen, Some(date)).unwrap();
    let answered = Flags::from([Flag::Answered, Flag::Draft, Flag::Deleted])
        .with_keyword("Junk")
        .unwrap();
    inbox.append(&message("m3")[..], &answered, None).unwrap();
    let mut drafts = md.folder("Entwürfe").unwrap();
    drafts.deliver(&message("d1")).unwrap();

    let r = dovecot.imap(json!([
        ["list"],
        ["lsub"],
        ["status", "INBOX"],
        ["fetch", "INBOX"],
        ["fetch", "Entw&APw-rfe"],
    ]));
    assert_eq!(strings(&r[0]), ["Archive", "Entw&APw-rfe", "INBOX"]);
    assert_eq!(strings(&r[1]), ["Archive"]);
    assert_eq!(r[2]["uidvalidity"], json!(inbox.uid_validity()));
    assert_eq!(r[2]["uidnext"], json!(inbox.uid_next()));
    assert_eq!(r[2]["messages"], json!(3));
    assert_eq!(r[2]["unseen"], json!(2));
    assert_same(&r[3], &mut inbox);
    assert_same(&r[4], &mut drafts);

    // Flags changed by mailwire after Dovecot indexed the folder.
    inbox
        .add_flags(&[1], &Flags::from(Flag::Seen).with_keyword("Work").unwrap())
        .unwrap();
    inbox
        .remove_flags(&[2], &Flags::from(Flag::Flagged))
        .unwrap();
    assert_eq!(inbox.expunge().unwrap(), [3]);
    inbox.deliver(&message("m4")).unwrap();
    let r = dovecot.imap(json!([["fetch", "INBOX"]]));
    assert_same(&r[0], &mut inbox);
    assert_eq!(
        inbox.messages().iter().map(|m| m.uid).collect::<Vec<_>>(),
        [1, 2, 4]
    );

    // Folder changes made by mailwire after Dovecot listed the folders.
    md.create_folder("Archive.2024").unwrap();
    md.folder("Archive.2024")
        .unwrap()
        .deliver(&message("x1"))
        .unwrap();
    md.rename_folder("Archive", "Old").unwrap();
    md.delete_folder("Entwürfe").unwrap();
    let r = dovecot.imap(json!([["list"], ["fetch", "Old.2024"]]));
    assert_eq!(strings(&r[0]), ["INBOX", "Old", "Old.2024"]);
    assert_same(&r[1], &mut md.folder("Old.2024").unwrap());
    dovecot.assert_clean_log();
}

#[test]
#[ignore = "needs dovecot (installed by .ci/run)"]
fn mailwire_reads_what_dovecot_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(tmp.path());
    let date = 1_500_000_000u64;
    let r = dovecot.imap(json!([
        [
            "append",
            "INBOX",
            "(\\Seen $Important)",
            date,
            b64(&message("a1"))
        ],
        ["append", "INBOX", "", null, b64(&message("a2"))],
        ["append", "INBOX", "(\\Deleted)", null, b64(&message("a3"))],
        [
            "append",
            "INBOX",
            "(\\Flagged NonJunk \\Draft)",
            null,
            b64(&message("a4"))
        ],
        ["store", "INBOX", "2", "+FLAGS", "(\\Answered Project)"],
        ["expunge", "INBOX"],
        ["create", "Sent.2024"],
        ["subscribe", "Sent.2024"],
        ["create", "Entw&APw-rfe"],
        ["subscribe", "Entw&APw-rfe"],
        ["append", "Sent.2024", "(\\Seen)", null, b64(&message("s1"))],
        ["fetch", "INBOX"],
        ["fetch", "Sent.2024"],
        ["status", "INBOX"],
    ]));
    let md = Maildir::open(&dovecot.maildir).unwrap();
    assert!(md.list_folders().unwrap().contains(&"Sent.2024".to_owned()));
    assert_eq!(md.subscriptions().unwrap(), ["Sent.2024", "Entwürfe"]);
    md.subscribe("INBOX").unwrap();
    let mut inbox = md.inbox().unwrap();
    assert_eq!(inbox.uid_validity(), r[0][0].as_u64().unwrap() as u32);
    assert_eq!(inbox.uid_next(), r[13]["uidnext"].as_u64().unwrap() as u32);
    assert_same(&r[11], &mut inbox);
    assert_eq!(
        inbox.messages().iter().map(|m| m.uid).collect::<Vec<_>>(),
        [1, 2, 4]
    );
    assert_eq!(inbox.read_message(1).unwrap(), message("a1"));
    let mut sent = md.folder("Sent.2024").unwrap();
    assert_same(&r[12], &mut sent);

    // And back: mailwire changes, Dovecot sees them.
    inbox
        .set_flags(
            &[4],
            &Flags::from(Flag::Seen).with_keyword("NonJunk").unwrap(),
        )
        .unwrap();
    let next = inbox.deliver(&message("a5")).unwrap();
    assert_eq!(next.uid, 5);
    let r = dovecot.imap(json!([["fetch", "INBOX"], ["lsub"]]));
    assert_same(&r[0], &mut inbox);
    assert_eq!(strings(&r[1]), ["Entw&APw-rfe", "INBOX", "Sent.2024"]);
    dovecot.assert_clean_log();
}

#[test]
#[ignore = "needs dovecot (installed by .ci/run)"]
fn both_at_once_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(tmp.path());
    let md = Maildir::open(&dovecot.maildir).unwrap();
    md.inbox().unwrap().deliver(&message("first")).unwrap();
    const EACH: usize = 60;
    let writer = {
        let md = md.clone();
        thread::spawn(move || {
            let mut inbox = md.inbox().unwrap();
            let mut uids = Vec::new();
            for i in 0..EACH {
                let info = inbox.deliver(&message(&format!("mw-{i}"))).unwrap();
                uids.push(info.uid);
                if i % 3 == 0 {
                    inbox
                        .add_flags(&[info.uid], &Flags::from(Flag::Flagged))
                        .unwrap();
                }
                if i % 10 == 0 {
                    inbox.sync().unwrap();
                }
            }
            uids
        })
    };
    let r = dovecot.imap(json!([["append_many", "INBOX", "dc", EACH]]));
    let ours = writer.join().unwrap();
    let theirs: Vec<u64> = r[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_u64().unwrap())
        .collect();

    let r = dovecot.imap(json!([["msgids", "INBOX"]]));
    let seen_by_dovecot = r[0].as_array().unwrap();
    let mut inbox = md.inbox().unwrap();
    assert_eq!(inbox.messages().len(), 1 + 2 * EACH);
    assert_eq!(seen_by_dovecot.len(), 1 + 2 * EACH);
    let mut all_ids = Vec::new();
    for (d, m) in seen_by_dovecot.iter().zip(inbox.messages().to_vec()) {
        assert_eq!(d["uid"], json!(m.uid));
        let body = String::from_utf8(inbox.read_message(m.uid).unwrap()).unwrap();
        let id = body
            .lines()
            .next()
            .unwrap()
            .trim_start_matches("Message-ID: ")
            .to_owned();
        assert_eq!(d["msgid"], json!(id), "uid {}", m.uid);
        assert_eq!(strings(&d["flags"]), imap_flags(&m.flags), "uid {}", m.uid);
        all_ids.push(id);
    }
    for i in 0..EACH {
        assert!(all_ids.contains(&format!("<mw-{i}@test>")));
        assert!(all_ids.contains(&format!("<dc-{i}@test>")));
    }
    // Each side's UIDs are what the other side reports for those messages.
    for (i, uid) in ours.iter().enumerate() {
        let body = String::from_utf8(inbox.read_message(*uid).unwrap()).unwrap();
        assert!(body.starts_with(&format!("Message-ID: <mw-{i}@test>")));
    }
    for (i, uid) in theirs.iter().enumerate() {
        let body = String::from_utf8(inbox.read_message(*uid as u32).unwrap()).unwrap();
        assert!(body.starts_with(&format!("Message-ID: <dc-{i}@test>")));
    }
    dovecot.assert_clean_log();
}
