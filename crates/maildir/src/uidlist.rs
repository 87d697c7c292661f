//! `dovecot-uidlist`: the UID of every message, in Dovecot's version 3 format.
//!
//! ```text
//! 3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1
//! 25020 :1275660000.M1P2Q3.mx,S=120,W=124
//! 25021 W2048 S2000 :1275660001.M4P5Q6.mx
//! ```
//!
//! The header holds UIDVALIDITY (`V`), the next UID (`N`) and the mailbox GUID (`G`); each
//! record holds a UID, optional extension fields (`S` physical size, `W` CRLF size, others kept
//! as they are) and, after `:`, the base name of the file. Dovecot appends records without
//! touching the header, so the next UID is the larger of `N` and the last UID plus one. A
//! partial last line (a writer that died mid-append) is ignored, as Dovecot does.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::fsutil::{Modes, replace_file};
use crate::lock::DotLock;

/// The file name inside a folder directory.
pub(crate) const FILE_NAME: &str = "dovecot-uidlist";

/// Dovecot's record of the last UIDVALIDITY given out, in the Maildir root (hex).
const VALIDITY_FILE: &str = "dovecot-uidvalidity";

/// A UIDVALIDITY for a new or rebuilt uidlist: the current time, but above every value given
/// out before in this Maildir (Dovecot's `dovecot-uidvalidity`, which both programs update)
/// and above `at_least`.
pub(crate) fn allocate_validity(root: &Path, at_least: u32, modes: &Modes) -> u32 {
    let path = root.join(VALIDITY_FILE);
    let lock = DotLock::acquire(&path, modes);
    let last = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| u32::from_str_radix(t.trim(), 16).ok())
        .unwrap_or(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let now = u32::try_from(now).unwrap_or(u32::MAX - 1);
    let next = now
        .max(last.saturating_add(1))
        .max(at_least)
        .clamp(1, u32::MAX - 1);
    if lock.is_ok() {
        // Best effort: without the file, the clock still gives a new value.
        let _ = replace_file(&path, format!("{next:08x}").as_bytes(), modes);
    }
    next
}

/// The UIDVALIDITY in the header of a file too broken to parse, if it can be read.
pub(crate) fn salvage_validity(bytes: &[u8]) -> Option<u32> {
    let line = bytes.split(|&b| b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?;
    let mut words = line.split(' ');
    match words.next()? {
        "1" => words.next()?.parse().ok(),
        "3" => words.find_map(|w| w.strip_prefix('V')?.parse().ok()),
        _ => None,
    }
}

/// One message's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub uid: u32,
    /// Extension fields as written, space-separated (`W2048 S2000`), possibly empty.
    pub ext: String,
    pub base: Arc<str>,
}

impl Record {
    /// A numeric extension field, e.g. `S` or `W`.
    pub(crate) fn ext_number(&self, key: char) -> Option<u64> {
        self.ext
            .split(' ')
            .find_map(|f| f.strip_prefix(key).and_then(|v| v.parse().ok()))
    }
}

/// The parsed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UidList {
    pub uid_validity: u32,
    pub next_uid: u32,
    /// 32 hex digits.
    pub guid: String,
    /// Header fields other than `V`, `N` and `G`, kept for the next writer.
    pub header_ext: String,
    /// Records in increasing UID order.
    pub records: Vec<Record>,
}

impl UidList {
    /// An empty list for a new folder.
    pub(crate) fn new(uid_validity: u32) -> Self {
        Self {
            uid_validity: uid_validity.max(1),
            next_uid: 1,
            guid: crate::fsutil::random_hex(16),
            header_ext: String::new(),
            records: Vec::new(),
        }
    }

    /// A placeholder for a list not read yet (UIDVALIDITY 0 is never valid).
    pub(crate) fn unknown() -> Self {
        Self {
            uid_validity: 0,
            next_uid: 1,
            guid: String::new(),
            header_ext: String::new(),
            records: Vec::new(),
        }
    }

