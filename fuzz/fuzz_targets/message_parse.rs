//! Whole messages: parsing never panics, every accessor works, and the tree writes back the
//! input byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_message::{Message, Options};

fuzz_target!(|data: &[u8]| {
    let opts = Options::default().with_max_parts(200).with_max_depth(16);
    let msg = Message::parse_with(data, &opts);
    let mut out = Vec::new();
    msg.write_to(&mut out);
    assert_eq!(out, data);
    let _ = msg.all_defects();
    let _ = msg.body_parts();
    for p in msg.parts() {
        let _ = (
            p.subject(),
            p.from(),
            p.to(),
            p.date(),
            p.message_id(),
            p.received(),
        );
        let _ = (p.content_type(), p.disposition(), p.filename(), p.text());
    }
});
