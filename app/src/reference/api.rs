use super::ApiReference;

crate::session_server_fns! {
    /// Any signed-in identity: the `/api/v1` reference.
    "reference/api" => fn get_api_reference() -> ApiReference
        = |ctx| super::service::reference(&ctx);
}
