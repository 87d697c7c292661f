//! Every operation of the store, through the public API and the files it leaves on disk.
#![allow(clippy::unwrap_used)] // Test code: a panic is the failure report.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use mailwire_maildir::{Error, Flag, Flags, Maildir, StoreOp};

fn setup() -> (tempfile::TempDir, Maildir) {
    let dir = tempfile::tempdir().unwrap();
    let md = Maildir::open(dir.path().join("Maildir")).unwrap();
    (dir, md)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

fn msg(n: usize) -> Vec<u8> {
    format!("Message-ID: <{n}@test>\r\nSubject: message {n}\r\n\r\nbody {n}\r\nline two\r\n")
        .into_bytes()
}

#[test]
fn open_creates_the_layout() {
    let (_d, md) = setup();
    for sub in ["cur", "new", "tmp"] {
        assert!(md.path().join(sub).is_dir());
    }
    let inbox = md.inbox().unwrap();
    assert_eq!(inbox.name(), "INBOX");
    assert!(inbox.messages().is_empty());
    assert!(inbox.uid_validity() > 0);
    assert_eq!(inbox.uid_next(), 1);
    let uidlist = fs::read_to_string(md.path().join("dovecot-uidlist")).unwrap();
    assert!(
        uidlist.starts_with(&format!("3 V{} N1 G", inbox.uid_validity())),
        "{uidlist}"
    );
    assert!(md.path().join("mailwire-index").is_file());
    assert_eq!(
        md.folder("nope").unwrap_err(),
        Error::NoSuchFolder("nope".into())
    );
}

#[test]
fn deliver_writes_new_file_with_sizes_and_uid() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    let data = msg(1);
    let info = inbox.deliver(&data).unwrap();
    assert_eq!(info.uid, 1);
    assert!(info.recent);
    assert!(info.flags.is_empty());
    assert_eq!(info.crlf_size, data.len() as u64);
    assert_eq!(info.size, data.len() as u64 - 5, "CRLF stored as LF");
    let new = names(&md.path().join("new"));
    assert_eq!(new.len(), 1);
    let name = &new[0];
    assert!(
        name.ends_with(&format!(",S={},W={}", info.size, info.crlf_size)),
        "{name}"
    );
    assert!(names(&md.path().join("tmp")).is_empty());
    let stored = fs::read(md.path().join("new").join(name)).unwrap();
    assert_eq!(
        stored,
        String::from_utf8(data.clone())
            .unwrap()
            .replace("\r\n", "\n")
            .into_bytes()
    );
    assert_eq!(inbox.read_message(1).unwrap(), data);
    let uidlist = fs::read_to_string(md.path().join("dovecot-uidlist")).unwrap();
    assert!(uidlist.contains(&format!("\n1 :{name}\n")), "{uidlist}");
    assert!(uidlist.contains(" N2 "), "{uidlist}");

    let second = inbox.deliver(&msg(2)).unwrap();
    assert_eq!(second.uid, 2);
    assert!(second.modseq > info.modseq);
    assert_eq!(inbox.highest_modseq(), second.modseq);

    // Another handle sees the same.
    let again = md.inbox().unwrap();
    assert_eq!(again.messages(), inbox.messages());
    assert_eq!(again.uid_validity(), inbox.uid_validity());
}

#[test]
fn append_with_flags_keywords_and_date_goes_to_cur() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    let date = UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    let flags = Flags::from([Flag::Seen, Flag::Flagged])
        .with_keyword("$Label1")
        .unwrap()
        .with_keyword("Junk")
        .unwrap();
    let info = inbox.append(&msg(1)[..], &flags, Some(date)).unwrap();
    assert_eq!(info.flags, flags);
    assert!(!info.recent);
    let cur = names(&md.path().join("cur"));
    assert_eq!(cur.len(), 1);
    assert!(cur[0].ends_with(":2,FSab"), "{}", cur[0]);
    assert_eq!(
        fs::read_to_string(md.path().join("dovecot-keywords")).unwrap(),
        "0 $Label1\n1 Junk\n"
    );
    assert_eq!(inbox.internal_date(info.uid).unwrap(), date);
    let reopened = md.inbox().unwrap();
    assert_eq!(reopened.message(1).unwrap().flags, flags);
}

