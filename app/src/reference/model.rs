use serde::{Deserialize, Serialize};

/// The API's reference: its operations, then the schemas they name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiReference {
    pub title: String,
    pub version: String,
    pub operations: Vec<ApiOperation>,
    /// (name, pretty JSON schema), by name.
    pub schemas: Vec<(String, String)>,
}

/// One operation: `GET /api/v1/users` and what it takes and answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiOperation {
    pub method: String,
    pub path: String,
    pub tag: String,
    pub summary: String,
    pub description: String,
    pub parameters: Vec<ApiParameter>,
    /// The JSON body's schema, pretty-printed, if it takes one.
    pub request: Option<String>,
    /// The 200 answer's schema, pretty-printed.
    pub response: String,
}

/// A path or query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiParameter {
    pub name: String,
    /// `path` or `query`.
    pub location: String,
    pub required: bool,
    /// The schema, compact JSON.
    pub schema: String,
}
