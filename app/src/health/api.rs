use super::ServiceHealth;

crate::session_server_fns! {
    /// `ServiceHealthView`: every service's state and its incidents.
    "health/overview" => fn get_service_health() -> ServiceHealth
        = |ctx| super::service::overview(&ctx);
}
