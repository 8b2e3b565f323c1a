//! Two-step verification and the sessions page, on the wire: enrolment,
//! the second sign-in step, replayed and recovery codes, the wrong-code
//! limit, the organization's requirement, an admin's reset, and ending
//! sessions.

use crate::helpers::{spawn_app, spawn_app_with, Caller, TestApp, PASSWORD};
use app::access::{Role, RoleSet};
use app::security::service::totp;
use axum::body::Body;
use http::{Request, StatusCode};
use serde_json::{json, Value};

/// One answer: status, body, and the cookies it set (`name=value`).
struct Answer {
    status: StatusCode,
    body: String,
    cookies: Vec<String>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// The cookie named `name` that the answer set, as `name=value`.
    fn cookie(&self, name: &str) -> Option<String> {
        self.cookies
            .iter()
            .find(|c| c.starts_with(&format!("{name}=")))
            .cloned()
    }
}

async fn post(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    body: Value,
    headers: &[(&str, &str)],
) -> Answer {
    let mut req = Request::post(path)
        .header("content-type", "application/json")
        .header("accept", "application/json");
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(Body::from(body.to_string())).expect("request");
    let res = tower::ServiceExt::oneshot(app.router.clone(), req)
        .await
        .expect("response");
    let status = res.status();
    let cookies = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .map(str::to_string)
        .collect();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .expect("body");
    Answer {
        status,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        cookies,
    }
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> Answer {
    post(
        app,
        "/api/auth/sign-in",
        None,
        json!({"email": email, "password": password}),
        &[],
    )
    .await
}

async fn verify(app: &TestApp, challenge: &str, code: &str) -> Answer {
    post(
        app,
        "/api/auth/verify",
        Some(challenge),
        json!({"code": code}),
        &[],
    )
    .await
}

/// A wrong 6-digit code for the secret right now (each digit shifted).
fn wrong_code(secret: &str) -> String {
    let now = totp::step_of(app::db::now_millis());
    let near: Vec<String> = (now - 1..=now + 1)
        .map(|s| totp::code_at(secret, s))
        .collect();
    (0..10u8)
        .map(|d| format!("{d}{d}{d}{d}{d}{d}"))
        .find(|c| !near.contains(c))
        .unwrap_or_default()
}

/// Sets up two-step verification for `user` through the server functions;
/// returns the secret, the step its confirmation used and the recovery codes.
async fn enrol(app: &TestApp, cookie: &str) -> (String, u64, Vec<String>) {
    let begun = post(
        app,
        "/api/security/begin-enrolment",
        Some(cookie),
        json!({}),
        &[],
    )
    .await;
    assert_eq!(begun.status, StatusCode::OK, "{}", begun.body);
    let e = begun.json();
    let secret = e["secret"].as_str().expect("secret").to_string();
    assert!(e["uri"].as_str().is_some_and(|u| u.contains(&secret)));
    assert!(e["qr_svg"].as_str().is_some_and(|s| s.starts_with("<svg")));
    // A wrong code first: refused, nothing switched on.
    let wrong = post(
        app,
        "/api/security/confirm-enrolment",
        Some(cookie),
        json!({"code": wrong_code(&secret)}),
        &[],
    )
    .await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong.body
    );
    let step = totp::step_of(app::db::now_millis());
    let confirmed = post(
        app,
        "/api/security/confirm-enrolment",
        Some(cookie),
        json!({"code": totp::code_at(&secret, step)}),
        &[],
    )
    .await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
    let codes: Vec<String> = serde_json::from_str(&confirmed.body).expect("codes");
    assert_eq!(codes.len(), 10);
    (secret, step, codes)
}

async fn org_with(app: &TestApp, name: &str, roles: RoleSet) -> (String, Caller) {
    let org = app::orgs::service::create(&app.db, &format!("{name} Partners"))
        .await
        .expect("org");
    let user = app.add_user(&org, name, roles).await;
    (org, user)
}

async fn operations(app: &TestApp, user_id: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "select operation, changes from activity where target_id = $1 order by at, activity_id",
    )
    .bind(user_id)
    .fetch_all(&app.db)
    .await
    .expect("activity")
}

