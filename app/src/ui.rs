//! Small shared UI pieces used by every feature.

use leptos::prelude::*;

/// Sets `data-hydrated="true"` on `<body>` once the WASM has taken over the
/// page. End-to-end tests wait for it before they click: clicks made before
/// hydration are lost.
pub fn mark_hydrated() {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

/// Shown for any path no route matches.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="card">
            <h1>"Page not found"</h1>
            <p><a href="/">"Back to the start page"</a></p>
        </section>
    }
}
