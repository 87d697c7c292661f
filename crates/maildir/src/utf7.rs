//! Modified UTF-7 (RFC 3501 §5.1.3), the encoding Dovecot uses for Maildir++ folder names.
//!
//! Printable US-ASCII stands for itself except `&`, written `&-`; every other run of characters
//! is UTF-16, in base64 with `,` instead of `/` and no padding, between `&` and `-`.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

fn is_direct(c: char) -> bool {
    (' '..='~').contains(&c)
}

/// Encodes a UTF-8 name in modified UTF-7.
pub fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending: Vec<u16> = Vec::new();
    for c in name.chars() {
        if is_direct(c) {
            flush(&mut pending, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut buf = [0u16; 2];
            pending.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    flush(&mut pending, &mut out);
    out
}

fn flush(units: &mut Vec<u16>, out: &mut String) {
    if units.is_empty() {
        return;
    }
    out.push('&');
    let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let digits = chunk.len() + 1;
        for i in 0..digits {
            let index = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out.push('-');
    units.clear();
}

fn digit(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// Decodes a modified UTF-7 name; `None` when the input is not valid modified UTF-7
/// (a raw non-ASCII byte, a bad base64 run, broken UTF-16, or a non-canonical form).
pub fn decode(encoded: &str) -> Option<String> {
    let bytes = encoded.as_bytes();
    let mut out = String::with_capacity(encoded.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c != b'&' {
            if !(0x20..=0x7e).contains(&c) {
                return None;
            }
            out.push(char::from(c));
            i += 1;
            continue;
        }
        let end = i + 1 + bytes[i + 1..].iter().position(|&b| b == b'-')?;
        let run = &bytes[i + 1..end];
        if run.is_empty() {
            out.push('&');
        } else {
            decode_run(run, &mut out)?;
        }
        i = end + 1;
    }
    Some(out)
}

fn decode_run(run: &[u8], out: &mut String) -> Option<()> {
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut bytes = Vec::with_capacity(run.len());
    for &c in run {
        bits = (bits << 6) | digit(c)?;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            bytes.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    // Leftover bits must be zero padding, and the UTF-16 must be whole code units.
    if bits != 0 || nbits >= 6 || bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect();
    let decoded = String::from_utf16(&units).ok()?;
    // A run that only holds characters which may stand for themselves is not canonical.
    if decoded.chars().any(is_direct) {
        return None;
    }
    out.push_str(&decoded);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLES: &[(&str, &str)] = &[
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("☺!", "&Jjo-!"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("INBOX", "INBOX"),
        ("😀", "&2D3eAA-"),
        ("", ""),
    ];

    #[test]
    fn rfc3501_examples_both_ways() {
        for (plain, encoded) in EXAMPLES {
            assert_eq!(encode(plain), *encoded, "encode {plain}");
            assert_eq!(decode(encoded).as_deref(), Some(*plain), "decode {encoded}");
        }
    }

    #[test]
    fn rejects_invalid_forms() {
        // RFC 3501's own example of a wrong form: the run is never terminated.
        assert_eq!(decode("&Jjo!"), None);
        assert_eq!(
            decode("&AGE-"),
            None,
            "ASCII inside a base64 run is not canonical"
        );
        assert_eq!(decode("&2D0-"), None, "a lone surrogate");
        assert_eq!(decode("caf\u{e9}"), None, "raw 8-bit characters");
        assert_eq!(decode("&A-"), None, "dangling bits");
        assert_eq!(decode("&*-"), None, "outside the alphabet");
    }

    proptest::proptest! {
        #[test]
        fn round_trip(s in "\\PC{0,24}") {
            let encoded = encode(&s);
            proptest::prop_assert!(encoded.bytes().all(|b| (0x20..=0x7e).contains(&b)));
            proptest::prop_assert_eq!(decode(&encoded), Some(s));
        }

        #[test]
        fn decode_never_panics(s in "[&A-Za-z0-9+,-]{0,24}") {
            let _ = decode(&s);
        }
    }
}
