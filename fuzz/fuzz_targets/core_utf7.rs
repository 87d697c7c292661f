//! Modified UTF-7 names: decoding never panics, whatever decodes encodes back to the same bytes
//! (the decoder accepts only the canonical form), and any string round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_core::utf7;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = utf7::decode(data) {
        assert_eq!(utf7::encode(&decoded).as_bytes(), data);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(
            utf7::decode(utf7::encode(text).as_bytes()).as_deref(),
            Ok(text)
        );
    }
});