#[test]
fn flags_set_add_remove_rename_the_file_and_bump_modseq() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    for n in 1..=3 {
        inbox.deliver(&msg(n)).unwrap();
    }
    let before = inbox.highest_modseq();
    let changed = inbox
        .add_flags(&[1, 2, 99], &Flags::from(Flag::Seen))
        .unwrap();
    assert_eq!(changed.iter().map(|m| m.uid).collect::<Vec<_>>(), [1, 2]);
    assert!(changed.iter().all(|m| m.modseq == before + 1 && !m.recent));
    assert_eq!(inbox.highest_modseq(), before + 1);
    // Nothing to change: no new modseq.
    assert!(
        inbox
            .add_flags(&[1], &Flags::from(Flag::Seen))
            .unwrap()
            .is_empty()
    );
    assert_eq!(inbox.highest_modseq(), before + 1);

    let kw = Flags::from(Flag::Answered).with_keyword("NonJunk").unwrap();
    inbox.set_flags(&[1], &kw).unwrap();
    assert_eq!(inbox.message(1).unwrap().flags, kw);
    inbox
        .remove_flags(&[1], &Flags::new().with_keyword("NonJunk").unwrap())
        .unwrap();
    assert_eq!(inbox.message(1).unwrap().flags, Flags::from(Flag::Answered));
    assert_eq!(inbox.message(1).unwrap().modseq, inbox.highest_modseq());

    let cur = names(&md.path().join("cur"));
    assert_eq!(cur.len(), 2);
    assert!(cur.iter().any(|n| n.ends_with(":2,R")));
    assert!(cur.iter().any(|n| n.ends_with(":2,S")));
    assert_eq!(names(&md.path().join("new")).len(), 1);

    // The modseqs survive a reopen.
    let reopened = md.inbox().unwrap();
    assert_eq!(reopened.messages(), inbox.messages());
    assert_eq!(reopened.highest_modseq(), inbox.highest_modseq());
    assert_eq!(
        reopened
            .changed_since(before)
            .map(|m| m.uid)
            .collect::<Vec<_>>(),
        [1, 2]
    );
}

#[test]
fn unchanged_since_reports_modified() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    inbox.deliver(&msg(1)).unwrap();
    inbox.deliver(&msg(2)).unwrap();
    let m = inbox.highest_modseq();
    inbox.add_flags(&[2], &Flags::from(Flag::Flagged)).unwrap();
    let out = inbox
        .store(&[1, 2], StoreOp::Add, &Flags::from(Flag::Seen), Some(m))
        .unwrap();
    assert_eq!(out.modified, [2]);
    assert_eq!(out.changed.len(), 1);
    assert_eq!(out.changed[0].uid, 1);
}

#[test]
fn expunge_removes_deleted_and_records_vanished() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    for n in 1..=4 {
        inbox.deliver(&msg(n)).unwrap();
    }
    let m = inbox.highest_modseq();
    inbox
        .add_flags(&[2, 3, 4], &Flags::from(Flag::Deleted))
        .unwrap();
    assert_eq!(inbox.expunge_uids(&[1, 2]).unwrap(), [2]);
    assert_eq!(inbox.expunge().unwrap(), [3, 4]);
    assert_eq!(inbox.messages().len(), 1);
    assert_eq!(inbox.vanished_since(m), vec![2..=4]);
    assert_eq!(inbox.vanished_since(inbox.highest_modseq()), vec![]);
    assert_eq!(names(&md.path().join("cur")).len(), 0);
    let uidlist = fs::read_to_string(md.path().join("dovecot-uidlist")).unwrap();
    assert_eq!(uidlist.lines().count(), 2, "{uidlist}");
    // UIDs are never given again.
    assert_eq!(inbox.deliver(&msg(5)).unwrap().uid, 5);
    let reopened = md.inbox().unwrap();
    assert_eq!(reopened.vanished_since(m), vec![2..=4]);
    assert_eq!(reopened.uid_next(), 6);
}

