//! Demo data for `serve --demo`: a living console on first start.
//! Seeding is idempotent: it does nothing when the demo organization exists.

use crate::access::{Role, RoleSet};
use crate::activity::service::{Actor, Work};
use crate::db::Db;
use crate::error::AppResult;
use crate::users::NewUser;

/// Name of the seeded organization.
pub const DEMO_ORG: &str = "Contoso Partners";

/// A demo sign-in: one per role, plus one with no role.
#[derive(Debug, Clone)]
pub struct DemoUser {
    pub role: String,
    pub email: String,
    pub password: String,
}

/// What seeding created, for the start-up banner.
#[derive(Debug, Default)]
pub struct Seeded {
    pub org_id: String,
    pub created: bool,
    pub users: Vec<DemoUser>,
}

/// The demo users' password: they skip the forced change so anyone can try
/// the console at once. Only `--demo` creates them.
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// Email for the demo user of `role` (`None` = the user with no role).
pub fn demo_email(role: Option<Role>) -> String {
    format!(
        "{}@contoso.example",
        role.map(Role::key).unwrap_or("no-role")
    )
}

/// Seeds the demo organization with one user per role when missing.
pub async fn seed(db: &Db) -> AppResult<Seeded> {
    if let Some(org_id) = crate::orgs::service::find_by_name(db, DEMO_ORG).await? {
        return Ok(Seeded {
            org_id,
            created: false,
            users: demo_users(),
        });
    }
    let org_id = crate::orgs::service::create(db, DEMO_ORG).await?;
    let hash = crate::auth::secrets::hash_password(DEMO_PASSWORD)?;
    let mut people: Vec<(String, Option<Role>)> = Role::ALL
        .into_iter()
        .map(|r| (format!("Demo {}", r.label()), Some(r)))
        .collect();
    people.push(("Demo No Role".into(), None));
    let mut work = Work::begin(db, &Actor::operator(&org_id)).await?;
    for (name, role) in people {
        let mut roles = RoleSet::default();
        match role.map(Role::kind) {
            Some(crate::access::RoleKind::Agent) => roles.agent = role,
            Some(crate::access::RoleKind::Admin) => roles.admin = role,
            Some(crate::access::RoleKind::Incentives) => roles.incentives = role,
            None => {}
        }
        let new = NewUser {
            display_name: name,
            email: demo_email(role),
            roles,
            partner_id: String::new(),
        };
        crate::users::service::insert_with_password(&mut work, &org_id, &new, &hash).await?;
    }
    work.commit().await?;
    seed_customers(db, &org_id).await?;
    Ok(Seeded {
        org_id,
        created: true,
        users: demo_users(),
    })
}

/// Name, domain, subscriptions (product, seats) and users (first, last name).
type DemoCustomer = (
    &'static str,
    &'static str,
    &'static [(&'static str, i64)],
    &'static [(&'static str, &'static str)],
);

/// Two customers with subscriptions and a few licensed users.
async fn seed_customers(db: &Db, org_id: &str) -> AppResult<()> {
    use crate::customer_users::NewCustomerUser;
    use crate::customers::{CustomerDetails, NewCustomer};
    let ctx = crate::request::Ctx::operator(db, org_id);
    let customers: [DemoCustomer; 2] = [
        (
            "Fabrikam",
            "fabrikam.example",
            &[("Microsoft 365 E3", 10), ("Exchange Online (Plan 1)", 5)],
            &[("Adele", "Vance"), ("Alex", "Wilber"), ("Megan", "Bowen")],
        ),
        (
            "Northwind Traders",
            "northwind.example",
            &[("Microsoft 365 Business Basic", 3)],
            &[("Nestor", "Wilke")],
        ),
    ];
    for (name, domain, subs, people) in customers {
        let details = CustomerDetails {
            name: name.into(),
            contact_email: format!("it@{domain}"),
            ..CustomerDetails::default()
        };
        let new = NewCustomer {
            details,
            domain: domain.into(),
        };
        let customer = crate::customers::service::create(&ctx, &new).await?;
        let mut first_sub = None;
        for (product, seats) in subs {
            let s =
                crate::subscriptions::service::create(&ctx, &customer.customer_id, product, *seats)
                    .await?;
            first_sub.get_or_insert(s.subscription_id);
        }
        for (first, last) in people {
            let new = NewCustomerUser {
                first_name: (*first).into(),
                last_name: (*last).into(),
                display_name: format!("{first} {last}"),
                alias: first.to_lowercase(),
                admin_role: Default::default(),
                licences: first_sub.iter().cloned().collect(),
            };
            crate::customer_users::service::create(&ctx, &customer.customer_id, &new).await?;
        }
    }
    Ok(())
}

fn demo_users() -> Vec<DemoUser> {
    Role::ALL
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
        .map(|r| DemoUser {
            role: r.map(Role::label).unwrap_or("No role").to_string(),
            email: demo_email(r),
            password: DEMO_PASSWORD.to_string(),
        })
        .collect()
}
