//! Password hashing and random secrets (server only).
//!
//! Chosen passwords: argon2id with OWASP's parameters (19 MiB, 2 passes,
//! 1 lane). Temporary passwords and tokens are 128+ bits of OS randomness,
//! which no dictionary reaches, so a keyed HMAC-SHA-256 is enough for them
//! and bulk creation is not bound by argon2's cost.

use crate::db::Db;
use crate::error::{AppError, AppResult};
use argon2::password_hash::{PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

const TEMP_PREFIX: &str = "hmac-sha256$";

fn argon2() -> AppResult<Argon2<'static>> {
    let params = Params::new(19 * 1024, 2, 1, None).map_err(|e| {
        tracing::error!(error = %e, "argon2 parameters");
        AppError::Internal
    })?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a chosen password (argon2id PHC string).
pub fn hash_password(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            tracing::error!(error = %e, "argon2 hashing");
            AppError::Internal
        })
}

/// A hash nobody's password matches, verified when the email is unknown so
/// that both cases take about the same time.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("not a real password, only for timing").unwrap_or_default())
}

/// Checks a password against a stored hash of either kind.
pub fn verify_password(stored: &str, password: &str, key: &[u8]) -> bool {
    if let Some(hex) = stored.strip_prefix(TEMP_PREFIX) {
        let expected = keyed_hash(key, password);
        return expected
            .strip_prefix(TEMP_PREFIX)
            .is_some_and(|e| e.as_bytes().ct_eq(hex.as_bytes()).into());
    }
    verify_argon2(stored, password)
}

thread_local! {
    /// This thread's argon2 working memory (19 MiB with our parameters),
    /// kept from one check to the next: a fresh allocation of that size is
    /// mapped and faulted in page by page each time, which cost a sixth of
    /// a hashing thread's time in the kernel. The hashing threads let it go
    /// when idle ([`IDLE_RELEASE`]).
    static BLOCKS: std::cell::RefCell<Vec<Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How long a hashing thread waits without work before it frees its
/// working memory.
const IDLE_RELEASE: std::time::Duration = std::time::Duration::from_secs(10);

/// Checks an argon2 PHC string with the parameters it names, in this
/// thread's reused working memory; compares in constant time.
fn verify_argon2(stored: &str, password: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let (Some(expected), Some(salt)) = (parsed.hash, parsed.salt) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    let Ok(params) = Params::try_from(&parsed) else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let blocks = params.block_count();
    let hasher = Argon2::new(algorithm, version, params);
    let mut out = vec![0u8; expected.len()];
    let hashed = BLOCKS.with_borrow_mut(|memory| {
        if memory.len() < blocks {
            memory.resize(blocks, Block::default());
        }
        hasher.hash_password_into_with_memory(
            password.as_bytes(),
            salt,
            &mut out,
            &mut memory[..blocks],
        )
    });
    hashed.is_ok() && bool::from(out.ct_eq(expected.as_bytes()))
}

/// [`verify_password`] off the async workers (argon2 takes tens of
/// milliseconds of CPU), on one of a fixed set of hashing threads (one per
/// core), so a burst of sign-ins queues here instead of stalling every other
/// request. Fixed threads also bound memory: each argon2id check takes
/// 19 MiB, which each hashing thread keeps while it has work and frees
/// after [`IDLE_RELEASE`] without; checks spread over a growing pool of
/// blocking threads held hundreds of megabytes.
pub async fn verify_off_thread(stored: &str, password: &str, key: &[u8]) -> bool {
    let (stored, password, key) = (stored.to_string(), password.to_string(), key.to_vec());
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: HashJob = Box::new(move || {
        let _ = tx.send(verify_password(&stored, &password, &key));
    });
    if hashing_threads().send(job).is_err() {
        return false;
    }
    rx.await.unwrap_or(false)
}

type HashJob = Box<dyn FnOnce() + Send>;

use std::sync::mpsc::RecvTimeoutError;

/// The queue of the hashing threads, started on first use.
fn hashing_threads() -> &'static std::sync::mpsc::Sender<HashJob> {
    static QUEUE: std::sync::OnceLock<std::sync::mpsc::Sender<HashJob>> =
        std::sync::OnceLock::new();
    QUEUE.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<HashJob>();
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        for i in 0..cores {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || loop {
                    // The lock is held only while taking the next job.
                    let job = match rx.lock() {
                        Ok(queue) => queue.recv_timeout(IDLE_RELEASE),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(RecvTimeoutError::Timeout) => {
                            BLOCKS.with_borrow_mut(|memory| *memory = Vec::new());
                        }
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a hashing thread");
            }
        }
        tx
    })
}

/// Whether a stored hash is of a temporary password.
pub fn is_temporary(stored: &str) -> bool {
    stored.starts_with(TEMP_PREFIX)
}

