//! Declaring server functions: each builds the request context from the
//! browser session and calls one service function, which checks the
//! capability and does the work (the README's first rule).

/// Declares server functions, one per line:
///
/// ```text
/// /// `Capability`: what it does.
/// "feature/verb" => fn name(arg: Type, …) -> Output = |ctx| service::call(&ctx, &arg, …);
/// ```
///
/// Each becomes `#[server(endpoint = "feature/verb", input = Json)] pub async
/// fn name(arg: Type, …) -> Result<Output, AppError>` whose body builds the
/// context from the session (401 without one) and awaits the call.
#[macro_export]
macro_rules! session_server_fns {
    ($(
        $(#[doc = $doc:literal])*
        $endpoint:literal => fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty
            = |$ctx:ident| $call:expr;
    )*) => {$(
        $(#[doc = $doc])*
        #[leptos::server(endpoint = $endpoint, input = leptos::server_fn::codec::Json)]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::error::AppError> {
            let $ctx = $crate::request::from_session().await?;
            $call.await
        }
    )*};
}
