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
    /// The demo application's secret, when it was just created (shown once).
    pub api_secret: Option<String>,
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
    // Found by its Global admin's sign-in, so renaming the demo organization
    // (Organization profile) does not seed a second one.
    let existing: Option<String> =
        sqlx::query_scalar("select org_id from app_user where email_lower = $1")
            .bind(demo_email(Some(Role::GlobalAdmin)))
            .fetch_optional(db)
            .await?;
    if let Some(org_id) = existing {
        return Ok(Seeded {
            org_id,
            created: false,
            users: demo_users(),
            api_secret: None,
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
            groups: Vec::new(),
        };
        crate::users::service::insert_with_password(&mut work, &org_id, &new, &hash).await?;
    }
    work.commit().await?;
    seed_access(db, &org_id, &hash).await?;
    seed_customers(db, &org_id).await?;
    let api_secret = seed_application(db, &org_id).await?;
    seed_service_health(db).await?;
    seed_leads(db, &org_id).await?;
    seed_delegated_admin(db, &org_id).await?;
    let day = 24 * 60 * 60 * 1000;
    let now = crate::db::now_millis();
    for (name, version, ago) in [
        ("Partner agreement", "2026", 40),
        ("Data protection addendum", "3.1", 400),
    ] {
        crate::agreements::service::record_acceptance(
            db,
            &org_id,
            name,
            version,
            now - ago * day,
            "Demo Global admin",
        )
        .await?;
    }
    crate::resellers::service::register(
        &crate::request::Ctx::operator(db, &org_id),
        &crate::resellers::NewReseller {
            company: "Adventure Works Cycles".into(),
            country: "Canada".into(),
            contact_email: "partners@adventure-works.example".into(),
            reseller_id: "VAR-2041".into(),
        },
    )
    .await?;
    seed_support(db, &org_id).await?;
    seed_devices(db, &org_id).await?;
    crate::incentives::service::seed_demo(db, &org_id).await?;
    seed_billing(db, &org_id).await?;
    Ok(Seeded {
        org_id,
        created: true,
        users: demo_users(),
        api_secret: Some(api_secret),
    })
}

/// Partner IDs for two locations, three groups with members, and a pending
/// role request, on people of their own (the per-role sign-ins keep exactly
/// their role).
async fn seed_access(db: &Db, org_id: &str, hash: &str) -> AppResult<()> {
    use crate::access::{Access, Level, Permissions, Workspace};
    use crate::groups::service as groups;
    let ctx = crate::request::Ctx::operator(db, org_id);
    for (partner_id, location, country) in [
        ("4567890", "Paris", "France"),
        ("4567891", "Montréal", "Canada"),
    ] {
        let input = crate::orgs::LocationInput {
            partner_id: partner_id.into(),
            location: location.into(),
            country: country.into(),
        };
        crate::orgs::service::add_location(&ctx, &input).await?;
    }
    let people = [
        ("Chloé Martin", "chloe.martin", "4567890"),
        ("Lucas Bernard", "lucas.bernard", "4567891"),
        ("Léa Dubois", "lea.dubois", "4567890"),
    ];
    let mut ids = Vec::new();
    let mut work = Work::begin(db, &Actor::operator(org_id)).await?;
    for (name, alias, partner_id) in people {
        let new = NewUser {
            display_name: name.into(),
            email: format!("{alias}@contoso.example"),
            roles: RoleSet::default(),
            partner_id: partner_id.into(),
            groups: Vec::new(),
        };
        ids.push(crate::users::service::insert_with_password(&mut work, org_id, &new, hash).await?);
    }
    work.commit().await?;
    let agent = |role| Access {
        roles: RoleSet {
            agent: Some(role),
            ..RoleSet::default()
        },
        permissions: Permissions::default(),
    };
    let mut billing_read = Permissions::default();
    billing_read.set(Workspace::Billing, Level::Read);
    let desks = [
        ("Helpdesk team", agent(Role::HelpdeskAgent), &ids[..1]),
        ("Sales Montréal", agent(Role::SalesAgent), &ids[1..2]),
        (
            "Invoice readers",
            Access {
                roles: RoleSet::default(),
                permissions: billing_read,
            },
            &ids[..2],
        ),
    ];
    for (name, access, members) in desks {
        let group = groups::create(&ctx, name, &access).await?;
        groups::add_members(&ctx, &group.group_id, members).await?;
    }
    sqlx::query(
        "insert into role_request (request_id, org_id, user_id, role_key, reason, status, created_at)
         values ($1, $2, $3, 'sales-agent', $4, 'pending', $5)",
    )
    .bind(crate::db::new_id())
    .bind(org_id)
    .bind(&ids[2])
    .bind("I now follow the Paris customers' renewals.")
    .bind(crate::db::now_millis())
    .execute(db)
    .await?;
    Ok(())
}

