//! The inputs of the `imap` benchmark timed by the CPU time of this thread rather than by the
//! wall clock, so figures taken on a busy machine stay comparable: another process running
//! on the same core stretches the wall time but not the time this thread spends on the CPU.
//!
//! `cargo bench -p mailwire-benches --bench imap_cpu` prints, for each parser, the median CPU
//! time of one pass over the input and the throughput that gives. Linux only (it reads
//! `/proc/thread-self/schedstat`).

use std::hint::black_box;

#[path = "imap_common/mod.rs"]
mod common;
#[path = "cpu_time/mod.rs"]
mod cpu_time;

use cpu_time::cpu_ns;

use common::{
    codec_commands, codec_responses, command_stream, fetch_stream, mailwire_commands,
    mailwire_responses, proto_responses,
};

/// Samples per parser; each sample runs enough passes to last at least `SAMPLE_NS`, because the
/// kernel only brings a running thread's CPU time up to date at scheduler ticks (every few ms).
const SAMPLES: usize = 9;
const SAMPLE_NS: u64 = 250_000_000;

/// CPU time of `passes` passes, in nanoseconds.
fn timed(input: &[u8], run: fn(&[u8]) -> usize, passes: u64) -> u64 {
    let start = cpu_ns();
    for _ in 0..passes {
        black_box(run(black_box(input)));
    }
    cpu_ns() - start
}

/// Median CPU time of one pass, in nanoseconds.
fn median_pass(input: &[u8], run: fn(&[u8]) -> usize) -> f64 {
    let mut passes = 1;
    while timed(input, run, passes) < SAMPLE_NS / 4 {
        passes *= 2;
    }
    passes *= 4;
    let mut times: Vec<f64> = (0..SAMPLES)
        .map(|_| timed(input, run, passes) as f64 / passes as f64)
        .collect();
    times.sort_unstable_by(f64::total_cmp);
    times[SAMPLES / 2]
}

/// A parser's name and its decoding loop (returns how many messages it decoded).
type Parser = (&'static str, fn(&[u8]) -> usize);

fn report(group: &str, input: &[u8], parsers: &[Parser]) {
    let base = median_pass(input, parsers[0].1);
    for &(name, run) in parsers {
        let ns = if name == parsers[0].0 {
            base
        } else {
            median_pass(input, run)
        };
        let mib_s = input.len() as f64 / (1024.0 * 1024.0) / (ns / 1e9);
        println!(
            "{group}/{name}: {:.3} ms CPU per pass, {mib_s:.1} MiB/s, {:.2}x mailwire-imap's time",
            ns / 1e6,
            ns / base
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs one quick pass instead.
    if !std::env::args().any(|a| a == "--bench") {
        let input = fetch_stream(100);
        assert_eq!(mailwire_responses(&input), 100);
        assert_eq!(codec_responses(&input), 100);
        return;
    }
    let fetch = fetch_stream(10_000);
    report(
        "imap_fetch_stream",
        &fetch,
        &[
            ("mailwire-imap", mailwire_responses),
            ("imap-codec", codec_responses),
            ("imap-proto", proto_responses),
        ],
    );
    let commands = command_stream(500);
    report(
        "imap_command_mix",
        &commands,
        &[
            ("mailwire-imap", mailwire_commands),
            ("imap-codec", codec_commands),
        ],
    );
}
