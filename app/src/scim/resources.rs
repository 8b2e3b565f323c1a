//! Users and Groups as SCIM JSON, and back: each read and change goes to the
//! directory service functions of `users` and `groups`, which check the
//! caller's capabilities like every other caller's.

use super::discovery::{GROUP_SCHEMA, USER_SCHEMA};
use super::filter::get_ci;
use crate::error::{AppError, AppResult};
use crate::groups::service::{self as groups, DirectoryGroup, DirectoryGroupRow};
use crate::request::Ctx;
use crate::time::rfc3339;
use crate::users::service::{self as users, DirectoryUser, DirectoryUserRow};
use serde_json::{json, Map, Value};

/// The two resource types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    User,
    Group,
}

impl Kind {
    /// The endpoint under `/scim/v2`.
    pub fn endpoint(self) -> &'static str {
        match self {
            Kind::User => "Users",
            Kind::Group => "Groups",
        }
    }
}

/// A resource's ETag: its row version.
pub fn etag(version: i64) -> String {
    format!("W/\"{version}\"")
}

/// The version an `If-Match` names (`None` for `*` or an unreadable one).
pub fn version_of(if_match: &str) -> Option<i64> {
    if_match
        .trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .ok()
}

fn meta(kind: Kind, base: &str, id: &str, created: i64, version: i64) -> Value {
    json!({
        "resourceType": match kind { Kind::User => "User", Kind::Group => "Group" },
        "created": rfc3339(created),
        "lastModified": rfc3339(created),
        "location": format!("{base}/{}/{id}", kind.endpoint()),
        "version": etag(version),
    })
}

fn user_json(base: &str, row: DirectoryUserRow) -> Value {
    let mut o = Map::new();
    o.insert("schemas".into(), json!([USER_SCHEMA]));
    o.insert("id".into(), json!(row.user_id));
    if let Some(x) = &row.external_id {
        o.insert("externalId".into(), json!(x));
    }
    o.insert("userName".into(), json!(row.user_name));
    o.insert("displayName".into(), json!(row.display_name));
    o.insert("active".into(), json!(row.status == "active"));
    if let Some(emails) = row
        .emails
        .as_deref()
        .and_then(|e| serde_json::from_str::<Value>(e).ok())
    {
        o.insert("emails".into(), emails);
    }
    o.insert(
        "meta".into(),
        meta(Kind::User, base, &row.user_id, row.created_at, row.version),
    );
    Value::Object(o)
}

fn group_json(base: &str, row: DirectoryGroupRow) -> Value {
    let mut o = Map::new();
    o.insert("schemas".into(), json!([GROUP_SCHEMA]));
    o.insert("id".into(), json!(row.group_id));
    if let Some(x) = &row.external_id {
        o.insert("externalId".into(), json!(x));
    }
    o.insert("displayName".into(), json!(row.name));
    if !row.members.is_empty() {
        let members: Vec<Value> = row
            .members
            .iter()
            .map(|(id, _)| json!({"value": id, "$ref": format!("{base}/Users/{id}")}))
            .collect();
        o.insert("members".into(), Value::Array(members));
    }
    o.insert(
        "meta".into(),
        meta(
            Kind::Group,
            base,
            &row.group_id,
            row.created_at,
            row.version,
        ),
    );
    Value::Object(o)
}

fn text(body: &Value, name: &str) -> Option<String> {
    get_ci(body, name)
        .and_then(Value::as_str)
        .map(str::to_string)
}

fn user_from(body: &Value) -> AppResult<DirectoryUser> {
    let user_name = text(body, "userName")
        .ok_or_else(|| AppError::invalid("userName", "userName is required."))?;
    let emails = match get_ci(body, "emails") {
        Some(Value::Array(items)) if !items.is_empty() => {
            Some(Value::Array(items.clone()).to_string())
        }
        Some(Value::Array(_)) | Some(Value::Null) | None => None,
        Some(_) => return Err(AppError::invalid("emails", "emails must be a list.")),
    };
    let active = match get_ci(body, "active") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => true,
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => false,
        Some(_) => return Err(AppError::invalid("active", "active must be true or false.")),
    };
    Ok(DirectoryUser {
        display_name: text(body, "displayName").unwrap_or_else(|| user_name.clone()),
        user_name,
        active,
        external_id: text(body, "externalId"),
        emails,
    })
}

fn group_from(body: &Value) -> AppResult<DirectoryGroup> {
    let display_name = text(body, "displayName")
        .ok_or_else(|| AppError::invalid("displayName", "displayName is required."))?;
    let members = match get_ci(body, "members") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|m| {
                text(m, "value").ok_or_else(|| {
                    AppError::invalid("members", "Each member needs a value (a user id).")
                })
            })
            .collect::<AppResult<Vec<String>>>()?,
        Some(Value::Null) | None => Vec::new(),
        Some(_) => return Err(AppError::invalid("members", "members must be a list.")),
    };
    Ok(DirectoryGroup {
        display_name,
        external_id: text(body, "externalId"),
        members,
    })
}

/// Every resource of `kind` the caller may read.
pub async fn all(ctx: &Ctx, kind: Kind, base: &str) -> AppResult<Vec<Value>> {
    Ok(match kind {
        Kind::User => users::directory_users(ctx)
            .await?
            .into_iter()
            .map(|r| user_json(base, r))
            .collect(),
        Kind::Group => groups::directory_groups(ctx)
            .await?
            .into_iter()
            .map(|r| group_json(base, r))
            .collect(),
    })
}

/// One resource.
pub async fn one(ctx: &Ctx, kind: Kind, base: &str, id: &str) -> AppResult<Value> {
    Ok(match kind {
        Kind::User => user_json(base, users::directory_user(ctx, id).await?),
        Kind::Group => group_json(base, groups::directory_group(ctx, id).await?),
    })
}

/// Creates a resource from its JSON.
pub async fn create(ctx: &Ctx, kind: Kind, base: &str, body: &Value) -> AppResult<Value> {
    Ok(match kind {
        Kind::User => user_json(
            base,
            users::create_from_directory(ctx, &user_from(body)?).await?,
        ),
        Kind::Group => group_json(
            base,
            groups::create_from_directory(ctx, &group_from(body)?).await?,
        ),
    })
}

/// Replaces a resource with its JSON (`version` from `If-Match`).
pub async fn replace(
    ctx: &Ctx,
    kind: Kind,
    base: &str,
    id: &str,
    body: &Value,
    version: Option<i64>,
) -> AppResult<Value> {
    Ok(match kind {
        Kind::User => user_json(
            base,
            users::update_from_directory(ctx, id, &user_from(body)?, version).await?,
        ),
        Kind::Group => group_json(
            base,
            groups::update_from_directory(ctx, id, &group_from(body)?, version).await?,
        ),
    })
}

/// Deletes a resource.
pub async fn delete(ctx: &Ctx, kind: Kind, id: &str) -> AppResult<()> {
    match kind {
        Kind::User => users::delete_from_directory(ctx, id).await,
        Kind::Group => groups::delete_from_directory(ctx, id).await,
    }
}
