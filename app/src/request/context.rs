//! [`Ctx`]: one call's identity, actor and database, and the checks every
//! service function starts with.

use crate::access::{Capability, Identity, Role, RoleSet};
use crate::activity::service::Actor;
use crate::db::Db;
use crate::error::{AppError, AppResult};

/// One call: who, the actor to record, the database, and (for a browser
/// session) the session token.
#[derive(Clone)]
pub struct Ctx {
    pub me: Identity,
    pub actor: Actor,
    pub db: Db,
    /// The session token of this request (sign-out and password change).
    pub session: Option<String>,
}

impl Ctx {
    /// The caller's organization.
    pub fn org_id(&self) -> &str {
        &self.me.org_id
    }

    /// Signed in, with any temporary password already replaced and any
    /// second factor the organization requires set up.
    pub fn require_login(&self) -> AppResult<()> {
        self.require_password_changed()?;
        if self.me.must_enrol_second_factor {
            return Err(AppError::SecondFactorRequired);
        }
        Ok(())
    }

    /// Signed in with any temporary password replaced (the security page,
    /// where a required second factor is set up).
    pub fn require_password_changed(&self) -> AppResult<()> {
        if self.me.must_change_password {
            return Err(AppError::PasswordChangeRequired);
        }
        Ok(())
    }

    /// Signed in and holding `cap`; 403 otherwise.
    pub fn require(&self, cap: Capability) -> AppResult<()> {
        self.require_login()?;
        if !self.me.can(cap) {
            return Err(AppError::Forbidden {
                action: format!("capability-{}", cap.key()),
            });
        }
        Ok(())
    }

    /// Signed in and holding at least one of `caps` (403 names the first).
    pub fn require_any(&self, caps: &[Capability]) -> AppResult<()> {
        self.require_login()?;
        match caps.first() {
            Some(first) if !self.me.can_any(caps) => Err(AppError::Forbidden {
                action: format!("capability-{}", first.key()),
            }),
            _ => Ok(()),
        }
    }

    /// The session token, for the calls that end or rotate a session.
    pub fn session_token(&self) -> AppResult<&str> {
        self.session.as_deref().ok_or(AppError::Unauthenticated)
    }

    /// The operator at the command line (`partner-console …`), acting inside
    /// one organization with a Global admin's rights; the activity log
    /// records "Operator (command line)".
    pub fn operator(db: &Db, org_id: &str) -> Ctx {
        let me = Identity::new(
            String::new(),
            org_id.into(),
            String::new(),
            Actor::OPERATOR_NAME.into(),
            String::new(),
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
            false,
        );
        Ctx {
            me,
            actor: Actor::operator(org_id),
            db: db.clone(),
            session: None,
        }
    }

    /// A user's context built without a request (tests, benchmarks): the
    /// same checks apply.
    pub fn for_identity(db: &Db, me: Identity) -> Ctx {
        let actor = Actor::user(&me, None);
        Ctx {
            me,
            actor,
            db: db.clone(),
            session: None,
        }
    }
}
