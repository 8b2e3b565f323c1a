//! Giving freed memory back to the system.
//!
//! glibc keeps what a program frees in its arenas for reuse, one arena per
//! thread that allocated, and returns it to the system only from the top of
//! each heap. A server that started up (migrations, catalogues, the first
//! pages) would keep that memory resident while idle. Two settings fix it:
//!
//! - [`configure`] fixes the allocator's thresholds. By default glibc raises
//!   its mmap threshold to the largest block freed so far, so after the first
//!   sign-in the 19 MiB argon2 block of every later one came from a thread's
//!   arena, and stayed there: `malloc_trim` does not shrink the top of a
//!   thread's arena, only of the main one (measured: 19.5 MB resident per
//!   hashing thread, a minute after one sign-in). With fixed thresholds
//!   every block of 1 MiB or more is mapped on its own and unmapped when
//!   freed.
//! - [`trim`] returns every free page now; the server calls it once before
//!   serving and then every [`EVERY`].

use std::time::Duration;

/// How often the server trims while it runs.
pub const EVERY: Duration = Duration::from_secs(30);

/// Blocks of this size or more are mapped on their own and returned to the
/// system as soon as they are freed.
pub const MMAP_THRESHOLD: usize = 1 << 20;

/// Fixes the allocator's thresholds (glibc on Linux; a no-op elsewhere).
/// Call it first thing in `main`, before other threads allocate.
pub fn configure() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let threshold = MMAP_THRESHOLD as libc::c_int;
        // SAFETY: `mallopt` only changes the allocator's tuning parameters;
        // it is called before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, threshold);
            libc::mallopt(libc::M_TRIM_THRESHOLD, threshold);
        }
    }
}

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

/// Every [`EVERY`]: releases the idle database connections' page caches
/// ([`app::db::release_idle_caches`]), then trims, on a blocking thread (a
/// trim walks every arena).
pub fn spawn_trimmer(db: app::db::Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            app::db::release_idle_caches(&db).await;
            let _ = tokio::task::spawn_blocking(trim).await;
        }
    });
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use std::hint::black_box;

    /// This process's own resident memory (not the binary's pages), in KiB.
    fn rss_anon_kib() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("RssAnon:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("RssAnon in /proc/self/status")
    }

    /// Three sign-ins' worth of argon2 blocks (19 MiB each), allocated,
    /// written and freed on a thread of their own as a hashing thread does:
    /// none of them may stay resident. Without `configure`, glibc would
    /// serve the second and third from the thread's arena and keep 19 MiB.
    #[test]
    fn freed_large_blocks_leave_no_resident_memory() {
        super::configure();
        let (before, during, after) = std::thread::spawn(|| {
            let before = rss_anon_kib();
            let mut during = 0;
            for _ in 0..3 {
                let block = black_box(vec![1u8; 19 << 20]);
                during = during.max(rss_anon_kib());
                drop(block);
            }
            (before, during, rss_anon_kib())
        })
        .join()
        .expect("the allocating thread");
        assert!(
            during >= before + 15 * 1024,
            "the 19 MiB block was resident while used ({before} -> {during} KiB)"
        );
        assert!(
            after < before + 8 * 1024,
            "freed blocks stayed resident: {before} KiB before, {after} KiB after"
        );
    }

    /// A connection that read 40 MB of rows keeps them in its page cache
    /// (32 MiB allowed) after it goes back to the pool; releasing the idle
    /// connections' caches and trimming gives that memory back.
    #[tokio::test(flavor = "current_thread")]
    async fn an_idle_connections_page_cache_is_given_back() {
        use sqlx::Executor;
        super::configure();
        let dir = std::env::temp_dir().join(format!("pc-cache-{}", app::db::new_id()));
        std::fs::create_dir_all(&dir).expect("temporary folder");
        let db = app::db::connect(&format!("sqlite://{}/t.db", dir.display()))
            .await
            .expect("database");
        let mut conn = db.acquire().await.expect("connection");
        conn.execute(
            "create table big(x text); \
             with recursive n(i) as (select 1 union all select i + 1 from n where i < 40000) \
             insert into big select hex(randomblob(500)) from n",
        )
        .await
        .expect("40 MB of rows");
        let read: i64 = sqlx::query_scalar("select sum(length(x)) from big")
            .fetch_one(&mut *conn)
            .await
            .expect("read them");
        assert_eq!(read, 40_000_000);
        drop(conn);
        super::trim();
        let cached = rss_anon_kib();
        app::db::release_idle_caches(&db).await;
        super::trim();
        let released = rss_anon_kib();
        db.close().await;
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            released + 20 * 1024 < cached,
            "the idle connection kept its cache: {cached} KiB before, {released} KiB after"
        );
    }
}