#[test]
fn copy_and_move_between_folders() {
    let (_d, md) = setup();
    md.create_folder("Archive").unwrap();
    let mut inbox = md.inbox().unwrap();
    let mut archive = md.folder("Archive").unwrap();
    let date = UNIX_EPOCH + Duration::from_secs(1_500_000_000);
    let flags = Flags::from(Flag::Seen).with_keyword("Work").unwrap();
    inbox.append(&msg(1)[..], &flags, Some(date)).unwrap();
    inbox.deliver(&msg(2)).unwrap();
    inbox.deliver(&msg(3)).unwrap();

    let pairs = inbox.copy_to(&[1, 2, 42], &mut archive).unwrap();
    assert_eq!(pairs, [(1, 1), (2, 2)]);
    assert_eq!(archive.message(1).unwrap().flags, flags);
    assert_eq!(archive.read_message(1).unwrap(), msg(1));
    assert_eq!(archive.internal_date(1).unwrap(), date);
    assert_eq!(inbox.messages().len(), 3);
    // Hard links: the same inode.
    use std::os::unix::fs::MetadataExt;
    let src = inbox.open_message(1).unwrap().metadata().unwrap().ino();
    let dst = archive.open_message(1).unwrap().metadata().unwrap().ino();
    assert_eq!(src, dst);

    let pairs = inbox.move_to(&[3], &mut archive).unwrap();
    assert_eq!(pairs, [(3, 3)]);
    assert_eq!(
        inbox.messages().iter().map(|m| m.uid).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(archive.read_message(3).unwrap(), msg(3));
    assert_eq!(inbox.vanished_since(0), vec![3..=3]);

    // Copy within one folder through a second handle.
    let mut inbox2 = md.inbox().unwrap();
    assert_eq!(inbox.copy_to(&[2], &mut inbox2).unwrap(), [(2, 4)]);
    inbox.sync().unwrap();
    assert_eq!(inbox.read_message(4).unwrap(), msg(2));
}

#[test]
fn status_and_quota() {
    let (_d, md) = setup();
    md.create_folder("Sent").unwrap();
    let mut inbox = md.inbox().unwrap();
    let a = inbox.deliver(&msg(1)).unwrap();
    let b = inbox
        .append(&msg(2)[..], &Flags::from(Flag::Seen), None)
        .unwrap();
    let mut sent = md.folder("Sent").unwrap();
    let c = sent.deliver(&msg(3)).unwrap();
    let status = md.status("INBOX").unwrap();
    assert_eq!(status.messages, 2);
    assert_eq!(status.unseen, 1);
    assert_eq!(status.recent, 1);
    assert_eq!(status.uid_next, 3);
    assert_eq!(status.uid_validity, inbox.uid_validity());
    assert_eq!(status.size, a.crlf_size + b.crlf_size);
    assert_eq!(status.highest_modseq, inbox.highest_modseq());
    let quota = md.quota().unwrap();
    assert_eq!(quota.messages, 3);
    assert_eq!(quota.bytes, a.size + b.size + c.size);
}

#[test]
fn folders_create_list_rename_delete() {
    let (_d, md) = setup();
    md.create_folder("Archive").unwrap();
    md.create_folder("Archive.2024").unwrap();
    md.create_folder("Entwürfe").unwrap();
    assert_eq!(
        md.create_folder("Archive"),
        Err(Error::FolderExists("Archive".into()))
    );
    assert_eq!(md.create_folder("inbox"), Err(Error::Inbox));
    assert!(md.path().join(".Entw&APw-rfe").join("cur").is_dir());
    assert!(md.path().join(".Archive").join("maildirfolder").is_file());
    assert_eq!(
        md.list_folders().unwrap(),
        ["INBOX", "Archive", "Archive.2024", "Entwürfe"]
    );
    let mut f = md.folder("Archive.2024").unwrap();
    f.deliver(&msg(1)).unwrap();

    md.rename_folder("Archive", "Old").unwrap();
    assert_eq!(
        md.list_folders().unwrap(),
        ["INBOX", "Entwürfe", "Old", "Old.2024"]
    );
    let mut moved = md.folder("Old.2024").unwrap();
    assert_eq!(moved.read_message(1).unwrap(), msg(1));
    assert_eq!(md.rename_folder("INBOX", "X"), Err(Error::Inbox));
    assert_eq!(
        md.rename_folder("Nope", "X"),
        Err(Error::NoSuchFolder("Nope".into()))
    );
    assert_eq!(
        md.rename_folder("Old", "Entwürfe"),
        Err(Error::FolderExists("Entwürfe".into()))
    );

    md.delete_folder("Old").unwrap();
    assert_eq!(
        md.list_folders().unwrap(),
        ["INBOX", "Entwürfe", "Old.2024"]
    );
    assert!(!md.path().join(".DOVECOT-TRASHED").exists());
    assert_eq!(md.delete_folder("INBOX"), Err(Error::Inbox));
    assert_eq!(
        md.delete_folder("Old"),
        Err(Error::NoSuchFolder("Old".into()))
    );
}

#[test]
fn subscriptions() {
    let (_d, md) = setup();
    assert!(md.subscriptions().unwrap().is_empty());
    md.subscribe("inbox").unwrap();
    md.subscribe("Sent").unwrap();
    md.subscribe("Sent").unwrap();
    md.subscribe("Café.Bar").unwrap();
    assert_eq!(md.subscriptions().unwrap(), ["INBOX", "Sent", "Café.Bar"]);
    md.unsubscribe("Sent").unwrap();
    assert_eq!(md.subscriptions().unwrap(), ["INBOX", "Café.Bar"]);
    assert_eq!(
        fs::read_to_string(md.path().join("subscriptions")).unwrap(),
        "V\t2\n\nINBOX\nCaf&AOk-\tBar\n"
    );
    assert!(!md.path().join("subscriptions.lock").exists());
    // A version 1 file (older Dovecot, Courier) is kept in its format.
    fs::write(md.path().join("subscriptions"), "INBOX\nA.B\n").unwrap();
    assert_eq!(md.subscriptions().unwrap(), ["INBOX", "A.B"]);
    md.subscribe("C.D").unwrap();
    assert_eq!(
        fs::read_to_string(md.path().join("subscriptions")).unwrap(),
        "INBOX\nA.B\nC.D\n"
    );
}

#[test]
fn files_from_other_programs_get_uids_in_order() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    inbox.deliver(&msg(1)).unwrap();
    // An MTA drops files into new/ without sizes in the name, a MUA moves one to cur/.
    fs::write(md.path().join("new/1700000002.x.host"), "Subject: b\n\nb\n").unwrap();
    fs::write(md.path().join("new/1700000001.x.host"), "Subject: a\n\na\n").unwrap();
    fs::write(
        md.path().join("cur/1700000003.x.host:2,S"),
        "Subject: c\r\n\r\nc\r\n",
    )
    .unwrap();
    fs::write(md.path().join("new/.hidden"), "x").unwrap();
    inbox.sync().unwrap();
    let uids: Vec<u32> = inbox.messages().iter().map(|m| m.uid).collect();
    assert_eq!(uids, [1, 2, 3, 4]);
    assert_eq!(inbox.read_message(2).unwrap(), b"Subject: a\r\n\r\na\r\n");
    assert_eq!(inbox.read_message(3).unwrap(), b"Subject: b\r\n\r\nb\r\n");
    let m4 = inbox.message(4).unwrap().clone();
    assert!(m4.flags.contains(Flag::Seen));
    assert_eq!(m4.size, 17);
    assert_eq!(m4.crlf_size, 17);
    let m2 = inbox.message(2).unwrap();
    assert_eq!((m2.size, m2.crlf_size), (14, 17));
    // Sizes measured once are kept in the uidlist, as Dovecot does.
    let uidlist = fs::read_to_string(md.path().join("dovecot-uidlist")).unwrap();
    assert!(
        uidlist.contains("\n2 S14 W17 :1700000001.x.host\n"),
        "{uidlist}"
    );
}

