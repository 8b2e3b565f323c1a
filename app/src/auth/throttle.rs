//! Sign-in throttling that a stranger can't turn against a user (SPEC §6):
//!
//! - **Account + address** (`pair:`): at most [`PAIR_LIMIT`] attempts per
//!   window for one account from one address; a success clears it. The
//!   slot is taken *before* the password is checked, in one atomic upsert,
//!   so parallel guesses can't race past the limit.
//! - **Address** (`addr:`): at most [`ADDRESS_LIMIT`] attempts per window
//!   from one address across accounts, except for accounts this address has
//!   signed into before ([`known_address`]): made-up emails from a shared
//!   address (a proxy, an office) can't lock out the people who sign in there.
//! - **Account** (`acct:`): failures from every address only *slow down*
//!   the account's next attempts (up to [`MAX_DELAY_MS`]), never refuse them,
//!   so failures from elsewhere can't keep the owner out.

use crate::db::Db;
use crate::error::AppResult;

/// Attempts per account and address in a window.
pub const PAIR_LIMIT: i64 = 5;
/// Attempts per address in a window, for accounts it never signed into.
pub const ADDRESS_LIMIT: i64 = 30;
/// Window over which attempts count.
pub const WINDOW_MS: i64 = 15 * 60 * 1000;
/// Failures across addresses after which an account's attempts slow down.
pub const SLOW_AFTER: i64 = 10;
/// The longest slow-down.
pub const MAX_DELAY_MS: u64 = 2_000;
/// How long a successful sign-in makes an address known for the account.
pub const KNOWN_FOR_MS: i64 = 90 * 24 * 60 * 60 * 1000;

/// The throttle keys of one sign-in attempt.
pub struct Keys {
    pub pair: String,
    pub addr: Option<String>,
    pub acct: String,
}

impl Keys {
    /// Keys for `email_lower` from `addr` (none in-process: one pseudo-address).
    pub fn new(email_lower: &str, addr: Option<&str>) -> Keys {
        Keys {
            pair: format!("pair:{email_lower}|{}", addr.unwrap_or("-")),
            addr: addr.map(|a| format!("addr:{a}")),
            acct: format!("acct:{email_lower}"),
        }
    }
}

/// Purges rows whose window is over, then counts one attempt on `key` and
/// returns the count in the current window (atomic: one upsert).
pub async fn take(db: &Db, key: &str, now: i64) -> AppResult<i64> {
    sqlx::query("delete from sign_in_throttle where window_started_at < $1")
        .bind(now - WINDOW_MS)
        .execute(db)
        .await?;
    let count: i64 = sqlx::query_scalar(
        r#"insert into sign_in_throttle (throttle_key, failures, window_started_at, locked_until)
           values ($1, 1, $2, 0)
           on conflict (throttle_key) do update set
             failures = case when sign_in_throttle.window_started_at < $3 then 1
                             else sign_in_throttle.failures + 1 end,
             window_started_at = case when sign_in_throttle.window_started_at < $3 then $2
                                      else sign_in_throttle.window_started_at end
           returning failures"#,
    )
    .bind(key)
    .bind(now)
    .bind(now - WINDOW_MS)
    .fetch_one(db)
    .await?;
    Ok(count)
}

/// The count on `key` in the current window (0 when none).
pub async fn count(db: &Db, key: &str, now: i64) -> AppResult<i64> {
    let n: Option<i64> = sqlx::query_scalar(
        "select failures from sign_in_throttle where throttle_key = $1 and window_started_at >= $2",
    )
    .bind(key)
    .bind(now - WINDOW_MS)
    .fetch_optional(db)
    .await?;
    Ok(n.unwrap_or(0))
}

/// Forgets `key` (after a success).
pub async fn clear(db: &Db, key: &str) -> AppResult<()> {
    sqlx::query("delete from sign_in_throttle where throttle_key = $1")
        .bind(key)
        .execute(db)
        .await?;
    Ok(())
}

/// How long to wait before answering an account with `failures` failures
/// from all addresses in the window.
pub fn delay_ms(failures: i64) -> u64 {
    if failures < SLOW_AFTER {
        return 0;
    }
    ((failures - SLOW_AFTER + 1) as u64)
        .saturating_mul(100)
        .min(MAX_DELAY_MS)
}

/// Whether `addr` signed into `email_lower`'s account recently.
pub async fn known_address(db: &Db, email_lower: &str, addr: &str, now: i64) -> AppResult<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "select last_success_at from sign_in_address where email_lower = $1 and client_addr = $2",
    )
    .bind(email_lower)
    .bind(addr)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some_and(|t| now - t < KNOWN_FOR_MS))
}

/// Remembers that `addr` signed into `email_lower`'s account.
pub async fn remember_address(db: &Db, email_lower: &str, addr: &str, now: i64) -> AppResult<()> {
    sqlx::query(
        "insert into sign_in_address (email_lower, client_addr, last_success_at) values ($1, $2, $3)
         on conflict (email_lower, client_addr) do update set last_success_at = $3",
    )
    .bind(email_lower)
    .bind(addr)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slowing_down_is_bounded_and_starts_late() {
        assert_eq!(delay_ms(0), 0);
        assert_eq!(delay_ms(SLOW_AFTER - 1), 0);
        assert_eq!(delay_ms(SLOW_AFTER), 100);
        assert_eq!(delay_ms(10_000), MAX_DELAY_MS);
        assert_eq!(delay_ms(i64::MAX), MAX_DELAY_MS);
    }

    #[test]
    fn keys_separate_pairs_addresses_and_accounts() {
        let k = Keys::new("ana@x.example", Some("10.0.0.1"));
        assert_eq!(k.pair, "pair:ana@x.example|10.0.0.1");
        assert_eq!(k.addr.as_deref(), Some("addr:10.0.0.1"));
        assert_eq!(k.acct, "acct:ana@x.example");
        assert_eq!(
            Keys::new("ana@x.example", None).pair,
            "pair:ana@x.example|-"
        );
    }
}
