//! `/api/v1/activity`: the activity log over the JSON API.

use super::{service, ActivityFilter, ActivityPage};

crate::rest_routes! {
    tag "Activity";
    /// The organization's activity log, newest first, a page at a time.
    ///
    /// `ActivityLogView`. Filter by `from`/`to` (`YYYY-MM-DD`), `operation`,
    /// `actor`, `target`, `target_id`, `customer_id`.
    GET "/activity" list_activity(; query q: ActivityFilter) -> ActivityPage
        = |ctx| service::list(&ctx, &q);
    /// The filtered activity log as CSV text.
    ///
    /// `ActivityLogView`.
    GET "/activity/export" export_activity(; query q: ActivityFilter) -> String
        = |ctx| super::export::export_csv(&ctx, &q);
}
