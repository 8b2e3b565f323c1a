//! Support tickets: who may open, comment, resolve and reopen (seed 000),
//! stale versions, the order of comments, the list's filters, what is
//! refused with a named field, and the activity entries of every change.

use crate::helpers::{spawn_app, TestApp};
use app::access::{Identity, Role, RoleKind, RoleSet};
use app::error::AppError;
use app::request::Ctx;
use app::support::{
    service, NewTicket, Severity, TicketCategory, TicketKind, TicketQuery, TicketStatus,
};
use http::StatusCode;
use serde_json::{json, Value};

const CUSTOMER: TicketKind = TicketKind::Customer;
const CONSOLE: TicketKind = TicketKind::Console;

/// A user of `org` holding `role`, and a context acting as them.
async fn person(app: &TestApp, org: &str, role: Role, name: &str) -> Ctx {
    let mut roles = RoleSet::default();
    match role.kind() {
        RoleKind::Agent => roles.agent = Some(role),
        RoleKind::Admin => roles.admin = Some(role),
        RoleKind::Incentives => roles.incentives = Some(role),
    }
    let user = app.add_user(org, name, roles).await;
    let me = Identity::new(
        user.user_id,
        org.into(),
        "Ticket Partners".into(),
        name.into(),
        user.email,
        roles,
        false,
    );
    Ctx::for_identity(&app.db, me)
}

fn new_ticket(customer_id: Option<&str>, title: &str, category: TicketCategory) -> NewTicket {
    NewTicket {
        customer_id: customer_id.map(Into::into),
        title: title.into(),
        description: "Since Monday, for every user.".into(),
        severity: Severity::Moderate,
        category,
    }
}

fn status_of<T: std::fmt::Debug>(result: Result<T, AppError>) -> StatusCode {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e.status(),
    }
}

struct Org {
    id: String,
    customer: String,
}

async fn org(app: &TestApp) -> Org {
    let id = app::orgs::service::create(&app.db, "Ticket Partners")
        .await
        .expect("org");
    let customer = app.add_customer(&id, "Fabrikam").await.customer_id;
    Org { id, customer }
}

