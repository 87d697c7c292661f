//! Keeps credentials out of error values and logs.

use std::borrow::Cow;

/// `line` with the arguments of LOGIN and AUTHENTICATE replaced by `<redacted>`.
pub fn redact(line: &[u8]) -> Cow<'_, [u8]> {
    let mut words = line.splitn(3, |&b| b == b' ');
    let (Some(tag), Some(cmd)) = (words.next(), words.next()) else {
        return Cow::Borrowed(line);
    };
    let name = cmd
        .strip_suffix(b"\r\n")
        .or_else(|| cmd.strip_suffix(b"\n"))
        .unwrap_or(cmd);
    if name.eq_ignore_ascii_case(b"LOGIN") || name.eq_ignore_ascii_case(b"AUTHENTICATE") {
        let mut out = Vec::with_capacity(tag.len() + name.len() + 12);
        out.extend_from_slice(tag);
        out.push(b' ');
        out.extend_from_slice(name);
        out.extend_from_slice(b" <redacted>");
        Cow::Owned(out)
    } else {
        Cow::Borrowed(line)
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn hides_login_and_authenticate_arguments() {
        assert_eq!(
            &*redact(b"a1 LOGIN alice secret\r\n"),
            b"a1 LOGIN <redacted>"
        );
        assert_eq!(
            &*redact(b"a1 authenticate PLAIN AGFsaWNlAHNlY3JldA==\r\n"),
            b"a1 authenticate <redacted>"
        );
        assert_eq!(&*redact(b"a1 SELECT INBOX\r\n"), b"a1 SELECT INBOX\r\n");
    }
}
