//! Customer leads on the wire: add, qualify, convert into a customer in one
//! transaction, and what is refused (bad fields, stale versions, a taken
//! domain, converting twice).

use crate::helpers::spawn_app;
use app::access::{Role, RoleSet};
use http::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_sales_agent_qualifies_a_lead_and_converts_it_into_a_customer() {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Lead Partners")
        .await
        .expect("org");
    let sales = app
        .add_user(
            &org,
            "Sam Sales",
            RoleSet {
                agent: Some(Role::SalesAgent),
                ..RoleSet::default()
            },
        )
        .await;
    let cookie = app.session_for(&sales.user_id, &org).await;
    let call = |path: &'static str, body: Value| {
        let cookie = cookie.clone();
        let app = &app;
        async move { app.call_as(path, Some(&cookie), &body).await }
    };
    // A bad email is named.
    let (status, body) = call(
        "/api/leads/create",
        json!({"lead": {"company": "Contoso Pharma", "contact_name": "Cleo", "contact_email": "not-an-email"}}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("contact_email"), "{body}");
    let (status, body) = call(
        "/api/leads/create",
        json!({"lead": {"company": "Contoso Pharma", "contact_name": "Cleo", "contact_email": "cleo@pharma.example"}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let lead: Value = serde_json::from_str(&body).expect("lead");
    let id = lead["lead_id"].as_str().expect("id").to_string();
    assert_eq!(lead["status"], json!("new"));

    let (status, body) = call(
        "/api/leads/status",
        json!({"lead_id": id, "version": 1, "status": "qualified"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // From an old version: 409, nothing changed.
    let (status, _) = call(
        "/api/leads/status",
        json!({"lead_id": id, "version": 1, "status": "lost"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // "converted" is only reached by converting.
    let (status, _) = call(
        "/api/leads/status",
        json!({"lead_id": id, "version": 2, "status": "converted"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // A taken domain: 409, and neither the lead nor the customers change.
    app::customers::service::create(
        &app::request::Ctx::operator(&app.db, &org),
        &app::customers::NewCustomer {
            details: app::customers::CustomerDetails {
                name: "Already Here".into(),
                ..Default::default()
            },
            domain: "taken.example".into(),
        },
    )
    .await
    .expect("customer");
    let (status, body) = call(
        "/api/leads/convert",
        json!({"lead_id": id, "version": 2, "domain": "taken.example"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let customers: i64 = sqlx::query_scalar("select count(*) from customer where org_id = $1")
        .bind(&org)
        .fetch_one(&app.db)
        .await
        .expect("count");
    assert_eq!(customers, 1);

    let (status, body) = call(
        "/api/leads/convert",
        json!({"lead_id": id, "version": 2, "domain": "pharma.example"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let customer: Value = serde_json::from_str(&body).expect("customer");
    assert_eq!(customer["details"]["name"], json!("Contoso Pharma"));
    assert_eq!(
        customer["details"]["contact_email"],
        json!("cleo@pharma.example")
    );
    assert_eq!(customer["domain"], json!("pharma.example"));
    let (status, body) = call("/api/leads/list", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let leads: Value = serde_json::from_str(&body).expect("leads");
    assert_eq!(leads[0]["status"], json!("converted"));
    assert_eq!(leads[0]["customer_id"], customer["customer_id"]);
    // Converting twice is refused.
    let (status, _) = call(
        "/api/leads/convert",
        json!({"lead_id": id, "version": 3, "domain": "pharma2.example"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let ops: Vec<String> = sqlx::query_scalar(
        "select operation from activity where org_id = $1 and actor_id = $2 order by at, activity_id",
    )
    .bind(&org)
    .bind(&sales.user_id)
    .fetch_all(&app.db)
    .await
    .expect("activity");
    for op in [
        "lead-created",
        "lead-status-changed",
        "customer-created",
        "lead-converted",
    ] {
        assert!(ops.iter().any(|o| o == op), "{op} missing from {ops:?}");
    }
}

/// The server keeps the steps the page offers: a lost lead is reopened
/// before it is qualified or converted, a qualified one doesn't go back to
/// new; each refusal is a 409 on `status` that changes nothing.
#[tokio::test]
async fn a_lead_moves_only_by_the_steps_the_page_offers() {
    use app::leads::service as leads;
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Lead Partners")
        .await
        .expect("org");
    let ctx = app::request::Ctx::operator(&app.db, &org);
    let lead = leads::create(
        &ctx,
        &app::leads::NewLead {
            company: "Lost Cause Ltd".into(),
            contact_name: "Lu".into(),
            contact_email: "lu@lost.example".into(),
            notes: String::new(),
        },
    )
    .await
    .expect("lead");
    let lost = leads::set_status(&ctx, &lead.lead_id, lead.version, "lost")
        .await
        .expect("new to lost");
    let refused = [
        leads::set_status(&ctx, &lead.lead_id, lost.version, "qualified")
            .await
            .map(|_| ()),
        leads::convert(&ctx, &lead.lead_id, lost.version, "lost.example")
            .await
            .map(|_| ()),
    ];
    for e in refused {
        let e = e.expect_err("refused from lost");
        assert_eq!(e.status(), StatusCode::CONFLICT, "{e:?}");
        assert!(e.field("status").is_some(), "{e:?}");
    }
    let reopened = leads::set_status(&ctx, &lead.lead_id, lost.version, "new")
        .await
        .expect("reopened");
    let qualified = leads::set_status(&ctx, &lead.lead_id, reopened.version, "qualified")
        .await
        .expect("qualified");
    let e = leads::set_status(&ctx, &lead.lead_id, qualified.version, "new")
        .await
        .expect_err("qualified doesn't go back to new");
    assert_eq!(e.status(), StatusCode::CONFLICT);
    let now = leads::get(&ctx, &lead.lead_id).await.expect("lead");
    assert_eq!(
        (now.status.as_str(), now.version),
        ("qualified", qualified.version)
    );
    leads::convert(&ctx, &lead.lead_id, qualified.version, "lost.example")
        .await
        .expect("a qualified lead converts");
}
