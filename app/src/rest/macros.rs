//! [`rest_routes!`](crate::rest_routes): one line per API route.

/// Declares a feature's API routes and makes its `routes()`:
///
/// ```text
/// tag "Groups";
/// /// Summary line.
/// ///
/// /// Description (the capability it needs).
/// GET "/groups/{group_id}" get_group(group_id; query q: NoInput) -> GroupDetail
///     = |ctx| service::get(&ctx, &group_id);
/// ```
///
/// Path parameters are named before the `;`, bound as `String`s; the input
/// is `query name: Type` (the query string), `body name: Type` (JSON),
/// `file name: CsvFile` (a CSV file, [`crate::rest::csv_file`]), or absent. An optional `fresh |ctx| call` after the call gives the current
/// record that a 409 for a stale version carries.
#[macro_export]
macro_rules! rest_routes {
    (tag $tag:literal; $(
        $(#[doc = $doc:literal])*
        $method:ident $path:literal $name:ident ( $($p:ident),* $(; $kind:ident $arg:ident : $input:ty)? ) -> $ret:ty
            = |$ctx:ident| $call:expr $(, fresh $fresh:expr)?;
    )*) => {
        /// This feature's API routes.
        pub fn routes() -> Vec<$crate::rest::ApiRoute> {
            vec![$(
                $crate::rest::ApiRoute {
                    method: http::Method::$method,
                    path: $path,
                    tag: $tag,
                    operation_id: stringify!($name),
                    docs: concat!($($doc, "\n"),*),
                    path_params: &[$(stringify!($p)),*],
                    input: $crate::rest_routes!(@kind $($kind)?),
                    input_schema: $crate::rest::schema_of::<$crate::rest_routes!(@ty $($input)?)>,
                    output_schema: $crate::rest::schema_of::<$ret>,
                    handler: axum::routing::on(
                        axum::routing::MethodFilter::$method,
                        |axum::extract::State(state): axum::extract::State<$crate::state::AppState>,
                         req: axum::extract::Request| async move {
                            let (mut parts, body) = req.into_parts();
                            let $ctx = match $crate::rest::caller(&state, &mut parts).await {
                                Ok(ctx) => ctx,
                                Err(e) => return $crate::rest::reply::<()>(Err(e)),
                            };
                            let run = async {
                                #[allow(unused_mut)]
                                let mut path = $crate::rest::PathArgs::from_parts(&mut parts).await?;
                                $(let $p: String = path.take(stringify!($p))?;)*
                                let _ = &path;
                                $crate::rest_routes!(@unused body $($kind)?);
                                $(let $arg: $input = $crate::rest_routes!(@read $kind, &parts, body).await?;)?
                                let result: $crate::error::AppResult<$ret> = $call.await;
                                $(if let Err(e) = &result {
                                    if e.is_stale() {
                                        return Err($crate::rest::ApiError::stale(e, $fresh.await));
                                    }
                                })?
                                result.map_err($crate::rest::ApiError::from)
                            };
                            $crate::rest::reply::<$ret>(run.await)
                        },
                    ),
                }
            ),*]
        }
    };
    (@unused $body:ident) => { drop($body) };
    (@unused $body:ident $kind:ident) => {};
    (@kind) => { $crate::rest::InputKind::None };
    (@kind query) => { $crate::rest::InputKind::Query };
    (@kind body) => { $crate::rest::InputKind::Body };
    (@kind file) => { $crate::rest::InputKind::File };
    (@read file, $parts:expr, $body:expr) => { $crate::rest::csv_file($parts, $body) };
    (@read $kind:ident, $parts:expr, $body:expr) => { $crate::rest::input(stringify!($kind), $parts, $body) };
    (@ty) => { $crate::rest::NoInput };
    (@ty $t:ty) => { $t };
}