/// Seed 000 on one ticket: a Helpdesk agent opens and comments, a Sales
/// agent only reads, an Admin agent resolves and reopens; Office 365 and
/// Azure technical requests take an Admin agent; console tickets are the
/// Global admin's.
#[tokio::test]
async fn each_agent_does_what_seed_000_says() {
    let app = spawn_app().await;
    let o = org(&app).await;
    let helpdesk = person(&app, &o.id, Role::HelpdeskAgent, "Hana Helpdesk").await;
    let sales = person(&app, &o.id, Role::SalesAgent, "Sam Sales").await;
    let admin = person(&app, &o.id, Role::AdminAgent, "Ada Admin").await;
    let global = person(&app, &o.id, Role::GlobalAdmin, "Gil Global").await;
    let customer = Some(o.customer.as_str());

    let opened = service::open(
        &helpdesk,
        CUSTOMER,
        &new_ticket(customer, "Invoice too high", TicketCategory::Billing),
    )
    .await
    .expect("a Helpdesk agent opens");
    let t = &opened.ticket;
    assert_eq!(
        (t.opened_by.as_str(), t.opened_by_kind.as_str()),
        ("Hana Helpdesk", "user")
    );
    assert_eq!(t.status, TicketStatus::Open);
    assert_eq!(
        t.customer.as_ref().map(|c| c.name.as_str()),
        Some("Fabrikam")
    );
    assert!(t.actions.can_comment && !t.actions.can_resolve && !t.actions.can_reopen);
    let id = t.ticket_id.clone();
    service::comment(&helpdesk, CUSTOMER, &id, "The customer sent the invoice.")
        .await
        .expect("a Helpdesk agent comments");

    // A Sales agent reads, with no action, and is refused every change.
    let read = service::get(&sales, CUSTOMER, &id)
        .await
        .expect("a Sales agent reads");
    assert_eq!(read.comments.len(), 1);
    assert!(!read.ticket.actions.can_comment && !read.ticket.actions.can_resolve);
    let v = read.ticket.version;
    assert_eq!(
        status_of(service::comment(&sales, CUSTOMER, &id, "Hi").await),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status_of(service::set_status(&sales, CUSTOMER, &id, v, TicketStatus::Resolved).await),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status_of(
            service::open(
                &sales,
                CUSTOMER,
                &new_ticket(customer, "X", TicketCategory::Other)
            )
            .await
        ),
        StatusCode::FORBIDDEN
    );
    // A Helpdesk agent neither resolves nor opens Office 365 / Azure requests.
    assert_eq!(
        status_of(service::set_status(&helpdesk, CUSTOMER, &id, v, TicketStatus::Resolved).await),
        StatusCode::FORBIDDEN
    );
    for category in [TicketCategory::Office365, TicketCategory::AzureTechnical] {
        let refused = service::open(&helpdesk, CUSTOMER, &new_ticket(customer, "Mail", category))
            .await
            .expect_err("an Admin agent's request");
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert!(refused.to_string().contains("Admin agent"), "{refused}");
        service::open(&admin, CUSTOMER, &new_ticket(customer, "Mail", category))
            .await
            .expect("an Admin agent opens it");
    }

    // An Admin agent comments and resolves; the resolved ticket takes no
    // comment until reopened.
    service::comment(&admin, CUSTOMER, &id, "Credit note requested.")
        .await
        .expect("an Admin agent comments");
    let current = service::get(&admin, CUSTOMER, &id)
        .await
        .expect("get")
        .ticket;
    let resolved = service::set_status(
        &admin,
        CUSTOMER,
        &id,
        current.version,
        TicketStatus::Resolved,
    )
    .await
    .expect("an Admin agent resolves")
    .ticket;
    assert_eq!(resolved.status, TicketStatus::Resolved);
    assert_eq!(resolved.resolved_by.as_deref(), Some("Ada Admin"));
    assert!(resolved.resolved_at.is_some());
    assert!(
        resolved.actions.can_reopen
            && !resolved.actions.can_comment
            && !resolved.actions.can_resolve
    );
    let late = service::comment(&helpdesk, CUSTOMER, &id, "One more thing")
        .await
        .expect_err("resolved");
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert!(
        late.field("status").is_some_and(|m| m.contains("reopen")),
        "{late:?}"
    );
    let seen_by_helpdesk = service::get(&helpdesk, CUSTOMER, &id)
        .await
        .expect("get")
        .ticket;
    assert_eq!(seen_by_helpdesk.actions, Default::default());
    let reopened = service::set_status(&admin, CUSTOMER, &id, resolved.version, TicketStatus::Open)
        .await
        .expect("an Admin agent reopens")
        .ticket;
    assert_eq!(reopened.status, TicketStatus::Open);
    assert_eq!((reopened.resolved_by, reopened.resolved_at), (None, None));
    service::comment(&helpdesk, CUSTOMER, &id, "One more thing")
        .await
        .expect("open again");

    // Console tickets: the Global admin's alone.
    for agent in [&admin, &sales, &helpdesk] {
        assert_eq!(
            status_of(service::list(agent, CONSOLE, &TicketQuery::default()).await),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            status_of(
                service::open(
                    agent,
                    CONSOLE,
                    &new_ticket(None, "Slow", TicketCategory::ConsoleFeature)
                )
                .await
            ),
            StatusCode::FORBIDDEN
        );
    }
    let console = service::open(
        &global,
        CONSOLE,
        &new_ticket(None, "Slow export", TicketCategory::ConsoleFeature),
    )
    .await
    .expect("a Global admin opens a console ticket")
    .ticket;
    assert!(console.customer.is_none());
    assert!(console.actions.can_comment && console.actions.can_resolve);
    let done = service::set_status(
        &global,
        CONSOLE,
        &console.ticket_id,
        1,
        TicketStatus::Resolved,
    )
    .await
    .expect("marked resolved");
    assert_eq!(done.ticket.resolved_by.as_deref(), Some("Gil Global"));
    // The console ticket is not a customer ticket, even for the Global admin.
    assert_eq!(
        status_of(service::get(&global, CUSTOMER, &console.ticket_id).await),
        StatusCode::NOT_FOUND
    );
    let listed = service::list(&sales, CUSTOMER, &TicketQuery::default())
        .await
        .expect("list");
    assert!(listed.tickets.iter().all(|t| t.kind == CUSTOMER));
    assert_eq!(listed.total, 3);
}