/// An application for scripts (User management admin), whose first secret
/// the start-up banner shows once.
async fn seed_application(db: &Db, org_id: &str) -> AppResult<String> {
    let ctx = crate::request::Ctx::operator(db, org_id);
    let new = crate::applications::NewApplication {
        name: "Directory sync (demo)".into(),
        directory_sync: true,
        access: crate::access::Access {
            roles: RoleSet {
                admin: Some(Role::UserManagementAdmin),
                ..RoleSet::default()
            },
            permissions: Default::default(),
        },
    };
    Ok(crate::applications::service::create(&ctx, &new)
        .await?
        .secret
        .secret)
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
        // The first person of each customer is its own Global admin.
        for (n, (first, last)) in people.iter().enumerate() {
            let new = NewCustomerUser {
                first_name: (*first).into(),
                last_name: (*last).into(),
                display_name: format!("{first} {last}"),
                alias: first.to_lowercase(),
                admin_role: if n == 0 {
                    crate::customer_users::CustomerAdminRole::Global
                } else {
                    Default::default()
                },
                licences: first_sub.iter().cloned().collect(),
            };
            crate::customer_users::service::create(&ctx, &customer.customer_id, &new).await?;
        }
    }
    Ok(())
}

/// A device list for Northwind Traders and two device profiles, the
/// laptop one applied to its laptops.
async fn seed_devices(db: &Db, org_id: &str) -> AppResult<()> {
    use crate::devices::{service, DeviceQuery, NewDeviceList, NewDeviceProfile, ProfileSettings};
    let ctx = crate::request::Ctx::operator(db, org_id);
    let customer_id: String =
        sqlx::query_scalar("select customer_id from customer where org_id = $1 and domain = $2")
            .bind(org_id)
            .bind("northwind.example")
            .fetch_one(db)
            .await?;
    let rows = [
        "5CG2140A1K,T0VNLUhBU0gtTlctMDAx,Contoso Devices,Laptop 14",
        "5CG2140A2K,T0VNLUhBU0gtTlctMDAy,Contoso Devices,Laptop 14",
        "5CG2140A3K,T0VNLUhBU0gtTlctMDAz,Contoso Devices,Laptop 15",
        "7TR0091K,T0VNLUhBU0gtTlctMDA0,Fabrikam Hardware,Kiosk 10",
        "7TR0092K,,Fabrikam Hardware,Kiosk 10",
    ];
    let list = NewDeviceList {
        name: "Spring laptop rollout".into(),
        csv: format!(
            "Device serial number,Hardware hash,Manufacturer,Model\r\n{}\r\n",
            rows.join("\r\n")
        ),
    };
    service::add_list(&ctx, &customer_id, &list).await?;
    let laptop = service::create_profile(
        &ctx,
        &NewDeviceProfile {
            name: "Standard laptop".into(),
            settings: ProfileSettings {
                skip_privacy_settings: true,
                skip_licence_terms: true,
                device_name_template: "NW-%SERIAL%".into(),
                ..ProfileSettings::default()
            },
        },
    )
    .await?;
    service::create_profile(
        &ctx,
        &NewDeviceProfile {
            name: "Shared kiosk".into(),
            settings: ProfileSettings {
                skip_privacy_settings: true,
                skip_licence_terms: true,
                device_name_template: "KIOSK-%RAND:4%".into(),
                ..ProfileSettings::default()
            },
        },
    )
    .await?;
    let query = DeviceQuery {
        customer_id: customer_id.clone(),
        ..DeviceQuery::default()
    };
    let laptops: Vec<String> = service::list_devices(&ctx, &query)
        .await?
        .devices
        .into_iter()
        .filter(|d| d.model.starts_with("Laptop"))
        .map(|d| d.device_id)
        .collect();
    service::apply_profile(&ctx, &customer_id, &laptops, Some(&laptop.profile_id)).await?;
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

/// An open incident on mail (degraded) and one resolved last week, unless
/// incidents are recorded already (the services are shared by organizations).
async fn seed_service_health(db: &Db) -> AppResult<()> {
    use crate::health::service::{record_incident, NewIncident};
    let any: i64 = sqlx::query_scalar("select count(*) from service_incident")
        .fetch_one(db)
        .await?;
    if any > 0 {
        return Ok(());
    }
    let now = crate::db::now_millis();
    let hour = 60 * 60 * 1000;
    record_incident(
        db,
        &NewIncident {
            service_key: "mail",
            title: "Delays in message delivery",
            impact: "Some messages to external recipients arrive up to 30 minutes late.",
            started_at: now - 2 * hour,
            resolved_at: None,
            service_status: "degraded",
        },
    )
    .await?;
    record_incident(
        db,
        &NewIncident {
            service_key: "meetings",
            title: "Meeting recordings not available",
            impact: "Recordings of meetings held that morning appeared with a delay.",
            started_at: now - 7 * 24 * hour,
            resolved_at: Some(now - 7 * 24 * hour + 3 * hour),
            service_status: "degraded",
        },
    )
    .await?;
    Ok(())
}

/// Invoices of the last three months, with an offer bought between the
/// first and the second (so the months differ), through the services.
async fn seed_billing(db: &Db, org_id: &str) -> AppResult<()> {
    use crate::billing::{service as billing, Month};
    let ctx = crate::request::Ctx::operator(db, org_id);
    let last = Month::of_millis(crate::db::now_millis()).previous();
    billing::issue(&ctx, &last.previous().previous().to_string()).await?;
    let northwind: String = sqlx::query_scalar(
        "select customer_id from customer where org_id = $1 and domain = 'northwind.example'",
    )
    .bind(org_id)
    .fetch_one(db)
    .await?;
    crate::pricing::service::buy(
        &ctx,
        &northwind,
        &crate::pricing::NewPurchase {
            offer_id: "teams-essentials-annual".into(),
            seats: 8,
        },
    )
    .await?;
    billing::issue(&ctx, &last.previous().to_string()).await?;
    billing::issue(&ctx, &last.to_string()).await?;
    Ok(())
}

/// Three leads: a new one, a qualified one and a lost one.
async fn seed_leads(db: &Db, org_id: &str) -> AppResult<()> {
    let ctx = crate::request::Ctx::operator(db, org_id);
    for (company, contact, email, status) in [
        (
            "Northwind Traders",
            "Nancy Davolio",
            "nancy@northwind.example",
            "new",
        ),
        (
            "Tailspin Toys",
            "Tom Spin",
            "tom@tailspin.example",
            "qualified",
        ),
        (
            "Wide World Importers",
            "Wanda Wide",
            "wanda@wideworld.example",
            "lost",
        ),
    ] {
        let lead = crate::leads::service::create(
            &ctx,
            &crate::leads::NewLead {
                company: company.into(),
                contact_name: contact.into(),
                contact_email: email.into(),
                notes: String::new(),
            },
        )
        .await?;
        if status != "new" {
            crate::leads::service::set_status(&ctx, &lead.lead_id, lead.version, status).await?;
        }
    }
    Ok(())
}

/// Fabrikam has granted delegated admin privileges; Northwind Traders has
/// been asked and has not answered yet.
async fn seed_delegated_admin(db: &Db, org_id: &str) -> AppResult<()> {
    use crate::customers::service::{find, get, request, CustomerRequest};
    let ctx = crate::request::Ctx::operator(db, org_id);
    for (domain, grant) in [("fabrikam.example", true), ("northwind.example", false)] {
        let id = find(&ctx, domain).await?;
        let customer = get(&ctx, &id).await?;
        let asked = request(&ctx, &id, customer.version, CustomerRequest::DelegatedAdmin).await?;
        if grant {
            crate::delegated_admin::service::answer(&ctx, &id, asked.version, true).await?;
        }
    }
    Ok(())
}

/// A context acting as the demo user of `role`, so the demo's tickets and
/// comments carry people's names.
async fn demo_ctx(db: &Db, org_id: &str, role: Role) -> AppResult<crate::request::Ctx> {
    let email = demo_email(Some(role));
    let (user_id, name): (String, String) = sqlx::query_as(
        "select user_id, display_name from app_user where org_id = $1 and email_lower = $2",
    )
    .bind(org_id)
    .bind(&email)
    .fetch_one(db)
    .await?;
    let mut roles = RoleSet::default();
    match role.kind() {
        crate::access::RoleKind::Agent => roles.agent = Some(role),
        crate::access::RoleKind::Admin => roles.admin = Some(role),
        crate::access::RoleKind::Incentives => roles.incentives = Some(role),
    }
    let me = crate::access::Identity::new(
        user_id,
        org_id.into(),
        DEMO_ORG.into(),
        name,
        email,
        roles,
        false,
    );
    Ok(crate::request::Ctx::for_identity(db, me))
}

/// Customer tickets on the demo customers (open and resolved, with
/// comments, by the Helpdesk and Admin agents) and a console ticket of the
/// Global admin.
async fn seed_support(db: &Db, org_id: &str) -> AppResult<()> {
    use crate::support::service as support;
    use crate::support::{NewTicket, Severity, TicketCategory as C, TicketKind, TicketStatus};
    let helpdesk = demo_ctx(db, org_id, Role::HelpdeskAgent).await?;
    let admin = demo_ctx(db, org_id, Role::AdminAgent).await?;
    let global = demo_ctx(db, org_id, Role::GlobalAdmin).await?;
    let customer = |domain: &'static str| async move {
        sqlx::query_scalar::<_, String>(
            "select customer_id from customer where org_id = $1 and domain = $2",
        )
        .bind(org_id)
        .bind(domain)
        .fetch_one(db)
        .await
    };
    let fabrikam = customer("fabrikam.example").await?;
    let northwind = customer("northwind.example").await?;
    let ticket =
        |customer_id: Option<&String>, title: &str, text: &str, severity, category| NewTicket {
            customer_id: customer_id.cloned(),
            title: title.into(),
            description: text.into(),
            severity,
            category,
        };
    let kind = TicketKind::Customer;

    let billed = support::open(
        &helpdesk,
        kind,
        &ticket(
            Some(&fabrikam),
            "Invoice bills seats that were removed",
            "Fabrikam's October invoice bills 12 seats of Microsoft 365 E3; they had 10 since September 28.",
            Severity::Moderate,
            C::Billing,
        ),
    )
    .await?;
    let id = billed.ticket.ticket_id;
    support::comment(
        &helpdesk,
        kind,
        &id,
        "The customer sent the invoice; seat history attached to their account notes.",
    )
    .await?;
    let t = support::comment(
        &admin,
        kind,
        &id,
        "Credit note requested for 2 seats over October; it will show on the next invoice.",
    )
    .await?;
    support::set_status(&admin, kind, &id, t.ticket.version, TicketStatus::Resolved).await?;

    let mail = support::open(
        &admin,
        kind,
        &ticket(
            Some(&fabrikam),
            "Mail to external recipients arrives late",
            "Since this morning, messages from Fabrikam to outside addresses arrive up to 30 minutes late.",
            Severity::Critical,
            C::Office365,
        ),
    )
    .await?;
    support::comment(&admin, kind, &mail.ticket.ticket_id, "Matches the open incident on Mail and calendars (Service health); the customer is informed.").await?;

    support::open(
        &helpdesk,
        kind,
        &ticket(
            Some(&northwind),
            "A user can't sign in after a password reset",
            "Nestor Wilke gets \"password incorrect\" with the temporary password he was given.",
            Severity::Low,
            C::UsersAndLicences,
        ),
    )
    .await?;

    let console = support::open(
        &global,
        TicketKind::Console,
        &ticket(
            None,
            "Activity export of a whole year is slow",
            "Exporting the activity log as CSV for the last 12 months takes over a minute.",
            Severity::Low,
            C::ConsoleFeature,
        ),
    )
    .await?;
    support::comment(
        &global,
        TicketKind::Console,
        &console.ticket.ticket_id,
        "A month at a time takes a few seconds; that will do until it is fixed.",
    )
    .await?;
    Ok(())
}
