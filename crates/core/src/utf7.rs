//! Modified UTF-7 (RFC 3501 §5.1.3): how IMAP writes mailbox names without UTF8=ACCEPT, and how
//! Dovecot names Maildir++ folders on disk.
//!
//! Printable US-ASCII stands for itself except `&`, which is written `&-`. Every other run of
//! characters is written as UTF-16 in base64 (with `,` instead of `/` and no padding) between `&`
//! and `-`. [`decode`] accepts only the canonical form, so `encode(decode(x)) == x` whenever
//! decoding succeeds.
//!
//! ```
//! use mailwire_core::utf7;
//!
//! assert_eq!(utf7::encode("~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
//! assert_eq!(utf7::decode(b"Tom &- Jerry").as_deref(), Ok("Tom & Jerry"));
//! assert!(utf7::decode(b"&Jjo!").is_err()); // RFC 3501's own example of a wrong form
//! ```

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

/// Why a name is not canonical modified UTF-7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Utf7Error {
    /// A byte outside printable US-ASCII (0x20–0x7e) at this offset.
    #[error("byte {0} is not printable US-ASCII")]
    RawByte(usize),
    /// The shift starting at this offset has no closing `-`.
    #[error("the shift at byte {0} is not closed by '-'")]
    Unterminated(usize),
    /// The shift starting at this offset holds a character outside the base64 alphabet, leftover
    /// bits, or UTF-16 that is not whole (a lone surrogate, an odd byte).
    #[error("the shift at byte {0} is not valid base64-encoded UTF-16")]
    BadShift(usize),
    /// The shift starting at this offset is valid but not the canonical form: it encodes a
    /// character that stands for itself, or it follows another shift directly (two adjacent
    /// shifts are written as one).
    #[error("the shift at byte {0} is not in canonical form")]
    NotCanonical(usize),
}

fn is_direct(c: char) -> bool {
    (' '..='~').contains(&c)
}

/// Encodes a Unicode name in modified UTF-7.
pub fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + name.len() / 2);
    let mut shift = ShiftEncoder::default();
    for c in name.chars() {
        if is_direct(c) {
            shift.finish(&mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut units = [0u16; 2];
            for &unit in c.encode_utf16(&mut units).iter() {
                shift.push(unit, &mut out);
            }
        }
    }
    shift.finish(&mut out);
    out
}

/// Writes UTF-16 code units as one base64 shift, opened on the first unit.
#[derive(Default)]
struct ShiftEncoder {
    open: bool,
    bits: u32,
    nbits: u32,
}

impl ShiftEncoder {
    fn push(&mut self, unit: u16, out: &mut String) {
        if !self.open {
            out.push('&');
            self.open = true;
        }
        self.bits = (self.bits << 16) | u32::from(unit);
        self.nbits += 16;
        while self.nbits >= 6 {
            self.nbits -= 6;
            out.push(digit_char(self.bits >> self.nbits));
        }
        self.bits &= (1 << self.nbits) - 1;
    }

    fn finish(&mut self, out: &mut String) {
        if !self.open {
            return;
        }
        if self.nbits > 0 {
            out.push(digit_char(self.bits << (6 - self.nbits)));
        }
        out.push('-');
        *self = Self::default();
    }
}

fn digit_char(value: u32) -> char {
    char::from(ALPHABET[(value & 0x3f) as usize])
}

fn digit_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'+' => Some(62),
        b',' => Some(63),
        _ => None,
    }
}

/// Decodes a modified UTF-7 name, refusing every form RFC 3501 does not produce: raw 8-bit or
/// control bytes, unterminated shifts, bad base64 or UTF-16, shifts that encode printable ASCII,
/// and two shifts in a row.
pub fn decode(wire: &[u8]) -> Result<String, Utf7Error> {
    let mut out = String::with_capacity(wire.len());
    let mut i = 0;
    // The end of the last base64 shift: a new shift may not start right there.
    let mut shift_end = None;
    while i < wire.len() {
        let c = wire[i];
        if !(0x20..=0x7e).contains(&c) {
            return Err(Utf7Error::RawByte(i));
        }
        if c != b'&' {
            out.push(char::from(c));
            i += 1;
            continue;
        }
        let start = i;
        let len = wire[start + 1..]
            .iter()
            .position(|&b| b == b'-')
            .ok_or(Utf7Error::Unterminated(start))?;
        let run = &wire[start + 1..start + 1 + len];
        i = start + len + 2;
        if run.is_empty() {
            out.push('&');
            continue;
        }
        if shift_end == Some(start) {
            return Err(Utf7Error::NotCanonical(start));
        }
        decode_shift(run, start, &mut out)?;
        shift_end = Some(i);
    }
    Ok(out)
}

