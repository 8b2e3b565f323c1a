//! Whether the next page's code is on its way. Split (release builds), a
//! click on a link to a page whose code has not been downloaded leaves the
//! previous page on screen until it arrives; the routes count those
//! downloads here ([`page_code`]), and meanwhile the bar the document
//! carries ([`PageLoading`]) shows and `<main>` is marked busy, so the
//! click visibly did something. Builds with every page in one WASM never
//! wait, and never show it.
//!
//! The bar is part of the server's document around the app, after it, and
//! is shown and hidden by hand rather than by a reactive view: a view in
//! the app made the WASM every page loads first 4 KB larger (brotli).

use leptos::prelude::*;

/// The bar shown while a page's code is on its way: an indeterminate
/// progress bar, named for screen readers, hidden until [`page_code`]
/// shows it. The style sheet shows it only after a moment, so a download
/// that is quick never flashes it. Rendered by the server's document
/// (`shell`), outside the hydrated app.
#[component]
pub fn PageLoading() -> impl IntoView {
    view! {
        <div
            id=BAR_ID
            class="page-loading"
            role="progressbar"
            aria-label=crate::tr!("ui-page-loading")
            data-testid="page-loading"
            hidden
        ></div>
    }
}

/// The bar's element id.
const BAR_ID: &str = "page-loading";

/// A download of page code, counted for as long as this is alive (so one
/// abandoned by a later click is counted out too).
pub struct PageCode(());

/// Counts a page on its way until the returned value is dropped: a route
/// keeps it while it awaits its code.
pub fn page_code() -> PageCode {
    #[cfg(feature = "hydrate")]
    browser::count(1);
    PageCode(())
}

impl Drop for PageCode {
    fn drop(&mut self) {
        #[cfg(feature = "hydrate")]
        browser::count(-1);
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::Cell;

    thread_local! {
        static PENDING: Cell<i32> = const { Cell::new(0) };
    }

    /// Adds `step` to the downloads under way; shows the bar and marks
    /// `<main>` busy when the first starts, undoes both when the last ends.
    pub fn count(step: i32) {
        let before = PENDING.get();
        let now = (before + step).max(0);
        PENDING.set(now);
        if (before == 0) == (now == 0) {
            return;
        }
        let document = leptos::prelude::document();
        let busy = now > 0;
        if let Some(bar) = document.get_element_by_id(super::BAR_ID) {
            let _ = if busy {
                bar.remove_attribute("hidden")
            } else {
                bar.set_attribute("hidden", "")
            };
        }
        if let Some(main) = document.get_element_by_id("main") {
            let _ = if busy {
                main.set_attribute("aria-busy", "true")
            } else {
                main.remove_attribute("aria-busy")
            };
        }
    }
}