#[tokio::test]
async fn a_second_factor_is_asked_at_every_sign_in_and_no_code_works_twice() {
    let app = spawn_app().await;
    let (org, tess) = org_with(&app, "Tess Two", RoleSet::default()).await;
    let cookie = app.session_for(&tess.user_id, &org).await;
    let (secret, used_step, codes) = enrol(&app, &cookie).await;
    let overview = post(
        &app,
        "/api/security/overview",
        Some(&cookie),
        json!({}),
        &[],
    )
    .await;
    assert_eq!(overview.json()["second_factor"], json!(true));
    assert_eq!(overview.json()["recovery_codes_left"], json!(10));

    // The password alone now opens no session: only a challenge cookie.
    let first = sign_in(&app, &tess.email, PASSWORD).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.json(), json!("second-factor"));
    assert!(first.cookie("pc_session").is_none(), "{:?}", first.cookies);
    let challenge = first.cookie("pc_challenge").expect("challenge cookie");
    // The challenge is no session.
    let listed = post(&app, "/api/users/admins", Some(&challenge), json!({}), &[]).await;
    assert_eq!(listed.status, StatusCode::UNAUTHORIZED);
    // The code the enrolment used can't be replayed.
    let replay = verify(&app, &challenge, &totp::code_at(&secret, used_step)).await;
    assert_eq!(
        replay.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        replay.body
    );
    // The next step's code opens a session.
    let next_code = totp::code_at(&secret, used_step + 1);
    let ok = verify(&app, &challenge, &next_code).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(ok.json(), json!("home"));
    let session = ok.cookie("pc_session").expect("session cookie");
    let me = post(&app, "/api/users/admins", Some(&session), json!({}), &[]).await;
    assert_eq!(me.status, StatusCode::OK);
    // The challenge was used up with it.
    assert_eq!(
        verify(&app, &challenge, &next_code).await.status,
        StatusCode::UNAUTHORIZED
    );
    // …and that code can't open a second session on a new challenge.
    let again = sign_in(&app, &tess.email, PASSWORD).await;
    let challenge = again.cookie("pc_challenge").expect("challenge");
    let replay = verify(&app, &challenge, &next_code).await;
    assert_eq!(replay.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A recovery code works once, typed any way.
    let typed = codes[3].to_uppercase().replace('-', " ");
    let ok = verify(&app, &challenge, &typed).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let later = sign_in(&app, &tess.email, PASSWORD).await;
    let challenge = later.cookie("pc_challenge").expect("challenge");
    let reused = verify(&app, &challenge, &codes[3]).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let overview = post(
        &app,
        "/api/security/overview",
        Some(&session),
        json!({}),
        &[],
    )
    .await;
    assert_eq!(overview.json()["recovery_codes_left"], json!(9));

    // The activity log tells which kind of code signed in, and the failures.
    let ops = operations(&app, &tess.user_id).await;
    let signed_in: Vec<&String> = ops
        .iter()
        .filter(|(op, _)| op == "signed-in")
        .map(|(_, c)| c)
        .collect();
    assert!(
        signed_in.iter().any(|c| c.contains("authenticator code")),
        "{ops:?}"
    );
    assert!(
        signed_in.iter().any(|c| c.contains("recovery code")),
        "{ops:?}"
    );
    assert!(ops.iter().any(|(op, _)| op == "second-factor-enabled"));
    assert!(
        ops.iter()
            .any(|(op, c)| op == "sign-in-failed" && c.contains("wrong code")),
        "{ops:?}"
    );
}

