//! The tokio runtime the server runs on, built the same way by `main` and by
//! the tests that start a live server.

use std::io;

/// Worker threads for the main runtime: one per core, at least two (the
/// machine may report one core inside a container).
pub fn default_workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .max(2)
}

/// A multi-threaded runtime with `workers` worker threads, IO and timers on.
pub fn build(workers: usize) -> io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers.max(1))
        .thread_name("pc-worker")
        .enable_all()
        .build()
}
