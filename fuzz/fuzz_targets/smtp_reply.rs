//! The SMTP reply parser and EHLO keyword reader: no panic on any input, and a parsed reply
//! encodes to bytes that parse to the same reply.
#![no_main]

use bytes::BytesMut;
use libfuzzer_sys::fuzz_target;
use mailwire_smtp::ehlo::EhloReply;
use mailwire_smtp::reply::{Reply, ReplyError};

fuzz_target!(|data: &[u8]| {
    if let Ok(Some((reply, used))) = Reply::parse(data) {
        assert!(used <= data.len());
        let ehlo = EhloReply::from_reply(&reply);
        let _ = ehlo.to_reply();
        let mut out = BytesMut::new();
        reply.encode(&mut out);
        // Re-encoding may lengthen a line (invalid UTF-8 became U+FFFD, the enhanced code is
        // repeated on every line), so a line at the reading limit may come back too long.
        match Reply::parse(&out) {
            Ok(Some((again, _))) => assert_eq!(again.code(), reply.code()),
            Err(ReplyError::LineTooLong) => {}
            other => panic!("encoded reply does not parse: {other:?}"),
        }
    }
});
