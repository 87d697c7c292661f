//! The part of SASLprep (RFC 4013) this crate implements, for SCRAM usernames and passwords.
//!
//! Implemented:
//! - mapping (RFC 4013 §2.1): non-ASCII space characters (RFC 3454 table C.1.2) become
//!   U+0020 SPACE; characters "commonly mapped to nothing" (table B.1: soft hyphen, zero-width
//!   joiners, variation selectors, byte order mark, ...) are removed;
//! - prohibited output (RFC 4013 §2.3): ASCII and non-ASCII control characters (C.2.1, C.2.2),
//!   private use (C.3), non-character code points (C.4), characters inappropriate for plain
//!   text (C.6) or canonical representation (C.7), change-display-property and deprecated
//!   characters (C.8) and tagging characters (C.9) are refused. Surrogates (C.5) cannot occur
//!   in a Rust `str`.
//!
//! Not implemented: Unicode normalization form KC (§2.2), the bidirectional check (§2.4) and
//! the unassigned code point check (§2.5). Strings made of ASCII, and non-ASCII strings
//! already in NFKC (what keyboards produce for most scripts), prepare exactly as in a full
//! implementation; a string whose NFKC form differs is passed through unnormalized.

use std::borrow::Cow;

use crate::SaslError;

/// Prepares `input` (a SCRAM username or password) for `field`'s error messages.
pub(crate) fn saslprep<'a>(input: &'a str, field: &'static str) -> Result<Cow<'a, str>, SaslError> {
    if input.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Ok(Cow::Borrowed(input));
    }
    let mut out = String::with_capacity(input.len());
    for ch in input.chars() {
        if is_non_ascii_space(ch) {
            out.push(' ');
        } else if is_mapped_to_nothing(ch) {
            continue;
        } else if is_prohibited(ch) {
            return Err(SaslError::Prohibited { field, ch });
        } else {
            out.push(ch);
        }
    }
    Ok(Cow::Owned(out))
}

/// RFC 3454 table C.1.2.
fn is_non_ascii_space(ch: char) -> bool {
    matches!(
        ch,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// RFC 3454 table B.1.
fn is_mapped_to_nothing(ch: char) -> bool {
    matches!(
        ch,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{1806}'
            | '\u{180B}'..='\u{180D}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    )
}

/// RFC 3454 tables C.2.1, C.2.2, C.3, C.4, C.6, C.7, C.8 and C.9.
fn is_prohibited(ch: char) -> bool {
    let c = u32::from(ch);
    // C.4: the last two code points of every plane are non-characters.
    if c & 0xFFFE == 0xFFFE {
        return true;
    }
    matches!(
        c,
        // C.2.1
        0x0000..=0x001F | 0x007F
        // C.2.2
        | 0x0080..=0x009F | 0x06DD | 0x070F | 0x180E | 0x200C | 0x200D | 0x2028 | 0x2029
        | 0x2060..=0x2063 | 0x206A..=0x206F | 0xFEFF | 0xFFF9..=0xFFFC | 0x1D173..=0x1D17A
        // C.3
        | 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD
        // C.4 (the rest)
        | 0xFDD0..=0xFDEF
        // C.6
        | 0xFFFD
        // C.7
        | 0x2FF0..=0x2FFB
        // C.8
        | 0x0340 | 0x0341 | 0x200E | 0x200F | 0x202A..=0x202E
        // C.9
        | 0xE0001 | 0xE0020..=0xE007F
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_unchanged_and_borrowed() {
        assert!(matches!(
            saslprep("user name", "u"),
            Ok(Cow::Borrowed("user name"))
        ));
    }

    #[test]
    fn rfc_4013_examples() {
        // The examples of RFC 4013 §3 that do not need NFKC.
        assert_eq!(saslprep("I\u{00AD}X", "u").unwrap(), "IX");
        assert_eq!(saslprep("user", "u").unwrap(), "user");
        assert_eq!(saslprep("USER", "u").unwrap(), "USER");
        assert_eq!(
            saslprep("\u{0007}", "u"),
            Err(SaslError::Prohibited {
                field: "u",
                ch: '\u{0007}'
            })
        );
    }

    #[test]
    fn spaces_are_mapped_and_controls_refused() {
        assert_eq!(saslprep("a\u{00A0}b\u{3000}c", "p").unwrap(), "a b c");
        assert_eq!(saslprep("caf\u{e9}\u{FEFF}", "p").unwrap(), "caf\u{e9}");
        for bad in [
            '\u{0}',
            '\u{85}',
            '\u{E000}',
            '\u{FFFF}',
            '\u{1FFFE}',
            '\u{202E}',
            '\u{E0041}',
        ] {
            let s = format!("x{bad}");
            assert_eq!(
                saslprep(&s, "p"),
                Err(SaslError::Prohibited {
                    field: "p",
                    ch: bad
                })
            );
        }
        assert_eq!(
            saslprep("\u{7f}", "p"),
            Err(SaslError::Prohibited {
                field: "p",
                ch: '\u{7f}'
            })
        );
    }
}
