//! Build then parse gives back the same values (proptest).

use mailwire_message::{DateTime, Mailbox, Message, MessageBuilder, PartBuilder, mailboxes};
use proptest::prelude::*;

fn crlf(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

fn text() -> impl Strategy<Value = String> {
    "[ -~üé中😀\r\n\t=?\"\u{0}]{0,150}"
}

fn address() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,10}(\\.[a-z0-9+_-]{1,8}){0,2}@[a-z]{1,10}\\.(com|org|test)"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn build_then_parse(
        subject in text(),
        from_name in text(),
        from in address(),
        to in prop::collection::vec((text(), address()), 1..4),
        ts in 0i64..4_000_000_000,
        offset in -720i16..=840,
        id in prop::collection::vec(any::<u8>(), 1..16),
        body in text(),
        html in text(),
        filename in "[ -~ü中]{1,100}",
        data in prop::collection::vec(any::<u8>(), 0..300),
        seed in any::<u64>(),
    ) {
        let date = DateTime::from_timestamp(ts, offset).unwrap();
        let mut b = MessageBuilder::new()
            .seed(seed)
            .subject(&subject)
            .from(Mailbox { name: Some(from_name.as_str().into()), address: Some(from.as_str().into()) })
            .date(date)
            .message_id("host.example", &id);
        for (n, a) in &to {
            b = b.to(Mailbox { name: Some(n.as_str().into()), address: Some(a.as_str().into()) });
        }
        let raw = b
            .body(PartBuilder::mixed(vec![
                PartBuilder::alternative(vec![PartBuilder::text(&body), PartBuilder::html(&html)]),
                PartBuilder::attachment("application/octet-stream", &filename, data.clone()),
            ]))
            .build()
            .unwrap();
        for line in raw.split(|&c| c == b'\n') {
            prop_assert!(line.len() <= 999);
        }
        let msg = Message::parse(&raw);
        prop_assert!(msg.all_defects().is_empty(), "{:?}", msg.all_defects());
        let root = msg.root();
        prop_assert_eq!(root.subject().map(|s| s.into_owned()), Some(subject.clone()));
        let f = root.from();
        let m = mailboxes(&f).next().unwrap();
        let want_name = (!from_name.is_empty()).then_some(from_name.as_str());
        prop_assert_eq!(m.name.as_deref(), want_name);
        prop_assert_eq!(m.address.as_deref(), Some(from.as_str()));
        let got_to: Vec<(Option<String>, Option<String>)> = mailboxes(&root.to())
            .map(|m| (m.name.as_ref().map(|n| n.to_string()), m.address.as_ref().map(|a| a.to_string())))
            .collect();
        let want_to: Vec<(Option<String>, Option<String>)> = to
            .iter()
            .map(|(n, a)| ((!n.is_empty()).then(|| n.clone()), Some(a.clone())))
            .collect();
        prop_assert_eq!(got_to, want_to);
        prop_assert_eq!(root.date(), Some(date));
        let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
        prop_assert_eq!(root.message_id().map(|s| s.into_owned()), Some(format!("{hex}@host.example")));
        let parts = msg.body_parts();
        prop_assert_eq!(parts.text_body.len(), 1);
        prop_assert_eq!(parts.html_body.len(), 1);
        let t = msg.part(parts.text_body[0]).unwrap();
        prop_assert_eq!(t.text().map(|s| s.into_owned()), Some(crlf(&body)));
        let h = msg.part(parts.html_body[0]).unwrap();
        prop_assert_eq!(h.text().map(|s| s.into_owned()), Some(crlf(&html)));
        prop_assert_eq!(parts.attachments.len(), 1);
        let a = msg.part(parts.attachments[0]).unwrap();
        prop_assert_eq!(a.filename().map(|s| s.into_owned()), Some(filename.clone()));
        prop_assert_eq!(a.decoded_body().into_owned(), data);
        // Writing back the parsed message gives the built bytes.
        let mut out = Vec::new();
        msg.write_to(&mut out);
        prop_assert_eq!(out, raw);
    }
}
