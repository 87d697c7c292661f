//! Any sequence of operations keeps UIDs strictly increasing and unique (never reused), and
//! gives every changed message a modseq above every earlier one.
#![allow(clippy::unwrap_used)] // Test code: a panic is the failure report.

use std::collections::HashMap;
use std::fs;

use mailwire_maildir::{Flag, Flags, Folder, Maildir, MessageInfo};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Deliver,
    Append(u8, u8),
    Add(usize, u8, u8),
    Remove(usize, u8, u8),
    Set(usize, u8, u8),
    Expunge,
    ExpungeUid(usize),
    Copy(usize),
    Move(usize),
    /// Another program renames a file for new flags.
    External(usize, u8),
    /// Another program deletes a file.
    ExternalDelete(usize),
    Sync,
    Reopen,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Deliver),
        2 => (any::<u8>(), 0u8..4).prop_map(|(f, k)| Op::Append(f, k)),
        3 => (any::<usize>(), any::<u8>(), 0u8..4).prop_map(|(i, f, k)| Op::Add(i, f, k)),
        2 => (any::<usize>(), any::<u8>(), 0u8..4).prop_map(|(i, f, k)| Op::Remove(i, f, k)),
        2 => (any::<usize>(), any::<u8>(), 0u8..4).prop_map(|(i, f, k)| Op::Set(i, f, k)),
        1 => Just(Op::Expunge),
        1 => any::<usize>().prop_map(Op::ExpungeUid),
        1 => any::<usize>().prop_map(Op::Copy),
        1 => any::<usize>().prop_map(Op::Move),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, f)| Op::External(i, f)),
        1 => any::<usize>().prop_map(Op::ExternalDelete),
        1 => Just(Op::Sync),
        1 => Just(Op::Reopen),
    ]
}

fn flags(bits: u8, keyword: u8) -> Flags {
    let mut f = Flags::new();
    for (i, flag) in Flag::ALL.into_iter().enumerate() {
        if bits & (1 << i) != 0 {
            f.insert(flag);
        }
    }
    match keyword {
        1 => f.with_keyword("Work").unwrap(),
        2 => f.with_keyword("$Label1").unwrap(),
        3 => f
            .with_keyword("Work")
            .unwrap()
            .with_keyword("later")
            .unwrap(),
        _ => f,
    }
}

fn pick(folder: &Folder, i: usize) -> Option<u32> {
    let m = folder.messages();
    (!m.is_empty()).then(|| m[i % m.len()].uid)
}

/// What one folder looked like after the previous step.
#[derive(Default)]
struct Seen {
    max_uid: u32,
    highest: u64,
    messages: HashMap<u32, MessageInfo>,
}

impl Seen {
    fn check(&mut self, folder: &Folder) -> Result<(), TestCaseError> {
        let msgs = folder.messages();
        prop_assert!(
            msgs.windows(2).all(|w| w[0].uid < w[1].uid),
            "UIDs not increasing"
        );
        prop_assert!(
            folder.highest_modseq() >= self.highest,
            "HIGHESTMODSEQ went down"
        );
        prop_assert!(folder.uid_next() > msgs.last().map_or(0, |m| m.uid));
        let mut max = self.max_uid;
        for m in msgs {
            prop_assert!(m.modseq <= folder.highest_modseq());
            match self.messages.get(&m.uid) {
                None => {
                    prop_assert!(m.uid > self.max_uid, "UID {} reused", m.uid);
                    prop_assert!(m.modseq > self.highest, "new message with an old modseq");
                    max = max.max(m.uid);
                }
                Some(before) if before.flags != m.flags => {
                    prop_assert!(
                        m.modseq > self.highest,
                        "UID {} changed with modseq {} <= {}",
                        m.uid,
                        m.modseq,
                        self.highest
                    );
                }
                Some(before) => prop_assert_eq!(before.modseq, m.modseq, "unchanged UID {}", m.uid),
            }
        }
        let vanished = folder.vanished_since(self.highest);
        for uid in self.messages.keys() {
            if folder.message(*uid).is_none() {
                prop_assert!(
                    vanished.iter().any(|r| r.contains(uid)),
                    "expunged UID {uid} not in VANISHED"
                );
            }
        }
        self.max_uid = max;
        self.highest = folder.highest_modseq();
        self.messages = msgs.iter().map(|m| (m.uid, m.clone())).collect();
        Ok(())
    }
}

