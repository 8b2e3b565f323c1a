//! What an empty list says: when filters hide every row, that nothing
//! matches them and a button that clears them; when there is nothing yet,
//! what to do next ("No group yet. Create one above, …").

use leptos::prelude::*;

/// An empty list's message, and the way out of it.
#[component]
pub fn Empty(
    /// `data-testid` of the message.
    testid: &'static str,
    /// Whether a search or filter is narrowing the list.
    filtered: bool,
    /// Said when nothing matches the filters ("No user matches.").
    #[prop(into)]
    no_match: String,
    /// Said when the list is empty without filters: what there is to do
    /// next. Without it, `no_match` is said either way.
    #[prop(optional, into)]
    none_yet: Option<String>,
    /// Puts the filters back to their defaults.
    clear: Callback<()>,
) -> impl IntoView {
    let message = match (filtered, none_yet) {
        (false, Some(next)) => next,
        _ => no_match,
    };
    view! {
        <div class="empty" data-testid=testid>
            <p>{message}</p>
            {filtered
                .then(|| {
                    view! {
                        <button type="button" class="secondary" on:click=move |_| clear.run(())>
                            {crate::tr!("ui-clear-filters")}
                        </button>
                    }
                })}
        </div>
    }
}
