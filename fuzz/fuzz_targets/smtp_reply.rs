//! The SMTP reply parser and EHLO keyword reader: no panic on any input, and a parsed reply
//! encodes to bytes that parse to the same reply.
#![no_main]

use bytes::BytesMut;
use libfuzzer_sys::fuzz_target;
use mailwire_smtp::ehlo::EhloReply;
use mailwire_smtp::reply::Reply;

fuzz_target!(|data: &[u8]| {
    if let Ok(Some((reply, used))) = Reply::parse(data) {
        assert!(used <= data.len());
        let ehlo = EhloReply::from_reply(&reply);
        let _ = ehlo.to_reply();
        let mut out = BytesMut::new();
        reply.encode(&mut out);
        let (again, _) = Reply::parse(&out)
            .expect("encoded reply parses")
            .expect("encoded reply is complete");
        assert_eq!(again.code(), reply.code());
    }
});
