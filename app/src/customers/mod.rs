//! Customers (Customers workspace; seed 000): list and search, create, edit
//! details and billing information, request a relationship or delegated
//! admin privileges, the agreement date, and each customer's subscriptions
//! (seats per product). Every action is gated by its own capability.

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

use crate::access::{ui::NavPage, Capability, Workspace};

/// The customer list, in Customers.
pub const NAV: NavPage = NavPage {
    workspace: Some(Workspace::Customers),
    label: crate::key!("nav-customers"),
    href: "/customers",
    needs: Some(Capability::CustomersView),
    count: None,
};
