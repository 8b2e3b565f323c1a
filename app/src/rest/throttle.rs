//! Per-application throttling of API calls: a token bucket per application
//! in each server process (each replica admits its share).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// How many calls an application may make: `burst` at once, refilled at
/// `per_second`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub burst: u32,
    pub per_second: u32,
}

impl Default for RateLimit {
    /// 600 at once, 100 a second after that.
    fn default() -> Self {
        RateLimit {
            burst: 600,
            per_second: 100,
        }
    }
}

/// The buckets, by application id.
pub struct Throttle {
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl Throttle {
    /// The process's throttle.
    pub fn global() -> &'static Throttle {
        static THROTTLE: OnceLock<Throttle> = OnceLock::new();
        THROTTLE.get_or_init(|| Throttle {
            buckets: Mutex::new(HashMap::new()),
        })
    }

    /// Takes one call from `app_id`'s bucket, or says how many seconds to
    /// wait for the next.
    pub fn admit(&self, app_id: &str, limit: &RateLimit) -> Result<(), u64> {
        let now = Instant::now();
        let mut buckets = match self.buckets.lock() {
            Ok(b) => b,
            Err(poisoned) => poisoned.into_inner(),
        };
        // Forget full buckets now and then, so the map stays small.
        if buckets.len() > 10_000 {
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * f64::from(limit.per_second)
                    < f64::from(limit.burst)
            });
        }
        let (tokens, at) = buckets
            .entry(app_id.to_string())
            .or_insert((f64::from(limit.burst), now));
        let refilled = (*tokens
            + now.duration_since(*at).as_secs_f64() * f64::from(limit.per_second))
        .min(f64::from(limit.burst));
        *at = now;
        if refilled >= 1.0 {
            *tokens = refilled - 1.0;
            Ok(())
        } else {
            *tokens = refilled;
            let per_second = f64::from(limit.per_second.max(1));
            Err(((1.0 - refilled) / per_second).ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_refusal_with_a_wait() {
        let t = Throttle {
            buckets: Mutex::new(HashMap::new()),
        };
        let limit = RateLimit {
            burst: 3,
            per_second: 1,
        };
        for _ in 0..3 {
            assert_eq!(t.admit("a", &limit), Ok(()));
        }
        assert_eq!(t.admit("a", &limit), Err(1));
        // Another application has its own bucket.
        assert_eq!(t.admit("b", &limit), Ok(()));
    }
}
