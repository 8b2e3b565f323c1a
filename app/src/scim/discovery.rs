//! The discovery documents (RFC 7643 §5–§7, RFC 7644 §4): what this
//! service provider supports, its resource types and their schemas. The
//! User and Group schemas list exactly the attributes the console keeps.

use serde_json::{json, Value};

pub const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
pub const GROUP_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
pub const LIST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const ERROR_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
const SPC_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RT_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SCHEMA_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";

/// Most resources a list returns at once.
pub const MAX_RESULTS: usize = 1000;

/// One attribute definition.
fn attr(name: &str, kind: &str, required: bool, mutability: &str, description: &str) -> Value {
    json!({
        "name": name, "type": kind, "multiValued": false, "description": description,
        "required": required, "caseExact": false, "mutability": mutability,
        "returned": "default", "uniqueness": "none"
    })
}

fn with(mut a: Value, key: &str, v: Value) -> Value {
    if let Some(o) = a.as_object_mut() {
        o.insert(key.into(), v);
    }
    a
}

fn user_attributes() -> Value {
    json!([
        with(
            attr(
                "userName",
                "string",
                true,
                "readWrite",
                "The user's sign-in name, unique in the organization."
            ),
            "uniqueness",
            json!("server"),
        ),
        attr(
            "displayName",
            "string",
            true,
            "readWrite",
            "The name shown in the console."
        ),
        attr(
            "active",
            "boolean",
            true,
            "readWrite",
            "Whether the user may sign in; false ends their sessions."
        ),
        with(
            with(
                attr(
                    "emails",
                    "complex",
                    false,
                    "readWrite",
                    "Email addresses, kept as the directory sends them."
                ),
                "multiValued",
                json!(true),
            ),
            "subAttributes",
            json!([
                attr("value", "string", false, "readWrite", "The address."),
                attr("type", "string", false, "readWrite", "work, home or other."),
                attr(
                    "primary",
                    "boolean",
                    false,
                    "readWrite",
                    "The preferred address."
                ),
            ]),
        ),
    ])
}

fn group_attributes() -> Value {
    json!([
        attr(
            "displayName",
            "string",
            true,
            "readWrite",
            "The group's name, unique in the organization."
        ),
        with(
            with(
                attr(
                    "members",
                    "complex",
                    false,
                    "readWrite",
                    "The users in the group."
                ),
                "multiValued",
                json!(true),
            ),
            "subAttributes",
            json!([
                attr("value", "string", false, "immutable", "The member's id."),
                with(
                    attr("$ref", "reference", false, "immutable", "The member's URI."),
                    "referenceTypes",
                    json!(["User"]),
                ),
                attr(
                    "display",
                    "string",
                    false,
                    "readOnly",
                    "The member's display name."
                ),
            ]),
        ),
    ])
}

fn schema(base: &str, id: &str, name: &str, description: &str, attributes: Value) -> Value {
    json!({
        "schemas": [SCHEMA_SCHEMA],
        "id": id, "name": name, "description": description, "attributes": attributes,
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{id}")}
    })
}

/// Every schema this provider publishes.
pub fn schemas(base: &str) -> Vec<Value> {
    let simple = |n: &str, t: &str, req: bool| attr(n, t, req, "readOnly", n);
    let multi = |a: Value| with(a, "multiValued", json!(true));
    vec![
        schema(
            base,
            USER_SCHEMA,
            "User",
            "A partner user.",
            user_attributes(),
        ),
        schema(
            base,
            GROUP_SCHEMA,
            "Group",
            "A group of partner users.",
            group_attributes(),
        ),
        schema(
            base,
            SPC_SCHEMA,
            "ServiceProviderConfig",
            "What this service provider supports.",
            json!([
                simple("documentationUri", "reference", false),
                with(
                    simple("patch", "complex", true),
                    "subAttributes",
                    json!([simple("supported", "boolean", true)])
                ),
                with(
                    simple("bulk", "complex", true),
                    "subAttributes",
                    json!([
                        simple("supported", "boolean", true),
                        simple("maxOperations", "integer", true),
                        simple("maxPayloadSize", "integer", true)
                    ]),
                ),
                with(
                    simple("filter", "complex", true),
                    "subAttributes",
                    json!([
                        simple("supported", "boolean", true),
                        simple("maxResults", "integer", true)
                    ]),
                ),
                with(
                    simple("changePassword", "complex", true),
                    "subAttributes",
                    json!([simple("supported", "boolean", true)])
                ),
                with(
                    simple("sort", "complex", true),
                    "subAttributes",
                    json!([simple("supported", "boolean", true)])
                ),
                with(
                    simple("etag", "complex", true),
                    "subAttributes",
                    json!([simple("supported", "boolean", true)])
                ),
                with(
                    multi(simple("authenticationSchemes", "complex", true)),
                    "subAttributes",
                    json!([
                        simple("type", "string", true),
                        simple("name", "string", true),
                        simple("description", "string", true)
                    ]),
                ),
            ]),
        ),
        schema(
            base,
            RT_SCHEMA,
            "ResourceType",
            "A type of resource.",
            json!([
                simple("id", "string", false),
                simple("name", "string", true),
                simple("description", "string", false),
                simple("endpoint", "reference", true),
                simple("schema", "reference", true),
            ]),
        ),
        schema(
            base,
            SCHEMA_SCHEMA,
            "Schema",
            "A resource's schema.",
            json!([
                simple("id", "string", true),
                simple("name", "string", false),
                simple("description", "string", false),
                with(
                    multi(simple("attributes", "complex", true)),
                    "subAttributes",
                    json!([
                        simple("name", "string", true),
                        simple("type", "string", true),
                        simple("multiValued", "boolean", true),
                        simple("description", "string", false),
                        simple("required", "boolean", false),
                        simple("caseExact", "boolean", false),
                        simple("mutability", "string", false),
                        simple("returned", "string", false),
                        simple("uniqueness", "string", false),
                    ]),
                ),
            ]),
        ),
    ]
}

/// The resource types: User and Group.
pub fn resource_types(base: &str) -> Vec<Value> {
    [("User", "/Users", USER_SCHEMA, "Partner users"), ("Group", "/Groups", GROUP_SCHEMA, "Groups of partner users")]
        .into_iter()
        .map(|(id, endpoint, schema, description)| {
            json!({
                "schemas": [RT_SCHEMA],
                "id": id, "name": id, "endpoint": endpoint, "description": description, "schema": schema,
                "meta": {"resourceType": "ResourceType", "location": format!("{base}/ResourceTypes/{id}")}
            })
        })
        .collect()
}

/// What this provider supports: PATCH, filters, ETags; no bulk, sort or
/// password change (passwords are reset by an admin in the console).
pub fn service_provider_config(base: &str) -> Value {
    json!({
        "schemas": [SPC_SCHEMA],
        "documentationUri": "https://www.rfc-editor.org/rfc/rfc7644",
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": MAX_RESULTS},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": true},
        "authenticationSchemes": [{
            "type": "oauthbearertoken", "name": "Application secret",
            "description": "An application secret with directory sync, as `Authorization: Bearer <secret>`."
        }],
        "meta": {"resourceType": "ServiceProviderConfig", "location": format!("{base}/ServiceProviderConfig")}
    })
}

/// A list response.
pub fn list(resources: Vec<Value>, total: usize, start: usize) -> Value {
    json!({
        "schemas": [LIST_SCHEMA],
        "totalResults": total,
        "startIndex": start,
        "itemsPerPage": resources.len(),
        "Resources": resources
    })
}
