//! The question before a destructive action, naming its effect ("Delete 3
//! users? They can be restored for 30 days."): an alert dialog in the
//! page's flow. Its confirm button takes the focus; Escape or Cancel closes
//! it, and the focus goes back where it was.

use leptos::prelude::*;

/// Asks before `on_yes` runs, while `open` is true.
#[component]
pub fn Confirm(
    /// Whether the question is shown; the caller opens it, the dialog closes it.
    open: RwSignal<bool>,
    /// The question, naming the effect.
    #[prop(into)]
    question: Signal<String>,
    /// The confirm button's label, naming the action ("Delete 3 users").
    #[prop(into)]
    yes: Signal<String>,
    /// Runs once confirmed (the dialog is closed first).
    on_yes: Callback<()>,
    /// `data-testid` of the dialog.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let yes_button = NodeRef::<leptos::html::Button>::new();
    let back = FocusBack::new();
    Effect::new(move |_| {
        if let Some(button) = yes_button.get() {
            back.remember();
            let _ = button.focus();
        }
    });
    let close = move || {
        open.set(false);
        back.restore();
    };
    view! {
        <Show when=move || open.get()>
            <div
                class="confirm"
                role="alertdialog"
                aria-label=move || yes.get()
                data-testid=testid
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        close();
                    }
                }
            >
                <p>{move || question.get()}</p>
                <button
                    type="button"
                    class="danger"
                    node_ref=yes_button
                    on:click=move |_| {
                        close();
                        on_yes.run(());
                    }
                >
                    {move || yes.get()}
                </button>
                " "
                <button type="button" class="secondary" on:click=move |_| close()>
                    {crate::tr!("ui-cancel")}
                </button>
            </div>
        </Show>
    }
}

/// Where the focus was before the question (the button that opened it).
/// Only a browser has a focus: on the server this holds nothing, so no
/// browser object is created on a render thread (a thread-bound value
/// dropped by another thread would panic).
#[derive(Clone, Copy)]
pub struct FocusBack {
    #[cfg(feature = "hydrate")]
    element: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Default for FocusBack {
    fn default() -> Self {
        Self::new()
    }
}

impl FocusBack {
    /// Nothing noted yet.
    pub fn new() -> Self {
        Self {
            #[cfg(feature = "hydrate")]
            element: StoredValue::new_local(None),
        }
    }

    /// Notes the element that has the focus now.
    pub fn remember(&self) {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let before = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            self.element.set_value(before);
        }
    }

    /// Gives the focus back to the noted element.
    pub fn restore(&self) {
        #[cfg(feature = "hydrate")]
        if let Some(element) = self.element.get_value() {
            let _ = element.focus();
        }
    }
}
