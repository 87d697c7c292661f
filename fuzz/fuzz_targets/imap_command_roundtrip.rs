//! Every command that parses encodes to bytes that parse back to an equal command.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_imap::command::parse_command;
use mailwire_imap::encode::Encode;

fuzz_target!(|data: &[u8]| {
    if let Ok(cmd) = parse_command(data) {
        let bytes = cmd.to_bytes();
        let back = parse_command(&bytes).expect("an encoded command parses");
        assert_eq!(back, cmd);
    }
});
