use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// A customer lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Lead {
    pub lead_id: String,
    pub company: String,
    pub contact_name: String,
    pub contact_email: String,
    pub notes: String,
    /// `new`, `qualified`, `lost` or `converted`.
    pub status: String,
    /// The customer a converted lead became.
    pub customer_id: Option<String>,
    /// Row version for optimistic concurrency: send it back with a change.
    pub version: i64,
    pub created_at: i64,
}

/// The form of a new lead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewLead {
    pub company: String,
    pub contact_name: String,
    pub contact_email: String,
    #[serde(default)]
    pub notes: String,
}

/// The statuses a person sets by hand (conversion sets `converted`).
pub const SETTABLE_STATUSES: [&str; 3] = ["new", "qualified", "lost"];

/// Whether a lead in status `from` may be set to `to` by hand, as the page
/// offers it: a new lead is qualified or marked lost, a qualified one marked
/// lost, a lost one reopened (new).
pub fn may_set_status(from: &str, to: &str) -> bool {
    matches!(
        (from, to),
        ("new", "qualified" | "lost") | ("qualified", "lost") | ("lost", "new")
    )
}

/// Whether a lead in `status` may be converted into a customer: a new or
/// qualified one (a lost one is reopened first).
pub fn may_convert(status: &str) -> bool {
    matches!(status, "new" | "qualified")
}

/// The words people read for a lead status, in the reader's language.
pub fn lead_status_label(status: &str) -> String {
    crate::i18n::text(match status {
        "new" => crate::key!("leads-status-new"),
        "qualified" => crate::key!("leads-status-qualified"),
        "lost" => crate::key!("leads-status-lost"),
        "converted" => crate::key!("leads-status-converted"),
        _ => crate::key!("leads-status-unknown"),
    })
}

/// Checks a new lead; the same messages in the form and the server.
pub fn check_lead(lead: &NewLead) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value, missing) in [
        ("company", &lead.company, crate::key!("leads-enter-company")),
        (
            "contact_name",
            &lead.contact_name,
            crate::key!("leads-enter-contact-name"),
        ),
    ] {
        let v = value.trim();
        if v.is_empty() {
            errors.insert(field.into(), vec![missing.into()]);
        } else if v.chars().count() > 200 {
            errors.insert(field.into(), vec![crate::msg!("leads-at-most-200")]);
        }
    }
    if let Some(problem) = crate::users::email_problem(&lead.contact_email) {
        errors.insert("contact_email".into(), vec![problem.into()]);
    }
    if lead.notes.chars().count() > 2000 {
        errors.insert("notes".into(), vec![crate::msg!("leads-notes-too-long")]);
    }
    errors
}