#[test]
fn changes_by_other_programs_are_seen_at_sync() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    inbox.deliver(&msg(1)).unwrap();
    inbox.deliver(&msg(2)).unwrap();
    let m = inbox.highest_modseq();
    // A MUA marks message 1 seen (moving it to cur/) and deletes message 2's file.
    let new = md.path().join("new");
    let mut files = names(&new);
    files.sort();
    let base1 = files
        .iter()
        .find(|n| n.contains(&format!("S={}", msg(1).len() - 5)))
        .unwrap()
        .clone();
    fs::rename(
        new.join(&base1),
        md.path().join("cur").join(format!("{base1}:2,S")),
    )
    .unwrap();
    for f in names(&new) {
        fs::remove_file(new.join(f)).unwrap();
    }
    inbox.sync().unwrap();
    assert_eq!(inbox.messages().len(), 1);
    let m1 = inbox.message(1).unwrap();
    assert!(m1.flags.contains(Flag::Seen));
    assert!(m1.modseq > m);
    assert_eq!(inbox.vanished_since(m), vec![2..=2]);
    // Operations on a stale view find the renamed file.
    let mut stale = md.inbox().unwrap();
    let cur = md.path().join("cur");
    let name = names(&cur).pop().unwrap();
    fs::rename(cur.join(&name), cur.join(name.replace(":2,S", ":2,FS"))).unwrap();
    assert_eq!(stale.read_message(1).unwrap(), msg(1));
    let changed = stale.add_flags(&[1], &Flags::from(Flag::Answered)).unwrap();
    assert_eq!(
        changed[0].flags,
        Flags::from([Flag::Flagged, Flag::Answered, Flag::Seen])
    );
}

