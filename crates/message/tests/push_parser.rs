//! The push parser gives the same tree as parsing the whole slice, however the input is cut
//! into chunks.

use mailwire_message::{Event, Message, Options, PushParser};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Default, PartialEq, Eq)]
struct PartView {
    parent: Option<u32>,
    headers: Vec<(Vec<u8>, Vec<u8>)>,
    body: Vec<u8>,
    epilogue: Vec<u8>,
    ended: bool,
}

fn opts() -> Options {
    Options::default().with_max_encoded_nesting(0)
}

fn from_slice(raw: &[u8], opts: &Options) -> (BTreeMap<u32, PartView>, Vec<String>) {
    let msg = Message::parse_with(raw, opts);
    let mut parts = BTreeMap::new();
    for p in msg.parts() {
        let body = if p.is_message() {
            Vec::new()
        } else if p.is_multipart() {
            p.preamble().unwrap_or_default().to_vec()
        } else {
            p.raw_body().to_vec()
        };
        parts.insert(
            p.id().0,
            PartView {
                parent: p.parent().map(|q| q.id().0),
                headers: p
                    .headers()
                    .map(|h| (h.name().as_bytes().to_vec(), h.value().to_vec()))
                    .collect(),
                body,
                epilogue: p.epilogue().unwrap_or_default().to_vec(),
                ended: true,
            },
        );
    }
    let mut defects: Vec<String> = msg.defects().iter().map(|d| format!("{d:?}")).collect();
    defects.sort();
    (parts, defects)
}

fn from_push(raw: &[u8], cuts: &[usize], opts: &Options) -> (BTreeMap<u32, PartView>, Vec<String>) {
    let mut p = PushParser::new(opts.clone());
    let mut parts: BTreeMap<u32, PartView> = BTreeMap::new();
    let mut defects = Vec::new();
    let mut drain = |p: &mut PushParser| {
        while let Some(e) = p.poll_event() {
            match e {
                Event::PartStart {
                    id,
                    parent,
                    headers,
                } => {
                    let v = parts.entry(id.0).or_default();
                    v.parent = parent.map(|q| q.0);
                    v.headers = headers.into_iter().map(|f| (f.name, f.value)).collect();
                }
                Event::Body { id, data } => parts.entry(id.0).or_default().body.extend(data),
                Event::Epilogue { id, data } => {
                    parts.entry(id.0).or_default().epilogue.extend(data)
                }
                Event::PartEnd { id } => parts.entry(id.0).or_default().ended = true,
                Event::Defect(d) => defects.push(format!("{d:?}")),
                _ => {}
            }
        }
    };
    let mut start = 0;
    for &c in cuts {
        let c = c.clamp(start, raw.len());
        p.push(&raw[start..c]);
        drain(&mut p);
        start = c;
    }
    p.push(&raw[start..]);
    drain(&mut p);
    p.finish();
    drain(&mut p);
    defects.sort();
    (parts, defects)
}

fn check(raw: &[u8], cuts: &[usize], opts: &Options) {
    let want = from_slice(raw, opts);
    let got = from_push(raw, cuts, opts);
    assert_eq!(got.1, want.1, "defects");
    assert_eq!(got.0.len(), want.0.len(), "part count");
    for (id, w) in &want.0 {
        let g = &got.0[id];
        assert_eq!(g, w, "part {id}");
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/enmime");
    let mut out = Vec::new();
    for sub in ["mail", "low-quality", "parts"] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(sub))
            .expect("corpus present")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            out.push(std::fs::read(f).expect("readable"));
        }
    }
    out
}

#[test]
fn corpus_whole_and_byte_by_byte() {
    for raw in corpus() {
        check(&raw, &[], &opts());
        let every: Vec<usize> = (0..raw.len()).collect();
        check(&raw, &every, &opts());
    }
}

#[test]
fn hostile_shapes_and_limits() {
    let mut deep = String::new();
    for i in 0..100 {
        deep.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n"
        ));
    }
    let mut many = String::from("Content-Type: multipart/mixed; boundary=b\r\n\r\n");
    for _ in 0..50 {
        many.push_str("--b\r\n\r\nx\r\n");
    }
    let long_header = format!("Subject: {}\r\nX: y\r\n\r\nbody", "a".repeat(5000));
    let long_delim = format!(
        "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b{}\r\n--b--\r\n",
        " ".repeat(3000)
    );
    let small = Options::default()
        .with_max_encoded_nesting(0)
        .with_max_parts(7)
        .with_max_depth(5)
        .with_max_header_bytes(100);
    for raw in [deep, many, long_header, long_delim] {
        for o in [opts(), small.clone()] {
            check(raw.as_bytes(), &[], &o);
            check(
                raw.as_bytes(),
                &(0..raw.len()).step_by(7).collect::<Vec<_>>(),
                &o,
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_corpus_any_chunking(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&b"\r\n-: \t;=\"B"[..])), 0..6),
        cut in any::<prop::sample::Index>(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12),
        small in any::<bool>(),
    ) {
        let corpus = corpus();
        let mut raw = corpus[which.index(corpus.len())].clone();
        for (at, b) in edits {
            if !raw.is_empty() {
                let i = at.index(raw.len());
                raw[i] = b;
            }
        }
        raw.truncate(cut.index(raw.len() + 1));
        let mut cuts: Vec<usize> = cuts.iter().map(|c| c.index(raw.len() + 1)).collect();
        cuts.sort();
        let o = if small {
            Options::default().with_max_encoded_nesting(0).with_max_parts(4).with_max_depth(2).with_max_header_bytes(300)
        } else {
            opts()
        };
        check(&raw, &cuts, &o);
    }
}
