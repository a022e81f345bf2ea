//! Synthetic corpus for benchmarks and scale tests (filled in below).
