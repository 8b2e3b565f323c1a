//! CSV import and export of customer users.

use crate::helpers::{last_step, spawn_app, steps, CustomerFx, Fixture, TestApp};
use app::access::Role;
use http::StatusCode;
use serde_json::{json, Value};

async fn setup() -> (TestApp, Fixture, CustomerFx, String) {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    // Domain: importers.example; subscription "Suite" with 5 seats, 1 taken.
    let cust = app.add_customer(&fx.org_a, "Importers").await;
    let sa = &fx
        .callers
        .iter()
        .find(|(r, _)| *r == Some(Role::SalesAgent))
        .expect("sa")
        .1;
    let cookie = app.session_for(&sa.user_id, &fx.org_a).await;
    (app, fx, cust, cookie)
}

async fn validate(app: &TestApp, cookie: &str, cust: &CustomerFx, csv: &str) -> Value {
    let body = streamed(app, cookie, cust, "import-validate", csv).await;
    let report = last_step(&body)["Report"].clone();
    assert!(report.is_object(), "the check ends with its report: {body}");
    report
}

/// The users a streamed import created, from its parts after the commit.
pub(crate) fn imported(body: &str) -> Vec<Value> {
    steps(body)
        .iter()
        .filter_map(|s| s["Users"]["part"].as_array().cloned())
        .flatten()
        .collect()
}

/// How many users the customer has, deleted ones included.
pub(crate) async fn users(app: &TestApp, cust: &CustomerFx) -> i64 {
    sqlx::query_scalar("select count(*) from customer_user where customer_id = $1")
        .bind(&cust.customer_id)
        .fetch_one(&app.db)
        .await
        .expect("count")
}

