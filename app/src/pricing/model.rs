//! Wire types of the price list and the offers.

use serde::{Deserialize, Serialize};

/// The one currency of every price and invoice.
pub const CURRENCY: &str = "USD";

/// How long a customer commits to an offer. Prices are per seat and per
/// month either way; an annual commitment costs less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Term {
    Monthly,
    Annual,
}

impl Term {
    /// The stored and wire name.
    pub const fn key(self) -> &'static str {
        match self {
            Term::Monthly => "monthly",
            Term::Annual => "annual",
        }
    }

    /// The words people read.
    pub const fn label(self) -> &'static str {
        match self {
            Term::Monthly => "Monthly",
            Term::Annual => "Annual commitment",
        }
    }

    /// The words the reader reads, in their language ("Monthly").
    pub fn name(self) -> String {
        match self {
            Term::Monthly => crate::i18n::text(crate::key!("pricing-term-monthly")),
            Term::Annual => crate::i18n::text(crate::key!("pricing-term-annual")),
        }
    }

    /// [`Term::name`] within a sentence ("annual commitment").
    pub fn name_in_sentence(self) -> String {
        match self {
            Term::Monthly => crate::i18n::text(crate::key!("pricing-term-monthly-lower")),
            Term::Annual => crate::i18n::text(crate::key!("pricing-term-annual-lower")),
        }
    }

    /// Parses a stored name (the database allows no other).
    pub fn from_key(key: &str) -> Option<Term> {
        [Term::Monthly, Term::Annual]
            .into_iter()
            .find(|t| t.key() == key)
    }
}

/// An offer: a product on a term, for a number of seats within bounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Offer {
    pub offer_id: String,
    pub product_id: String,
    /// The product's name, as subscriptions carry it.
    pub product: String,
    pub term: Term,
    /// Per seat and per month, in cents of [`CURRENCY`]; `None` unless the
    /// caller may view pricing (a Sales agent buys without seeing prices).
    pub unit_price_cents: Option<i64>,
    pub min_seats: i64,
    pub max_seats: i64,
}

impl Offer {
    /// "Microsoft 365 E3 — annual commitment", as pickers show it.
    pub fn title(&self) -> String {
        format!("{} — {}", self.product, self.term.label().to_lowercase())
    }

    /// [`Offer::title`] in the reader's language.
    pub fn name(&self) -> String {
        crate::tr!(
            "pricing-offer-title",
            product = self.product,
            term = self.term.name_in_sentence()
        )
    }
}

/// A product of the price list with its offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Product {
    pub product_id: String,
    pub name: String,
    pub description: String,
    /// Monthly first.
    pub offers: Vec<Offer>,
}

/// The price list: every product the console sells, in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PriceList {
    pub currency: String,
    pub products: Vec<Product>,
}

/// Search of the price list (product name or description).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PricingQuery {
    #[serde(default)]
    pub search: String,
}

/// Buying an offer for a customer: which offer and how many seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewPurchase {
    pub offer_id: String,
    pub seats: i64,
}

/// Why `seats` doesn't fit `offer`, if it doesn't; the same message in the
/// form and the server (a catalogue message, see [`crate::msg!`]).
pub fn seats_problem(offer: &Offer, seats: i64) -> Option<String> {
    (!(offer.min_seats..=offer.max_seats).contains(&seats)).then(|| {
        let (product, min, max) = (
            &offer.product,
            thousands(offer.min_seats),
            thousands(offer.max_seats),
        );
        match offer.term {
            Term::Monthly => crate::msg!(
                "pricing-seats-bounds-monthly",
                product = product,
                min = min,
                max = max
            ),
            Term::Annual => crate::msg!(
                "pricing-seats-bounds-annual",
                product = product,
                min = min,
                max = max
            ),
        }
    })
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Cents as money people read: `123456` → `$1,234.56`.
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}${}.{:02}", thousands((abs / 100) as i64), abs % 100)
}

/// Cents as money in the reader's language: `$1,234.56` in English,
/// `1 234,56 $` in French.
pub fn amount(cents: i64) -> String {
    match crate::i18n::current() {
        crate::i18n::Locale::En => money(cents),
        crate::i18n::Locale::Fr => {
            let sign = if cents < 0 { "-" } else { "" };
            let abs = cents.unsigned_abs();
            let units = crate::i18n::number(i64::try_from(abs / 100).unwrap_or(i64::MAX));
            format!("{sign}{units},{:02}\u{a0}$", abs % 100)
        }
    }
}

/// Cents as a plain decimal for files: `123456` → `1234.56`.
pub fn decimal(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(min: i64, max: i64) -> Offer {
        Offer {
            offer_id: "o".into(),
            product_id: "p".into(),
            product: "Suite".into(),
            term: Term::Annual,
            unit_price_cents: None,
            min_seats: min,
            max_seats: max,
        }
    }

    #[test]
    fn amounts_read_as_money() {
        assert_eq!(money(0), "$0.00");
        assert_eq!(money(720), "$7.20");
        assert_eq!(money(123_456_789), "$1,234,567.89");
        assert_eq!(money(-5), "-$0.05");
        assert_eq!(decimal(123_456), "1234.56");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn seat_bounds_are_inclusive_and_named() {
        let o = offer(5, 10_000);
        assert_eq!(seats_problem(&o, 5), None);
        assert_eq!(seats_problem(&o, 10_000), None);
        assert_eq!(
            seats_problem(&o, 4)
                .map(|m| crate::i18n::message(&m))
                .as_deref(),
            Some("Suite — annual commitment takes 5 to 10,000 seats.")
        );
        assert!(seats_problem(&o, 10_001).is_some());
    }

    #[test]
    fn terms_round_trip() {
        for t in [Term::Monthly, Term::Annual] {
            assert_eq!(Term::from_key(t.key()), Some(t));
        }
        assert_eq!(Term::from_key("weekly"), None);
    }
}