/// A status change from an old version is refused, and a comment moves the
/// version: nobody resolves over a comment they have not seen. Asking for
/// the status a ticket already has changes nothing.
#[tokio::test]
async fn a_stale_version_is_refused_and_a_comment_moves_it() {
    let app = spawn_app().await;
    let o = org(&app).await;
    let admin = person(&app, &o.id, Role::AdminAgent, "Ada Admin").await;
    let t = service::open(
        &admin,
        CUSTOMER,
        &new_ticket(Some(&o.customer), "Sync fails", TicketCategory::Other),
    )
    .await
    .expect("open")
    .ticket;
    assert_eq!(t.version, 1);
    let after = service::comment(&admin, CUSTOMER, &t.ticket_id, "Looking into it.")
        .await
        .expect("comment")
        .ticket;
    assert_eq!(after.version, 2);
    let stale = service::set_status(&admin, CUSTOMER, &t.ticket_id, 1, TicketStatus::Resolved)
        .await
        .expect_err("stale");
    assert!(stale.is_stale(), "{stale:?}");
    assert_eq!(
        service::get(&admin, CUSTOMER, &t.ticket_id)
            .await
            .expect("get")
            .ticket
            .status,
        TicketStatus::Open
    );
    let resolved = service::set_status(&admin, CUSTOMER, &t.ticket_id, 2, TicketStatus::Resolved)
        .await
        .expect("resolve")
        .ticket;
    assert_eq!(resolved.version, 3);
    let again = service::set_status(&admin, CUSTOMER, &t.ticket_id, 3, TicketStatus::Resolved)
        .await
        .expect("no change")
        .ticket;
    assert_eq!((again.version, again.status), (3, TicketStatus::Resolved));
    let resolutions: i64 = sqlx::query_scalar(
        "select count(*) from activity where target_id = $1 and operation = 'ticket-resolved'",
    )
    .bind(&t.ticket_id)
    .fetch_one(&app.db)
    .await
    .expect("count");
    assert_eq!(resolutions, 1);

    // Over the API, a stale version gets 409 with the current ticket.
    let global = app
        .add_application(
            &o.id,
            "Ticket bot",
            RoleSet {
                admin: Some(Role::GlobalAdmin),
                ..RoleSet::default()
            },
        )
        .await;
    let (status, body) = app
        .api(
            "PUT",
            &format!("/support/tickets/{}/status", t.ticket_id),
            Some(&global.secret),
            &json!({"version": 1, "status": "open"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let v: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["code"], json!("stale_version"));
    assert_eq!(v["current"]["ticket"]["version"], json!(3));
    assert_eq!(
        v["current"]["comments"][0]["body"],
        json!("Looking into it.")
    );
}

/// Comments read in the order written, also when several arrive at once;
/// each is numbered once, and the ticket counts them.
#[tokio::test]
async fn comments_read_in_the_order_written() {
    let app = spawn_app().await;
    let o = org(&app).await;
    let helpdesk = person(&app, &o.id, Role::HelpdeskAgent, "Hana Helpdesk").await;
    let admin = person(&app, &o.id, Role::AdminAgent, "Ada Admin").await;
    let id = service::open(
        &helpdesk,
        CUSTOMER,
        &new_ticket(Some(&o.customer), "Order", TicketCategory::Other),
    )
    .await
    .expect("open")
    .ticket
    .ticket_id;
    for n in 1..=12 {
        let who = if n % 2 == 0 { &admin } else { &helpdesk };
        service::comment(who, CUSTOMER, &id, &format!("Comment {n}"))
            .await
            .expect("comment");
    }
    let thread = service::get(&helpdesk, CUSTOMER, &id).await.expect("get");
    let bodies: Vec<String> = thread.comments.iter().map(|c| c.body.clone()).collect();
    let expected: Vec<String> = (1..=12).map(|n| format!("Comment {n}")).collect();
    assert_eq!(bodies, expected);
    assert_eq!(thread.comments[1].author, "Ada Admin");
    assert_eq!(thread.ticket.comment_count, 12);

    let mut at_once = tokio::task::JoinSet::new();
    for n in 0..6 {
        let ctx = if n % 2 == 0 {
            helpdesk.clone()
        } else {
            admin.clone()
        };
        let id = id.clone();
        at_once.spawn(async move {
            service::comment(&ctx, CUSTOMER, &id, &format!("Parallel {n}")).await
        });
    }
    while let Some(done) = at_once.join_next().await {
        done.expect("task").expect("comment");
    }
    let seqs: Vec<i64> = sqlx::query_scalar(
        "select seq from support_ticket_comment where ticket_id = $1 order by seq",
    )
    .bind(&id)
    .fetch_all(&app.db)
    .await
    .expect("seqs");
    assert_eq!(seqs, (1..=18).collect::<Vec<i64>>());
    let thread = service::get(&helpdesk, CUSTOMER, &id).await.expect("get");
    assert_eq!(thread.ticket.comment_count, 18);
    assert_eq!(thread.ticket.version, 19);
}

/// The list: by status, by customer (another organization's is not found),
/// by words of the title (wildcards taken literally), a page at a time;
/// console lists take no customer.
#[tokio::test]
async fn the_list_filters_by_status_customer_and_title() {
    let app = spawn_app().await;
    let o = org(&app).await;
    let other = app.add_customer(&o.id, "Northwind").await.customer_id;
    let admin = person(&app, &o.id, Role::AdminAgent, "Ada Admin").await;
    let open = |customer: String, title: String| {
        let admin = admin.clone();
        async move {
            service::open(
                &admin,
                CUSTOMER,
                &new_ticket(Some(&customer), &title, TicketCategory::Other),
            )
            .await
            .expect("open")
            .ticket
        }
    };
    for n in 0..27 {
        open(o.customer.clone(), format!("Fabrikam issue {n}")).await;
    }
    let solved = open(other.clone(), "Northwind 100% sign-in failure".into()).await;
    open(other.clone(), "Northwind 100 seats".into()).await;
    // Times are in milliseconds: let the clock move so "most recently
    // active" has one answer.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    service::set_status(
        &admin,
        CUSTOMER,
        &solved.ticket_id,
        1,
        TicketStatus::Resolved,
    )
    .await
    .expect("resolve");

    let list = |q: TicketQuery| {
        let admin = admin.clone();
        async move { service::list(&admin, CUSTOMER, &q).await }
    };
    let all = list(TicketQuery::default()).await.expect("all");
    assert_eq!((all.total, all.tickets.len()), (29, 25));
    // Most recently active first: the resolved one moved to the top.
    assert_eq!(all.tickets[0].ticket_id, solved.ticket_id);
    let second = list(TicketQuery {
        page: 1,
        ..Default::default()
    })
    .await
    .expect("page 2");
    assert_eq!(second.tickets.len(), 4);
    let resolved = list(TicketQuery {
        status: Some(TicketStatus::Resolved),
        ..Default::default()
    })
    .await
    .expect("resolved");
    assert_eq!(resolved.total, 1);
    let northwind = list(TicketQuery {
        customer_id: Some(other.clone()),
        status: Some(TicketStatus::Open),
        ..Default::default()
    })
    .await
    .expect("one customer's");
    assert_eq!(northwind.total, 1);
    assert_eq!(
        northwind.customer.as_ref().map(|c| c.name.as_str()),
        Some("Northwind")
    );
    let percent = list(TicketQuery {
        search: "100%".into(),
        ..Default::default()
    })
    .await
    .expect("search");
    assert_eq!(percent.total, 1, "{:?}", percent.tickets);
    let words = list(TicketQuery {
        search: "ISSUE 2".into(),
        ..Default::default()
    })
    .await
    .expect("search");
    // "issue 2", "issue 20" … "issue 26".
    assert_eq!(words.total, 8);

    let elsewhere = app::orgs::service::create(&app.db, "Elsewhere")
        .await
        .expect("org");
    let foreign = app.add_customer(&elsewhere, "Foreign Co").await.customer_id;
    let missing = list(TicketQuery {
        customer_id: Some(foreign),
        ..Default::default()
    })
    .await
    .expect_err("another organization's customer");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let global = person(&app, &o.id, Role::GlobalAdmin, "Gil Global").await;
    let console = service::list(
        &global,
        CONSOLE,
        &TicketQuery {
            customer_id: Some(other),
            ..Default::default()
        },
    )
    .await
    .expect_err("no customer for console tickets");
    assert!(console.field("customer_id").is_some(), "{console:?}");
}

/// Bad input is refused with the field named, and nothing is written.
#[tokio::test]
async fn bad_tickets_and_comments_are_refused_with_the_field_named() {
    let app = spawn_app().await;
    let o = org(&app).await;
    let admin = person(&app, &o.id, Role::AdminAgent, "Ada Admin").await;
    let global = person(&app, &o.id, Role::GlobalAdmin, "Gil Global").await;
    let fine = new_ticket(Some(&o.customer), "Fine", TicketCategory::Billing);
    let cases = [
        (
            CUSTOMER,
            NewTicket {
                title: "  ".into(),
                ..fine.clone()
            },
            "title",
        ),
        (
            CUSTOMER,
            NewTicket {
                title: "t".repeat(201),
                ..fine.clone()
            },
            "title",
        ),
        (
            CUSTOMER,
            NewTicket {
                description: "d".repeat(5001),
                ..fine.clone()
            },
            "description",
        ),
        (
            CUSTOMER,
            NewTicket {
                customer_id: None,
                ..fine.clone()
            },
            "customer_id",
        ),
        (
            CUSTOMER,
            NewTicket {
                category: TicketCategory::ConsoleApi,
                ..fine.clone()
            },
            "category",
        ),
        (CONSOLE, fine.clone(), "customer_id"),
    ];
    for (kind, new, field) in cases {
        let ctx = if kind == CONSOLE { &global } else { &admin };
        let e = service::open(ctx, kind, &new).await.expect_err(field);
        assert_eq!(
            e.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {e:?}"
        );
        assert!(e.field(field).is_some(), "{field}: {e:?}");
    }
    let unknown = service::open(
        &admin,
        CUSTOMER,
        &NewTicket {
            customer_id: Some("no-such-customer".into()),
            ..fine.clone()
        },
    )
    .await
    .expect_err("unknown customer");
    assert_eq!(unknown.to_string(), "The customer was not found.");
    let id = service::open(&admin, CUSTOMER, &fine)
        .await
        .expect("open")
        .ticket
        .ticket_id;
    let empty = service::comment(&admin, CUSTOMER, &id, " \n ")
        .await
        .expect_err("empty");
    assert_eq!(empty.field("body").as_deref(), Some("Write your comment."));
    let long = service::comment(&admin, CUSTOMER, &id, &"c".repeat(5001))
        .await
        .expect_err("long");
    assert!(long.field("body").is_some(), "{long:?}");
    // An id no row can have (a NUL, which PostgreSQL refuses outright) is
    // simply not found.
    let nul = "a\u{0}b";
    assert_eq!(
        status_of(service::get(&admin, CUSTOMER, nul).await),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status_of(service::comment(&admin, CUSTOMER, nul, "Hi").await),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status_of(service::set_status(&admin, CUSTOMER, nul, 1, TicketStatus::Resolved).await),
        StatusCode::NOT_FOUND
    );
    let nul_customer = NewTicket {
        customer_id: Some(nul.into()),
        ..fine.clone()
    };
    assert_eq!(
        status_of(service::open(&admin, CUSTOMER, &nul_customer).await),
        StatusCode::NOT_FOUND
    );
    let written: (i64, i64) = sqlx::query_as(
        "select (select count(*) from support_ticket), (select count(*) from support_ticket_comment)",
    )
    .fetch_one(&app.db)
    .await
    .expect("counts");
    assert_eq!(written, (1, 0));
}

/// Every change is an activity entry in the same transaction, naming the
/// ticket and, for a customer ticket, its customer.
#[tokio::test]
async fn every_change_is_recorded_with_its_customer() {
    let app = spawn_app().await;
    let o = org(&app).await;
    let admin = person(&app, &o.id, Role::AdminAgent, "Ada Admin").await;
    let global = person(&app, &o.id, Role::GlobalAdmin, "Gil Global").await;
    let t = service::open(
        &admin,
        CUSTOMER,
        &new_ticket(
            Some(&o.customer),
            "Seats missing",
            TicketCategory::Subscriptions,
        ),
    )
    .await
    .expect("open")
    .ticket;
    service::comment(
        &admin,
        CUSTOMER,
        &t.ticket_id,
        "Asked the customer for the order.",
    )
    .await
    .expect("comment");
    service::set_status(&admin, CUSTOMER, &t.ticket_id, 2, TicketStatus::Resolved)
        .await
        .expect("resolve");
    service::set_status(&admin, CUSTOMER, &t.ticket_id, 3, TicketStatus::Open)
        .await
        .expect("reopen");
    let console = service::open(
        &global,
        CONSOLE,
        &new_ticket(None, "Export slow", TicketCategory::ConsoleFeature),
    )
    .await
    .expect("console")
    .ticket;

    let entries = |target: String| {
        let db = app.db.clone();
        async move {
            sqlx::query_as::<_, (String, String, Option<String>, String, String)>(
                "select operation, target_name, customer_id, actor_name, changes
                   from activity where target_kind = 'ticket' and target_id = $1
                  order by operation",
            )
            .bind(target)
            .fetch_all(&db)
            .await
            .expect("activity")
        }
    };
    let rows = entries(t.ticket_id.clone()).await;
    let ops: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        ops,
        [
            "ticket-commented",
            "ticket-opened",
            "ticket-reopened",
            "ticket-resolved"
        ]
    );
    for (_, name, customer, actor, _) in &rows {
        assert_eq!(name, "Seats missing");
        assert_eq!(customer.as_deref(), Some(o.customer.as_str()));
        assert_eq!(actor, "Ada Admin");
    }
    assert!(
        rows[0].4.contains("Asked the customer for the order."),
        "{}",
        rows[0].4
    );
    assert!(rows[3].4.contains("resolved"), "{}", rows[3].4);
    let console_rows = entries(console.ticket_id.clone()).await;
    assert_eq!(console_rows.len(), 1);
    let (op, name, customer, actor, _) = &console_rows[0];
    assert_eq!(
        (
            op.as_str(),
            name.as_str(),
            customer.as_deref(),
            actor.as_str()
        ),
        ("ticket-opened", "Export slow", None, "Gil Global")
    );
}

