//! IMAP parsing throughput, mailwire-imap side by side with imap-codec (2.0 alpha) and, for
//! responses, imap-proto.
//!
//! - `imap_fetch_stream`: 10,000 `FETCH (UID FLAGS ENVELOPE BODYSTRUCTURE)` responses, as a
//!   client receives them after `FETCH 1:* (FLAGS ENVELOPE BODYSTRUCTURE)`.
//! - `imap_command_mix`: a typical client's commands, repeated.
//!
//! mailwire-imap runs its framer then its parser over the same stream the others decode.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "imap_common/mod.rs"]
mod common;

use common::{
    codec_commands, codec_responses, command_stream, fetch_stream, mailwire_commands,
    mailwire_responses, proto_responses,
};

fn fetch(c: &mut Criterion) {
    let input = fetch_stream(10_000);
    assert_eq!(mailwire_responses(&input), 10_000);
    assert_eq!(codec_responses(&input), 10_000);
    assert_eq!(proto_responses(&input), 10_000);
    let mut g = c.benchmark_group("imap_fetch_stream");
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.sample_size(20);
    g.bench_function("mailwire-imap", |b| {
        b.iter(|| mailwire_responses(black_box(&input)))
    });
    g.bench_function("imap-codec", |b| {
        b.iter(|| codec_responses(black_box(&input)))
    });
    g.bench_function("imap-proto", |b| {
        b.iter(|| proto_responses(black_box(&input)))
    });
    g.finish();
}

fn commands(c: &mut Criterion) {
    let input = command_stream(500);
    assert_eq!(mailwire_commands(&input), 14 * 500);
    assert_eq!(codec_commands(&input), 14 * 500);
    let mut g = c.benchmark_group("imap_command_mix");
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.sample_size(20);
    g.bench_function("mailwire-imap", |b| {
        b.iter(|| mailwire_commands(black_box(&input)))
    });
    g.bench_function("imap-codec", |b| {
        b.iter(|| codec_commands(black_box(&input)))
    });
    g.finish();
}

criterion_group!(benches, fetch, commands);
criterion_main!(benches);
