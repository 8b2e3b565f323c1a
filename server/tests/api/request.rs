//! The request context's reads: the identity once per request, and pool
//! connections checked only after sitting idle.

use app::access::RoleSet;
use app::state::AppState;
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;

/// A request's context as the server gives it: the state, the request's
/// parts with `cookie`, and the identity memo when `memo` says so.
fn request(app: &crate::helpers::TestApp, cookie: &str, memo: bool) -> Owner {
    let state = AppState {
        leptos_options: server::leptos_options("target/site", ([127, 0, 0, 1], 0).into()),
        db: app.db.clone(),
        secure_cookies: false,
        proxy_hops: 0,
        api_rate: Default::default(),
    };
    let (parts, ()) = http::Request::builder()
        .uri("/users")
        .header(http::header::COOKIE, cookie)
        .body(())
        .expect("request")
        .into_parts();
    let owner = Owner::new_root(None);
    owner.with(|| {
        provide_context(state);
        provide_context(parts);
        if memo {
            app::request::provide_identity_memo();
        }
    });
    owner
}

/// Who `owner`'s request is signed in as, if anyone.
async fn signed_in_as(owner: &Owner) -> Option<String> {
    let read = owner.with(|| ScopedFuture::new(app::request::current_identity()));
    read.await
        .expect("identity")
        .map(|(me, _, _)| me.display_name)
}

#[tokio::test]
async fn a_request_reads_its_identity_once_and_the_next_one_reads_it_afresh() {
    let app = crate::helpers::spawn_app().await;
    let org = app::orgs::service::create(&app.db, "Memo Org")
        .await
        .expect("org");
    let person = app.add_user(&org, "Memo Reader", RoleSet::default()).await;
    let cookie = app.session_for(&person.user_id, &org).await;

    let page = request(&app, &cookie, true);
    let unmemoized = request(&app, &cookie, false);
    assert_eq!(signed_in_as(&page).await.as_deref(), Some("Memo Reader"));
    assert_eq!(
        signed_in_as(&unmemoized).await.as_deref(),
        Some("Memo Reader")
    );

    // The session ends (signed out elsewhere) while the page still renders.
    sqlx::query("delete from session")
        .execute(&app.db)
        .await
        .expect("sign out");
    // The rest of the page keeps the identity it started with...
    assert_eq!(signed_in_as(&page).await.as_deref(), Some("Memo Reader"));
    // ...and any other request, with its own memo or none, reads the ended
    // session from the database.
    assert_eq!(signed_in_as(&unmemoized).await, None);
    assert_eq!(signed_in_as(&request(&app, &cookie, true)).await, None);
}

#[tokio::test]
async fn a_connection_the_database_closed_while_idle_is_replaced_before_use() {
    if crate::helpers::backend_name() != "PostgreSQL" {
        // A SQLite connection lives in this process: nothing closes it.
        println!("PostgreSQL only: skipped on SQLite");
        return;
    }
    let app = crate::helpers::spawn_app().await;
    let backend: i32 = sqlx::query_scalar("select pg_backend_pid()")
        .fetch_one(&app.db)
        .await
        .expect("pid");
    // The database ends every idle connection of the pool (a restart, a
    // proxy's timeout), from a connection of its own.
    let mut other = <sqlx::AnyConnection as sqlx::Connection>::connect(&app.url)
        .await
        .expect("connect");
    let ended: i64 = sqlx::query_scalar(
        "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()) t",
    )
    .fetch_one(&mut other)
    .await
    .expect("terminate");
    assert!(ended >= 1, "the pool's connections were ended");
    tokio::time::sleep(app::db::CHECK_AFTER_IDLE + std::time::Duration::from_millis(200)).await;
    // The next statement gets a working connection, not the ended one.
    let now: i32 = sqlx::query_scalar("select pg_backend_pid()")
        .fetch_one(&app.db)
        .await
        .expect("a working connection after the old ones were ended");
    assert_ne!(now, backend);
}
