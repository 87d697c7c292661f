//! Message parsing: mailwire-message against mailparse and (built with
//! `RUSTFLAGS="--cfg mailwire_compare_mail_parser"`) stalwartlabs' mail-parser 1.0.1, on the
//! same corpora, for four workloads: parse only, headers, structure, and full decode. See
//! `benches/README.md`.
// The cfg that enables the mail-parser comparison is set by the caller through RUSTFLAGS.
#![allow(unexpected_cfgs)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "message_common/mod.rs"]
mod common;

use common::{WORKLOADS, corpora, peers};

fn bench(c: &mut Criterion) {
    let corpora = corpora();
    for (w, workload) in WORKLOADS.iter().enumerate() {
        for corpus in &corpora {
            let mut g = c.benchmark_group(format!("message/{workload}/{}", corpus.name));
            g.throughput(Throughput::Bytes(corpus.bytes()));
            for (name, f) in peers(w) {
                g.bench_with_input(
                    BenchmarkId::from_parameter(name),
                    &corpus.messages,
                    |b, msgs| {
                        b.iter(|| {
                            let mut n = 0;
                            for m in msgs {
                                n += f(black_box(m));
                            }
                            black_box(n)
                        })
                    },
                );
            }
            g.finish();
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(std::time::Duration::from_millis(300))
        .measurement_time(std::time::Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
