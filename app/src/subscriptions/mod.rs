//! Subscriptions (Subscriptions workspace; seed 000): a customer's seats
//! per product, quantity changes, and the seat counts licences take from.
//! Listing needs `CustomersView` and `SubscriptionsView` or
//! `CustomerUsersManage`; changes need `SubscriptionsManage`.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod service;
mod view;

pub use api::*;
pub use model::*;
pub use view::*;