    /// Parses the file; the error says why it is corrupt. Version 1 files (Courier's format,
    /// and Dovecot before 1.1) are read too.
    pub(crate) fn parse(bytes: &[u8]) -> Result<Self, String> {
        // A last line without its newline is a writer that died mid-append: ignore it.
        let complete = match bytes.iter().rposition(|&b| b == b'\n') {
            Some(end) => &bytes[..=end],
            None => return Err("no complete header line".into()),
        };
        let text = std::str::from_utf8(complete).map_err(|_| "not UTF-8".to_owned())?;
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default();
        let (version, rest) = header
            .split_once(' ')
            .ok_or_else(|| "header without version".to_owned())?;
        let mut list = Self {
            uid_validity: 0,
            next_uid: 0,
            guid: String::new(),
            header_ext: String::new(),
            records: Vec::new(),
        };
        match version {
            "1" => {
                let mut nums = rest.split(' ').map(str::parse::<u32>);
                list.uid_validity = nums.next().and_then(Result::ok).unwrap_or(0);
                list.next_uid = nums.next().and_then(Result::ok).unwrap_or(0);
            }
            "3" => {
                let mut ext = Vec::new();
                for field in rest.split(' ').filter(|f| !f.is_empty()) {
                    let (key, value) =
                        field.split_at(field.chars().next().map_or(0, char::len_utf8));
                    match key {
                        "V" => list.uid_validity = value.parse().map_err(|_| "bad V")?,
                        "N" => list.next_uid = value.parse().map_err(|_| "bad N")?,
                        "G" => {
                            if value.len() != 32 || !value.bytes().all(|b| b.is_ascii_hexdigit()) {
                                return Err("bad mailbox GUID".into());
                            }
                            list.guid = value.to_owned();
                        }
                        _ => ext.push(field),
                    }
                }
                list.header_ext = ext.join(" ");
            }
            other => return Err(format!("unsupported version {other}")),
        }
        if list.uid_validity == 0 || list.next_uid == 0 {
            return Err("UIDVALIDITY or next UID missing".into());
        }
        if list.guid.is_empty() {
            list.guid = crate::fsutil::random_hex(16);
        }
        let mut prev = 0u32;
        for line in lines {
            let record = parse_record(line, version == "3")?;
            if record.uid <= prev {
                return Err(format!("UIDs not ordered ({} after {prev})", record.uid));
            }
            prev = record.uid;
            list.records.push(record);
        }
        if list.next_uid <= prev {
            list.next_uid = prev + 1;
        }
        Ok(list)
    }

    /// The file as Dovecot writes it.
    pub(crate) fn serialize(&self) -> Vec<u8> {
        let mut out = String::with_capacity(64 + self.records.len() * 64);
        let _ = write!(
            out,
            "3 V{} N{} G{}",
            self.uid_validity, self.next_uid, self.guid
        );
        if !self.header_ext.is_empty() {
            out.push(' ');
            out.push_str(&self.header_ext);
        }
        out.push('\n');
        for r in &self.records {
            let _ = write!(out, "{}", r.uid);
            if !r.ext.is_empty() {
                out.push(' ');
                out.push_str(&r.ext);
            }
            out.push_str(" :");
            out.push_str(&r.base);
            out.push('\n');
        }
        out.into_bytes()
    }
}

