//! Maildir file names: `time.unique.host,S=size,W=vsize:2,FLAGS`.
//!
//! The part before `:` is the *base name*; it never changes for the life of a message and is
//! what `dovecot-uidlist` records. The part after `:2,` holds one letter per flag in ASCII order:
//! uppercase letters are system flags, `a`–`z` are keywords mapped by `dovecot-keywords`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Splits a file name into its base name and the flag letters after `:2,` (empty if none).
pub(crate) fn split(name: &str) -> (&str, &str) {
    match name.split_once(':') {
        Some((base, info)) => (base, info.strip_prefix("2,").unwrap_or("")),
        None => (name, ""),
    }
}

/// Reads a `,KEY=value` field of a base name, e.g. `S` (physical size) or `W` (CRLF size).
pub(crate) fn field(base: &str, key: char) -> Option<u64> {
    base.split(',').skip(1).find_map(|part| {
        let rest = part.strip_prefix(key)?.strip_prefix('=')?;
        rest.parse().ok()
    })
}

/// The file name of a message with the given base name and flag letters.
pub(crate) fn join(base: &str, letters: &str) -> String {
    let mut name = String::with_capacity(base.len() + 3 + letters.len());
    name.push_str(base);
    name.push_str(":2,");
    name.push_str(letters);
    name
}

/// Sorts and deduplicates flag letters, as the Maildir specification asks.
pub(crate) fn normalize_letters(letters: impl IntoIterator<Item = char>) -> String {
    let mut v: Vec<char> = letters.into_iter().collect();
    v.sort_unstable();
    v.dedup();
    v.into_iter().collect()
}

/// Whether a directory entry looks like a message file (not a dot file, not a temporary).
pub(crate) fn is_message_name(name: &str) -> bool {
    !name.starts_with('.') && !name.is_empty() && !name.contains('\n') && !name.contains('/')
}

/// The host name as Maildir wants it in file names: `/` and `:` escaped as octal, as are
/// control characters and `,` (which would look like a field separator).
pub(crate) fn sanitize_host(host: &str) -> String {
    let mut out = String::with_capacity(host.len());
    for c in host.trim().chars() {
        match c {
            '/' | ':' | ',' | '\\' => out.push_str(&format!("\\{:03o}", c as u32)),
            c if c.is_control() || c == ' ' => out.push_str(&format!("\\{:03o}", c as u32 & 0xff)),
            c => out.push(c),
        }
    }
    if out.is_empty() {
        out.push_str("localhost");
    }
    out
}

/// This machine's host name, sanitized, read once.
pub(crate) fn hostname() -> &'static str {
    static HOST: OnceLock<String> = OnceLock::new();
    HOST.get_or_init(|| {
        let raw = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .or_else(|_| std::fs::read_to_string("/etc/hostname"))
            .unwrap_or_default();
        sanitize_host(&raw)
    })
}

/// A base name no other delivery can produce: seconds, then microseconds, process id and a
/// per-process counter (Dovecot's `M`/`P`/`Q` fields), then the host.
pub(crate) fn unique_base(now: SystemTime) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "{}.M{}P{}Q{}.{}",
        since.as_secs(),
        since.subsec_micros(),
        std::process::id(),
        n,
        hostname()
    )
}

/// Adds the sizes to a base name made by [`unique_base`].
pub(crate) fn with_sizes(base: &str, size: u64, crlf_size: u64) -> String {
    format!("{base},S={size},W={crlf_size}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_names() {
        assert_eq!(split("1.M2P3.host,S=10:2,FS"), ("1.M2P3.host,S=10", "FS"));
        assert_eq!(split("1.M2P3.host:2,"), ("1.M2P3.host", ""));
        assert_eq!(split("1.M2P3.host"), ("1.M2P3.host", ""));
        assert_eq!(split("1.x.host:1,experimental"), ("1.x.host", ""));
    }

    #[test]
    fn size_fields() {
        let base = "1700000000.M1P2Q3.mx,S=4096,W=4180";
        assert_eq!(field(base, 'S'), Some(4096));
        assert_eq!(field(base, 'W'), Some(4180));
        assert_eq!(field("1.2.host", 'S'), None);
        assert_eq!(field("1.2.host,S=x", 'S'), None);
        assert_eq!(field("1.2.a,b,S=7", 'S'), Some(7));
    }

    #[test]
    fn join_and_normalize() {
        assert_eq!(normalize_letters("SaFbS".chars()), "FSab");
        assert_eq!(join("b", "FS"), "b:2,FS");
        assert_eq!(join("b", ""), "b:2,");
    }

    #[test]
    fn host_sanitizing() {
        assert_eq!(
            sanitize_host("mx.example:25/a\n"),
            "mx.example\\07225\\057a"
        );
        assert_eq!(sanitize_host("a,b"), "a\\054b");
        assert_eq!(sanitize_host(""), "localhost");
        assert!(!hostname().is_empty());
        assert!(!hostname().contains(['/', ':', ',']));
    }

    #[test]
    fn unique_bases_differ_and_parse_back() {
        let now = SystemTime::now();
        let a = unique_base(now);
        let b = unique_base(now);
        assert_ne!(a, b);
        let full = with_sizes(&a, 10, 12);
        assert_eq!(field(&full, 'S'), Some(10));
        assert_eq!(field(&full, 'W'), Some(12));
        assert!(is_message_name(&full));
        assert!(!full.contains(':'));
        let secs = now.duration_since(UNIX_EPOCH).unwrap().as_secs();
        assert!(a.starts_with(&format!("{secs}.M")));
    }

    #[test]
    fn message_names() {
        assert!(!is_message_name(".nfs123"));
        assert!(!is_message_name(""));
        assert!(is_message_name("1.2.h:2,S"));
    }
}
