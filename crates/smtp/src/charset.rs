//! Byte classes of the RFC 5321 grammar as lookup tables built at compile time: one load per
//! byte on the command parsing hot path instead of a chain of range tests.
//!
//! The tables classify bytes of a `str`. Bytes from 0x80 up only occur inside non-ASCII
//! characters, so a class that admits every non-ASCII character (RFC 6531) admits them all.

/// A table of the bytes that match the pattern.
macro_rules! class {
    ($($pattern:tt)+) => {{
        let mut table = [false; 256];
        let mut i = 0;
        while i < 256 {
            let b = i as u8;
            table[i] = matches!(b, $($pattern)+);
            i += 1;
        }
        table
    }};
}

/// atext (RFC 5322 §3.2.3), and any non-ASCII character (RFC 6531).
pub(crate) static ATEXT: [bool; 256] = class!(
    b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'!' | b'#'..=b'\'' | b'*' | b'+' | b'-' | b'/'
        | b'=' | b'?' | b'^'..=b'`' | b'{'..=b'~' | 0x80..
);

/// esmtp-value (RFC 5321 §4.1.2): `!` to `~` but `=`, and any non-ASCII character.
pub(crate) static ESMTP_VALUE: [bool; 256] = class!(b'!'..=b'<' | b'>'..=b'~' | 0x80..);

/// xchar (RFC 3461 §4) that stands for itself in xtext: `!` to `~` but `+` and `=`.
pub(crate) static XTEXT_PLAIN: [bool; 256] = class!(b'!'..=b'*' | b','..=b'<' | b'>'..=b'~');

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_match_the_grammar() {
        for b in 0..=255u8 {
            let c = char::from(b);
            assert_eq!(
                ESMTP_VALUE[usize::from(b)],
                (b'!'..=b'~').contains(&b) && b != b'=' || b >= 0x80,
                "{b}"
            );
            assert_eq!(
                XTEXT_PLAIN[usize::from(b)],
                (33..=126).contains(&b) && b != b'+' && b != b'=',
                "{b}"
            );
            let special = "!#$%&'*+-/=?^_`{|}~".contains(c);
            assert_eq!(
                ATEXT[usize::from(b)],
                c.is_ascii_alphanumeric() || special || b >= 0x80,
                "{b}"
            );
        }
    }
}
