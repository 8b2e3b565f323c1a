use serde::{Deserialize, Serialize};

/// A program of the vendor's catalogue (the same for every organization).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Program {
    pub program_id: String,
    pub name: String,
    pub description: String,
    /// Open to new enrolments.
    pub open: bool,
    /// For a closed program: the program its enrolments migrate to.
    pub successor_id: Option<String>,
    /// The successor's name.
    pub successor_name: Option<String>,
    /// Whether the caller may enrol a partner ID in it (open, and
    /// `IncentivesEnroll`).
    pub can_enrol: bool,
}

/// Where an enrolment stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EnrolmentStatus {
    /// In the program, earning.
    #[default]
    Active,
    /// Left the program.
    Withdrawn,
    /// Replaced by another enrolment (another program or partner ID).
    Migrated,
}

impl EnrolmentStatus {
    /// Every status.
    pub const ALL: [EnrolmentStatus; 3] = [
        EnrolmentStatus::Active,
        EnrolmentStatus::Withdrawn,
        EnrolmentStatus::Migrated,
    ];

    /// The stored and wire name.
    pub const fn key(self) -> &'static str {
        match self {
            EnrolmentStatus::Active => "active",
            EnrolmentStatus::Withdrawn => "withdrawn",
            EnrolmentStatus::Migrated => "migrated",
        }
    }

    /// What the UI shows.
    pub const fn label(self) -> &'static str {
        match self {
            EnrolmentStatus::Active => "Active",
            EnrolmentStatus::Withdrawn => "Withdrawn",
            EnrolmentStatus::Migrated => "Migrated",
        }
    }

    /// [`EnrolmentStatus::label`] in the reader's language, for views.
    pub fn name(self) -> String {
        crate::i18n::text(match self {
            EnrolmentStatus::Active => crate::key!("incentives-status-active"),
            EnrolmentStatus::Withdrawn => crate::key!("incentives-status-withdrawn"),
            EnrolmentStatus::Migrated => crate::key!("incentives-status-migrated"),
        })
    }

    /// Parses a stored name; an unknown one reads as withdrawn (no actions).
    pub fn from_key(key: &str) -> EnrolmentStatus {
        EnrolmentStatus::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or(EnrolmentStatus::Withdrawn)
    }
}

/// One partner ID of the organization enrolled in one program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Enrolment {
    pub enrolment_id: String,
    pub program_id: String,
    pub program_name: String,
    pub partner_id: String,
    /// The partner ID's location; `None` once it was removed from the
    /// organization profile (the enrolment stays, as history).
    pub location: Option<String>,
    pub contact_user_id: String,
    pub contact_name: String,
    pub contact_email: String,
    pub status: EnrolmentStatus,
    /// For a migrated enrolment: the enrolment that replaced it.
    pub migrated_to: Option<String>,
    /// Row version for optimistic concurrency: send it back with a change.
    pub version: i64,
    pub enrolled_at: i64,
    /// When it was withdrawn or migrated.
    pub ended_at: Option<i64>,
    /// Whether the caller may migrate it (active, `IncentivesMigrate`).
    pub can_migrate: bool,
    /// Whether the caller may withdraw it (active, `IncentivesProgramsManage`).
    pub can_withdraw: bool,
}

/// The enrolment form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewEnrolment {
    pub program_id: String,
    /// One of the organization's partner IDs.
    pub partner_id: String,
    /// A user of the organization holding an incentives role.
    pub contact_user_id: String,
}

/// Where a migration moves an enrolment: its program or its successor, and
/// any partner ID of the organization (at least one of the two changes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MigrationTarget {
    pub program_id: String,
    pub partner_id: String,
}

/// A partner ID the organization may enrol or migrate to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PartnerIdChoice {
    pub partner_id: String,
    pub location: String,
}

/// A user who may be an enrolment's contact (an incentives role, own or
/// through a group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactChoice {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
}

/// What the enrolment and migration forms offer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EnrolmentChoices {
    pub partner_ids: Vec<PartnerIdChoice>,
    pub contacts: Vec<ContactChoice>,
}

/// The programs a migration of an enrolment in `current` may move it to:
/// the program itself while open, and its successor when open.
pub fn migration_programs<'a>(programs: &'a [Program], current: &str) -> Vec<&'a Program> {
    let Some(program) = programs.iter().find(|p| p.program_id == current) else {
        return Vec::new();
    };
    let successor = program
        .successor_id
        .as_deref()
        .and_then(|s| programs.iter().find(|p| p.program_id == s));
    std::iter::once(program)
        .chain(successor)
        .filter(|p| p.open)
        .collect()
}
