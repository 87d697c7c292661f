//! The CPU time of the benchmarking thread, which the `*_cpu` benchmarks measure instead of
//! the wall clock: another process on the same core stretches wall time but not this.
//! Linux only.

/// Nanoseconds this thread has spent on the CPU (`/proc/thread-self/schedstat`). The kernel
/// brings it up to date at scheduler ticks, so time samples of at least tens of milliseconds.
pub fn cpu_ns() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat")
        .expect("this benchmark needs Linux's /proc/thread-self/schedstat");
    stat.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("schedstat starts with the CPU time in nanoseconds")
}
