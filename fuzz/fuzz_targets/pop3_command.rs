//! The POP3 command parser: no panic on any line, and whatever parses encodes back to a line
//! that parses to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_pop3::{Command, SaslResponse};

fuzz_target!(|line: &[u8]| {
    if let Ok(command) = Command::parse(line) {
        let mut out = bytes::BytesMut::new();
        command.encode(&mut out);
        let again = Command::parse(&out[..out.len() - 2]).expect("an encoded command parses");
        assert_eq!(again, command);
    }
    if let Ok(response) = SaslResponse::parse(line) {
        let mut out = bytes::BytesMut::new();
        response.encode(&mut out);
        assert_eq!(SaslResponse::parse(&out[..out.len() - 2]), Ok(response));
    }
});
