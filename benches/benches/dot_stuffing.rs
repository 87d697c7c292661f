//! Dot-stuffing and unstuffing throughput on a 1 MiB message: realistic 70-byte lines, and the
//! worst case where every line starts with a dot.

use std::hint::black_box;

use bytes::BytesMut;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mailwire_core::dot::{DotStuffer, DotStufferOptions, DotUnstuffer};

const MESSAGE_SIZE: usize = 1 << 20;

/// About 1 MiB of 70-byte lines (68 bytes of text and CRLF); with `dots`, every line starts
/// with a dot.
fn message(dots: bool) -> Vec<u8> {
    let text =
        b"The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.";
    let mut out = Vec::with_capacity(MESSAGE_SIZE + 70);
    let mut n = 0usize;
    while out.len() < MESSAGE_SIZE {
        if dots {
            out.push(b'.');
        }
        let start = n % 7;
        out.extend_from_slice(&text[start..start + 68 - usize::from(dots)]);
        out.extend_from_slice(b"\r\n");
        n += 1;
    }
    out
}

fn stuffed(content: &[u8]) -> Vec<u8> {
    let mut out = BytesMut::new();
    let mut stuffer = DotStuffer::new(DotStufferOptions::default());
    stuffer.encode(content, &mut out);
    stuffer.finish(&mut out);
    out.to_vec()
}

fn bench(c: &mut Criterion) {
    for (name, dots) in [("70-byte lines", false), ("every line dotted", true)] {
        let content = message(dots);
        let wire = stuffed(&content);
        let mut group = c.benchmark_group(format!("dot_stuffing/{name}"));
        group.throughput(Throughput::Bytes(content.len() as u64));
        for normalize in [true, false] {
            let options = DotStufferOptions {
                normalize_line_endings: normalize,
            };
            let label = if normalize {
                "stuff"
            } else {
                "stuff (no normalising)"
            };
            let mut out = BytesMut::with_capacity(wire.len());
            group.bench_function(label, |b| {
                b.iter(|| {
                    out.clear();
                    let mut stuffer = DotStuffer::new(options);
                    stuffer.encode(black_box(&content), &mut out);
                    stuffer.finish(&mut out);
                    black_box(out.len())
                })
            });
        }
        let mut out = BytesMut::with_capacity(content.len());
        group.bench_function("unstuff", |b| {
            b.iter(|| {
                out.clear();
                let mut unstuffer = DotUnstuffer::new();
                let decoded = unstuffer.decode(black_box(&wire), &mut out);
                assert!(decoded.done);
                black_box(out.len())
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
