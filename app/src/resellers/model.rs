use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// A registered value-added reseller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Reseller {
    pub registration_id: String,
    pub company: String,
    pub country: String,
    pub contact_email: String,
    /// The reseller's partner ID with the program.
    pub reseller_id: String,
    pub registered_at: i64,
}

/// The registration form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewReseller {
    pub company: String,
    pub country: String,
    pub contact_email: String,
    pub reseller_id: String,
}

/// Checks a registration; the same messages in the form and the server.
pub fn check_reseller(r: &NewReseller) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value, missing) in [
        (
            "company",
            &r.company,
            crate::key!("resellers-enter-company"),
        ),
        (
            "country",
            &r.country,
            crate::key!("resellers-enter-country"),
        ),
    ] {
        let v = value.trim();
        if v.is_empty() {
            errors.insert(field.into(), vec![missing.into()]);
        } else if v.chars().count() > 200 {
            errors.insert(field.into(), vec![crate::msg!("resellers-at-most-200")]);
        }
    }
    if let Some(problem) = crate::users::email_problem(&r.contact_email) {
        errors.insert("contact_email".into(), vec![problem.into()]);
    }
    let id = r.reseller_id.trim();
    if id.is_empty() || id.len() > 20 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        errors.insert(
            "reseller_id".into(),
            vec![crate::msg!("resellers-enter-partner-id")],
        );
    }
    errors
}