fn reasons(check: &Value) -> Vec<String> {
    check["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    format!(
                        "{}|{}|{}",
                        e["row"],
                        e["column"].as_str().unwrap_or(""),
                        app::i18n::message(e["reason"].as_str().unwrap_or(""))
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn validation_lists_every_bad_row_and_writes_nothing() {
    let (app, _fx, cust, cookie) = setup().await;
    let before = users(&app, &cust).await;
    let csv = "First name,Last name,Display name,Email,Licence\r\n\
               Ada,Lovelace,Ada Lovelace,ada@importers.example,Suite\r\n\
               ,Babbage,Charles Babbage,charles@importers.example,\r\n\
               Grace,Hopper,Grace Hopper,grace@elsewhere.example,\r\n\
               Alan,Turing,Alan Turing,ADA@importers.example,\r\n\
               Ann,Again,Ann Again,ann@importers.example,\r\n\
               Kat,Johnson,Kat Johnson,kat@importers.example,Platinum\r\n\
               Lin,Chen,\"Chen, Lin\",lin@importers.example,\r\n";
    let check = validate(&app, &cookie, &cust, csv).await;
    assert_eq!(check["rows"], 7);
    let r = reasons(&check);
    assert_eq!(r.len(), 5, "{r:?}");
    assert_eq!(
        r[0],
        "3|First name|Enter the first name (1 to 100 characters)."
    );
    assert!(
        r[1].starts_with("4|Email|") && r[1].contains("must end with @importers.example"),
        "{r:?}"
    );
    assert!(
        r[2].starts_with("5|Email|") && r[2].contains("duplicate of row 2"),
        "{r:?}"
    );
    assert!(
        r[3].starts_with("6|Email|") && r[3].contains("already exists"),
        "{r:?}"
    );
    assert!(
        r[4].starts_with("7|Licence|Unknown licence \"Platinum\"; this customer has: Suite."),
        "{r:?}"
    );
    assert_eq!(
        users(&app, &cust).await,
        before,
        "validation writes nothing"
    );
}

#[tokio::test]
async fn not_enough_seats_is_a_row_error() {
    let (app, _fx, cust, cookie) = setup().await;
    let mut csv = String::from("First name,Last name,Display name,Email,Licence\n");
    for i in 0..5 {
        csv.push_str(&format!("U,{i},User {i},user{i}@importers.example,suite\n"));
    }
    let check = validate(&app, &cookie, &cust, &csv).await;
    let r = reasons(&check);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(
        r[0].starts_with("6|Licence|Not enough seats of Suite: 4 available"),
        "{r:?}"
    );
}

#[tokio::test]
async fn bad_files_get_clear_errors() {
    let (app, _fx, cust, cookie) = setup().await;
    let cases = [
        ("Name,Email\nA,a@importers.example\n", "Wrong header"),
        ("First name,Last name,Display name,Email\n", "no user rows"),
        ("", "empty"),
        (
            "First name,Last name,Display name,Email\nA,B,C,c@importers.example,extra,more\n",
            "has 6 columns",
        ),
        (
            "First name,Last name,Display name,Email\nAnn,B,Ann B,ann @importers.example\n",
            "\"ann @importers.example\" can't contain spaces.",
        ),
    ];
    for (csv, expected) in cases {
        let check = validate(&app, &cookie, &cust, csv).await;
        let r = reasons(&check).join(" / ");
        assert!(r.contains(expected), "{csv:?}: {r}");
    }
    // The page sends the file's bytes as they are on disk: a row that is
    // not UTF-8 (here Latin-1) is that row's problem.
    let path = "/api/customer-users/import-validate";
    let csv = "First name,Last name,Display name,Email\nA,B,C,a@importers.example\nA,B,C,caf\u{FFFD}@importers.example\n";
    let (content_type, body) =
        crate::helpers::encode_body(path, &json!({"customer_id": cust.customer_id, "csv": csv}));
    // é is one byte, E9, in Latin-1.
    let parts: Vec<&[u8]> = body.split('\u{FFFD}').map(str::as_bytes).collect();
    let latin1 = parts.join(&0xE9);
    let request = http::Request::post(path)
        .header("content-type", content_type)
        .header("cookie", &cookie)
        .body(axum::body::Body::from(latin1))
        .expect("request");
    let (s, body) = app.send(request).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let r = reasons(&last_step(&body)["Report"]).join(" / ");
    assert!(r.starts_with("3||The file is not UTF-8 text"), "{r}");
    let long = format!(
        "First name,Last name,Display name,Email\n{},B,C,c@importers.example\n",
        "x".repeat(5000)
    );
    let r = reasons(&validate(&app, &cookie, &cust, &long).await).join(" / ");
    assert_eq!(
        r, "2|First name|Enter the first name (1 to 100 characters).",
        "names have the limits of \"Add user\""
    );
    let long_email = format!(
        "First name,Last name,Display name,Email\nA,B,C,{}@importers.example\n",
        "x".repeat(300)
    );
    let r = reasons(&validate(&app, &cookie, &cust, &long_email).await).join(" / ");
    assert!(
        r.starts_with("2|Email|Too long (318 characters; at most 256)"),
        "{r}"
    );
    // A BOM and quoted commas are fine.
    let ok = "\u{FEFF}First name,Last name,Display name,Email\r\n\"Lin\",\"Chen\",\"Chen, Lin\",lin@importers.example\r\n";
    let check = validate(&app, &cookie, &cust, ok).await;
    assert_eq!(check["errors"], json!([]), "{check}");
    assert_eq!(check["rows"], 1);
}

#[tokio::test]
async fn import_is_all_or_nothing_and_returns_passwords() {
    let (app, _fx, cust, cookie) = setup().await;
    let before = users(&app, &cust).await;
    let bad = "First name,Last name,Display name,Email,Licence\nA,A,A A,a@importers.example,Suite\nB,B,,b@importers.example,\n";
    let (s, body) = app
        .call_as(
            "/api/customer-users/import",
            Some(&cookie),
            &json!({"customer_id": cust.customer_id, "csv": bad}),
        )
        .await;
    // The answer streams, so its status is sent before the rows are
    // checked: the refusal is its last step.
    assert_eq!(s, StatusCode::OK);
    let failed = last_step(&body)["Failed"].to_string();
    assert!(
        failed.contains("customer-users-import-refused")
            && failed
                .contains("Row 3, Display name: Enter the display name (1 to 100 characters)."),
        "{body}"
    );
    assert_eq!(users(&app, &cust).await, before);

    let good = "First name,Last name,Display name,Email,Licence\nA,A,A A,a@importers.example,Suite\nB,B,B B,b@importers.example,\n";
    let body = streamed(&app, &cookie, &cust, "import", good).await;
    // Rows checked, then written, then the commit, then the result.
    let names: Vec<String> = steps(&body)
        .iter()
        .filter_map(|s| match s {
            Value::String(unit) => Some(unit.clone()),
            _ => s.as_object()?.keys().next().cloned(),
        })
        .collect();
    assert_eq!(
        names,
        ["Checked", "Written", "Saving", "Users", "Imported"],
        "{body}"
    );
    assert_eq!(steps(&body)[1]["Written"], json!({"rows": 2, "total": 2}));
    assert_eq!(last_step(&body)["Imported"], json!({"users": 2}));
    let created = imported(&body);
    assert_eq!(created.len(), 2);
    assert_eq!(
        created[0]["temporary_password"].as_str().map(str::len),
        Some(29)
    );
    assert_eq!(users(&app, &cust).await, before + 2);
    let entries: i64 = sqlx::query_scalar(
        "select count(*) from activity where customer_id = $1 and operation = 'customer-user-created' and actor_kind = 'user'",
    )
    .bind(&cust.customer_id)
    .fetch_one(&app.db)
    .await
    .expect("entries");
    assert_eq!(entries, 2, "one entry per imported user");

    // Export lists them, with spreadsheet formulas defused.
    let body = export(&app, &cookie, &cust).await;
    let csv = exported(&body);
    assert!(csv.starts_with("First name,Last name,Display name,Email,Licences,Admin role,Status"));
    assert!(
        csv.contains("A,A,A A,a@importers.example,Suite,None,active"),
        "{csv}"
    );
}

/// The import writes in bulk (multi-row statements with bound values), so
/// quotes, backslashes, accents and other scripts must arrive as typed, in
/// the rows, their licences and the activity entries.
#[tokio::test]
async fn names_with_quotes_backslashes_and_accents_are_written_as_typed() {
    let (app, _fx, cust, cookie) = setup().await;
    let display = r#"Zoë "Z" O'Brien \ Ünal 山田"#;
    let csv = format!(
        "First name,Last name,Display name,Email,Licence\n\
         \"Zoë \"\"Z\"\"\",O'Brien \\,\"{}\",zoe@importers.example,Suite\n",
        display.replace('"', "\"\"")
    );
    let body = streamed(&app, &cookie, &cust, "import", &csv).await;
    assert_eq!(last_step(&body)["Imported"], json!({"users": 1}), "{body}");
    let (first, last, shown, id): (String, String, String, String) = sqlx::query_as(
        "select first_name, last_name, display_name, customer_user_id from customer_user
         where customer_id = $1 and user_name_lower = 'zoe@importers.example'",
    )
    .bind(&cust.customer_id)
    .fetch_one(&app.db)
    .await
    .expect("the user");
    assert_eq!(
        (first.as_str(), last.as_str(), shown.as_str()),
        (r#"Zoë "Z""#, r"O'Brien \", display)
    );
    let licences: i64 = sqlx::query_scalar(
        "select count(*) from licence where customer_user_id = $1 and subscription_id = $2",
    )
    .bind(&id)
    .bind(&cust.subscription_id)
    .fetch_one(&app.db)
    .await
    .expect("licences");
    assert_eq!(licences, 1);
    let (target, changes): (String, String) =
        sqlx::query_as("select target_name, changes from activity where target_id = $1")
            .bind(&id)
            .fetch_one(&app.db)
            .await
            .expect("the entry");
    assert_eq!(target, display);
    let changes: Value = serde_json::from_str(&changes).expect("changes");
    assert!(
        changes
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["after"] == display)),
        "{changes}"
    );
}

#[tokio::test]
async fn a_large_import_fits_in_the_body_limit() {
    let (app, _fx, cust, cookie) = setup().await;
    let csv = people(40_000);
    assert!(csv.len() > 2 * 1024 * 1024, "bigger than the default limit");
    let body = streamed(&app, &cookie, &cust, "import-validate", &csv).await;
    // The check says how far it is every 2,000 rows: rows and bytes read
    // grow to the whole file.
    let checked: Vec<(i64, i64)> = steps(&body)
        .iter()
        .filter_map(|s| {
            Some((
                s["Checked"]["rows"].as_i64()?,
                s["Checked"]["read"].as_i64()?,
            ))
        })
        .collect();
    assert!(checked.len() >= 20, "{} progress steps", checked.len());
    assert!(checked
        .windows(2)
        .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1));
    assert_eq!(checked[0].0, 2_000);
    assert_eq!(checked.last().map(|c| c.1), Some(csv.len() as i64));
    let check = last_step(&body)["Report"].clone();
    assert_eq!(
        (
            check["rows"].as_i64(),
            check["errors"].as_array().map(Vec::len)
        ),
        (Some(40_000), Some(0))
    );
}

