//! Modified UTF-7 folder names: decoding never panics, and whatever decodes encodes back to
//! the same bytes (the decoder accepts only the canonical form); any string round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_maildir::utf7;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(decoded) = utf7::decode(text) {
            assert_eq!(utf7::encode(&decoded), text);
        }
        assert_eq!(utf7::decode(&utf7::encode(text)).as_deref(), Some(text));
    }
});
