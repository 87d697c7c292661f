//! The IMAP response parser on arbitrary bytes: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_imap::response::parse_response;

fuzz_target!(|data: &[u8]| {
    let _ = parse_response(data);
});