#[tokio::test]
async fn wrong_codes_are_limited_per_user_across_challenges() {
    let app = spawn_app().await;
    let (org, tess) = org_with(&app, "Tess Guess", RoleSet::default()).await;
    let cookie = app.session_for(&tess.user_id, &org).await;
    let (secret, _, _) = enrol(&app, &cookie).await;
    let wrong = wrong_code(&secret);
    let mut statuses = Vec::new();
    // New challenges don't reset the count: someone holding the password
    // can't try a million codes five at a time.
    for round in 0..3 {
        let signed = sign_in(&app, &tess.email, PASSWORD).await;
        assert_eq!(
            signed.status,
            StatusCode::OK,
            "round {round}: {}",
            signed.body
        );
        let challenge = signed.cookie("pc_challenge").expect("challenge");
        for _ in 0..3 {
            statuses.push(verify(&app, &challenge, &wrong).await.status);
        }
    }
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(
        (checked, refused),
        (app::security::service::factor::FACTOR_LIMIT as usize, 4),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn an_organization_can_require_a_second_factor_of_everyone() {
    let app = spawn_app().await;
    let admin_roles = RoleSet {
        admin: Some(Role::GlobalAdmin),
        ..RoleSet::default()
    };
    let (org, gina) = org_with(&app, "Gina Global", admin_roles).await;
    let cookie = app.session_for(&gina.user_id, &org).await;
    let profile = post(&app, "/api/org/profile", Some(&cookie), json!({}), &[]).await;
    let version = profile.json()["version"].as_i64().expect("version");
    let set = post(
        &app,
        "/api/org/sign-in-policy",
        Some(&cookie),
        json!({"version": version, "policy": {"require_second_factor": true, "temp_password_days": 3}}),
        &[],
    )
    .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    assert_eq!(
        set.json()["sign_in_policy"]["require_second_factor"],
        json!(true)
    );
    // Without a second factor, nothing but setting one up is allowed…
    let refused = post(
        &app,
        "/api/users/list",
        Some(&cookie),
        json!({"query": {}}),
        &[],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert_eq!(refused.json()["kind"], json!("second_factor_required"));
    let me = post(&app, "/api/auth/identity", Some(&cookie), json!({}), &[]).await;
    assert_eq!(me.json()["must_enrol_second_factor"], json!(true));
    // …and the page that sets it up works, which lifts the block.
    enrol(&app, &cookie).await;
    let allowed = post(
        &app,
        "/api/users/list",
        Some(&cookie),
        json!({"query": {}}),
        &[],
    )
    .await;
    assert_eq!(allowed.status, StatusCode::OK, "{}", allowed.body);
    // While required, it can't be turned off.
    let off = post(
        &app,
        "/api/security/turn-off",
        Some(&cookie),
        json!({"password": PASSWORD}),
        &[],
    )
    .await;
    assert_eq!(off.status, StatusCode::CONFLICT, "{}", off.body);
    let entries = operations(&app, &org).await;
    assert!(
        entries
            .iter()
            .any(|(op, c)| op == "organization-updated"
                && c.contains("two-step verification required")),
        "{entries:?}"
    );
}

#[tokio::test]
async fn a_user_turns_it_off_with_their_password_and_an_admin_resets_a_lost_one() {
    let app = spawn_app().await;
    let admin_roles = RoleSet {
        admin: Some(Role::GlobalAdmin),
        ..RoleSet::default()
    };
    let (org, gina) = org_with(&app, "Gina Reset", admin_roles).await;
    let tess = app.add_user(&org, "Tess Lost", RoleSet::default()).await;
    let tess_cookie = app.session_for(&tess.user_id, &org).await;
    enrol(&app, &tess_cookie).await;
    // Turning it off needs the password; a wrong one is counted and refused.
    let wrong = post(
        &app,
        "/api/security/turn-off",
        Some(&tess_cookie),
        json!({"password": "not-my-password"}),
        &[],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("password"), "{}", wrong.body);
    let off = post(
        &app,
        "/api/security/turn-off",
        Some(&tess_cookie),
        json!({"password": PASSWORD}),
        &[],
    )
    .await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.body);
    assert_eq!(
        sign_in(&app, &tess.email, PASSWORD).await.json(),
        json!("home")
    );

    // Set up again, then the phone is lost: the admin resets it.
    enrol(&app, &tess_cookie).await;
    let admin = app.session_for(&gina.user_id, &org).await;
    let user = post(
        &app,
        "/api/users/get",
        Some(&admin),
        json!({"user_id": tess.user_id}),
        &[],
    )
    .await;
    assert_eq!(user.json()["second_factor"], json!(true));
    let reset = post(
        &app,
        "/api/users/reset-second-factor",
        Some(&admin),
        json!({"user_id": tess.user_id}),
        &[],
    )
    .await;
    assert_eq!(reset.status, StatusCode::OK, "{}", reset.body);
    assert_eq!(reset.json()["second_factor"], json!(false));
    // Her sessions ended; the password alone signs her in again.
    let old = post(
        &app,
        "/api/users/admins",
        Some(&tess_cookie),
        json!({}),
        &[],
    )
    .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        sign_in(&app, &tess.email, PASSWORD).await.json(),
        json!("home")
    );
    let left: i64 = sqlx::query_scalar("select count(*) from recovery_code where user_id = $1")
        .bind(&tess.user_id)
        .fetch_one(&app.db)
        .await
        .expect("count");
    assert_eq!(left, 0);
    let ops = operations(&app, &tess.user_id).await;
    assert!(
        ops.iter().any(|(op, _)| op == "second-factor-disabled"),
        "{ops:?}"
    );
    assert!(
        ops.iter().any(|(op, _)| op == "user-second-factor-reset"),
        "{ops:?}"
    );
}

#[tokio::test]
async fn a_user_sees_their_sessions_and_ends_one_or_all_others() {
    let app = spawn_app_with(true).await;
    let (_, tess) = org_with(&app, "Tess Sessions", RoleSet::default()).await;
    let firefox =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";
    let mut cookies = Vec::new();
    for (addr, agent) in [
        ("198.51.100.7", firefox),
        ("203.0.113.9", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"),
        ("192.0.2.33", "curl/8.1"),
    ] {
        let a = post(
            &app,
            "/api/auth/sign-in",
            None,
            json!({"email": tess.email, "password": PASSWORD}),
            &[("x-forwarded-for", addr), ("user-agent", agent)],
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        cookies.push(a.cookie("pc_session").expect("session"));
    }
    let overview = post(
        &app,
        "/api/security/overview",
        Some(&cookies[0]),
        json!({}),
        &[],
    )
    .await;
    let sessions = overview.json()["sessions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(sessions.len(), 3, "{}", overview.body);
    assert_eq!(sessions[0]["current"], json!(true));
    assert_eq!(sessions[0]["device"], json!("Firefox on Windows"));
    assert_eq!(sessions[0]["address"], json!("198.51.100.7"));
    assert!(sessions
        .iter()
        .any(|s| s["device"] == json!("Safari on iPhone")));
    // The token's hash never leaves the server.
    let hashes: Vec<String> = sqlx::query_scalar("select token_hash from session")
        .fetch_all(&app.db)
        .await
        .expect("hashes");
    assert!(hashes.iter().all(|h| !overview.body.contains(h.as_str())));
    // End the phone's session: its cookie stops working.
    let phone = sessions
        .iter()
        .find(|s| s["device"] == json!("Safari on iPhone"))
        .and_then(|s| s["session_id"].as_str())
        .expect("phone session")
        .to_string();
    let ended = post(
        &app,
        "/api/security/end-session",
        Some(&cookies[0]),
        json!({"session_id": phone}),
        &[],
    )
    .await;
    assert_eq!(ended.status, StatusCode::OK, "{}", ended.body);
    let gone = post(&app, "/api/users/admins", Some(&cookies[1]), json!({}), &[]).await;
    assert_eq!(gone.status, StatusCode::UNAUTHORIZED);
    // The current one ends with "Sign out", not here.
    let current = sessions[0]["session_id"].as_str().expect("id").to_string();
    let refused = post(
        &app,
        "/api/security/end-session",
        Some(&cookies[0]),
        json!({"session_id": current}),
        &[],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    // End all others: the curl session goes, this one stays.
    let all = post(
        &app,
        "/api/security/end-other-sessions",
        Some(&cookies[0]),
        json!({}),
        &[],
    )
    .await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.body);
    assert_eq!(all.json(), json!(1));
    assert_eq!(
        post(&app, "/api/users/admins", Some(&cookies[2]), json!({}), &[])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(&app, "/api/users/admins", Some(&cookies[0]), json!({}), &[])
            .await
            .status,
        StatusCode::OK
    );
    let ops = operations(&app, &tess.user_id).await;
    assert_eq!(
        ops.iter().filter(|(op, _)| op == "sessions-ended").count(),
        2,
        "{ops:?}"
    );
}
