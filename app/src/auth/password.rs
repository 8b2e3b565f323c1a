//! The rule for passwords people choose, shared by the form (in WASM) and the
//! server, so both give the same reason.

/// Minimum length of a chosen password.
pub const MIN_LEN: usize = 12;
/// Maximum length (bounds hashing work).
pub const MAX_LEN: usize = 256;

const COMMON: &str = include_str!("common_passwords.txt");

/// Why `password` can't be used, or `None` when it can.
pub fn new_password_problem(password: &str) -> Option<&'static str> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Some(crate::key!("password-too-short"));
    }
    if len > MAX_LEN {
        return Some(crate::key!("password-too-long"));
    }
    let lower = password.to_lowercase();
    if COMMON.lines().any(|c| c == lower) {
        return Some(crate::key!("password-too-common"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_and_common_list() {
        assert_eq!(new_password_problem("short"), Some("password-too-short"));
        assert!(new_password_problem("Password1234").is_some());
        assert!(new_password_problem("QWERTY123456").is_some());
        assert_eq!(new_password_problem("tangerine-orbit-velvet"), None);
    }
}
