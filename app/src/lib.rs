//! Partner Console: the shared application crate.
//!
//! Everything here compiles twice: into the server (feature `ssr`) and into
//! the browser's WASM (feature `hydrate`). Server-only modules are gated on
//! `ssr`, so the WASM build never names sqlx.

pub mod error;
pub mod orgs;
pub mod system;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    StaticSegment,
};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The root component: routes and the page frame.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    ui::mark_hydrated();

    view! {
        <Stylesheet id="leptos" href="/pkg/partner-console.css"/>
        <Title text="Partner Console"/>
        <Router>
            <main id="main">
                <Routes fallback=|| view! { <ui::NotFoundPage/> }>
                    <Route path=StaticSegment("") view=system::HomePage/>
                </Routes>
            </main>
        </Router>
    }
}
