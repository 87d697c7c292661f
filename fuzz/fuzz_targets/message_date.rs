//! Dates: never panics; a parsed date prints in RFC 5322 form and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_message::DateTime;

fuzz_target!(|data: &[u8]| {
    if let Some(d) = DateTime::parse(data) {
        let again = DateTime::parse(d.to_string().as_bytes());
        assert_eq!(again, Some(d));
        let _ = d.to_rfc3339();
        let _ = d.timestamp();
    }
});