/// The form's customer picker: words of the name or domain, or the exact id
/// (the customer named in the address), never another organization's.
#[tokio::test]
async fn the_picker_finds_customers_by_name_domain_or_id() {
    let app = spawn_app().await;
    let o = org(&app).await;
    app.add_customer(&o.id, "Northwind").await;
    let elsewhere = app::orgs::service::create(&app.db, "Elsewhere")
        .await
        .expect("org");
    let foreign = app
        .add_customer(&elsewhere, "Fabrikam East")
        .await
        .customer_id;
    let helpdesk = person(&app, &o.id, Role::HelpdeskAgent, "Hana Helpdesk").await;
    let names = |search: String| {
        let ctx = helpdesk.clone();
        async move {
            service::customers(&ctx, &search)
                .await
                .expect("customers")
                .into_iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(names(String::new()).await, ["Fabrikam", "Northwind"]);
    assert_eq!(names("FABRI".into()).await, ["Fabrikam"]);
    assert_eq!(names("northwind.example".into()).await, ["Northwind"]);
    assert_eq!(names(o.customer.clone()).await, ["Fabrikam"]);
    assert!(names(foreign).await.is_empty());
    let billing = person(&app, &o.id, Role::BillingAdmin, "Bill Billing").await;
    assert_eq!(
        status_of(service::customers(&billing, "").await),
        StatusCode::FORBIDDEN
    );
}
