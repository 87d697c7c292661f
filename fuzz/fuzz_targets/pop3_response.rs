//! The POP3 response parsers: no panic on any line, and whatever parses encodes back to a line
//! that parses to the same value.
#![no_main]

use bytes::BytesMut;
use libfuzzer_sys::fuzz_target;
use mailwire_pop3::{BodyLine, Capability, LangListing, Reply, ScanListing, UidListing};

fn strip(out: &BytesMut) -> &[u8] {
    &out[..out.len() - 2]
}

fuzz_target!(|line: &[u8]| {
    let mut out = BytesMut::new();
    if let Ok(reply) = Reply::parse(line) {
        reply.encode(&mut out);
        assert_eq!(
            Reply::parse(strip(&out)).expect("an encoded reply parses"),
            reply
        );
    }
    out.clear();
    if let Ok(capability) = Capability::parse(line) {
        capability.encode(&mut out);
        assert_eq!(
            Capability::parse(strip(&out)).expect("an encoded capability parses"),
            capability
        );
    }
    out.clear();
    if let Ok(listing) = ScanListing::parse(line) {
        listing.encode(&mut out);
        assert_eq!(ScanListing::parse(strip(&out)), Ok(listing));
    }
    out.clear();
    if let Ok(listing) = UidListing::parse(line) {
        listing.encode(&mut out);
        assert_eq!(UidListing::parse(strip(&out)), Ok(listing));
    }
    out.clear();
    if let Ok(listing) = LangListing::parse(line) {
        listing.encode(&mut out);
        assert_eq!(LangListing::parse(strip(&out)), Ok(listing));
    }
    if !line.contains(&b'\r') && !line.contains(&b'\n') {
        out.clear();
        let body = BodyLine::parse(line);
        body.encode(&mut out);
        assert_eq!(BodyLine::parse(strip(&out)), body);
    }
});
