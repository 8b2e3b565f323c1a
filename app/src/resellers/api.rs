use super::{NewReseller, Reseller};

crate::session_server_fns! {
    /// `ResellerRegister`: the registered resellers, newest first.
    "resellers/list" => fn list_resellers() -> Vec<Reseller>
        = |ctx| super::service::list(&ctx);

    /// `ResellerRegister`: registers a reseller (a partner ID once).
    "resellers/register" => fn register_reseller(reseller: NewReseller) -> Reseller
        = |ctx| super::service::register(&ctx, &reseller);
}