#[test]
fn corrupt_uidlist_is_rebuilt_from_the_index_keeping_uidvalidity() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    for n in 1..=3 {
        inbox.deliver(&msg(n)).unwrap();
    }
    inbox.add_flags(&[2], &Flags::from(Flag::Deleted)).unwrap();
    inbox.expunge().unwrap();
    let validity = inbox.uid_validity();
    let path = md.path().join("dovecot-uidlist");
    fs::write(&path, "3 V1 N2\n5 :garbage\n2 :x\n").unwrap();
    let mut again = md.inbox().unwrap();
    assert_eq!(again.uid_validity(), validity);
    assert_eq!(
        again.messages().iter().map(|m| m.uid).collect::<Vec<_>>(),
        [1, 3]
    );
    assert_eq!(again.read_message(3).unwrap(), msg(3));
    assert_eq!(again.uid_next(), 4);
    // A deleted uidlist too.
    fs::remove_file(&path).unwrap();
    let again = md.inbox().unwrap();
    assert_eq!(again.uid_validity(), validity);
    assert_eq!(again.messages().len(), 2);
}

#[test]
fn corrupt_index_and_uidlist_lose_no_message() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    for n in 1..=3 {
        inbox.deliver(&msg(n)).unwrap();
    }
    let validity = inbox.uid_validity();
    let modseq = inbox.highest_modseq();
    // Index corrupt only: UIDs kept, modseqs start above the old ones.
    fs::write(md.path().join("mailwire-index"), "garbage\n").unwrap();
    let again = md.inbox().unwrap();
    assert_eq!(again.uid_validity(), validity);
    assert_eq!(again.messages().len(), 3);
    assert!(again.messages().iter().all(|m| m.modseq > modseq));
    // Both gone: a new UIDVALIDITY, every message still there.
    fs::write(md.path().join("mailwire-index"), "garbage\n").unwrap();
    fs::write(md.path().join("dovecot-uidlist"), "garbage\n").unwrap();
    let mut again = md.inbox().unwrap();
    assert_ne!(again.uid_validity(), validity);
    assert_eq!(again.messages().len(), 3);
    let mut bodies: Vec<Vec<u8>> = (1..=3)
        .map(|uid| again.read_message(uid).unwrap())
        .collect();
    bodies.sort();
    assert_eq!(bodies, [msg(1), msg(2), msg(3)]);
}

#[test]
fn stale_lock_of_dead_process_is_broken_and_tmp_files_are_invisible() {
    let (_d, md) = setup();
    let host = fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    fs::write(
        md.path().join("dovecot-uidlist.lock"),
        format!("4294967:{}", host.trim()),
    )
    .unwrap();
    fs::write(md.path().join("tmp/123.half.host"), "Subject: half").unwrap();
    let mut inbox = md.inbox().unwrap();
    assert!(inbox.messages().is_empty());
    inbox.deliver(&msg(1)).unwrap();
    assert!(!md.path().join("dovecot-uidlist.lock").exists());
}

#[test]
fn read_errors_are_typed() {
    let (_d, md) = setup();
    let mut inbox = md.inbox().unwrap();
    assert_eq!(inbox.read_message(7).unwrap_err(), Error::NoSuchMessage(7));
    inbox.deliver(&msg(1)).unwrap();
    let new = md.path().join("new");
    for f in names(&new) {
        fs::remove_file(new.join(f)).unwrap();
    }
    assert_eq!(inbox.read_message(1).unwrap_err(), Error::NoSuchMessage(1));
    assert_eq!(
        inbox
            .append(&b"x"[..], &Flags::new().with_keyword("a").unwrap(), None)
            .unwrap()
            .uid,
        2
    );
    let too_many = (0..30).fold(Flags::new(), |f, i| {
        f.with_keyword(&format!("k{i}")).unwrap()
    });
    assert!(matches!(
        inbox.append(&b"x"[..], &too_many, None),
        Err(Error::TooManyKeywords(_))
    ));
    assert!(names(&md.path().join("tmp")).is_empty());
    let _ = SystemTime::now();
}
