use super::{Enrolment, SecurityOverview};

crate::session_server_fns! {
    /// Signed in (a required second factor may still be missing): the
    /// caller's second factor state and live sessions.
    "security/overview" => fn get_security() -> SecurityOverview
        = |ctx| super::service::overview(&ctx);

    /// Signed in: a new authenticator secret and its QR code, pending until
    /// confirmed.
    "security/begin-enrolment" => fn begin_second_factor() -> Enrolment
        = |ctx| super::service::factor::begin_enrolment(&ctx);

    /// Signed in: confirms the pending secret with a code; returns ten
    /// recovery codes, shown once.
    "security/confirm-enrolment" => fn confirm_second_factor(code: String) -> Vec<String>
        = |ctx| super::service::factor::confirm_enrolment(&ctx, &code);

    /// Signed in, with the current password: turns two-step verification
    /// off (refused while the organization requires it).
    "security/turn-off" => fn turn_off_second_factor(password: String) -> ()
        = |ctx| super::service::factor::turn_off(&ctx, &password);

    /// Signed in: ends one of the caller's other sessions.
    "security/end-session" => fn end_session(session_id: String) -> ()
        = |ctx| super::service::sessions::end_one(&ctx, &session_id);

    /// Signed in: ends every session of the caller but this one.
    "security/end-other-sessions" => fn end_other_sessions() -> u64
        = |ctx| super::service::sessions::end_others(&ctx);
}
