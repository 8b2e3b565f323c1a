//! SCIM 2.0 (RFC 7643/7644) at `/scim/v2` (server only), for directories
//! that keep the organization's users and groups: discovery, `Users` and
//! `Groups` with create, read, list (`filter`, `startIndex`/`count`,
//! `attributes`/`excludedAttributes`), PUT, PATCH and DELETE, ETags from
//! the row versions. The caller is an application allowed to sync the
//! directory; each change goes through the same service functions (and
//! capability checks) as the console's.

mod discovery;
pub mod filter;
pub mod patch;
mod resources;

use crate::error::AppError;
use crate::request::Ctx;
use crate::state::AppState;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{HeaderMap, HeaderValue, StatusCode};
use resources::{version_of, Kind};
use serde_json::{json, Value};

/// SCIM's media type.
const SCIM_JSON: &str = "application/scim+json";
/// Largest SCIM request body.
const MAX_BODY: usize = 2 * 1024 * 1024;

/// A SCIM error answer (RFC 7644 §3.12).
struct ScimError {
    status: StatusCode,
    scim_type: Option<&'static str>,
    detail: String,
}

impl ScimError {
    fn new(status: StatusCode, scim_type: Option<&'static str>, detail: impl Into<String>) -> Self {
        ScimError {
            status,
            scim_type,
            detail: detail.into(),
        }
    }
}

impl From<AppError> for ScimError {
    fn from(e: AppError) -> Self {
        let detail = e.to_string();
        match e {
            AppError::Validation(_) => {
                ScimError::new(StatusCode::BAD_REQUEST, Some("invalidValue"), detail)
            }
            AppError::Conflict { ref field, .. } if field == "version" => ScimError::new(
                StatusCode::PRECONDITION_FAILED,
                None,
                "The resource changed since the version in If-Match.",
            ),
            AppError::Conflict { .. } => {
                ScimError::new(StatusCode::CONFLICT, Some("uniqueness"), detail)
            }
            other => ScimError::new(other.status(), None, detail),
        }
    }
}

impl From<crate::rest::ApiError> for ScimError {
    fn from(e: crate::rest::ApiError) -> Self {
        ScimError::new(e.status, None, e.message)
    }
}

impl IntoResponse for ScimError {
    fn into_response(self) -> Response {
        let mut body = json!({
            "schemas": [discovery::ERROR_SCHEMA],
            "status": self.status.as_u16().to_string(),
            "detail": self.detail,
        });
        if let (Some(t), Some(o)) = (self.scim_type, body.as_object_mut()) {
            o.insert("scimType".into(), json!(t));
        }
        scim(self.status, &body, None)
    }
}

/// A SCIM JSON answer, with an ETag when given.
fn scim(status: StatusCode, body: &Value, tag: Option<String>) -> Response {
    let mut res = (status, body.to_string()).into_response();
    let headers = res.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static(SCIM_JSON),
    );
    if let Some(v) = tag.and_then(|t| HeaderValue::from_str(&t).ok()) {
        headers.insert(http::header::ETAG, v);
    }
    res
}

fn tag_of(resource: &Value) -> Option<String> {
    resource["meta"]["version"].as_str().map(str::to_string)
}

/// This provider's base URL, as the caller reached it.
fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = if state.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}/scim/v2")
}

/// The calling application: a valid secret (401) of an application allowed
/// to sync the directory (403).
async fn caller(state: &AppState, parts: &mut http::request::Parts) -> Result<Ctx, ScimError> {
    let ctx = crate::rest::caller(state, parts).await?;
    if !ctx.me.directory_sync {
        return Err(ScimError::new(
            StatusCode::FORBIDDEN,
            None,
            "This application may not sync the directory: allow it on its page in the console (Applications).",
        ));
    }
    Ok(ctx)
}

