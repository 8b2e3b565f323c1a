//! The OpenAPI 3.1 document of `/api/v1`, built from the same route list as
//! the router: each route's path, parameters, input and output schemas (from
//! the wire types' `ToSchema`), the bearer security and the error answers.

use super::{routes, schema_of, ApiError, ApiRoute, InputKind};
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{ComponentsBuilder, Schema};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    Content, InfoBuilder, OpenApi, OpenApiBuilder, Ref, RefOr, Required, ResponseBuilder,
};

/// The statuses every route may answer with besides 200, and what they mean.
const ERRORS: &[(&str, &str)] = &[
    (
        "400",
        "The input can't be read (malformed JSON, wrong type).",
    ),
    (
        "401",
        "Missing, unknown, revoked or expired secret (see `WWW-Authenticate`).",
    ),
    ("403", "The application lacks the capability this needs."),
    ("404", "No such record in the application's organization."),
    (
        "409",
        "Conflict: a duplicate, or a stale `version` (`current` holds the record now).",
    ),
    ("413", "The body is too large."),
    (
        "422",
        "Invalid input: `field` and `errors` name what to fix.",
    ),
    ("429", "Too many calls: wait `Retry-After` seconds."),
];

fn method(m: &http::Method) -> HttpMethod {
    match *m {
        http::Method::POST => HttpMethod::Post,
        http::Method::PUT => HttpMethod::Put,
        http::Method::PATCH => HttpMethod::Patch,
        http::Method::DELETE => HttpMethod::Delete,
        _ => HttpMethod::Get,
    }
}

/// The query parameters a query input type stands for: one per property.
fn query_parameters(schema: &RefOr<Schema>) -> Vec<utoipa::openapi::path::Parameter> {
    let RefOr::T(Schema::Object(object)) = schema else {
        return Vec::new();
    };
    object
        .properties
        .iter()
        .map(|(name, property)| {
            let required = if object.required.contains(name) {
                Required::True
            } else {
                Required::False
            };
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Query)
                .required(required)
                .schema(Some(property.clone()))
                .build()
        })
        .collect()
}

fn operation(
    route: &ApiRoute,
    named: &mut Vec<(String, RefOr<Schema>)>,
) -> utoipa::openapi::path::Operation {
    let mut lines = route.docs.lines().map(str::trim);
    let summary = lines.next().unwrap_or_default().to_string();
    let description = lines.collect::<Vec<_>>().join("\n").trim().to_string();
    let mut op = OperationBuilder::new()
        .operation_id(Some(route.operation_id))
        .summary(Some(summary))
        .description((!description.is_empty()).then_some(description))
        .tag(route.tag);
    for p in route.path_params {
        op = op.parameter(
            ParameterBuilder::new()
                .name(*p)
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .schema(Some(String::schema_of())),
        );
    }
    let (input, input_named) = (route.input_schema)();
    match route.input {
        InputKind::None => {}
        InputKind::Query => {
            named.extend(input_named);
            for p in query_parameters(&input) {
                op = op.parameter(p);
            }
        }
        InputKind::Body => {
            named.extend(input_named);
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .required(Some(Required::True))
                    .content("application/json", Content::new(Some(input)))
                    .build(),
            ));
        }
        InputKind::File => {
            named.extend(input_named);
            let text = utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .description(Some(
                    "The CSV file itself, sent as it is read: any size up to the import's limits.",
                ));
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .required(Some(Required::True))
                    .content("text/csv", Content::new(Some(text)))
                    .content("application/json", Content::new(Some(input)))
                    .build(),
            ));
        }
    }
    let (output, output_named) = (route.output_schema)();
    named.extend(output_named);
    op = op.response(
        "200",
        ResponseBuilder::new()
            .description("Success.")
            .content("application/json", Content::new(Some(output))),
    );
    for (status, text) in ERRORS {
        op = op.response(
            *status,
            ResponseBuilder::new().description(*text).content(
                "application/json",
                Content::new(Some(Ref::from_schema_name("ApiError"))),
            ),
        );
    }
    op.build()
}

trait SchemaOf {
    fn schema_of() -> RefOr<Schema>;
}

impl SchemaOf for String {
    fn schema_of() -> RefOr<Schema> {
        <String as utoipa::PartialSchema>::schema()
    }
}

/// The whole document.
pub fn document() -> OpenApi {
    let mut named = Vec::new();
    let mut paths = utoipa::openapi::path::Paths::new();
    for route in routes() {
        let op = operation(&route, &mut named);
        let path = format!("/api/v1{}", route.path);
        match paths.paths.get_mut(&path) {
            Some(item) => item.merge_operations(PathItem::new(method(&route.method), op)),
            None => {
                paths
                    .paths
                    .insert(path, PathItem::new(method(&route.method), op));
            }
        }
    }
    let (error_schema, error_named) = schema_of::<ApiError>();
    named.extend(error_named);
    named.push(("ApiError".into(), error_schema));
    named.sort_by(|a, b| a.0.cmp(&b.0));
    named.dedup_by(|a, b| a.0 == b.0);
    let components = ComponentsBuilder::new()
        .schemas_from_iter(named)
        .security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("application secret (pcs_…)")
                    .build(),
            ),
        )
        .build();
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Partner Console API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "Everything the console does, for applications. Send an application's secret as \
                     `Authorization: Bearer <secret>`; the application's roles decide what it may do, \
                     exactly as for a person in the console.",
                ))
                .build(),
        )
        .paths(paths)
        .components(Some(components))
        .security(Some([SecurityRequirement::new("bearer", Vec::<String>::new())]))
        .build()
}
