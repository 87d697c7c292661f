//! Charset decoding to UTF-8: every label `encoding_rs` knows (WHATWG Encoding Standard), plus
//! UTF-7 (RFC 2152), which browsers dropped but mail still carries.

use std::borrow::Cow;
use std::sync::OnceLock;

use encoding_rs::Encoding;

/// Decodes `bytes` from the charset named `label` into UTF-8.
///
/// Returns the text and `false` when the label is unknown; unknown charsets are then decoded as
/// UTF-8 with replacement characters, which keeps ASCII intact. Malformed sequences in a known
/// charset become U+FFFD. Text labelled US-ASCII (or unlabelled) that is not ASCII is read as
/// UTF-8 when valid, else as windows-1252, as the WHATWG Encoding Standard maps that label.
///
/// ```
/// use mailwire_message::decode_charset;
/// assert_eq!(decode_charset(b"caf\xe9", "ISO-8859-1").0, "café");
/// assert_eq!(decode_charset(b"Hi +AKM-1", "utf-7").0, "Hi £1");
/// ```
pub fn decode_charset<'a>(bytes: &'a [u8], label: &str) -> (Cow<'a, str>, bool) {
    let label = label.trim();
    if label.eq_ignore_ascii_case("utf-7") || label.eq_ignore_ascii_case("unicode-1-1-utf-7") {
        return (Cow::Owned(decode_utf7(bytes)), true);
    }
    if label.is_empty()
        || label.eq_ignore_ascii_case("us-ascii")
        || label.eq_ignore_ascii_case("ascii")
    {
        // US-ASCII that is not ASCII is mislabelled UTF-8 or, failing that, an 8-bit charset;
        // the WHATWG Encoding Standard maps this label to windows-1252.
        return match crate::lexer::valid_utf8(bytes) {
            Some(s) => (Cow::Borrowed(s), true),
            None => (decode_with(encoding_rs::WINDOWS_1252, bytes), true),
        };
    }
    if label.eq_ignore_ascii_case("utf-8") || label.eq_ignore_ascii_case("utf8") {
        return (crate::lexer::lossy(bytes), true);
    }
    match Encoding::for_label_no_replacement(label.as_bytes()) {
        Some(enc) => (decode_with(enc, bytes), true),
        None => match alias(label) {
            Some(enc) => (decode_with(enc, bytes), true),
            None => (crate::lexer::lossy(bytes), false),
        },
    }
}

/// Decodes `bytes` from `enc`: long text in a single-byte charset through [`ByteTable`],
/// everything else by encoding_rs.
fn decode_with<'a>(enc: &'static Encoding, bytes: &'a [u8]) -> Cow<'a, str> {
    if bytes.len() >= crate::lexer::LONG_TEXT
        && let Some(table) = ByteTable::of(enc)
    {
        return table.decode(bytes);
    }
    enc.decode_without_bom_handling(bytes).0
}

/// How many single-byte charsets the WHATWG Encoding Standard has.
const SINGLE_BYTE_CHARSETS: usize = 29;

/// The single-byte charsets of the WHATWG Encoding Standard, whose tables [`ByteTable::of`]
/// keeps. (A charset missing here is still decoded correctly, by encoding_rs.)
fn single_byte_charsets() -> [&'static Encoding; SINGLE_BYTE_CHARSETS] {
    use encoding_rs::*;
    [
        WINDOWS_1252,
        ISO_8859_2,
        ISO_8859_3,
        ISO_8859_4,
        ISO_8859_5,
        ISO_8859_6,
        ISO_8859_7,
        ISO_8859_8,
        ISO_8859_8_I,
        ISO_8859_10,
        ISO_8859_13,
        ISO_8859_14,
        ISO_8859_15,
        ISO_8859_16,
        KOI8_R,
        KOI8_U,
        IBM866,
        MACINTOSH,
        X_MAC_CYRILLIC,
        WINDOWS_874,
        WINDOWS_1250,
        WINDOWS_1251,
        WINDOWS_1253,
        WINDOWS_1254,
        WINDOWS_1255,
        WINDOWS_1256,
        WINDOWS_1257,
        WINDOWS_1258,
        X_USER_DEFINED,
    ]
}

/// Every byte's character in one single-byte charset, as UTF-8 (low byte first) and its
/// length. encoding_rs's own single-byte decoder goes back and forth between an ASCII loop and
/// a per-byte one, which costs about 6 ns per byte of text that mixes both (8-bit text
/// mislabelled as US-ASCII, say); this table decodes any byte without a branch.
struct ByteTable {
    utf8: [u32; 256],
    len: [u8; 256],
}

