//! The `message_parse` workloads timed by the CPU time of this thread, with the parsers
//! interleaved sample by sample, so their ratio holds on a busy machine: another process on
//! the same core stretches the wall time but not this thread's CPU time, and what slows the
//! core down (frequency, cache contention) falls on every parser alike.
//!
//! It compares against stalwartlabs' mail-parser, so it is built only with the cfg that makes
//! that crate a dependency (without it the bench says so and exits):
//!
//! ```sh
//! RUSTFLAGS="--cfg mailwire_compare_mail_parser" \
//!   cargo bench -p mailwire-benches --ignore-rust-version --bench message_cpu
//! ```
//!
//! Arguments after `--` pick cells by substring (`-- full-decode/large`). For each workload
//! and corpus it prints each parser's median and fastest CPU time of one
//! pass over the corpus, its throughput, and mailwire's speed relative to it. Linux only (it
//! reads `/proc/thread-self/schedstat`).
// The cfg that enables the mail-parser comparison is set by the caller through RUSTFLAGS.
#![allow(unexpected_cfgs)]

#[cfg(mailwire_compare_mail_parser)]
#[path = "message_common/mod.rs"]
mod common;
#[cfg(mailwire_compare_mail_parser)]
#[path = "cpu_time/mod.rs"]
mod cpu_time;

#[cfg(mailwire_compare_mail_parser)]
mod cpu {
    use super::common::{Corpus, WORKLOADS, Workload, corpora, peers};
    use super::cpu_time::cpu_ns;
    use std::hint::black_box;

    /// Samples per parser; each sample runs enough passes to last at least `SAMPLE_NS`,
    /// because the kernel only brings a running thread's CPU time up to date at scheduler
    /// ticks (every few ms).
    const SAMPLES: usize = 9;
    const SAMPLE_NS: u64 = 100_000_000;

    /// CPU time of `passes` passes over the corpus, in nanoseconds.
    fn timed(corpus: &Corpus, run: Workload, passes: u64) -> u64 {
        let start = cpu_ns();
        for _ in 0..passes {
            let mut n = 0;
            for m in &corpus.messages {
                n += run(black_box(m));
            }
            black_box(n);
        }
        cpu_ns() - start
    }

    /// Passes that make one sample last at least `SAMPLE_NS`.
    fn passes_for(corpus: &Corpus, run: Workload) -> u64 {
        let mut passes = 1;
        while timed(corpus, run, passes) < SAMPLE_NS / 4 {
            passes *= 2;
        }
        passes * 4
    }

    /// Median and fastest of sorted times.
    fn median_min(mut times: Vec<f64>) -> (f64, f64) {
        times.sort_unstable_by(f64::total_cmp);
        (times[times.len() / 2], times[0])
    }

    fn report(workload: &str, corpus: &Corpus, parsers: &[(&'static str, Workload)]) {
        let passes: Vec<u64> = parsers
            .iter()
            .map(|&(_, run)| passes_for(corpus, run))
            .collect();
        let mut times = vec![Vec::with_capacity(SAMPLES); parsers.len()];
        for _ in 0..SAMPLES {
            for (i, &(_, run)) in parsers.iter().enumerate() {
                times[i].push(timed(corpus, run, passes[i]) as f64 / passes[i] as f64);
            }
        }
        let stats: Vec<(f64, f64)> = times.into_iter().map(median_min).collect();
        let (base_median, base_min) = stats[0];
        let mib = corpus.bytes() as f64 / (1024.0 * 1024.0);
        for (&(name, _), &(median, min)) in parsers.iter().zip(&stats) {
            println!(
                "{workload}/{}/{name}: {:.3} ms CPU per pass (fastest {:.3}), {:.1} MiB/s, \
                 mailwire {:.2}x its speed (fastest {:.2}x)",
                corpus.name,
                median / 1e6,
                min / 1e6,
                mib / (median / 1e9),
                median / base_median,
                min / base_min,
            );
        }
    }

    pub fn main() {
        let corpora = corpora();
        // `cargo bench` passes `--bench`; `cargo test --benches` runs one quick pass instead.
        if !std::env::args().any(|a| a == "--bench") {
            for (w, _) in WORKLOADS.iter().enumerate() {
                for corpus in &corpora {
                    for (_, run) in peers(w) {
                        black_box(timed(corpus, run, 1));
                    }
                }
            }
            return;
        }
        // Other arguments pick cells by `workload/corpus` substring, as criterion filters do.
        let filters: Vec<String> = std::env::args()
            .skip(1)
            .filter(|a| !a.starts_with('-'))
            .collect();
        for (w, workload) in WORKLOADS.iter().enumerate() {
            for corpus in &corpora {
                let cell = format!("{workload}/{}", corpus.name);
                if filters.is_empty() || filters.iter().any(|f| cell.contains(f.as_str())) {
                    report(workload, corpus, &peers(w));
                }
            }
        }
    }
}

#[cfg(mailwire_compare_mail_parser)]
fn main() {
    cpu::main();
}

#[cfg(not(mailwire_compare_mail_parser))]
fn main() {
    println!(
        "message_cpu compares against mail-parser and needs its cfg: \
         RUSTFLAGS=\"--cfg mailwire_compare_mail_parser\" \
         cargo bench -p mailwire-benches --ignore-rust-version --bench message_cpu"
    );
}
