//! Shared UI pieces: the signed-in page frame with its navigation, error
//! messages, the copy button.

use crate::access::ui::{menu, NavPage};
use crate::access::Identity;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

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

/// Loads the signed-in identity (again on every navigation, so a role
/// change shows at once) and renders the page inside the navigation frame.
/// Visitors go to the sign-in page; a pending temporary password goes to the
/// password change.
///
/// The one exception to the `Suspend` rule for pages (README, "Rules for page
/// code"): the frame's children create the page's resources, so the frame
/// reads `identity` with `.get()`, which renders the children exactly once,
/// after it resolves. Awaiting it in a `Suspend` would re-run the closure on
/// the server when the value arrives (but not in the browser, where it is
/// already there), create the page's resources twice and break hydration.
/// No other boundary reads `identity`.
#[component]
pub fn Frame(children: ChildrenFn) -> impl IntoView {
    let location = use_location();
    let identity = Resource::new(
        move || location.pathname.get(),
        |_| crate::auth::get_identity(),
    );
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || {
                identity
                    .get()
                    .map(|result| match result {
                        Ok(Some(me)) if me.must_change_password => {
                            view! { <Redirect path="/change-password"/> }.into_any()
                        }
                        Ok(Some(me)) => {
                            provide_context(me.clone());
                            view! {
                                <div class="layout">
                                    <Nav me=me/>
                                    <div class="content">{children.with_value(|c| c())}</div>
                                </div>
                            }
                                .into_any()
                        }
                        Ok(None) | Err(AppError::Unauthenticated) => {
                            view! { <Redirect path="/login"/> }.into_any()
                        }
                        Err(e) => view! { <ErrorMessage error=e/> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

/// The features' pages in the navigation, in order.
const NAV_PAGES: &[NavPage] = &[
    crate::users::HOME_NAV,
    crate::activity::NAV,
    crate::workspaces::ROLES_NAV,
    crate::users::NAV,
    crate::customers::NAV,
];

#[component]
fn Nav(me: Identity) -> impl IntoView {
    let groups = menu(&me, NAV_PAGES);
    let location = use_location();
    let signing_out = RwSignal::new(false);
    let sign_out = move |_| {
        signing_out.set(true);
        leptos::task::spawn_local(async move {
            let _ = crate::auth::sign_out(false).await;
            go_to("/login");
        });
    };
    view! {
        <nav aria-label="Main" data-testid="nav">
            <p>
                <strong data-testid="me-name">{me.display_name.clone()}</strong>
                <br/>
                <span class="muted">{me.org_name.clone()}</span>
            </p>
            {groups
                .into_iter()
                .map(|g| {
                    view! {
                        <h2 data-testid="nav-group">{g.label}</h2>
                        <ul>
                            {g
                                .links
                                .into_iter()
                                .map(|l| {
                                    let href = l.href.clone();
                                    let current = move || {
                                        (location.pathname.get() == href).then_some("page")
                                    };
                                    view! {
                                        <li>
                                            <a href=l.href aria-current=current>{l.label}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
            <p>
                <button class="secondary" on:click=sign_out disabled=move || signing_out.get()>
                    "Sign out"
                </button>
            </p>
        </nav>
    }
}

/// Full page load of `path` (after sign-in/out, so every cached read restarts).
pub fn go_to(path: &str) {
    let _ = window().location().set_href(path);
}

/// An error as a sentence, announced to screen readers.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    view! { <p class="error" role="alert">{error.to_string()}</p> }
}

/// The message for one form field from the last error, if any.
#[component]
pub fn FieldError(error: RwSignal<Option<AppError>>, field: &'static str) -> impl IntoView {
    move || {
        error.get().and_then(|e| e.field(field)).map(|m| {
            view! { <p class="field-error" id=format!("{field}-error")>{m}</p> }
        })
    }
}

/// A labelled text input bound to a signal, with the field's message from
/// the last error under it.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<AppError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = true)] enabled: bool,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            type=kind
            disabled=!enabled
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
        <FieldError error=error field=id/>
    }
}

/// The error from the last attempt, unless it belongs to a field shown
/// elsewhere on the form.
#[component]
pub fn FormError(
    error: RwSignal<Option<AppError>>,
    fields: &'static [&'static str],
) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| fields.iter().all(|f| e.field(f).is_none()))
            .map(|e| view! { <ErrorMessage error=e/> })
    }
}

/// A secret shown once, with a button that copies it.
#[component]
pub fn OnceSecret(label: &'static str, value: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let to_copy = value.clone();
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&to_copy);
        copied.set(true);
    };
    view! {
        <p>
            <span>{label}</span>
            " "
            <code class="secret" data-testid="secret">{value}</code>
            " "
            <button type="button" class="secondary" on:click=copy>
                {move || if copied.get() { "Copied" } else { "Copy" }}
            </button>
        </p>
        <p class="muted">"Copy it now and send it to the user: it can't be shown again."</p>
    }
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
            <p>
                <a href="/">"Back to the start page"</a>
            </p>
        </section>
    }
}

/// `Previous` / `Next` for a paged list.
#[component]
pub fn Pager(page: RwSignal<u32>, total: i64, page_size: u32) -> impl IntoView {
    let pages = ((total.max(0) as u64).div_ceil(u64::from(page_size.max(1)))).max(1);
    // Outside `view!`: a `>=` inside an attribute would close the tag.
    let at_end = move || u64::from(page.get()) + 1 >= pages;
    view! {
        <div class="pager">
            <button
                class="secondary"
                disabled=move || page.get() == 0
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
            >
                "Previous"
            </button>
            <span>{move || format!("Page {} of {} ({} in all)", page.get() + 1, pages, total)}</span>
            <button
                class="secondary"
                disabled=at_end
                on:click=move |_| page.update(|p| *p += 1)
            >
                "Next"
            </button>
        </div>
    }
}

/// Offers `text` as a file download (browser only).
pub fn download(filename: &str, text: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let parts = js_sys_array(text);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("text/csv;charset=utf-8");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Ok(a) = document().create_element("a") {
            if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
                a.set_href(&url);
                a.set_download(filename);
                a.click();
            }
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (filename, text);
}

#[cfg(feature = "hydrate")]
fn js_sys_array(text: &str) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(text));
    array.into()
}

/// The text of the file chosen in the `<input type=file>` with this id
/// (browser only).
pub async fn read_chosen_file(input_id: &str) -> Result<String, String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let input = document()
            .get_element_by_id(input_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .ok_or_else(|| "The file field is missing.".to_string())?;
        let file = input
            .files()
            .and_then(|f| f.get(0))
            .ok_or_else(|| "Choose a CSV file first.".to_string())?;
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .map_err(|_| "The file can't be read.".to_string())?;
        text.as_string()
            .ok_or_else(|| "The file can't be read.".to_string())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = input_id;
        Err("Files are read in the browser.".to_string())
    }
}

/// A data table: a header row of `columns` (each a column header for
/// screen readers) and the rows given as children.
#[component]
pub fn Table(
    /// The `data-testid` the end-to-end tests find it by.
    testid: &'static str,
    columns: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    view! {
        <table data-testid=testid>
            <thead>
                <tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}
