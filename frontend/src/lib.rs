#![recursion_limit = "256"]

//! The browser entry point: hydrates the server-rendered page.

/// Called by the hydration script once the WASM is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    _ = console_log::init_with_level(log::Level::Warn);
    console_error_panic_hook::set_once();
    app::ui::remember_early_input();
    leptos::mount::hydrate_lazy(app::App);
}
