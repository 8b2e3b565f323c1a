//! The JSON API under `/api/v1` (server only): applications call it with a
//! bearer secret; every handler builds the request context from it
//! ([`caller`]) and calls the same service function as the matching server
//! function, so no rule exists twice.
//!
//! Each feature declares its routes in its own `rest.rs` with
//! [`rest_routes!`](crate::rest_routes), which makes the handler and its
//! description together: the router ([`router`]) and the OpenAPI document
//! ([`openapi::document`]) are both built from that one list, so neither can
//! have a route the other lacks.

pub mod caller;
mod input;
mod macros;
pub mod openapi;
pub mod reply;
pub mod throttle;

pub use caller::caller;
pub use input::{csv_file, input, CsvBody, CsvFile, PathArgs};
pub use reply::{reply, Answer, ApiError, LargeAnswer};

use crate::state::AppState;
use axum::routing::MethodRouter;
use utoipa::openapi::{RefOr, Schema};

/// Where a route reads its input from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Nothing besides path parameters.
    None,
    /// The query string (reads and deletions).
    Query,
    /// A JSON body.
    Body,
    /// A CSV file: a `text/csv` body, or JSON `{"csv": "…"}`.
    File,
}

/// A schema and the named schemas it refers to.
pub type SchemaParts = (RefOr<Schema>, Vec<(String, RefOr<Schema>)>);

/// The schema of `T` with the schemas it refers to.
pub fn schema_of<T: utoipa::ToSchema>() -> SchemaParts {
    let mut named = Vec::new();
    T::schemas(&mut named);
    (T::schema(), named)
}

/// One API route: its description and its handler.
pub struct ApiRoute {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: http::Method,
    /// The path under `/api/v1`, with `{name}` parameters.
    pub path: &'static str,
    /// The OpenAPI tag (the feature).
    pub tag: &'static str,
    pub operation_id: &'static str,
    /// The doc comment: first line the summary, the rest the description.
    pub docs: &'static str,
    pub path_params: &'static [&'static str],
    pub input: InputKind,
    pub input_schema: fn() -> SchemaParts,
    pub output_schema: fn() -> SchemaParts,
    pub handler: MethodRouter<AppState>,
}

/// Every route of the API, feature by feature.
pub fn routes() -> Vec<ApiRoute> {
    [
        crate::auth::rest::routes(),
        crate::users::rest::routes(),
        crate::groups::rest::routes(),
        crate::applications::rest::routes(),
        crate::role_requests::rest::routes(),
        crate::orgs::rest::routes(),
        crate::customers::rest::routes(),
        crate::subscriptions::rest::routes(),
        crate::customer_users::rest::routes(),
        crate::activity::rest::routes(),
        crate::health::rest::routes(),
        crate::leads::rest::routes(),
        crate::resellers::rest::routes(),
        crate::devices::rest::routes(),
        crate::agreements::rest::routes(),
        crate::delegated_admin::rest::routes(),
        crate::support::rest::routes(),
        crate::incentives::rest::routes(),
        crate::pricing::rest::routes(),
        crate::billing::rest::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The API's router, to nest under `/api/v1`: every route, plus
/// `/openapi.json`, and a JSON 404 for any other path.
pub fn router() -> axum::Router<AppState> {
    let mut router = axum::Router::new();
    for route in routes() {
        router = router.route(route.path, route.handler);
    }
    router
        .route(
            "/openapi.json",
            axum::routing::get(|| async { axum::Json(openapi::document()) }),
        )
        .fallback(|| async {
            reply::<()>(Err(ApiError::new(
                http::StatusCode::NOT_FOUND,
                "no_such_route",
                "No API route has this path and method; see /api/v1/openapi.json.",
            )))
        })
}

/// The empty input of routes that take none besides their path.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct NoInput {}

/// The version of the record a deletion or change was made from (optimistic
/// concurrency: a stale one gets 409 with the current record).
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct VersionQuery {
    pub version: i64,
}
