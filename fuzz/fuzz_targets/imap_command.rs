//! The IMAP command parser on arbitrary bytes: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_imap::command::{parse_authenticate_data, parse_command, parse_idle_done};

fuzz_target!(|data: &[u8]| {
    let _ = parse_command(data);
    let _ = parse_authenticate_data(data);
    let _ = parse_idle_done(data);
});
