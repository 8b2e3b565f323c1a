use super::{ActivityFilter, ActivityPage};

crate::session_server_fns! {
    /// Signed in: a page of the activity log: the caller's own actions, or the
    /// whole organization's with `ActivityViewAll`.
    "activity/list" => fn list_activity(filter: ActivityFilter) -> ActivityPage
        = |ctx| super::service::list(&ctx, &filter);

    /// Signed in: the filtered log as CSV, with the same visibility as the list.
    "activity/export" => fn export_activity(filter: ActivityFilter) -> String
        = |ctx| super::service::export_csv(&ctx, &filter);
}
