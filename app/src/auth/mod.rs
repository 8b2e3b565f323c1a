//! Sign-in with email and password, database sessions, forced change of a
//! temporary password, sign-out. Public: `sign_in`, `verify_second_factor`
//! (with a challenge cookie), `get_identity`; signed in: `change_password`,
//! `sign_out`. The second factor itself lives in `security`.

mod api;
mod model;
pub mod password;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod secrets;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod throttle;
mod view;

pub use api::*;
pub use model::*;
pub use view::*;
