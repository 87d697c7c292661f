//! The files other programs write beside the messages (`dovecot-uidlist`, `dovecot-keywords`,
//! `mailwire-index`) are hostile input: opening a folder with any contents in them must not
//! panic, and must still show every message file.
#![no_main]

use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mailwire_maildir::Maildir;

fn maildir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir =
            std::env::temp_dir().join(format!("mailwire-fuzz-maildir-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let md = Maildir::open(&dir).expect("scratch Maildir");
        let mut inbox = md.inbox().expect("INBOX");
        inbox
            .deliver(b"Subject: one\r\n\r\n1\r\n")
            .expect("deliver");
        inbox
            .deliver(b"Subject: two\r\n\r\n2\r\n")
            .expect("deliver");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = maildir();
    // Split the input into the three files at the first two 0xff bytes.
    let mut parts = data.splitn(3, |&b| b == 0xff);
    let uidlist = parts.next().unwrap_or_default();
    let keywords = parts.next().unwrap_or_default();
    let index = parts.next().unwrap_or_default();
    fs::write(dir.join("dovecot-uidlist"), uidlist).expect("write");
    fs::write(dir.join("dovecot-keywords"), keywords).expect("write");
    fs::write(dir.join("mailwire-index"), index).expect("write");
    let md = Maildir::open(dir).expect("open");
    let inbox = md
        .inbox()
        .expect("a folder with broken state files still opens");
    assert_eq!(inbox.messages().len(), 2);
    let uids: Vec<u32> = inbox.messages().iter().map(|m| m.uid).collect();
    assert!(uids[0] < uids[1]);
});
