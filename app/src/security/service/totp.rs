//! TOTP codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps), the
//! `otpauth://` address an authenticator app scans, its QR code as SVG, and
//! recovery codes. Pure functions; the database lives in `factor.rs`.

use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

/// Seconds per time step.
pub const STEP_SECS: u64 = 30;
/// Steps accepted either side of now (a phone's clock may be a little off).
pub const SKEW_STEPS: u64 = 1;
/// Recovery codes handed out at once.
pub const RECOVERY_CODES: usize = 10;
/// The issuer shown in authenticator apps.
pub const ISSUER: &str = "Partner Console";

/// A fresh 160-bit secret, base32 without padding (what apps expect).
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    match Secret::Raw(bytes.to_vec()).to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(_) => String::new(),
    }
}

fn totp(secret_b32: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_b32.to_string()).to_bytes().ok()?;
    Some(TOTP::new_unchecked(Algorithm::SHA1, 6, 0, STEP_SECS, bytes))
}

/// The time step of a unix time in milliseconds.
pub fn step_of(now_ms: i64) -> u64 {
    u64::try_from(now_ms).unwrap_or(0) / 1000 / STEP_SECS
}

/// The code of `step` for a secret (empty for a malformed secret).
pub fn code_at(secret_b32: &str, step: u64) -> String {
    totp(secret_b32)
        .map(|t| t.generate(step * STEP_SECS))
        .unwrap_or_default()
}

/// The step `code` belongs to, searched within the skew around `now_ms` and
/// after `last_step` (a step already used never matches again).
pub fn matching_step(
    secret_b32: &str,
    code: &str,
    now_ms: i64,
    last_step: Option<u64>,
) -> Option<u64> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret_b32)?;
    let now = step_of(now_ms);
    (now.saturating_sub(SKEW_STEPS)..=now + SKEW_STEPS)
        .filter(|s| last_step.is_none_or(|last| *s > last))
        .find(|s| {
            let expected = t.generate(s * STEP_SECS);
            bool::from(expected.as_bytes().ct_eq(code.as_bytes()))
        })
}

/// A code as typed: spaces and dashes dropped, lower case.
pub fn normalize(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The address an authenticator app reads from the QR code.
pub fn otpauth_uri(secret_b32: &str, account: &str) -> String {
    let label = format!("{ISSUER}:{account}");
    format!(
        "otpauth://totp/{}?secret={secret_b32}&issuer={}&algorithm=SHA1&digits=6&period={STEP_SECS}",
        percent_encode(&label),
        percent_encode(ISSUER)
    )
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'@') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The QR code of `data` as an inline SVG element (no XML declaration),
/// drawn by the server: no image service sees the secret.
pub fn qr_svg(data: &str) -> Option<String> {
    let code = qrcode::QrCode::new(data.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    let start = svg.find("<svg")?;
    // The reader's language (server functions know it); quotes and `<` kept
    // out of the attribute.
    let label = crate::tr!("security-qr-label").replace(['"', '<', '&'], "");
    Some(svg[start..].replacen(
        "<svg",
        &format!("<svg role=\"img\" aria-label=\"{label}\""),
        1,
    ))
}

/// Ten fresh recovery codes, `xxxxx-xxxxx` in lower-case base32 (50 bits each).
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let chars: String = bytes
                .iter()
                .map(|b| ALPHABET[usize::from(b % 32)] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// How a recovery code is stored: SHA-256 of its normalized form.
pub fn recovery_hash(code: &str) -> String {
    let digest = Sha256::digest(normalize(code).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890".
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_match_the_rfc_vectors() {
        // T = 59 s → 94287082 (8 digits); the 6-digit code is its last six.
        assert_eq!(code_at(RFC_SECRET, 59 / STEP_SECS), "287082");
        assert_eq!(code_at(RFC_SECRET, 1_111_111_109 / STEP_SECS), "081804");
    }

    #[test]
    fn a_code_matches_within_the_skew_and_never_twice() {
        // A fixed secret and time: deterministic codes.
        let secret = RFC_SECRET;
        let now_ms = 1_700_000_000_000;
        let step = step_of(now_ms);
        let code = code_at(secret, step);
        assert_eq!(matching_step(secret, &code, now_ms, None), Some(step));
        // Used once: the same step is refused.
        assert_eq!(matching_step(secret, &code, now_ms, Some(step)), None);
        // The previous step's code still passes (clock skew), two back doesn't.
        let previous = code_at(secret, step - 1);
        assert_eq!(
            matching_step(secret, &previous, now_ms, None),
            Some(step - 1)
        );
        let old = code_at(secret, step - 2);
        assert_eq!(matching_step(secret, &old, now_ms, None), None);
        assert_eq!(matching_step(secret, "12345", now_ms, None), None);
        assert_eq!(matching_step(secret, "abcdef", now_ms, None), None);
    }

    #[test]
    fn recovery_codes_are_distinct_and_hash_as_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let c = &codes[0];
        assert_eq!(
            recovery_hash(c),
            recovery_hash(&c.to_uppercase().replace('-', " "))
        );
    }

    #[test]
    fn the_uri_and_qr_carry_the_secret_and_account() {
        let uri = otpauth_uri("ABC234", "ana@contoso.example");
        assert!(uri.starts_with("otpauth://totp/Partner%20Console%3Aana@contoso.example?secret=ABC234&issuer=Partner%20Console"));
        let svg = qr_svg(&uri).expect("svg");
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(!svg.contains("<?xml"));
    }
}
