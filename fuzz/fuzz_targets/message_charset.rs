//! Charset decoding of arbitrary bytes: never panics, and gives encoding_rs's text for every
//! WHATWG charset (mailwire's byte tables for single-byte charsets, its repair of invalid
//! UTF-8), std's `from_utf8_lossy` text for UTF-8 and unknown labels, and for US-ASCII the
//! text as UTF-8 when valid, else as windows-1252.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_message::decode_charset;

const LABELS: [&str; 14] = [
    "utf-8",
    "x-bogus",
    "us-ascii",
    "windows-1252",
    "iso-8859-2",
    "iso-8859-8-i",
    "koi8-r",
    "windows-874",
    "windows-1251",
    "macintosh",
    "x-user-defined",
    "shift_jis",
    "gb18030",
    "utf-7",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let label = LABELS[usize::from(pick) % LABELS.len()];
    let (text, known) = decode_charset(bytes, label);
    assert_eq!(known, label != "x-bogus");
    match label {
        "utf-8" | "x-bogus" => assert_eq!(text, String::from_utf8_lossy(bytes)),
        "us-ascii" => match std::str::from_utf8(bytes) {
            Ok(s) => assert_eq!(text, s),
            Err(_) => assert_eq!(
                text,
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
            ),
        },
        "utf-7" => {}
        _ => {
            let charset = encoding_rs::Encoding::for_label(label.as_bytes())
                .expect("every label in the list is a WHATWG label");
            assert_eq!(text, charset.decode_without_bom_handling(bytes).0);
        }
    }
});
