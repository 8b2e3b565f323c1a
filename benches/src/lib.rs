//! Shared pieces of the benchmarks (`make bench`): seeding an organization
//! with users, and a load generator over kept-alive connections.

pub mod drive;
pub mod import;
pub mod seed;

/// The CPU time a process has used so far (user and system, all its
/// threads), in seconds, from `/proc/<pid>/stat` (Linux counts it in
/// ticks of 1/100 s).
pub fn cpu_seconds(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            // Fields after the command name, which is in parentheses and
            // may hold spaces: state is field 3, utime 14 and stime 15.
            let rest = s.rsplit_once(')')?.1;
            let mut f = rest.split_whitespace().skip(11);
            let user: f64 = f.next()?.parse().ok()?;
            let system: f64 = f.next()?.parse().ok()?;
            Some((user + system) / 100.0)
        })
        .unwrap_or(f64::NAN)
}

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
