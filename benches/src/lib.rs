//! Shared pieces of the benchmarks (`make bench`): seeding an organization
//! with users, and a load generator over kept-alive connections.

pub mod drive;
pub mod import;
pub mod seed;

/// A `/proc/<pid>/status` figure in MB (`VmRSS`, `VmHWM`).
pub fn memory_mb(pid: u32, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
