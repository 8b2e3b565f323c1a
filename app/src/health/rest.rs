//! `/api/v1/service-health`.

use super::{service, ServiceHealth};

crate::rest_routes! {
    tag "Service health";
    /// Every service's state, with open incidents and those resolved in the
    /// last 30 days.
    ///
    /// `ServiceHealthView`.
    GET "/service-health" get_service_health() -> ServiceHealth
        = |ctx| service::overview(&ctx);
}
