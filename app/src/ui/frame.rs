//! The signed-in page frame: identity, navigation, redirects.

use crate::access::ui::{menu, NavPage};
use crate::access::Identity;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use super::ErrorMessage;

/// Sets `data-hydrated="true"` on `<body>` once the WASM has taken over the
/// page. End-to-end tests wait for it before they click: clicks made before
/// hydration are lost. Each route's view calls it (`pages`), so with the WASM
/// split it waits for the page's own chunk, not only the shell. What the
/// person typed or sent before then is given to the page first
/// ([`super::replay_early_input`]).
pub fn mark_hydrated() {
    Effect::new(move |_| {
        super::replay_early_input();
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

/// The page's live region: what it says is read out by screen readers
/// (`role="status"`) without moving the focus. Take it with [`announcer`]
/// while the page renders; say the results of work that finish later.
#[derive(Clone, Copy)]
pub struct Announcer(Option<RwSignal<String>>);

impl Announcer {
    /// Says `text` ("2 users imported").
    pub fn say(self, text: String) {
        if let Some(said) = self.0 {
            said.set(text);
        }
    }
}

/// The frame's live region (one that says nothing outside the frame).
pub fn announcer() -> Announcer {
    use_context::<Announcer>().unwrap_or(Announcer(None))
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
    let said = RwSignal::new(String::new());
    provide_context(Announcer(Some(said)));
    view! {
        <Suspense fallback=|| view! { <p class="muted">{crate::tr!("ui-loading")}</p> }>
            {move || {
                identity
                    .get()
                    .map(|result| match result {
                        Ok(Some(me)) if me.must_change_password => {
                            view! { <Redirect path="/change-password"/> }.into_any()
                        }
                        Ok(Some(me))
                            if me.must_enrol_second_factor
                                && location.pathname.get_untracked() != crate::security::NAV.href =>
                        {
                            view! { <Redirect path=crate::security::NAV.href/> }.into_any()
                        }
                        Ok(Some(me)) => {
                            provide_context(me.clone());
                            view! {
                                <div class="layout">
                                    <Nav me=me/>
                                    <div class="content">{children.with_value(|c| c())}</div>
                                </div>
                                <p class="visually-hidden" role="status" data-testid="announcer">
                                    {move || said.get()}
                                </p>
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

/// The features' pages in the navigation, in order (also listed by the
/// home page and the workspace overviews).
pub const NAV_PAGES: &[NavPage] = &[
    crate::users::HOME_NAV,
    crate::activity::NAV,
    crate::workspaces::ROLES_NAV,
    crate::reference::NAV,
    crate::security::NAV,
    crate::users::NAV,
    crate::groups::NAV,
    crate::applications::NAV,
    crate::role_requests::NAV,
    crate::orgs::NAV,
    crate::agreements::NAV,
    crate::customers::NAV,
    crate::leads::NAV,
    crate::delegated_admin::NAV,
    crate::resellers::NAV,
    crate::health::NAV,
    crate::support::NAV,
    crate::support::CONSOLE_NAV,
    crate::devices::NAV,
    crate::devices::PROFILES_NAV,
    crate::incentives::NAV,
    crate::incentives::REPORTS_NAV,
    crate::incentives::BANK_TAX_NAV,
    crate::billing::NAV,
    crate::pricing::NAV,
];

#[component]
fn Nav(me: Identity) -> impl IntoView {
    let groups = menu(&me, NAV_PAGES);
    let location = use_location();
    let signing_out = RwSignal::new(false);
    // On narrow screens the links hide behind the menu button (CSS); each
    // page has its own frame, so the menu is closed after a navigation.
    let open = RwSignal::new(false);
    let sign_out = move |_| {
        signing_out.set(true);
        leptos::task::spawn_local(async move {
            let _ = crate::auth::sign_out(false).await;
            go_to("/login");
        });
    };
    view! {
        <nav aria-label=crate::tr!("ui-nav-main") data-testid="nav">
            <p>
                <strong data-testid="me-name">{me.display_name.clone()}</strong>
                <br/>
                <span class="muted">{me.org_name.clone()}</span>
            </p>
            <button
                type="button"
                class="secondary menu-toggle"
                aria-controls="nav-links"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {crate::tr!("ui-menu")}
            </button>
            <div id="nav-links" class="nav-links" class:open=move || open.get()>
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
                    {crate::tr!("ui-sign-out")}
                </button>
            </p>
            <super::Settings/>
            </div>
        </nav>
    }
}

/// Full page load of `path` (after sign-in/out, so every cached read restarts).
pub fn go_to(path: &str) {
    let _ = window().location().set_href(path);
}
