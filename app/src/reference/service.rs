//! The reference, read from the OpenAPI document.

use super::{ApiOperation, ApiParameter, ApiReference};
use crate::error::{AppError, AppResult};
use crate::request::Ctx;
use serde_json::Value;

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The operations in document order (by path, then method), and the schemas.
pub async fn reference(ctx: &Ctx) -> AppResult<ApiReference> {
    ctx.require_login()?;
    let doc = serde_json::to_value(crate::rest::openapi::document()).map_err(|e| {
        tracing::error!(error = %e, "OpenAPI document");
        AppError::Internal
    })?;
    let mut operations = Vec::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            let Some(item) = item.as_object() else {
                continue;
            };
            for method in ["get", "post", "put", "patch", "delete"] {
                let Some(op) = item.get(method) else { continue };
                let parameters = op["parameters"]
                    .as_array()
                    .map(|ps| {
                        ps.iter()
                            .map(|p| ApiParameter {
                                name: text(&p["name"]),
                                location: text(&p["in"]),
                                required: p["required"].as_bool().unwrap_or(false),
                                schema: p["schema"].to_string(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let request = op["requestBody"]["content"]["application/json"]["schema"].clone();
                operations.push(ApiOperation {
                    method: method.to_uppercase(),
                    path: path.clone(),
                    tag: op["tags"][0].as_str().unwrap_or("Other").to_string(),
                    summary: text(&op["summary"]),
                    description: text(&op["description"]),
                    parameters,
                    request: (!request.is_null()).then(|| pretty(&request)),
                    response: pretty(
                        &op["responses"]["200"]["content"]["application/json"]["schema"],
                    ),
                });
            }
        }
    }
    let schemas = doc["components"]["schemas"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), pretty(v))).collect())
        .unwrap_or_default();
    Ok(ApiReference {
        title: text(&doc["info"]["title"]),
        version: text(&doc["info"]["version"]),
        operations,
        schemas,
    })
}
