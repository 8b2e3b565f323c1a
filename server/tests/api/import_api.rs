//! The API's customer user import: a script sends the CSV file as it reads
//! it (`text/csv`, any chunking) or inside JSON, the server keeps it on
//! disk, and the answer with every temporary password is sent from a
//! temporary file once the import has committed.

use crate::helpers::{spawn_app, CustomerFx, TestApp};
use crate::import::users;
use app::access::{Role, RoleSet};
use axum::body::{Body, Bytes};
use http::StatusCode;
use serde_json::{json, Value};

/// An application of an Admin agent in a fresh organization, and a
/// customer there (domain `importers.example`).
async fn setup() -> (TestApp, CustomerFx, String) {
    let app = spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Script Partners")
        .await
        .expect("org");
    let cust = app.add_customer(&org, "Importers").await;
    let roles = RoleSet {
        agent: Some(Role::AdminAgent),
        ..RoleSet::default()
    };
    let script = app.add_application(&org, "Importer", roles).await;
    (app, cust, script.secret)
}

/// [`people`](crate::import::people) with display names that are not
/// ASCII, so pieces cut anywhere split characters too.
fn people(n: usize) -> String {
    crate::import::people(n).replace("Person Number", "Persön Number")
}

/// `csv` sent as `text/csv` in pieces of `piece` bytes (cut anywhere, even
/// inside a character), with no declared length.
async fn send_csv(
    app: &TestApp,
    secret: &str,
    path: &str,
    csv: &str,
    piece: usize,
) -> (StatusCode, String) {
    let pieces: Vec<Result<Bytes, std::convert::Infallible>> = csv
        .as_bytes()
        .chunks(piece)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let request = http::Request::post(format!("/api/v1{path}"))
        .header("authorization", format!("Bearer {secret}"))
        .header("content-type", "text/csv; charset=utf-8")
        .body(Body::from_stream(futures::stream::iter(pieces)))
        .expect("request");
    app.send(request).await
}

fn parse(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or(Value::Null)
}

#[tokio::test]
async fn a_script_sends_the_file_as_it_reads_it_and_gets_every_password() {
    let (app, cust, secret) = setup().await;
    let base = format!("/customers/{}/users", cust.customer_id);
    let before = users(&app, &cust).await;
    let csv = people(2_500);

    // The check, as text/csv in odd pieces and as JSON: the same report.
    let (s, body) = send_csv(&app, &secret, &format!("{base}/import-validate"), &csv, 777).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let as_csv = parse(&body);
    assert_eq!(as_csv["rows"], 2_500, "{body}");
    assert_eq!(as_csv["errors"], json!([]), "{body}");
    let (s, body) = app
        .api(
            "POST",
            &format!("{base}/import-validate"),
            Some(&secret),
            &json!({ "csv": csv }),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(parse(&body), as_csv);
    assert_eq!(users(&app, &cust).await, before, "a check writes nothing");

    // The import: every user once, in file order, with a password that
    // signs nobody else in.
    let (s, body) = send_csv(&app, &secret, &format!("{base}/import"), &csv, 4_093).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let answer = parse(&body);
    let created = answer["users"].as_array().expect("the users");
    assert_eq!(created.len(), 2_500);
    assert_eq!(created[0]["display_name"], "Persön Number 0");
    assert_eq!(
        created[2_499]["user_name"],
        "person.number2499@importers.example"
    );
    let passwords: std::collections::HashSet<&str> = created
        .iter()
        .filter_map(|u| u["temporary_password"].as_str())
        .filter(|p| p.len() >= 12)
        .collect();
    assert_eq!(passwords.len(), 2_500, "a password each, all different");
    assert_eq!(users(&app, &cust).await, before + 2_500);
}

#[tokio::test]
async fn a_bad_row_in_a_csv_body_is_named_and_nothing_is_written() {
    let (app, cust, secret) = setup().await;
    let base = format!("/customers/{}/users", cust.customer_id);
    let before = users(&app, &cust).await;
    let mut csv = people(1_200);
    csv.push_str("Grace,Hopper,Grace Hopper,grace@elsewhere.example\n");

    let (s, body) = send_csv(
        &app,
        &secret,
        &format!("{base}/import-validate"),
        &csv,
        1_000,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let check = parse(&body);
    assert_eq!(check["errors"][0]["row"], 1_202, "{body}");
    assert_eq!(check["errors"][0]["column"], "Email", "{body}");
    assert!(
        check["errors"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("@importers.example")),
        "the reason in words: {body}"
    );

    let (s, body) = send_csv(&app, &secret, &format!("{base}/import"), &csv, 1_000).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let err = parse(&body);
    assert_eq!(err["field"], "file", "{body}");
    assert!(
        err["message"].as_str().is_some_and(|m| m.contains("1202")),
        "the first bad row is named: {body}"
    );
    assert_eq!(users(&app, &cust).await, before, "nothing is written");
}

/// A CSV body is limited only by the import's limit, cut where it passes
/// it (422 naming the file); a JSON body is held whole, so it stops at
/// 64 MiB with a 413 that says to send text/csv. Nothing is written.
#[tokio::test]
async fn bodies_over_their_limits_are_refused_and_write_nothing() {
    let (app, cust, secret) = setup().await;
    let path = format!("/api/v1/customers/{}/users/import", cust.customer_id);
    let before = users(&app, &cust).await;

    let rows = Bytes::from("A,B,Padding Row,padding@importers.example\n".repeat(1_500));
    let blocks = server::MAX_IMPORT_BYTES / rows.len() + 1;
    let stream = futures::stream::iter(
        std::iter::once(Bytes::from(people(1)))
            .chain(std::iter::repeat_n(rows, blocks))
            .map(Ok::<_, std::convert::Infallible>),
    );
    let request = http::Request::post(&path)
        .header("authorization", format!("Bearer {secret}"))
        .header("content-type", "text/csv")
        .body(Body::from_stream(stream))
        .expect("request");
    let (s, body) = app.send(request).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(parse(&body)["field"], "file", "{body}");

    let json_size = 64 * 1024 * 1024 + 1;
    let request = http::Request::post(&path)
        .header("authorization", format!("Bearer {secret}"))
        .header("content-type", "application/json")
        .header("content-length", json_size.to_string())
        .body(Body::from(vec![b' '; json_size]))
        .expect("request");
    let (s, body) = app.send(request).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body.contains("text/csv"), "{body}");
    assert_eq!(users(&app, &cust).await, before, "nothing is written");
}