#[tokio::test]
async fn import_and_create_apply_the_same_field_check_and_write_the_same_way() {
    let (app, _fx, cust, cookie) = setup().await;
    let too_long = "D".repeat(101);
    let message = "Enter the display name (1 to 100 characters).";

    // Import: a row error in the Display name column.
    let csv = format!(
        "First name,Last name,Display name,Email\nAda,Lovelace,{too_long},ada@importers.example\n"
    );
    let r = reasons(&validate(&app, &cookie, &cust, &csv).await);
    assert_eq!(r, [format!("2|Display name|{message}")]);

    // Create: a field error on display_name, with the same message.
    let (s, body) = app
        .call_as(
            "/api/customer-users/create",
            Some(&cookie),
            &json!({"customer_id": cust.customer_id, "user": {"first_name": "Ada", "last_name": "Lovelace",
                   "display_name": too_long, "alias": "ada"}}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let error: Value = serde_json::from_str(&body).expect("error");
    assert_eq!(error["kind"], "validation", "{body}");
    assert_eq!(
        error["display_name"][0]
            .as_str()
            .map(app::i18n::message)
            .as_deref(),
        Some(message),
        "{body}"
    );

    // At the limit both accept, and both write the same activity entry.
    let at_limit = "D".repeat(100);
    let csv = format!(
        "First name,Last name,Display name,Email,Licence\nAda,Lovelace,{at_limit},ada@importers.example,Suite\n"
    );
    let body = streamed(&app, &cookie, &cust, "import", &csv).await;
    assert!(last_step(&body)["Imported"].is_object(), "{body}");
    let (s, body) = app
        .call_as(
            "/api/customer-users/create",
            Some(&cookie),
            &json!({"customer_id": cust.customer_id, "user": {"first_name": "Bob", "last_name": "Lovelace",
                   "display_name": at_limit, "alias": "bob", "licences": [cust.subscription_id]}}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let entries: Vec<(String, String)> = sqlx::query_as(
        "select target_name, changes from activity
         where customer_id = $1 and operation = 'customer-user-created' and actor_kind = 'user'
         order by at, activity_id",
    )
    .bind(&cust.customer_id)
    .fetch_all(&app.db)
    .await
    .expect("entries");
    assert_eq!(entries.len(), 2, "{entries:?}");
    let fields = |changes: &str| -> Vec<(String, Value)> {
        let list: Value = serde_json::from_str(changes).expect("changes");
        list.as_array()
            .map(|a| {
                a.iter()
                    .map(|c| {
                        (
                            c["field"].as_str().unwrap_or("").to_string(),
                            c["after"].clone(),
                        )
                    })
                    .filter(|(f, _)| f != "user name")
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(entries[0].0, entries[1].0);
    assert_eq!(fields(&entries[0].1), fields(&entries[1].1));
    assert_eq!(
        fields(&entries[0].1)
            .iter()
            .map(|(f, _)| f.as_str())
            .collect::<Vec<_>>(),
        [
            "display name",
            "admin role",
            "temporary password",
            "licences"
        ]
    );
}

#[tokio::test]
async fn a_file_with_the_french_templates_header_imports_like_the_english_one() {
    let (app, _fx, cust, cookie) = setup().await;
    let before = users(&app, &cust).await;
    let csv = "Prénom,Nom,Nom d'affichage,E-mail,Licence\nZoé,Roy,Zoé Roy,zoe.roy@importers.example,Suite\n";
    let check = validate(&app, &cookie, &cust, csv).await;
    assert_eq!(reasons(&check), Vec::<String>::new());
    streamed(&app, &cookie, &cust, "import", csv).await;
    assert_eq!(users(&app, &cust).await, before + 1);
    // The template follows the reader's language; both headers have the same columns.
    assert_eq!(
        app::customer_users::IMPORT_HEADER.len(),
        app::customer_users::IMPORT_HEADER_FR.len()
    );
}

/// Cancel in the browser closes the streamed answer: the import is dropped
/// with its open transaction, nothing of it is written, and the database is
/// free for the next import at once.
#[tokio::test]
async fn closing_the_answer_mid_import_writes_nothing() {
    use futures::StreamExt;
    use tower::ServiceExt;
    let (app, _fx, cust, cookie) = setup().await;
    let before = users(&app, &cust).await;
    let csv = people(5_000);
    let request = crate::helpers::upload_request(
        "/api/customer-users/import",
        Some(&cookie),
        &json!({"customer_id": cust.customer_id, "csv": csv}),
    );
    let answer = app.router.clone().oneshot(request).await.expect("answer");
    assert_eq!(answer.status(), StatusCode::OK);
    let mut body = answer.into_body().into_data_stream();
    let mut seen = String::new();
    while !seen.contains("\"Written\"") {
        let chunk = body.next().await.expect("more steps").expect("chunk");
        seen.push_str(&String::from_utf8_lossy(&chunk));
        assert!(
            !seen.contains("Imported"),
            "ended before it was closed: {seen}"
        );
    }
    drop(body);
    assert_eq!(users(&app, &cust).await, before, "nothing of it is written");
    // The same file imports whole right after.
    let body = streamed(&app, &cookie, &cust, "import", &csv).await;
    assert!(last_step(&body)["Imported"].is_object(), "{body}");
    assert_eq!(users(&app, &cust).await, before + 5_000);
}

/// The steps `/api/customer-users/{what}` streams for `csv`; the status
/// comes before the work, so it is 200 whatever the outcome.
async fn streamed(app: &TestApp, cookie: &str, cust: &CustomerFx, what: &str, csv: &str) -> String {
    let (s, body) = app
        .call_as(
            &format!("/api/customer-users/{what}"),
            Some(cookie),
            &json!({"customer_id": cust.customer_id, "csv": csv}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    body
}

/// The page's import sends the users it created, with their passwords,
/// only once the import has committed, in parts of 2,000 in file order,
/// each saying how many are sent of how many; the last step counts them.
#[tokio::test]
async fn the_page_gets_the_users_created_in_parts_after_the_commit() {
    let (app, _fx, cust, cookie) = setup().await;
    let before = users(&app, &cust).await;
    let body = streamed(&app, &cookie, &cust, "import", &people(5_000)).await;
    let steps = steps(&body);
    let saving = steps
        .iter()
        .position(|s| s == "Saving")
        .expect("the commit is announced");
    let parts: Vec<(usize, &Value)> = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.get("Users").is_some())
        .collect();
    assert!(parts.iter().all(|(i, _)| *i > saving), "{body}");
    let counts: Vec<(usize, u64, u64)> = parts
        .iter()
        .map(|(_, s)| {
            let u = &s["Users"];
            (
                u["part"].as_array().map_or(0, Vec::len),
                u["sent"].as_u64().unwrap_or(0),
                u["total"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            (2_000, 2_000, 5_000),
            (2_000, 4_000, 5_000),
            (1_000, 5_000, 5_000)
        ]
    );
    assert_eq!(last_step(&body)["Imported"], json!({"users": 5_000}));
    let created = imported(&body);
    let names: Vec<String> = created
        .iter()
        .map(|u| u["user_name"].as_str().unwrap_or("").to_string())
        .collect();
    let expected: Vec<String> = (0..5_000)
        .map(|i| format!("person.number{i}@importers.example"))
        .collect();
    assert_eq!(names, expected, "every user once, in file order");
    assert_eq!(users(&app, &cust).await, before + 5_000);
}

/// The steps of the browser's export of the customer's users.
async fn export(app: &TestApp, cookie: &str, cust: &CustomerFx) -> String {
    let (s, body) = app
        .call_as(
            "/api/customer-users/export",
            Some(cookie),
            &json!({"customer_id": cust.customer_id}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    body
}

/// The file a streamed export sent: its parts, in order, once it says it
/// is done.
fn exported(body: &str) -> String {
    assert_eq!(last_step(body), json!("Done"), "{body}");
    steps(body)
        .iter()
        .filter_map(|s| s["Part"]["csv"].as_str().map(str::to_string))
        .collect()
}

/// The browser's export comes in parts of 2,000 rows, each saying the rows
/// sent so far, after the number of rows; together they are the API's file.
#[tokio::test]
async fn the_export_comes_in_parts_that_add_up_to_the_whole_file() {
    let (app, fx, cust, cookie) = setup().await;
    let body = streamed(&app, &cookie, &cust, "import", &people(5_000)).await;
    assert!(last_step(&body)["Imported"].is_object(), "{body}");
    let total = users(&app, &cust).await;
    let body = export(&app, &cookie, &cust).await;
    let steps = steps(&body);
    assert_eq!(steps[0]["Started"]["total"].as_i64(), Some(total), "{body}");
    let rows: Vec<i64> = steps
        .iter()
        .filter_map(|s| s["Part"]["rows"].as_i64())
        .collect();
    let expected: Vec<i64> = (1..=(total + 1999) / 2000)
        .map(|n| (n * 2000).min(total))
        .collect();
    assert_eq!(rows, expected, "parts of 2,000 rows");
    let csv = exported(&body);
    assert_eq!(
        csv.lines().count() as i64,
        total + 1,
        "the header and every user"
    );
    let people: std::collections::BTreeSet<&str> = csv
        .lines()
        .filter(|l| l.contains("Person Number"))
        .collect();
    assert_eq!(people.len(), 5_000, "each imported user once");
    // The API's export is the same file, made the same way.
    let ctx = app::request::Ctx::operator(&app.db, &fx.org_a);
    let whole = app::customer_users::service::export_csv(&ctx, &cust.customer_id)
        .await
        .expect("export");
    assert_eq!(whole, csv);
}

/// An import file of `n` distinct people, without licences.
/// A file of `n` users of `importers.example`, without licences.
pub(crate) fn people(n: usize) -> String {
    let mut csv = String::from("First name,Last name,Display name,Email\n");
    for i in 0..n {
        csv.push_str(&format!(
            "First{i},Last{i},Person Number {i},person.number{i}@importers.example\n"
        ));
    }
    csv
}

/// The import's server functions take the file as multipart form data, the
/// customer's id first: any other body, or the fields out of order, is bad
/// input that names what is missing, and nothing is written.
#[tokio::test]
async fn an_upload_in_another_form_is_bad_input_that_says_what_to_send() {
    use axum::body::Body;
    let (app, _fx, cust, cookie) = setup().await;
    let before = users(&app, &cust).await;
    let csv = people(3);
    for what in ["import", "import-validate"] {
        let path = format!("/api/customer-users/{what}");
        let json = http::Request::post(&path)
            .header("content-type", "application/json")
            .header("cookie", &cookie)
            .body(Body::from(
                json!({"customer_id": cust.customer_id, "csv": csv}).to_string(),
            ))
            .expect("request");
        let (s, body) = app.send(json).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {body}");
        assert!(body.contains("upload-not-multipart"), "{path}: {body}");
        for content_type in ["multipart/form-data", "multipart/form-data; boundary="] {
            let bare = http::Request::post(&path)
                .header("content-type", content_type)
                .header("cookie", &cookie)
                .body(Body::from("--x--\r\n"))
                .expect("request");
            let (s, body) = app.send(bare).await;
            assert_eq!(
                s,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {content_type}: {body}"
            );
        }
        // The file before the customer's id.
        let (content_type, body) = crate::helpers::encode_body(
            &path,
            &json!({"csv": csv, "customer_id": cust.customer_id}),
        );
        let swapped = body.replacen("name=\"customer_id\"", "name=\"other\"", 1);
        let request = http::Request::post(&path)
            .header("content-type", content_type)
            .header("cookie", &cookie)
            .body(Body::from(swapped))
            .expect("request");
        let (s, body) = app.send(request).await;
        assert!(s.is_client_error(), "{path}: {s} {body}");
        assert!(body.contains("customer_id"), "{path}: {body}");
    }
    assert_eq!(users(&app, &cust).await, before, "nothing is written");
}

/// An upload over the import limit is refused whether its length is
/// declared (413 before reading) or not (the file is cut off where it
/// passes the limit: 422 naming the file), never a server error, and
/// nothing of it is written.
#[tokio::test]
async fn an_upload_over_the_limit_is_refused_and_writes_nothing() {
    use axum::body::{Body, Bytes};
    let (app, _fx, cust, cookie) = setup().await;
    let before = users(&app, &cust).await;
    let path = "/api/customer-users/import";
    let (content_type, head) = crate::helpers::encode_body(
        path,
        &json!({"customer_id": cust.customer_id, "csv": people(1)}),
    );
    // The form up to the file's last row, then rows past the limit.
    let cut = head.rfind("\r\n--").expect("the form's end");
    let head = Bytes::from(head[..cut].to_string());
    let rows = Bytes::from("A,B,Padding Row,padding@importers.example\n".repeat(1_500));
    let blocks = server::MAX_IMPORT_BYTES / rows.len() + 1;
    let stream = futures::stream::iter(
        std::iter::once(head)
            .chain(std::iter::repeat_n(rows, blocks))
            .map(Ok::<_, std::convert::Infallible>),
    );
    let request = http::Request::post(path)
        .header("content-type", &content_type)
        .header("cookie", &cookie)
        .body(Body::from_stream(stream))
        .expect("request");
    let (s, body) = app.send(request).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("upload-cut"), "{body}");
    let declared = http::Request::post(path)
        .header("content-type", &content_type)
        .header("content-length", (server::MAX_IMPORT_BYTES + 1).to_string())
        .header("cookie", &cookie)
        .body(Body::from(vec![b' '; server::MAX_IMPORT_BYTES + 1]))
        .expect("request");
    assert_eq!(app.send(declared).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(users(&app, &cust).await, before, "nothing is written");
}

/// An imported user's name is the alias as typed at the customer's domain
/// as "Add user" writes it, whatever the case the file gave the domain in.
#[tokio::test]
async fn an_imported_user_name_gets_the_customers_domain_as_add_user_writes_it() {
    let (app, _fx, cust, cookie) = setup().await;
    let csv = "First name,Last name,Display name,Email,Licence\n\
               Jane,Doe,Jane Doe,Jane.Doe@IMPORTERS.Example,\n";
    let body = streamed(&app, &cookie, &cust, "import", csv).await;
    assert_eq!(last_step(&body)["Imported"], json!({"users": 1}), "{body}");
    let name: String = sqlx::query_scalar(
        "select user_name from customer_user
          where customer_id = $1 and user_name_lower = 'jane.doe@importers.example'",
    )
    .bind(&cust.customer_id)
    .fetch_one(&app.db)
    .await
    .expect("the user");
    assert_eq!(name, "Jane.Doe@importers.example");
}