/// The JSON body of a request.
async fn body_json(body: axum::body::Body) -> Result<Value, ScimError> {
    let bytes = axum::body::to_bytes(body, MAX_BODY).await.map_err(|_| {
        ScimError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            None,
            "The body is too large.",
        )
    })?;
    serde_json::from_slice(&bytes).map_err(|e| {
        ScimError::new(
            StatusCode::BAD_REQUEST,
            Some("invalidSyntax"),
            format!("The JSON body can't be read: {e}."),
        )
    })
}

/// The query parameters of a read.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListParams {
    filter: Option<String>,
    start_index: Option<String>,
    count: Option<String>,
    attributes: Option<String>,
    excluded_attributes: Option<String>,
}

fn params(parts: &http::request::Parts) -> Result<ListParams, ScimError> {
    serde_urlencoded::from_str(parts.uri.query().unwrap_or("")).map_err(|e| {
        ScimError::new(
            StatusCode::BAD_REQUEST,
            None,
            format!("The query can't be read: {e}."),
        )
    })
}

/// `attributes` / `excludedAttributes`: keeps (or drops) top-level
/// attributes; `id`, `schemas` and `meta` always stay.
fn project(resource: Value, p: &ListParams) -> Value {
    let names = |list: &Option<String>| -> Option<Vec<String>> {
        list.as_ref().map(|l| {
            l.split(',')
                .map(|a| filter::strip_urn(a.trim()))
                .map(|a| a.split('.').next().unwrap_or_default().to_ascii_lowercase())
                .filter(|a| !a.is_empty())
                .collect()
        })
    };
    let Value::Object(mut o) = resource else {
        return resource;
    };
    let always = ["id", "schemas", "meta"];
    if let Some(keep) = names(&p.attributes) {
        o.retain(|k, _| always.contains(&k.as_str()) || keep.contains(&k.to_ascii_lowercase()));
    } else if let Some(drop) = names(&p.excluded_attributes) {
        o.retain(|k, _| always.contains(&k.as_str()) || !drop.contains(&k.to_ascii_lowercase()));
    }
    Value::Object(o)
}

async fn list(state: AppState, kind: Kind, req: Request) -> Result<Response, ScimError> {
    let (mut parts, _) = req.into_parts();
    let ctx = caller(&state, &mut parts).await?;
    let p = params(&parts)?;
    let base = base_url(&state, &parts.headers);
    let all = resources::all(&ctx, kind, &base).await?;
    page(all, &p)
}