impl ByteTable {
    /// The table of `enc` when it is a single-byte charset, read from encoding_rs on first use.
    fn of(enc: &'static Encoding) -> Option<&'static ByteTable> {
        static TABLES: [OnceLock<ByteTable>; SINGLE_BYTE_CHARSETS] =
            [const { OnceLock::new() }; SINGLE_BYTE_CHARSETS];
        let i = single_byte_charsets()
            .iter()
            .position(|e| std::ptr::eq(*e, enc))?;
        Some(TABLES[i].get_or_init(|| ByteTable::new(enc)))
    }

    fn new(enc: &'static Encoding) -> ByteTable {
        let mut t = ByteTable {
            utf8: [0; 256],
            len: [0; 256],
        };
        for b in 0..=255u8 {
            let one = [b];
            let text = enc.decode_without_bom_handling(&one).0;
            let mut utf8 = [0u8; 4];
            let n = text.len().min(4);
            utf8[..n].copy_from_slice(&text.as_bytes()[..n]);
            t.utf8[usize::from(b)] = u32::from_le_bytes(utf8);
            t.len[usize::from(b)] = n as u8;
        }
        t
    }

    fn decode<'a>(&self, bytes: &'a [u8]) -> Cow<'a, str> {
        let ascii = Encoding::ascii_valid_up_to(bytes);
        if ascii == bytes.len()
            && let Ok(text) = std::str::from_utf8(bytes)
        {
            return Cow::Borrowed(text);
        }
        let (head, rest) = bytes.split_at(ascii);
        // Every character of these charsets takes at most three bytes in UTF-8; a four-byte
        // write per byte (only `len` of them kept) needs one more.
        let mut out = vec![0u8; head.len() + rest.len() * 3 + 16];
        out[..head.len()].copy_from_slice(head);
        let mut o = head.len();
        let (blocks, tail) = rest.as_chunks::<16>();
        for block in blocks {
            if u128::from_le_bytes(*block) & 0x8080_8080_8080_8080_8080_8080_8080_8080 == 0 {
                out[o..o + 16].copy_from_slice(block);
                o += 16;
                continue;
            }
            for &b in block {
                o = self.put(b, &mut out, o);
            }
        }
        for &b in tail {
            o = self.put(b, &mut out, o);
        }
        // Only table entries were written, so this is UTF-8 and never falls to the default;
        // validated (by encoding_rs for long text) and copied, which is faster than
        // `String::from_utf8` on text with non-ASCII characters.
        Cow::Owned(
            crate::lexer::valid_utf8(&out[..o])
                .map(str::to_owned)
                .unwrap_or_default(),
        )
    }

    fn put(&self, b: u8, out: &mut [u8], o: usize) -> usize {
        out[o..o + 4].copy_from_slice(&self.utf8[usize::from(b)].to_le_bytes());
        o + usize::from(self.len[usize::from(b)])
    }
}

/// [`decode_charset`] of a buffer the caller gives up: ASCII under a label that passes
/// UTF-8 through (UTF-8, US-ASCII or none) becomes the string without a copy.
pub(crate) fn decode_charset_owned(bytes: Vec<u8>, label: &str) -> String {
    let l = label.trim();
    let passes_utf8 = ["", "utf-8", "utf8", "us-ascii", "ascii"]
        .iter()
        .any(|p| l.eq_ignore_ascii_case(p));
    // std's validator is fast on ASCII and converts without a copy; text with other
    // characters is validated faster by encoding_rs, which costs a copy.
    if !passes_utf8 || !bytes.is_ascii() {
        return decode_charset(&bytes, label).0.into_owned();
    }
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => decode_charset(e.as_bytes(), label).0.into_owned(),
    }
}

/// Labels seen in mail that the WHATWG list lacks.
fn alias(label: &str) -> Option<&'static encoding_rs::Encoding> {
    let l = label.to_ascii_lowercase();
    let l = l.trim_matches('"');
    Some(match l {
        "latin1" | "latin-1" | "iso8859-1" | "iso_8859-1" | "8859-1" => encoding_rs::WINDOWS_1252,
        "cp1252" | "windows1252" => encoding_rs::WINDOWS_1252,
        "cp1251" => encoding_rs::WINDOWS_1251,
        "cp1250" => encoding_rs::WINDOWS_1250,
        "ks_c_5601-1987" | "ks_c_5601" | "cp949" => encoding_rs::EUC_KR,
        "gb2312-80" | "cp936" | "x-gbk" => encoding_rs::GBK,
        "cp932" | "x-sjis" | "ms932" => encoding_rs::SHIFT_JIS,
        "iso-2022-jp-2" | "iso-2022-jp-3" => encoding_rs::ISO_2022_JP,
        "ansi_x3.4-1968" | "ascii" | "646" | "us" => encoding_rs::WINDOWS_1252,
        "x-unknown" | "unknown-8bit" | "x-user-defined" => encoding_rs::WINDOWS_1252,
        "iso-8859-8-i" => encoding_rs::ISO_8859_8_I,
        _ => {
            let s = l.strip_prefix("iso")?.trim_start_matches(['-', '_']);
            let n = s.strip_prefix("8859")?.trim_start_matches(['-', '_']);
            return encoding_rs::Encoding::for_label(format!("iso-8859-{n}").as_bytes());
        }
    })
}

