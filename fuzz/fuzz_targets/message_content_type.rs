//! Content-Type and Content-Disposition with RFC 2231 parameters: never panics; names are
//! lowercase.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_message::{ContentDisposition, ContentType};

fuzz_target!(|data: &[u8]| {
    if let Some(ct) = ContentType::parse(data) {
        assert!(!ct.media_type.bytes().any(|b| b.is_ascii_uppercase()));
        for (name, _) in &ct.params {
            assert!(!name.bytes().any(|b| b.is_ascii_uppercase()));
        }
        let _ = ct.clone().into_owned();
    }
    if let Some(cd) = ContentDisposition::parse(data) {
        let _ = cd.param("filename");
    }
});
