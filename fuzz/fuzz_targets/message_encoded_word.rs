//! RFC 2047 encoded words in unstructured text: never panics, and input without `=?` comes
//! back unchanged when it is UTF-8 without line breaks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_message::decode_unstructured;

fuzz_target!(|data: &[u8]| {
    let text = decode_unstructured(data);
    if !data.windows(2).any(|w| w == b"=?")
        && !data.contains(&b'\r')
        && !data.contains(&b'\n')
        && let Ok(s) = std::str::from_utf8(data)
    {
        assert_eq!(text, s);
    }
});
