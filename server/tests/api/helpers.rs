//! Shared helpers: a real router on a fresh SQLite database per test.

#![allow(dead_code)]

use app::state::AppState;
use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use tower::ServiceExt;

/// A router and its database, isolated from every other test.
pub struct TestApp {
    pub router: Router,
    pub db: app::db::Db,
    _dir: TempDir,
}

/// A folder removed when dropped.
pub struct TempDir(pub std::path::PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds the real router on a fresh database file.
pub async fn spawn_app() -> TestApp {
    let dir = std::env::temp_dir().join(format!("pc-test-{}", uuid_like()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}/test.db", dir.display());
    let db = app::db::connect(&url).await.expect("database");
    let options = server::leptos_options("target/site", ([127, 0, 0, 1], 0).into());
    let router = server::router(AppState {
        leptos_options: options,
        db: db.clone(),
    });
    TestApp {
        router,
        db,
        _dir: TempDir(dir),
    }
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    )
}

impl TestApp {
    /// Sends a request and returns status and body text.
    pub async fn send(&self, req: Request<Body>) -> (StatusCode, String) {
        let res = self.router.clone().oneshot(req).await.expect("response");
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), 16 * 1024 * 1024)
            .await
            .expect("body");
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Calls a server function by path with a form-encoded body.
    pub async fn call(&self, path: &str, form: &str) -> (StatusCode, String) {
        let req = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(Body::from(form.to_string()))
            .expect("request");
        self.send(req).await
    }
}
