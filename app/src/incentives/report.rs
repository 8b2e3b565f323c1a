//! Incentive reports' wire types: earnings per enrolment and month.

use serde::{Deserialize, Serialize};

/// Which months to report (`YYYY-MM`, both optional and inclusive).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReportQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// What one enrolment earned in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EarningLine {
    pub enrolment_id: String,
    pub program_name: String,
    pub partner_id: String,
    pub contact_name: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Integer cents of `currency`.
    pub amount_cents: i64,
    /// ISO 4217 code.
    pub currency: String,
}

/// The sum of the lines in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CurrencyTotal {
    pub currency: String,
    pub amount_cents: i64,
}

/// The earnings the caller may see, newest month first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct IncentiveReport {
    /// Every enrolment of the organization (`IncentivesReportsViewAll`), or
    /// only those whose contact is the caller.
    pub whole_organization: bool,
    /// Newest month first, at most 5,000.
    pub lines: Vec<EarningLine>,
    /// More lines matched than are listed (the totals and the CSV cover
    /// them all): narrow the months.
    pub truncated: bool,
    pub totals: Vec<CurrencyTotal>,
}

/// Whether `month` is a `YYYY-MM` month.
pub fn valid_month(month: &str) -> bool {
    let b = month.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && matches!(month[5..].parse::<u8>(), Ok(1..=12))
}

/// An amount of integer cents as a plain decimal: `-1234.56`.
pub fn decimal_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// An amount of integer cents as people read it: `1,234.56 EUR`.
pub fn format_amount(cents: i64, currency: &str) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let units = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02} {currency}", abs % 100)
}

/// [`format_amount`] in the reader's language, for views: `1,234.56 EUR`
/// in English, `1 234,56 EUR` (narrow no-break space) in French.
pub fn local_amount(cents: i64, currency: &str) -> String {
    let english = format_amount(cents, currency);
    match crate::i18n::current() {
        crate::i18n::Locale::En => english,
        crate::i18n::Locale::Fr => english
            .chars()
            .map(|c| match c {
                ',' => '\u{202f}',
                '.' => ',',
                c => c,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_amounts() {
        assert!(valid_month("2026-01"));
        assert!(valid_month("2026-12"));
        assert!(!valid_month("2026-13"));
        assert!(!valid_month("2026-1"));
        assert!(!valid_month("26-01-01"));
        assert_eq!(format_amount(123_456, "EUR"), "1,234.56 EUR");
        assert_eq!(format_amount(5, "USD"), "0.05 USD");
        assert_eq!(format_amount(-100_000_000, "EUR"), "-1,000,000.00 EUR");
        assert_eq!(decimal_amount(-123_456), "-1234.56");
        assert_eq!(decimal_amount(i64::MIN), "-92233720368547758.08");
    }
}
