//! The SMTP command parser: no panic on any line, and whatever parses encodes to a line that
//! parses to the same value.
#![no_main]

use bytes::BytesMut;
use libfuzzer_sys::fuzz_target;
use mailwire_smtp::command::Command;

fuzz_target!(|data: &[u8]| {
    if let Ok(cmd) = Command::parse(data) {
        let mut out = BytesMut::new();
        cmd.encode(&mut out);
        let again = Command::parse(&out[..out.len() - 2]).expect("encoded command parses");
        assert_eq!(again, cmd);
    }
});