/// `POST …/.search` (RFC 7644 §3.4.3): the query in the body; at the root,
/// over users and groups together.
async fn search(state: AppState, kind: Option<Kind>, req: Request) -> Result<Response, ScimError> {
    let (mut parts, body) = req.into_parts();
    let ctx = caller(&state, &mut parts).await?;
    let base = base_url(&state, &parts.headers);
    let body = body_json(body).await?;
    let list_of = |name: &str| -> Option<String> {
        match filter::get_ci(&body, name) {
            Some(Value::Array(items)) => Some(
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        }
    };
    let text_of = |name: &str| -> Option<String> {
        filter::get_ci(&body, name).and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    let p = ListParams {
        filter: text_of("filter"),
        start_index: text_of("startIndex"),
        count: text_of("count"),
        attributes: list_of("attributes"),
        excluded_attributes: list_of("excludedAttributes"),
    };
    let mut all = Vec::new();
    for k in kind
        .map(|k| vec![k])
        .unwrap_or_else(|| vec![Kind::User, Kind::Group])
    {
        all.extend(resources::all(&ctx, k, &base).await?);
    }
    page(all, &p)
}

/// Filters, pages and projects a list of resources.
fn page(all: Vec<Value>, p: &ListParams) -> Result<Response, ScimError> {
    let parsed = match p.filter.as_deref().filter(|f| !f.trim().is_empty()) {
        Some(f) => Some(
            filter::parse(f)
                .map_err(|e| ScimError::new(StatusCode::BAD_REQUEST, Some("invalidFilter"), e.0))?,
        ),
        None => None,
    };
    let matching: Vec<Value> = all
        .into_iter()
        .filter(|r| parsed.as_ref().is_none_or(|f| f.matches(r)))
        .collect();
    let number = |v: &Option<String>, default: usize| -> usize {
        v.as_deref()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map(|n| n.max(0) as usize)
            .unwrap_or(default)
    };
    let start = number(&p.start_index, 1).max(1);
    let count = number(&p.count, discovery::MAX_RESULTS).min(discovery::MAX_RESULTS);
    let total = matching.len();
    let items: Vec<Value> = matching
        .into_iter()
        .skip(start - 1)
        .take(count)
        .map(|r| project(r, p))
        .collect();
    Ok(scim(
        StatusCode::OK,
        &discovery::list(items, total, start),
        None,
    ))
}

async fn read(
    state: AppState,
    kind: Kind,
    id: String,
    req: Request,
) -> Result<Response, ScimError> {
    let (mut parts, _) = req.into_parts();
    let ctx = caller(&state, &mut parts).await?;
    let p = params(&parts)?;
    let base = base_url(&state, &parts.headers);
    let r = resources::one(&ctx, kind, &base, &id).await?;
    let tag = tag_of(&r);
    Ok(scim(StatusCode::OK, &project(r, &p), tag))
}

async fn create(state: AppState, kind: Kind, req: Request) -> Result<Response, ScimError> {
    let (mut parts, body) = req.into_parts();
    let ctx = caller(&state, &mut parts).await?;
    let base = base_url(&state, &parts.headers);
    let body = body_json(body).await?;
    let r = resources::create(&ctx, kind, &base, &body).await?;
    let tag = tag_of(&r);
    let mut res = scim(StatusCode::CREATED, &r, tag);
    if let Some(v) = r["meta"]["location"]
        .as_str()
        .and_then(|l| HeaderValue::from_str(l).ok())
    {
        res.headers_mut().insert(http::header::LOCATION, v);
    }
    Ok(res)
}

fn if_match(parts: &http::request::Parts) -> Option<i64> {
    parts
        .headers
        .get(http::header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .and_then(version_of)
}

async fn replace(
    state: AppState,
    kind: Kind,
    id: String,
    req: Request,
) -> Result<Response, ScimError> {
    let (mut parts, body) = req.into_parts();
    let ctx = caller(&state, &mut parts).await?;
    let base = base_url(&state, &parts.headers);
    let body = body_json(body).await?;
    let r = resources::replace(&ctx, kind, &base, &id, &body, if_match(&parts)).await?;
    let tag = tag_of(&r);
    Ok(scim(StatusCode::OK, &r, tag))
}

async fn modify(
    state: AppState,
    kind: Kind,
    id: String,
    req: Request,
) -> Result<Response, ScimError> {
    let (mut parts, body) = req.into_parts();
    let ctx = caller(&state, &mut parts).await?;
    let base = base_url(&state, &parts.headers);
    let body = body_json(body).await?;
    let Some(ops) = filter::get_ci(&body, "Operations").and_then(Value::as_array) else {
        return Err(ScimError::new(
            StatusCode::BAD_REQUEST,
            Some("invalidSyntax"),
            "A PATCH needs \"Operations\".",
        ));
    };
    let mut resource = resources::one(&ctx, kind, &base, &id).await?;
    for op in ops {
        let name = filter::get_ci(op, "op")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let path = filter::get_ci(op, "path").and_then(Value::as_str);
        let value = filter::get_ci(op, "value");
        patch::apply(&mut resource, name, path, value)
            .map_err(|e| ScimError::new(StatusCode::BAD_REQUEST, Some(e.scim_type), e.detail))?;
    }
    let version = if_match(&parts);
    let r = resources::replace(&ctx, kind, &base, &id, &resource, version).await?;
    let tag = tag_of(&r);
    Ok(scim(StatusCode::OK, &r, tag))
}

async fn remove(
    state: AppState,
    kind: Kind,
    id: String,
    req: Request,
) -> Result<Response, ScimError> {
    let (mut parts, _) = req.into_parts();
    let ctx = caller(&state, &mut parts).await?;
    resources::delete(&ctx, kind, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The discovery answers: one document, or a list of them (404 for an
/// unknown id).
async fn discover(
    state: AppState,
    what: &'static str,
    id: Option<String>,
    req: Request,
) -> Result<Response, ScimError> {
    let (mut parts, _) = req.into_parts();
    caller(&state, &mut parts).await?;
    let base = base_url(&state, &parts.headers);
    let all = match what {
        "ServiceProviderConfig" => {
            return Ok(scim(
                StatusCode::OK,
                &discovery::service_provider_config(&base),
                None,
            ))
        }
        "ResourceTypes" => discovery::resource_types(&base),
        _ => discovery::schemas(&base),
    };
    match id {
        Some(id) => all
            .into_iter()
            .find(|d| d["id"].as_str() == Some(id.as_str()))
            .map(|d| scim(StatusCode::OK, &d, None))
            .ok_or_else(|| {
                ScimError::new(
                    StatusCode::NOT_FOUND,
                    None,
                    format!("No {what} has the id {id:?}."),
                )
            }),
        None => {
            let n = all.len();
            Ok(scim(StatusCode::OK, &discovery::list(all, n, 1), None))
        }
    }
}

fn answer(result: Result<Response, ScimError>) -> Response {
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The SCIM router, to nest under `/scim/v2`.
pub fn router() -> axum::Router<AppState> {
    use axum::routing::MethodRouter;
    let collection = |kind: Kind| -> MethodRouter<AppState> {
        get(move |State(s): State<AppState>, req: Request| async move {
            answer(list(s, kind, req).await)
        })
        .post(move |State(s): State<AppState>, req: Request| async move {
            answer(create(s, kind, req).await)
        })
    };
    let item = |kind: Kind| -> MethodRouter<AppState> {
        get(
            move |State(s): State<AppState>, Path(id): Path<String>, req: Request| async move {
                answer(read(s, kind, id, req).await)
            },
        )
        .put(
            move |State(s): State<AppState>, Path(id): Path<String>, req: Request| async move {
                answer(replace(s, kind, id, req).await)
            },
        )
        .patch(
            move |State(s): State<AppState>, Path(id): Path<String>, req: Request| async move {
                answer(modify(s, kind, id, req).await)
            },
        )
        .delete(
            move |State(s): State<AppState>, Path(id): Path<String>, req: Request| async move {
                answer(remove(s, kind, id, req).await)
            },
        )
    };
    let searcher = |kind: Option<Kind>| -> MethodRouter<AppState> {
        axum::routing::post(move |State(s): State<AppState>, req: Request| async move {
            answer(search(s, kind, req).await)
        })
    };
    let doc = |what: &'static str| -> MethodRouter<AppState> {
        get(move |State(s): State<AppState>, req: Request| async move {
            answer(discover(s, what, None, req).await)
        })
    };
    let doc_item = |what: &'static str| -> MethodRouter<AppState> {
        get(
            move |State(s): State<AppState>, Path(id): Path<String>, req: Request| async move {
                answer(discover(s, what, Some(id), req).await)
            },
        )
    };
    axum::Router::new()
        .route("/ServiceProviderConfig", doc("ServiceProviderConfig"))
        .route("/ResourceTypes", doc("ResourceTypes"))
        .route("/ResourceTypes/{id}", doc_item("ResourceTypes"))
        .route("/Schemas", doc("Schemas"))
        .route("/Schemas/{id}", doc_item("Schemas"))
        .route("/.search", searcher(None))
        .route("/Users/.search", searcher(Some(Kind::User)))
        .route("/Groups/.search", searcher(Some(Kind::Group)))
        .route("/Users", collection(Kind::User))
        .route("/Users/{id}", item(Kind::User))
        .route("/Groups", collection(Kind::Group))
        .route("/Groups/{id}", item(Kind::Group))
        .fallback(|| async {
            ScimError::new(
                StatusCode::NOT_FOUND,
                None,
                "No SCIM endpoint has this path.",
            )
            .into_response()
        })
}
