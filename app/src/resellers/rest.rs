//! `/api/v1/resellers`.

use super::{service, NewReseller, Reseller};

crate::rest_routes! {
    tag "Resellers";
    /// The registered value-added resellers, newest first.
    ///
    /// `ResellerRegister`.
    GET "/resellers" list_resellers() -> Vec<Reseller>
        = |ctx| service::list(&ctx);
    /// Register a value-added reseller (each partner ID once: 409 otherwise).
    ///
    /// `ResellerRegister`.
    POST "/resellers" register_reseller(; body b: NewReseller) -> Reseller
        = |ctx| service::register(&ctx, &b);
}
