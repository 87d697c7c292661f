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
    /// The transfer-decoded body of a part known to be a leaf when its headers end.
    decoded: Vec<u8>,
    epilogue: Vec<u8>,
    ended: bool,
}

fn opts() -> Options {
    Options::default()
}

/// Quoted-printable with every space, tab, `=` and non-ASCII byte escaped, line breaks kept
/// and soft breaks every 60 characters.
fn encode_qp(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut col = 0;
    for &b in raw {
        if b == b'\n' || b == b'\r' {
            out.push(b);
            col = 0;
            continue;
        }
        if col >= 60 {
            out.extend_from_slice(b"=\r\n");
            col = 0;
        }
        if b == b'=' || b == b' ' || b == b'\t' || !b.is_ascii_graphic() {
            out.extend_from_slice(format!("={b:02X}").as_bytes());
            col += 3;
        } else {
            out.push(b);
            col += 1;
        }
    }
    out
}

fn encode_base64(raw: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD.encode(raw);
    let mut out = Vec::new();
    for line in text.as_bytes().chunks(76) {
        out.extend_from_slice(line);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// `inner` as a transfer-encoded `message/rfc822` (or `message/global`) body, optionally as
/// the second part of a multipart.
fn wrap(inner: &[u8], qp: bool, global: bool, in_multipart: bool) -> Vec<u8> {
    let (cte, body) = if qp {
        ("quoted-printable", encode_qp(inner))
    } else {
        ("base64", encode_base64(inner))
    };
    let subtype = if global { "global" } else { "rfc822" };
    let mut part =
        format!("Content-Type: message/{subtype}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n")
            .into_bytes();
    part.extend_from_slice(&body);
    if !in_multipart {
        return part;
    }
    let mut out = b"Content-Type: multipart/mixed; boundary=\"outer=_\"\r\n\r\n\
        pre\r\n--outer=_\r\n\r\nfirst\r\n--outer=_\r\n"
        .to_vec();
    out.extend_from_slice(&part);
    out.extend_from_slice(b"\r\n--outer=_--\r\nepi\r\n");
    out
}

fn from_slice(raw: &[u8], opts: &Options) -> (BTreeMap<u32, PartView>, Vec<String>) {
    let msg = Message::parse_with(raw, opts);
    let mut parts = BTreeMap::new();
    for p in msg.parts() {
        // A multipart whose first delimiter never comes is a leaf only in hindsight.
        let late_leaf = msg.defects().iter().any(|d| {
            d.part == p.id() && d.kind == mailwire_message::DefectKind::StartBoundaryNotFound
        });
        let decoded = if p.is_message() || p.is_multipart() || late_leaf {
            Vec::new()
        } else {
            p.decoded_body().into_owned()
        };
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
                decoded,
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
    let mut p = PushParser::new(opts.clone()).decode_bodies(true);
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
                Event::DecodedBody { id, data } => {
                    parts.entry(id.0).or_default().decoded.extend(data)
                }
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
        .with_max_encoded_nesting(1)
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

/// Bodies dense in dashes (rules, signatures, near-delimiters), where the slice parser's
/// search for delimiter lines changes method part way through a body.
#[test]
fn dash_dense_bodies() {
    let noise =
        "a-b -- c\r\n------------------\r\n-- \r\n--ox\r\n--ix\r\nx--i\r\n-\r\n--i-\r\n".repeat(12);
    let raw = format!(
        "Content-Type: multipart/mixed; boundary=o\r\n\r\n{noise}--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n--i\r\n\r\n{noise}\r\n--i\r\n\r\n{noise}--o-x\r\n--i--\r\n{noise}\r\n--o\r\n\r\nlast\r\n--o--\r\n"
    );
    let msg = mailwire_message::Message::parse(raw.as_bytes());
    let bodies: Vec<&[u8]> = msg.leaves().map(|p| p.raw_body()).collect();
    assert_eq!(
        bodies,
        [
            noise.as_bytes(),
            format!("{noise}--o-x").as_bytes(),
            b"last".as_slice()
        ]
    );
    check(raw.as_bytes(), &[], &opts());
    let every: Vec<usize> = (0..raw.len()).collect();
    check(raw.as_bytes(), &every, &opts());
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
            Options::default().with_max_encoded_nesting(1).with_max_parts(4).with_max_depth(2).with_max_header_bytes(300)
        } else {
            opts()
        };
        check(&raw, &cuts, &o);
    }

    /// Transfer-encoded embedded messages nested up to one level past the default limit,
    /// each base64 or quoted-printable, bare or inside a multipart, then damaged and cut.
    #[test]
    fn encoded_embedded_messages_any_chunking(
        which in any::<prop::sample::Index>(),
        layers in prop::collection::vec((any::<bool>(), any::<bool>(), any::<bool>()), 0..5),
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&b"\r\n-=: \tA3"[..])), 0..4),
        cut in any::<prop::sample::Index>(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12),
    ) {
        let corpus = corpus();
        let mut raw = corpus[which.index(corpus.len())].clone();
        for (qp, global, in_multipart) in layers {
            raw = wrap(&raw, qp, global, in_multipart);
        }
        for (at, b) in edits {
            if !raw.is_empty() {
                let i = at.index(raw.len());
                raw[i] = b;
            }
        }
        let keep = raw.len() - cut.index(raw.len() + 1) / 8;
        raw.truncate(keep);
        let mut cuts: Vec<usize> = cuts.iter().map(|c| c.index(raw.len() + 1)).collect();
        cuts.sort();
        check(&raw, &cuts, &opts());
    }
}

