//! What a person typed, ticked or submitted on a server-rendered page
//! before its code took over (hydration), given to the page once it has.
//!
//! Hydration sets each bound field to the page's own value, so text typed
//! into the server's HTML would vanish, and a form sent before hydration
//! would reload the page with its fields in the address. Instead the
//! shell's [`EARLY_SUBMIT_SCRIPT`] holds back such a submit, the WASM
//! [`remember_early_input`]s before it hydrates, and [`mark_hydrated`]
//! (each route's view) calls [`replay_early_input`]: the fields get their
//! typed values back through `input`/`change` events (so the page's signals
//! see them), then the held-back submit happens.
//!
//! [`mark_hydrated`]: super::mark_hydrated

/// Inline script in the page head: until `<body>` carries `data-hydrated`,
/// a form's submit is held back (kept in `window.pcEarlySubmit` as the
/// button that sent it, or the form) instead of reloading the page.
pub const EARLY_SUBMIT_SCRIPT: &str = "document.addEventListener(\"submit\",function(e){\
if(document.body.hasAttribute(\"data-hydrated\"))return;\
e.preventDefault();window.pcEarlySubmit=e.submitter||e.target},true)";

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{
        Element, Event, EventInit, HtmlElement, HtmlFormElement, HtmlInputElement,
        HtmlOptionElement, HtmlSelectElement, HtmlTextAreaElement,
    };

    /// A field's state that differs from what the server rendered.
    enum Typed {
        Value(String),
        Checked(bool),
    }

    thread_local! {
        static TYPED: RefCell<Vec<(Element, Typed)>> = const { RefCell::new(Vec::new()) };
    }

    const HELD_SUBMIT: &str = "pcEarlySubmit";

    /// Notes every field whose value or tick differs from the server's HTML.
    pub fn remember_early_input() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(fields) = document.query_selector_all("input, textarea, select") else {
            return;
        };
        let mut typed = Vec::new();
        for i in 0..fields.length() {
            let Some(el) = fields.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(state) = changed(&el) {
                typed.push((el, state));
            }
        }
        TYPED.with(|t| *t.borrow_mut() = typed);
    }

    fn changed(el: &Element) -> Option<Typed> {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            return match input.type_().as_str() {
                "checkbox" | "radio" => (input.checked() != input.default_checked())
                    .then(|| Typed::Checked(input.checked())),
                "file" | "hidden" | "submit" | "button" | "reset" | "image" => None,
                _ => (input.value() != input.default_value()).then(|| Typed::Value(input.value())),
            };
        }
        if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            let server = area.default_value().unwrap_or_default();
            return (area.value() != server).then(|| Typed::Value(area.value()));
        }
        let select = el.dyn_ref::<HtmlSelectElement>()?;
        let options = select.options();
        let default = (0..options.length())
            .filter_map(|i| options.item(i)?.dyn_into::<HtmlOptionElement>().ok())
            .position(|o| o.default_selected())
            .unwrap_or(0) as i32;
        (select.selected_index() != default).then(|| Typed::Value(select.value()))
    }

    /// Gives the remembered fields their typed values back, tells the page
    /// (an `input` and a `change` event each), then sends the held-back
    /// form. Does nothing once done.
    pub fn replay_early_input() {
        let typed = TYPED.with(|t| std::mem::take(&mut *t.borrow_mut()));
        for (el, state) in typed {
            if !el.is_connected() {
                continue;
            }
            match state {
                Typed::Checked(on) => {
                    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                        input.set_checked(on);
                    }
                }
                Typed::Value(value) => {
                    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                        input.set_value(&value);
                    } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
                        area.set_value(&value);
                    } else if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
                        select.set_value(&value);
                    }
                }
            }
            for kind in ["input", "change"] {
                let init = EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
                    let _ = el.dispatch_event(&event);
                }
            }
        }
        send_held_submit();
    }

    fn send_held_submit() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let key = JsValue::from_str(HELD_SUBMIT);
        let Ok(held) = js_sys::Reflect::get(&window, &key) else {
            return;
        };
        if held.is_undefined() {
            return;
        }
        let _ = js_sys::Reflect::delete_property(&window, &key);
        if let Some(form) = held.dyn_ref::<HtmlFormElement>() {
            if form.is_connected() {
                let _ = form.request_submit();
            }
        } else if let Some(button) = held.dyn_ref::<HtmlElement>() {
            if button.is_connected() {
                button.click();
            }
        }
    }
}

#[cfg(feature = "hydrate")]
pub use browser::{remember_early_input, replay_early_input};

/// Outside the browser there is nothing typed early.
#[cfg(not(feature = "hydrate"))]
pub fn remember_early_input() {}

/// Outside the browser there is nothing typed early.
#[cfg(not(feature = "hydrate"))]
pub fn replay_early_input() {}
