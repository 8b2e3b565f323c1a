//! The bank and tax profile's wire types and checks (shared by the form and
//! the server), with the IBAN checksum.

use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// Where the programs pay the organization. The account number is never
/// sent back in full: only its last characters, masked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BankTaxProfile {
    pub account_holder: String,
    pub bank_name: String,
    /// The saved account number's last 4 characters after bullets
    /// (`•••• 3000`); empty while none is saved.
    pub account_number_masked: String,
    pub tax_id: String,
    pub tax_country: String,
    pub vat_registered: bool,
    /// Row version for optimistic concurrency; 0 while nothing is saved.
    pub version: i64,
    pub updated_at: Option<i64>,
}

/// The profile form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BankTaxInput {
    pub account_holder: String,
    pub bank_name: String,
    /// An IBAN or a domestic account number (spaces and hyphens ignored).
    /// Empty keeps the saved one.
    #[serde(default)]
    pub account_number: String,
    pub tax_id: String,
    pub tax_country: String,
    #[serde(default)]
    pub vat_registered: bool,
}

/// An account number without its spaces and hyphens, upper-cased.
pub fn normalize_account_number(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether a (normalized) account number is meant as an IBAN: two letters
/// (the country) then two digits (the check digits).
pub fn looks_like_iban(number: &str) -> bool {
    let b = number.as_bytes();
    b.len() >= 4
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && b[2..4].iter().all(u8::is_ascii_digit)
}

/// Whether an IBAN's check digits are right (ISO 13616: the number moved
/// four places, letters as 10–35, is 1 modulo 97). Expects a normalized one.
pub fn iban_checksum_ok(iban: &str) -> bool {
    if !(15..=34).contains(&iban.len()) || !iban.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let (head, tail) = iban.split_at(4);
    let mut rest: u32 = 0;
    for c in tail.chars().chain(head.chars()) {
        let Some(v) = c.to_digit(36) else {
            return false;
        };
        // Letters count as two digits, digits as one.
        rest = if v >= 10 {
            (rest * 100 + v) % 97
        } else {
            (rest * 10 + v) % 97
        };
    }
    rest == 1
}

/// What is wrong with an account number, if anything.
pub fn account_number_problem(number: &str) -> Option<&'static str> {
    let n = normalize_account_number(number);
    if n.is_empty() {
        return Some(crate::key!("incentives-enter-account-number"));
    }
    if looks_like_iban(&n) {
        if !iban_checksum_ok(&n) {
            return Some(crate::key!("incentives-iban-invalid"));
        }
        return None;
    }
    if !(4..=20).contains(&n.len()) || !n.chars().all(|c| c.is_ascii_digit()) {
        return Some(crate::key!("incentives-account-number-invalid"));
    }
    None
}

/// An account number as the log and the page show it: its last 4
/// characters after bullets.
pub fn mask_account_number(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() <= 4 {
        return "••••".into();
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("•••• {tail}")
}

/// Checks the form; `has_account` says whether an account number is saved
/// (then an empty one keeps it). The same messages in the form and the
/// server.
pub fn check_bank_tax(input: &BankTaxInput, has_account: bool) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value, what, max) in [
        (
            "account_holder",
            &input.account_holder,
            crate::key!("incentives-enter-account-holder"),
            200,
        ),
        (
            "bank_name",
            &input.bank_name,
            crate::key!("incentives-enter-bank-name"),
            200,
        ),
        (
            "tax_country",
            &input.tax_country,
            crate::key!("incentives-enter-tax-country"),
            100,
        ),
    ] {
        let v = value.trim();
        if v.is_empty() {
            errors.insert(field.into(), vec![what.to_string()]);
        } else if v.chars().count() > max {
            errors.insert(
                field.into(),
                vec![crate::msg!("incentives-max-characters", max = max)],
            );
        }
    }
    let keep = has_account && input.account_number.trim().is_empty();
    if !keep {
        if let Some(problem) = account_number_problem(&input.account_number) {
            errors.insert("account_number".into(), vec![problem.into()]);
        }
    }
    let tax = input.tax_id.trim();
    if tax.is_empty() {
        errors.insert(
            "tax_id".into(),
            vec![crate::msg!("incentives-enter-tax-id")],
        );
    } else if tax.chars().count() > 30
        || !tax
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '/'))
    {
        errors.insert(
            "tax_id".into(),
            vec![crate::msg!("incentives-tax-id-invalid")],
        );
    }
    errors
}

crate::versioned!(BankTaxProfile);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_checksums() {
        for good in [
            "FR7630006000011234567890189",
            "DE89370400440532013000",
            "GB29NWBK60161331926819",
            "NL91ABNA0417164300",
        ] {
            assert!(iban_checksum_ok(good), "{good}");
            assert_eq!(account_number_problem(good), None, "{good}");
        }
        // One digit changed, two swapped, too short.
        for bad in [
            "FR7630006000011234567890188",
            "DE89370400440532031000",
            "GB29NWBK6016",
        ] {
            assert!(!iban_checksum_ok(bad), "{bad}");
            assert!(account_number_problem(bad).is_some(), "{bad}");
        }
        // Spaces, hyphens and lower case are how people type it.
        assert_eq!(
            account_number_problem("fr76 3000-6000 0112 3456 7890 189"),
            None
        );
    }

    #[test]
    fn domestic_numbers_and_masks() {
        assert_eq!(account_number_problem("000123456789"), None);
        assert!(account_number_problem("12").is_some());
        assert!(account_number_problem("12AB34").is_some());
        assert!(account_number_problem("").is_some());
        assert_eq!(mask_account_number("DE89370400440532013000"), "•••• 3000");
        assert_eq!(mask_account_number("1234"), "••••");
    }

    #[test]
    fn an_empty_number_keeps_the_saved_one() {
        let input = BankTaxInput {
            account_holder: "Contoso".into(),
            bank_name: "Bank".into(),
            account_number: String::new(),
            tax_id: "FR 12 345678901".into(),
            tax_country: "France".into(),
            vat_registered: true,
        };
        assert!(check_bank_tax(&input, true).is_empty());
        assert!(check_bank_tax(&input, false).contains_key("account_number"));
        let bad_tax = BankTaxInput {
            tax_id: "=cmd()".into(),
            ..input
        };
        assert!(check_bank_tax(&bad_tax, true).contains_key("tax_id"));
    }
}