fn file_of(folder: &Folder, uid: u32) -> Option<std::path::PathBuf> {
    // The file of the message at this position in UID order, found on disk by its contents.
    let marker = format!("<{uid}.{}@p>", folder.uid_validity());
    for sub in ["cur", "new"] {
        for e in fs::read_dir(folder.path().join(sub)).ok()?.flatten() {
            if fs::read_to_string(e.path()).ok()?.contains(&marker) {
                return Some(e.path());
            }
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn uids_and_modseqs_only_grow(ops in proptest::collection::vec(op(), 1..24)) {
        let tmp = tempfile::tempdir().unwrap();
        let md = Maildir::open(tmp.path()).unwrap();
        md.create_folder("Other").unwrap();
        let mut inbox = md.inbox().unwrap();
        let mut other = md.folder("Other").unwrap();
        let (mut seen_inbox, mut seen_other) = (Seen::default(), Seen::default());
        let mut counter = 0u32;
        let validity = inbox.uid_validity();
        for op in ops {
            counter += 1;
            // The Message-ID names the UID the message is expected to get, so the external
            // operations can find a message's file.
            let body = |n: u32| format!("Message-ID: <{n}.{validity}@p>\r\n\r\n{}\r\n", "x".repeat(n as usize % 300));
            match op {
                Op::Deliver => {
                    let uid = inbox.uid_next();
                    let info = inbox.deliver(body(uid).as_bytes()).unwrap();
                    prop_assert_eq!(info.uid, uid);
                }
                Op::Append(f, k) => {
                    let uid = inbox.uid_next();
                    let info = inbox.append(body(uid).as_bytes(), &flags(f, k), None).unwrap();
                    prop_assert_eq!(info.flags, flags(f, k));
                }
                Op::Add(i, f, k) => {
                    if let Some(uid) = pick(&inbox, i) {
                        inbox.add_flags(&[uid], &flags(f, k)).unwrap();
                    }
                }
                Op::Remove(i, f, k) => {
                    if let Some(uid) = pick(&inbox, i) {
                        inbox.remove_flags(&[uid], &flags(f, k)).unwrap();
                    }
                }
                Op::Set(i, f, k) => {
                    if let Some(uid) = pick(&inbox, i) {
                        let on_disk = file_of(&inbox, uid).is_some();
                        inbox.set_flags(&[uid], &flags(f, k)).unwrap();
                        if on_disk {
                            prop_assert_eq!(&inbox.message(uid).unwrap().flags, &flags(f, k));
                        }
                    }
                }
                Op::Expunge => {
                    inbox.expunge().unwrap();
                    prop_assert!(inbox.messages().iter().all(|m| !m.flags.contains(Flag::Deleted)));
                }
                Op::ExpungeUid(i) => {
                    if let Some(uid) = pick(&inbox, i) {
                        inbox.expunge_uids(&[uid]).unwrap();
                    }
                }
                Op::Copy(i) => {
                    if let Some(uid) = pick(&inbox, i) {
                        inbox.copy_to(&[uid], &mut other).unwrap();
                    }
                }
                Op::Move(i) => {
                    if let Some(uid) = pick(&inbox, i) {
                        let moved = inbox.move_to(&[uid], &mut other).unwrap();
                        // A message whose file another program deleted is not moved; the next
                        // sync drops it.
                        prop_assert_eq!(inbox.message(uid).is_none(), moved.len() == 1);
                    }
                }
                Op::External(i, f) => {
                    if let Some(path) = pick(&inbox, i).and_then(|uid| file_of(&inbox, uid)) {
                        let name = path.file_name().unwrap().to_str().unwrap();
                        let base = name.split(':').next().unwrap();
                        let letters: String = "DFPRST".chars().enumerate().filter(|(b, _)| f & (1 << b) != 0).map(|(_, c)| c).collect();
                        fs::rename(&path, inbox.path().join("cur").join(format!("{base}:2,{letters}"))).unwrap();
                    }
                }
                Op::ExternalDelete(i) => {
                    if let Some(path) = pick(&inbox, i).and_then(|uid| file_of(&inbox, uid)) {
                        fs::remove_file(path).unwrap();
                    }
                }
                Op::Sync => {
                    inbox.sync().unwrap();
                    other.sync().unwrap();
                }
                Op::Reopen => {
                    let again = md.inbox().unwrap();
                    inbox.sync().unwrap();
                    prop_assert_eq!(again.messages(), inbox.messages());
                    prop_assert_eq!(again.highest_modseq(), inbox.highest_modseq());
                    inbox = again;
                }
            }
            seen_inbox.check(&inbox)?;
            seen_other.check(&other)?;
        }
        prop_assert!(counter > 0);
        inbox.sync().unwrap();
        seen_inbox.check(&inbox)?;
    }
}
