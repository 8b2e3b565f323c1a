//! A page loaded by its URL shows its settings and filters in the server's
//! HTML, before its code runs: a value bound only as a property (set by the
//! WASM once hydrated) would show an empty field, or a list's first choice,
//! until then.

use crate::helpers::{spawn_app, TestApp};
use app::access::Role;
use axum::body::Body;
use http::{Request, StatusCode};

/// The page at `path` as the server renders it for the session `cookie`.
async fn page(app: &TestApp, path: &str, cookie: &str) -> String {
    let req = Request::get(path)
        .header("cookie", cookie)
        .body(Body::empty())
        .expect("request");
    let (status, html) = app.send(req).await;
    assert_eq!(status, StatusCode::OK, "{path}: {html}");
    html
}

/// The opening tag of the first element of `html` that starts with `start`.
fn tag<'h>(html: &'h str, start: &str) -> &'h str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    let end = html[at..].find('>').map_or(html.len(), |e| at + e);
    &html[at..end]
}

/// The `<select>` whose id is `id`, up to its end.
fn select<'h>(html: &'h str, id: &str) -> &'h str {
    let start = format!(r#"<select id="{id}""#);
    let at = html
        .find(&start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    let end = html[at..].find("</select>").map_or(html.len(), |e| at + e);
    &html[at..end]
}

#[tokio::test]
async fn a_page_by_its_url_shows_its_filters_and_settings_in_the_servers_html() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let (_, admin) = fx
        .callers
        .iter()
        .find(|(r, _)| *r == Some(Role::GlobalAdmin))
        .expect("a Global admin");
    let cookie = app.session_for(&admin.user_id, &fx.org_a).await;

    // The users list filtered by its address (links from other pages):
    // the role filter shows that role, not "All roles"; the status filter
    // shows its default, "Active", not its first choice.
    let html = page(&app, "/users?role=billing-admin", &cookie).await;
    let roles = select(&html, "role-filter");
    assert!(
        tag(roles, r#"<option value="billing-admin""#).contains("selected"),
        "{roles}"
    );
    assert!(
        !tag(roles, r#"<option value="""#).contains("selected"),
        "{roles}"
    );
    let statuses = select(&html, "status-filter");
    assert!(
        tag(statuses, r#"<option value="active""#).contains("selected"),
        "{statuses}"
    );

    // The organization's sign-in policy shows its stored days.
    sqlx::query("update organization set temp_password_days = 12 where org_id = $1")
        .bind(&fx.org_a)
        .execute(&app.db)
        .await
        .expect("set the days");
    let html = page(&app, "/organization", &cookie).await;
    let days = tag(&html, r#"<input id="temp_password_days""#);
    assert!(days.contains(r#"value="12""#), "{days}");
}