fn b64_value(b: u8) -> Option<u32> {
    Some(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Decodes UTF-7 (RFC 2152). Ill-formed shifted runs become U+FFFD.
pub(crate) fn decode_utf7(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b != b'+' {
            out.push(if b < 0x80 { b as char } else { '\u{FFFD}' });
            i += 1;
            continue;
        }
        i += 1;
        if bytes.get(i) == Some(&b'-') {
            out.push('+');
            i += 1;
            continue;
        }
        let mut acc = 0u32;
        let mut bits = 0u32;
        let mut units = Vec::new();
        while let Some(v) = bytes.get(i).and_then(|&c| b64_value(c)) {
            acc = (acc << 6) | v;
            bits += 6;
            if bits >= 16 {
                bits -= 16;
                units.push(((acc >> bits) & 0xFFFF) as u16);
            }
            i += 1;
        }
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        out.extend(char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn owned_decoding_agrees_with_borrowed(
            bytes in proptest::collection::vec(proptest::sample::select(&b"a\xc3\xa9\xff+-~"[..]), 0..40),
            label in proptest::sample::select(&[" UTF-8", "utf8", "US-ASCII", "", "ascii", "latin1", "utf-7", "x-bogus", "windows-1252"][..]),
        ) {
            proptest::prop_assert_eq!(
                decode_charset_owned(bytes.clone(), label),
                decode_charset(&bytes, label).0.into_owned()
            );
        }
    }

    proptest::proptest! {
        /// The byte tables give encoding_rs's text for every single-byte charset, on input
        /// that mixes ASCII blocks with 8-bit bytes at every offset.
        #[test]
        fn byte_tables_agree_with_encoding_rs(
            pieces in proptest::collection::vec(
                (0usize..40, proptest::collection::vec(proptest::num::u8::ANY, 0..8)),
                0..40,
            ),
            charset in proptest::sample::select(single_byte_charsets().to_vec()),
        ) {
            let mut bytes = Vec::new();
            for (ascii, eight_bit) in &pieces {
                bytes.extend(std::iter::repeat_n(b'a', *ascii));
                bytes.extend_from_slice(eight_bit);
            }
            proptest::prop_assert_eq!(
                decode_with(charset, &bytes),
                charset.decode_without_bom_handling(&bytes).0
            );
        }
    }

    #[test]
    fn byte_tables_cover_every_byte_of_every_single_byte_charset() {
        let every_byte: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        let charsets = single_byte_charsets();
        for (i, charset) in charsets.iter().enumerate() {
            assert!(charset.is_single_byte(), "{}", charset.name());
            assert!(!charsets[..i].contains(charset), "{}", charset.name());
            assert!(ByteTable::of(charset).is_some());
            assert_eq!(
                decode_with(charset, &every_byte),
                charset.decode_without_bom_handling(&every_byte).0,
                "{}",
                charset.name()
            );
        }
        assert!(ByteTable::of(encoding_rs::UTF_8).is_none());
        assert!(matches!(
            decode_with(encoding_rs::KOI8_R, &[b'a'; 300]),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn utf7_rfc2152_examples() {
        assert_eq!(decode_utf7(b"A+ImIDkQ."), "A\u{2262}\u{0391}.");
        assert_eq!(decode_utf7(b"Hi Mom -+Jjo--!"), "Hi Mom -\u{263A}-!");
        assert_eq!(decode_utf7(b"+ZeVnLIqe-"), "\u{65E5}\u{672C}\u{8A9E}");
        assert_eq!(decode_utf7(b"1 +- 1"), "1 + 1");
        assert_eq!(decode_utf7(b"+2D3cAA-"), "\u{1F400}");
    }

    #[test]
    fn labels() {
        assert_eq!(
            decode_charset(b"\xe9", "latin1"),
            (Cow::Borrowed("é"), true)
        );
        assert_eq!(decode_charset(b"\xe9", "ISO8859-15").0, "é");
        assert_eq!(decode_charset(b"\xa4", "iso-8859-15").0, "€");
        assert_eq!(decode_charset(b"\xc0", "koi8-r").0, "ю");
        assert_eq!(
            decode_charset(b"ab", "x-nonsense"),
            (Cow::Borrowed("ab"), false)
        );
    }
}
