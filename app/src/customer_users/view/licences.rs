//! "Manage licences" of the selected users, in one step: a panel that
//! takes the focus when it opens (its first choice) and gives it back to
//! the button that opened it when it closes (Cancel, Escape, or saved).

use crate::customer_users::LicenceChange;
use crate::error::AppError;
use crate::subscriptions::Subscription;
use crate::ui::{FocusBack, FormError};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub(super) fn ManageLicences(
    customer_id: String,
    subs: Vec<Subscription>,
    selected: RwSignal<BTreeSet<String>>,
    done: Callback<String>,
    /// Closes the panel without a change.
    cancel: Callback<()>,
) -> impl IntoView {
    let first = NodeRef::<leptos::html::Select>::new();
    let back = FocusBack::new();
    Effect::new(move |_| {
        if let Some(select) = first.get() {
            back.remember();
            // The panel is built while its data loads and attached after:
            // focus once it is in the page.
            request_animation_frame(move || {
                let _ = select.focus();
            });
        }
    });
    let close = move || {
        back.restore();
        cancel.run(());
    };
    // Per subscription: "" (no change), "add" or "remove".
    let choices = RwSignal::new(std::collections::BTreeMap::<String, String>::new());
    let error = RwSignal::new(None::<AppError>);
    let customer_id = StoredValue::new(customer_id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = choices.get_untracked();
        let change = LicenceChange {
            customer_id: customer_id.get_value(),
            user_ids: selected.get_untracked().into_iter().collect(),
            add: c
                .iter()
                .filter(|(_, v)| *v == "add")
                .map(|(k, _)| k.clone())
                .collect(),
            remove: c
                .iter()
                .filter(|(_, v)| *v == "remove")
                .map(|(k, _)| k.clone())
                .collect(),
        };
        let n = change.user_ids.len();
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::customer_users::manage_licences(change).await {
                Ok(()) => {
                    back.restore();
                    done.run(crate::tr_n!("customer-users-licences-saved", n));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form
            class="card"
            on:submit=save
            novalidate
            aria-labelledby="manage-licences-title"
            data-testid="manage-licences"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    close();
                }
            }
        >
            <h2 id="manage-licences-title">{move || crate::tr_n!("customer-users-manage-licences-of", selected.with(|s| s.len()))}</h2>
            {subs
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    let node = if i == 0 { first } else { NodeRef::new() };
                    let sid = s.subscription_id.clone();
                    let id = format!("lic-{}", s.subscription_id);
                    let label = crate::tr!(
                        "customer-users-product-available",
                        product = s.product,
                        available = crate::i18n::number(s.available()),
                    );
                    view! {
                        <label for=id.clone()>{label}</label>
                        <select
                            id=id
                            node_ref=node
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let sid = sid.clone();
                                choices.update(|c| {
                                    c.insert(sid, v);
                                });
                            }
                        >
                            <option value="">{crate::tr!("customer-users-no-change")}</option>
                            <option value="add">{crate::tr!("customer-users-assign")}</option>
                            <option value="remove">{crate::tr!("customer-users-remove")}</option>
                        </select>
                    }
                })
                .collect_view()}
            <FormError error=error fields=&[]/>
            <p>
                <button type="submit">{crate::tr!("customer-users-save-licences")}</button>
                " "
                <button type="button" class="secondary" on:click=move |_| close()>
                    {crate::tr!("ui-cancel")}
                </button>
            </p>
        </form>
    }
}