#[test]
fn encoded_nesting_known_shapes_byte_by_byte() {
    let inner = b"Subject: in\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n\
        --x\r\nContent-Type: text/plain\r\n\r\nhello = world \r\n--x--\r\n";
    let mut raw = inner.to_vec();
    for (i, qp) in [true, false, true, false].into_iter().enumerate() {
        raw = wrap(&raw, qp, i == 1, i % 2 == 0);
        let every: Vec<usize> = (0..raw.len()).collect();
        check(&raw, &every, &opts());
        check(&raw, &[], &Options::default().with_max_encoded_nesting(1));
        // Three levels are decoded down to the inner text; the fourth stays encoded.
        let (parts, defects) = from_slice(&raw, &opts());
        let reached = parts.values().any(|p| p.body == b"hello = world ");
        let limited = defects.iter().any(|d| d.contains("EncodedNestingLimit"));
        assert_eq!((reached, limited), (i < 3, i == 3), "wrap {i}");
    }
}

/// Quoted-printable white space runs around the bound both decoders share, as a leaf body
/// and inside an embedded message, cut in many places.
#[test]
fn quoted_printable_long_white_space_runs() {
    let max = mailwire_message::MAX_QP_WHITE_SPACE;
    for n in [max - 1, max, max + 1, 10_000] {
        for unit in [" ", "\t", " \t", "\t \r"] {
            let run: String = unit.chars().cycle().take(n).collect();
            let body =
                format!("a{run}\r\nb={run}\r\nc{run}\nd=\r\n{run}=\r\n{run}\r\ne{run}=x\r\n{run}");
            let leaf = format!(
                "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{body}"
            );
            let embedded = format!(
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\
                 Content-Transfer-Encoding: quoted-printable\r\n\r\nSubject: s\r\n\
                 Content-Transfer-Encoding: quoted-printable\r\n\r\n{body}\r\n--b--\r\n"
            );
            for raw in [leaf, embedded] {
                let raw = raw.as_bytes();
                check(raw, &[], &opts());
                check(
                    raw,
                    &(0..raw.len()).step_by(13).collect::<Vec<_>>(),
                    &opts(),
                );
                check(
                    raw,
                    &(0..raw.len()).step_by(4093).collect::<Vec<_>>(),
                    &opts(),
                );
            }
        }
    }
}
