//! Organizations (partner tenants). Creating one is a CLI/operator task;
//! editing the profile comes with the Account settings workspace.

#[cfg(feature = "ssr")]
pub mod service;