/// HMAC-SHA-256 of a temporary password under the deployment's key.
pub fn keyed_hash(key: &[u8], password: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(m) => m,
        // HMAC takes keys of any length; this arm can't happen.
        Err(_) => return format!("{TEMP_PREFIX}invalid"),
    };
    mac.update(password.as_bytes());
    format!("{TEMP_PREFIX}{}", hex(&mac.finalize().into_bytes()))
}

/// A new temporary password: 138 random bits as 24 characters of an
/// unambiguous alphabet, grouped by four for reading aloud. The bits come
/// from the thread's CSPRNG (ChaCha, seeded and reseeded from the OS), not
/// a system call per password: an import makes a million of them.
pub fn new_temporary_password() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789abcdefghjkmnpqrstuvwxyz";
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    // 54 symbols ≈ 5.75 bits each; 23 symbols give > 128 bits. Rejection
    // sampling keeps the distribution uniform.
    let mut out = String::new();
    let mut count = 0;
    let mut pool = bytes.to_vec();
    while count < 24 {
        if pool.is_empty() {
            let mut more = [0u8; 32];
            rand::thread_rng().fill_bytes(&mut more);
            pool.extend_from_slice(&more);
        }
        let b = pool.remove(0);
        if usize::from(b) < 216 {
            if count > 0 && count % 4 == 0 {
                out.push('-');
            }
            out.push(char::from(ALPHABET[usize::from(b) % ALPHABET.len()]));
            count += 1;
        }
    }
    out
}

/// A new session token (256 random bits, URL-safe text).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of a token, as stored in the sessions table.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The deployment's HMAC key, generated once and shared by every replica
/// through the database.
pub async fn server_key(db: &Db) -> AppResult<Vec<u8>> {
    let mut conn = db.acquire().await?;
    server_key_conn(&mut conn).await
}

/// [`server_key`] on a given connection (inside a unit of work).
pub async fn server_key_conn(conn: &mut sqlx::AnyConnection) -> AppResult<Vec<u8>> {
    const SELECT: &str = "select value from server_key where name = 'temporary-passwords'";
    if let Some(v) = sqlx::query_scalar::<_, String>(SELECT)
        .fetch_optional(&mut *conn)
        .await?
    {
        return Ok(v.into_bytes());
    }
    sqlx::query(
        "insert into server_key (name, value) values ('temporary-passwords', $1)
         on conflict (name) do nothing",
    )
    .bind(new_token())
    .execute(&mut *conn)
    .await?;
    let v: String = sqlx::query_scalar(SELECT).fetch_one(&mut *conn).await?;
    Ok(v.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_and_temporary_passwords_verify() {
        let h = hash_password("tangerine-orbit-velvet").unwrap_or_default();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_password(&h, "tangerine-orbit-velvet", b"k"));
        assert!(!verify_password(&h, "tangerine-orbit-velveT", b"k"));

        let tmp = new_temporary_password();
        assert_eq!(tmp.len(), 29);
        let stored = keyed_hash(b"key", &tmp);
        assert!(is_temporary(&stored));
        assert!(verify_password(&stored, &tmp, b"key"));
        assert!(!verify_password(&stored, &tmp, b"other key"));
        assert_ne!(new_temporary_password(), tmp);
    }

    #[test]
    fn hashes_with_other_parameters_verify_in_the_reused_memory() {
        use argon2::password_hash::PasswordVerifier;
        // Larger, smaller, other lanes, other variants and versions, one
        // after the other on this thread's one buffer; the crate's own
        // verifier is the judge.
        let cases = [
            (Algorithm::Argon2id, Version::V0x13, 19 * 1024, 2, 1),
            (Algorithm::Argon2id, Version::V0x13, 64, 1, 1),
            (Algorithm::Argon2id, Version::V0x13, 256, 3, 4),
            (Algorithm::Argon2i, Version::V0x13, 128, 2, 2),
            (Algorithm::Argon2d, Version::V0x10, 96, 1, 1),
        ];
        for (algorithm, version, m, t, p) in cases {
            let params = Params::new(m, t, p, None).unwrap_or_default();
            let hasher = Argon2::new(algorithm, version, params);
            let salt = SaltString::generate(&mut rand::rngs::OsRng);
            let stored = hasher
                .hash_password(b"quiet-harbour", &salt)
                .map(|h| h.to_string())
                .unwrap_or_default();
            let parsed = PasswordHash::new(&stored);
            assert!(parsed.is_ok_and(|p| hasher.verify_password(b"quiet-harbour", &p).is_ok()));
            assert!(verify_password(&stored, "quiet-harbour", b"k"), "{stored}");
            assert!(!verify_password(&stored, "quiet-harbouR", b"k"), "{stored}");
        }
        for broken in [
            "",
            "$argon2id$",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ",
            "not a hash",
        ] {
            assert!(!verify_password(broken, "quiet-harbour", b"k"));
        }
    }
}
