//! Form pieces: labelled inputs, filters and the messages of the last error.

use crate::error::AppError;
use leptos::prelude::*;

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
/// the last error under it. `id` is also the input's form name. The
/// server-rendered input carries the value too, so it shows before the
/// page's code has loaded.
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    error: RwSignal<Option<AppError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = true)] enabled: bool,
    #[prop(default = false)] required: bool,
    /// The browser's autofill hint (`username`, `new-password`, …).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            name=id
            type=kind
            disabled=!enabled
            required=required
            autocomplete=autocomplete
            value=value.get_untracked()
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

/// A labelled search box bound to `value`; typing goes back to the first
/// page of the list it filters.
#[component]
pub fn SearchBox(
    id: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    page: RwSignal<u32>,
) -> impl IntoView {
    view! {
        <div>
            <label for=id>{label}</label>
            <input
                id=id
                type="search"
                value=value.get_untracked()
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    page.set(0);
                }
            />
        </div>
    }
}

/// A labelled `<select>` filter of `(value, label)` options bound to
/// `value`; a change goes back to the first page of the list it filters.
#[component]
pub fn FilterSelect(
    id: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    page: RwSignal<u32>,
    options: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <div>
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    page.set(0);
                }
            >
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let key = v.clone();
                        view! { <option value=v selected=move || value.get() == key>{l}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Adds `id` to or removes it from a selection (a checkbox's change).
pub fn toggle(selection: RwSignal<Vec<String>>, id: &str, on: bool) {
    selection.update(|ids| {
        ids.retain(|x| x != id);
        if on {
            ids.push(id.to_string());
        }
    });
}
