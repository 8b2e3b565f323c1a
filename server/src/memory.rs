//! Giving freed memory back to the system.
//!
//! glibc keeps what a program frees in its arenas for reuse, one arena per
//! thread that allocated, and returns it to the system only from the top of
//! each heap. A server that started up (migrations, catalogues, the first
//! pages) or just ran a burst of sign-ins (19 MiB of argon2 memory per
//! hashing thread) would keep that memory resident while idle. `trim` asks
//! the allocator to return every free page now; the server calls it once
//! before serving and then every [`EVERY`].

use std::time::Duration;

/// How often the server trims while it runs.
pub const EVERY: Duration = Duration::from_secs(30);

/// Returns the allocator's free pages to the system (glibc on Linux; a
/// no-op elsewhere).
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases free memory the allocator holds;
    // it touches no memory the program uses and is safe to call from any
    // thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Trims every [`EVERY`], on a blocking thread (a trim walks every arena).
pub fn spawn_trimmer() {
    tokio::spawn(async {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let _ = tokio::task::spawn_blocking(trim).await;
        }
    });
}
