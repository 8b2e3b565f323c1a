//! English and French: the page's language comes from the cookie, else the
//! browser's `Accept-Language`; the browser gets its catalogue as a
//! cacheable script; a chosen language is saved on the user and follows
//! them to their next sign-in.

use crate::helpers::{spawn_app, TestApp, PASSWORD};
use axum::body::Body;
use http::{Request, StatusCode};

/// A GET with optional headers; the status, the response headers and the body.
async fn get(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, http::HeaderMap, String) {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = tower::ServiceExt::oneshot(
        app.router.clone(),
        req.body(Body::empty()).expect("request"),
    )
    .await
    .expect("response");
    let (status, headers) = (res.status(), res.headers().clone());
    let bytes = axum::body::to_bytes(res.into_body(), 16 * 1024 * 1024)
        .await
        .expect("body");
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// A JSON POST; the status, the `Set-Cookie` headers and the body.
async fn post(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    body: serde_json::Value,
) -> (StatusCode, Vec<String>, String) {
    let mut req = Request::post(path).header("content-type", "application/json");
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let res = tower::ServiceExt::oneshot(
        app.router.clone(),
        req.body(Body::from(body.to_string())).expect("request"),
    )
    .await
    .expect("response");
    let status = res.status();
    let cookies = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect();
    let bytes = axum::body::to_bytes(res.into_body(), 1024 * 1024)
        .await
        .expect("body");
    (
        status,
        cookies,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[tokio::test]
async fn the_sign_in_page_speaks_the_browsers_language_unless_the_cookie_says_otherwise() {
    let app = spawn_app().await;
    let (status, _, html) = get(
        &app,
        "/login",
        &[("accept-language", "fr-CA,fr;q=0.9,en;q=0.5")],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<html lang="fr""#), "{html}");
    assert!(html.contains("Connexion à Partner Console"), "{html}");
    let (_, _, html) = get(&app, "/login", &[("accept-language", "de")]).await;
    assert!(html.contains(r#"<html lang="en""#) && html.contains("Sign in to Partner Console"));
    let (_, _, html) = get(
        &app,
        "/login",
        &[("accept-language", "fr"), ("cookie", "pc_lang=en")],
    )
    .await;
    assert!(html.contains("Sign in to Partner Console"), "{html}");

    // The page names its catalogue; the script holds French text and may be
    // kept for a year (its name changes with its text).
    let (_, _, html) = get(&app, "/login", &[("cookie", "pc_lang=fr")]).await;
    let path = html
        .split("src=\"")
        .filter_map(|rest| rest.split_once('"').map(|(p, _)| p))
        .find(|p| p.starts_with("/i18n/fr."))
        .expect("the French catalogue script")
        .to_string();
    let (status, headers, script) = get(&app, &path, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        script.contains(r#""auth-sign-in":"Se connecter""#),
        "{script}"
    );
    let cache = headers
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(cache.contains("immutable"), "{cache}");
    let (status, _, _) = get(&app, "/i18n/fr.000000000000.js", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_chosen_language_is_saved_and_follows_the_user_to_their_next_sign_in() {
    let app = spawn_app().await;
    let fx = app.fixture().await;
    let (_, me) = &fx.callers[0];
    let session = app.session_for(&me.user_id, &fx.org_a).await;
    let (status, cookies, body) = post(
        &app,
        "/api/i18n/language",
        Some(&session),
        serde_json::json!({"language": "fr"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        cookies.iter().any(|c| c.starts_with("pc_lang=fr;")),
        "{cookies:?}"
    );
    let saved: Option<String> =
        sqlx::query_scalar("select language from app_user where user_id = $1")
            .bind(&me.user_id)
            .fetch_one(&app.db)
            .await
            .expect("language");
    assert_eq!(saved.as_deref(), Some("fr"));
    // Another user of the organization keeps theirs.
    let (_, other) = &fx.callers[1];
    let theirs: Option<String> =
        sqlx::query_scalar("select language from app_user where user_id = $1")
            .bind(&other.user_id)
            .fetch_one(&app.db)
            .await
            .expect("language");
    assert_eq!(theirs, None);

    // A fresh browser: the sign-in sets the saved language's cookie.
    let (status, cookies, body) = post(
        &app,
        "/api/auth/sign-in",
        None,
        serde_json::json!({"email": me.email, "password": PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        cookies.iter().any(|c| c.starts_with("pc_lang=fr;")),
        "{cookies:?}"
    );
}

#[tokio::test]
async fn an_unknown_language_is_refused_naming_the_field_and_a_visitor_may_choose() {
    let app = spawn_app().await;
    let (status, cookies, body) = post(
        &app,
        "/api/i18n/language",
        None,
        serde_json::json!({"language": "de"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("\"language\""), "{body}");
    assert!(
        cookies.iter().all(|c| !c.starts_with("pc_lang=")),
        "{cookies:?}"
    );
    let (status, cookies, _) = post(
        &app,
        "/api/i18n/language",
        None,
        serde_json::json!({"language": "en"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        cookies.iter().any(|c| c.starts_with("pc_lang=en;")),
        "{cookies:?}"
    );
}

#[tokio::test]
async fn the_theme_choice_is_kept_and_rendered_on_the_page() {
    let app = spawn_app().await;
    let (status, cookies, _) = post(
        &app,
        "/api/ui/theme",
        None,
        serde_json::json!({"theme": "dark"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        cookies.iter().any(|c| c.starts_with("pc_theme=dark;")),
        "{cookies:?}"
    );
    let (_, _, html) = get(&app, "/login", &[("cookie", "pc_theme=dark")]).await;
    assert!(html.contains(r#"data-theme="dark""#), "{html}");
    let (_, _, html) = get(&app, "/login", &[]).await;
    assert!(!html.contains("data-theme="), "{html}");
    let (status, _, body) = post(
        &app,
        "/api/ui/theme",
        None,
        serde_json::json!({"theme": "pink"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}