fn decode_shift(run: &[u8], start: usize, out: &mut String) -> Result<(), Utf7Error> {
    let bad = Utf7Error::BadShift(start);
    let (mut bits, mut nbits) = (0u32, 0u32);
    let mut units = Vec::with_capacity(run.len() * 3 / 8);
    for &c in run {
        bits = (bits << 6) | digit_value(c).ok_or(bad)?;
        nbits += 6;
        if nbits >= 16 {
            nbits -= 16;
            units.push(((bits >> nbits) & 0xffff) as u16);
            bits &= (1 << nbits) - 1;
        }
    }
    // What is left must be zero padding shorter than one base64 digit.
    if nbits >= 6 || bits != 0 {
        return Err(bad);
    }
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| bad)?;
        if is_direct(c) {
            return Err(Utf7Error::NotCanonical(start));
        }
        out.push(c);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EXAMPLES: &[(&str, &str)] = &[
        // RFC 3501 §5.1.3.
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("☺!", "&Jjo-!"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("&&", "&-&-"),
        ("INBOX", "INBOX"),
        ("😀", "&2D3eAA-"),
        ("日本&語", "&ZeVnLA-&-&ip4-"),
        ("", ""),
    ];

    #[test]
    fn examples_both_ways() {
        for (plain, wire) in EXAMPLES {
            assert_eq!(encode(plain), *wire, "encode {plain}");
            assert_eq!(
                decode(wire.as_bytes()).as_deref(),
                Ok(*plain),
                "decode {wire}"
            );
        }
    }

    #[test]
    fn rejects_every_non_canonical_form() {
        let cases: &[(&[u8], Utf7Error)] = &[
            // RFC 3501's example of a wrong form: the shift is never closed.
            (b"&Jjo!", Utf7Error::Unterminated(0)),
            (b"&AGE-", Utf7Error::NotCanonical(0)),
            (b"&2D0-", Utf7Error::BadShift(0)),
            ("caf\u{e9}".as_bytes(), Utf7Error::RawByte(3)),
            (b"a\tb", Utf7Error::RawByte(1)),
            (b"&A-", Utf7Error::BadShift(0)),
            (b"&U,BTF-", Utf7Error::BadShift(0)),
            (b"&*-", Utf7Error::BadShift(0)),
            (b"&ZeVnLIqe-&U,BTFw", Utf7Error::Unterminated(10)),
            // Two shifts in a row are written as one: found by fuzzing.
            (b"&ZeVnLA-&ip4-", Utf7Error::NotCanonical(8)),
            (
                b"?&VVVVVVVV-&vvvvvvvvvvZZZZZZZZZZZZv4-VV-",
                Utf7Error::NotCanonical(11),
            ),
        ];
        for (wire, error) in cases {
            assert_eq!(
                decode(wire),
                Err(*error),
                "{}",
                String::from_utf8_lossy(wire)
            );
        }
    }

    proptest! {
        #[test]
        fn any_name_round_trips(name in "\\PC{0,24}") {
            let wire = encode(&name);
            prop_assert!(wire.bytes().all(|b| (0x20..=0x7e).contains(&b)));
            prop_assert_eq!(decode(wire.as_bytes()), Ok(name));
        }

        #[test]
        fn whatever_decodes_encodes_back(wire in "[&A-Za-z0-9+,-]{0,32}") {
            if let Ok(name) = decode(wire.as_bytes()) {
                prop_assert_eq!(encode(&name), wire);
            }
        }
    }
}
