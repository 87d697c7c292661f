//! Every response that parses encodes to bytes that parse back to an equal response.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_imap::encode::Encode;
use mailwire_imap::response::parse_response;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = parse_response(data) {
        let bytes = r.to_bytes();
        let back = parse_response(&bytes).expect("an encoded response parses");
        assert_eq!(back, r);
    }
});
