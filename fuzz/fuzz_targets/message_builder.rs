//! Builder round trip: arbitrary text values are built into a message (or refused), and
//! parsing it gives the same values back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_message::{Mailbox, Message, MessageBuilder, PartBuilder, mailboxes};

fuzz_target!(|input: (String, String, String, String, Vec<u8>, u64)| {
    let (subject, name, address, body, data, seed) = input;
    let built = MessageBuilder::new()
        .seed(seed)
        .subject(&subject)
        .from(Mailbox {
            name: Some(name.as_str().into()),
            address: Some(address.as_str().into()),
        })
        .body(PartBuilder::mixed(vec![
            PartBuilder::text(&body),
            PartBuilder::attachment("application/octet-stream", &name, data.clone()),
        ]))
        .build();
    let Ok(raw) = built else { return };
    for line in raw.split(|&b| b == b'\n') {
        assert!(line.len() <= 999);
    }
    let msg = Message::parse(&raw);
    let root = msg.root();
    assert_eq!(root.subject().as_deref(), Some(subject.as_str()));
    let from = root.from();
    let m = mailboxes(&from).next().expect("a From mailbox");
    assert_eq!(
        m.name.as_deref(),
        (!name.is_empty()).then_some(name.as_str())
    );
    let leaves: Vec<_> = msg.leaves().collect();
    assert_eq!(leaves.len(), 2);
    let want = body
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n");
    assert_eq!(leaves[0].text().as_deref(), Some(want.as_str()));
    assert_eq!(&*leaves[1].decoded_body(), &data[..]);
});