fn parse_record(line: &str, v3: bool) -> Result<Record, String> {
    let (uid, rest) = line
        .split_once(' ')
        .ok_or_else(|| format!("invalid record {line:?}"))?;
    let uid: u32 = uid
        .parse()
        .map_err(|_| format!("invalid UID in {line:?}"))?;
    if uid == 0 || uid == u32::MAX {
        return Err(format!("UID out of range in {line:?}"));
    }
    let rest = rest.trim_start_matches(' ');
    let (ext, name) = if v3 {
        let colon = rest
            .find(':')
            .ok_or_else(|| format!("record without file name {line:?}"))?;
        let ext = rest[..colon].trim_end();
        if ext
            .split(' ')
            .any(|f| !f.is_empty() && !f.starts_with(|c: char| c.is_ascii_alphabetic()))
        {
            return Err(format!("invalid extension field in {line:?}"));
        }
        (ext.to_owned(), &rest[colon + 1..])
    } else {
        (String::new(), rest)
    };
    // Version 1 files may hold whole names; the base name ends at the info separator.
    let base = name.split(':').next().unwrap_or_default();
    if base.is_empty() || base.contains('/') {
        return Err(format!("invalid file name in {line:?}"));
    }
    Ok(Record {
        uid,
        ext,
        base: Arc::from(base),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1\n\
                          25020 :1275660000.M1P2Q3.mx,S=120,W=124\n\
                          25021 W2048 S2000 :1275660001.M4P5Q6.mx\n";

    #[test]
    fn parses_dovecot_v3() {
        let list = UidList::parse(SAMPLE.as_bytes()).unwrap();
        assert_eq!(list.uid_validity, 1275660208);
        assert_eq!(list.next_uid, 25022);
        assert_eq!(list.guid, "3085f01b7f11094c501100008c4a11c1");
        assert_eq!(list.records.len(), 2);
        assert_eq!(&*list.records[0].base, "1275660000.M1P2Q3.mx,S=120,W=124");
        assert_eq!(list.records[1].ext, "W2048 S2000");
        assert_eq!(list.records[1].ext_number('W'), Some(2048));
        assert_eq!(list.records[1].ext_number('S'), Some(2000));
        assert_eq!(list.records[1].uid, 25021);
        assert_eq!(&*list.records[1].base, "1275660001.M4P5Q6.mx");
        assert_eq!(String::from_utf8(list.serialize()).unwrap(), SAMPLE);
    }

    #[test]
    fn appended_records_raise_next_uid_and_partial_line_is_ignored() {
        let text = format!("{SAMPLE}25030 :a.b.c\n25031 :d.e");
        let list = UidList::parse(text.as_bytes()).unwrap();
        assert_eq!(list.records.len(), 3);
        assert_eq!(list.next_uid, 25031);
    }

    #[test]
    fn keeps_unknown_header_fields() {
        let list =
            UidList::parse(b"3 V5 N7 G0123456789abcdef0123456789abcdef Xfoo\n1 :a:2,S\n").unwrap();
        assert_eq!(list.header_ext, "Xfoo");
        assert_eq!(&*list.records[0].base, "a");
        let again = UidList::parse(&list.serialize()).unwrap();
        assert_eq!(again, list);
    }

    #[test]
    fn reads_version_1() {
        let list = UidList::parse(b"1 100 5\n3 1.2.host:2,S\n4 5.6.host\n").unwrap();
        assert_eq!((list.uid_validity, list.next_uid), (100, 5));
        assert_eq!(&*list.records[0].base, "1.2.host");
        assert_eq!(list.guid.len(), 32);
    }

    #[test]
    fn rejects_corruption() {
        for bad in [
            &b""[..],
            b"3 V1 N2",
            b"9 V1 N2\n",
            b"3 N2\n",
            b"3 V1 N2 Gxyz\n",
            b"3 V1 N5\n2 :a\n2 :b\n",
            b"3 V1 N5\n3 :a\n2 :b\n",
            b"3 V1 N5\nx :a\n",
            b"3 V1 N5\n1 a\n",
            b"3 V1 N5\n1 :\n",
            b"3 V1 N5\n1 :a/b\n",
            b"3 V1 N5\n1 %x :a\n",
            b"3 V1 N5\n4294967295 :a\n",
            b"3 V1 N5\n\xff :a\n",
        ] {
            assert!(
                UidList::parse(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn salvages_validity_from_broken_headers() {
        assert_eq!(salvage_validity(b"3 V77 N\ngarbage"), Some(77));
        assert_eq!(salvage_validity(b"1 88 x\n"), Some(88));
        assert_eq!(salvage_validity(b"garbage"), None);
    }

    #[test]
    fn validity_allocation_increases() {
        let dir = tempfile::tempdir().unwrap();
        let modes = Modes {
            dir: 0o700,
            file: 0o600,
        };
        let a = allocate_validity(dir.path(), 0, &modes);
        let b = allocate_validity(dir.path(), 0, &modes);
        assert!(b > a);
        assert!(allocate_validity(dir.path(), u32::MAX - 5, &modes) >= u32::MAX - 5);
        let text = std::fs::read_to_string(dir.path().join(VALIDITY_FILE)).unwrap();
        assert_eq!(u32::from_str_radix(&text, 16).unwrap(), u32::MAX - 5);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = UidList::parse(&bytes);
        }

        #[test]
        fn round_trips(uv in 1u32.., uids in proptest::collection::btree_set(1u32..1_000_000, 0..20)) {
            let mut list = UidList::new(uv);
            for uid in uids {
                list.records.push(Record { uid, ext: String::new(), base: Arc::from(format!("{uid}.M1P1.h")) });
                list.next_uid = uid + 1;
            }
            proptest::prop_assert_eq!(UidList::parse(&list.serialize()).unwrap(), list);
        }
    }
}
