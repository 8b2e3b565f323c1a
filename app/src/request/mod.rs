//! The request context (server only): who is calling, the actor the
//! activity log records, and the database.
//!
//! Every caller builds one [`Ctx`] per call: server functions from the
//! session cookie ([`from_session`]), the command line as the operator
//! ([`Ctx::operator`]), and later the JSON API from an application's bearer
//! secret. Service functions take `&Ctx` and start with
//! `ctx.require(Capability::…)?`, so every caller passes the same check.

mod context;
mod session;

pub use context::Ctx;
pub use session::{
    challenge_cookie_name, challenge_token, client, client_addr, client_addr_of, cookie, cookie_in,
    current_identity, from_session, provide_identity_memo, session_cookie_name, session_token,
    set_challenge_cookie, set_cookie, set_session_cookie, IdentityMemo, SECURE_SESSION_COOKIE,
    SESSION_COOKIE,
};
