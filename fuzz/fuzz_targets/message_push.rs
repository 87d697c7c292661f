//! The push parser with arbitrary chunking builds the same tree as parsing the whole slice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_message::{Event, Message, Options, PushParser};
use std::collections::BTreeMap;

type Parts = BTreeMap<u32, (Option<u32>, Vec<(Vec<u8>, Vec<u8>)>, Vec<u8>, Vec<u8>)>;

fuzz_target!(|input: (Vec<u8>, Vec<u8>)| {
    let (cuts, raw) = input;
    let opts = Options::default()
        .with_max_encoded_nesting(2)
        .with_max_parts(50)
        .with_max_depth(8)
        .with_max_header_bytes(2000);

    let msg = Message::parse_with(&raw, &opts);
    let mut want: Parts = BTreeMap::new();
    for p in msg.parts() {
        let body = if p.is_message() {
            Vec::new()
        } else if p.is_multipart() {
            p.preamble().unwrap_or_default().to_vec()
        } else {
            p.raw_body().to_vec()
        };
        let headers = p
            .headers()
            .map(|h| (h.name().as_bytes().to_vec(), h.value().to_vec()))
            .collect();
        let epilogue = p.epilogue().unwrap_or_default().to_vec();
        want.insert(
            p.id().0,
            (p.parent().map(|q| q.id().0), headers, body, epilogue),
        );
    }
    let mut want_defects: Vec<String> = msg.defects().iter().map(|d| format!("{d:?}")).collect();
    want_defects.sort();

    let mut got: Parts = BTreeMap::new();
    let mut defects = Vec::new();
    let mut parser = PushParser::new(opts).decode_bodies(true);
    let mut drain = |p: &mut PushParser| {
        while let Some(e) = p.poll_event() {
            match e {
                Event::PartStart {
                    id,
                    parent,
                    headers,
                } => {
                    let v = got.entry(id.0).or_default();
                    v.0 = parent.map(|q| q.0);
                    v.1 = headers.into_iter().map(|f| (f.name, f.value)).collect();
                }
                Event::Body { id, data } => got.entry(id.0).or_default().2.extend(data),
                Event::Epilogue { id, data } => got.entry(id.0).or_default().3.extend(data),
                Event::Defect(d) => defects.push(format!("{d:?}")),
                _ => {}
            }
        }
    };
    let mut start = 0;
    for c in cuts {
        let end = (start + usize::from(c)).min(raw.len());
        parser.push(&raw[start..end]);
        drain(&mut parser);
        start = end;
    }
    parser.push(&raw[start..]);
    parser.finish();
    drain(&mut parser);
    defects.sort();
    assert_eq!(defects, want_defects);
    assert_eq!(got, want);
});
