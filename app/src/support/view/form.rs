//! "Open a ticket": the form, with its customer picker for customer tickets.

use super::{customer_label, open_ticket};
use crate::access::ui::use_identity;
use crate::error::AppError;
use crate::support::{check_ticket, NewTicket, Severity, TicketCategory, TicketKind};
use crate::ui::{go_to, FieldError, FormError, Loaded, TextField};
use leptos::prelude::*;

/// The form that opens a ticket of `kind`; on success, the new ticket's
/// page. `preset` is the customer a customer ticket starts with ("" for
/// none).
#[component]
pub fn OpenTicket(kind: TicketKind, preset: String) -> impl IntoView {
    let me = use_identity();
    let customer = RwSignal::new(preset.clone());
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let severity = RwSignal::new(Severity::default().key().to_string());
    let categories = TicketCategory::offered(kind, &me);
    let first = categories.first().copied().unwrap_or_default();
    let category = RwSignal::new(first.key().to_string());
    let error = RwSignal::new(None::<AppError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new = NewTicket {
            customer_id: Some(customer.get_untracked()).filter(|c| !c.is_empty()),
            title: title.get_untracked(),
            description: description.get_untracked(),
            severity: Severity::from_key(&severity.get_untracked()).unwrap_or_default(),
            category: TicketCategory::from_key(&category.get_untracked()).unwrap_or_default(),
        };
        let problems = check_ticket(kind, &new);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            match open_ticket(kind, new).await {
                Ok(t) => go_to(&kind.ticket_href(&t.ticket.ticket_id)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let (heading, intro) = match kind {
        TicketKind::Customer => (
            crate::tr!("support-open-customer-ticket"),
            crate::tr!("support-open-customer-ticket-intro"),
        ),
        TicketKind::Console => (
            crate::tr!("support-open-console-ticket"),
            crate::tr!("support-open-console-ticket-intro"),
        ),
    };
    view! {
        <section class="card">
            <h2>{heading}</h2>
            <p class="muted">{intro}</p>
            <form on:submit=submit novalidate>
                {(kind == TicketKind::Customer)
                    .then(|| view! { <CustomerPicker value=customer preset=preset error=error/> })}
                <TextField id="title" label=crate::tr!("support-title-label") value=title error=error/>
                <label for="severity">{crate::tr!("support-severity")}</label>
                <select
                    id="severity"
                    prop:value=move || severity.get()
                    on:change=move |ev| severity.set(event_target_value(&ev))
                >
                    {Severity::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.key() selected=move || severity.get() == s.key()>
                                    {s.hint_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <label for="category">{crate::tr!("support-category")}</label>
                <select
                    id="category"
                    prop:value=move || category.get()
                    on:change=move |ev| category.set(event_target_value(&ev))
                >
                    {categories
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c.key() selected=move || category.get() == c.key()>
                                    {c.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <FieldError error=error field="category"/>
                <label for="description">{crate::tr!("support-description")}</label>
                <textarea
                    id="description"
                    name="description"
                    rows="5"
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))
                ></textarea>
                <FieldError error=error field="description"/>
                <FormError error=error fields=&["customer_id", "title", "description", "category"]/>
                <p>
                    <button type="submit">{crate::tr!("support-open-ticket")}</button>
                </p>
            </form>
        </section>
    }
}

/// A search box and the customers it finds; `value` is the chosen
/// customer's id. It starts with `preset` alone when there is one (the
/// service matches a customer's exact id as well as words of its name).
#[component]
fn CustomerPicker(
    value: RwSignal<String>,
    preset: String,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let choices = Resource::new(
        move || search.get(),
        move |s| {
            let words = if s.trim().is_empty() {
                preset.clone()
            } else {
                s
            };
            crate::support::list_ticket_customers(words)
        },
    );
    view! {
        <label for="customer-search">{crate::tr!("support-find-customer")}</label>
        <input
            id="customer-search"
            type="search"
            prop:value=move || search.get()
            on:input=move |ev| {
                search.set(event_target_value(&ev));
                value.set(String::new());
            }
        />
        <label for="customer_id">{crate::tr!("support-customer")}</label>
        <Loaded
            resource=choices
            ok=move |found| {
                let none = if found.is_empty() {
                    crate::tr!("support-no-customer-matches")
                } else {
                    crate::tr!("support-choose-customer")
                };
                view! {
                    <select
                        id="customer_id"
                        prop:value=move || value.get()
                        on:change=move |ev| value.set(event_target_value(&ev))
                    >
                        <option value="">{none}</option>
                        {found
                            .into_iter()
                            .map(|c| {
                                let id = c.customer_id.clone();
                                view! {
                                    <option value=c.customer_id.clone() selected=move || value.get() == id>
                                        {customer_label(&c)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                }
            }
        />
        <FieldError error=error field="customer_id"/>
    }
}
