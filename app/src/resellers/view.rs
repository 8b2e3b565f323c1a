//! `/resellers`: the registered resellers and the form to register one.

use super::{check_reseller, NewReseller, Reseller};
use crate::error::AppError;
use crate::time::format_millis;
use crate::ui::{FormError, Loaded, SaveNotice, Saves, Table, TextField};
use leptos::prelude::*;

/// `/resellers`.
#[component]
pub fn ResellersPage() -> impl IntoView {
    let saves = Saves::new();
    let resellers = Resource::new(
        move || saves.count(),
        |_| crate::resellers::list_resellers(),
    );
    view! {
        <section class="card">
            <h1>"Value-added resellers"</h1>
            <p>"The resellers you sell through, each registered with the program by its partner ID."</p>
            <SaveNotice saves=saves/>
            <Loaded resource=resellers ok=|r| view! { <ResellerTable resellers=r/> }/>
        </section>
        <Register saves=saves/>
    }
}

#[component]
fn ResellerTable(resellers: Vec<Reseller>) -> impl IntoView {
    if resellers.is_empty() {
        return view! { <p data-testid="no-resellers">"No reseller registered yet. Register the first one below."</p> }
            .into_any();
    }
    view! {
        <Table testid="resellers" columns=&["Company", "Partner ID", "Country", "Contact", "Registered"]>
            {resellers
                .into_iter()
                .map(|r| {
                    view! {
                        <tr>
                            <td>{r.company}</td>
                            <td>{r.reseller_id}</td>
                            <td>{r.country}</td>
                            <td>{r.contact_email}</td>
                            <td>{format_millis(r.registered_at)}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
        .into_any()
}

#[component]
fn Register(saves: Saves) -> impl IntoView {
    let company = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let contact_email = RwSignal::new(String::new());
    let reseller_id = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new = NewReseller {
            company: company.get_untracked(),
            country: country.get_untracked(),
            contact_email: contact_email.get_untracked(),
            reseller_id: reseller_id.get_untracked(),
        };
        let problems = check_reseller(&new);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::resellers::register_reseller(new).await;
            if result.is_ok() {
                for s in [company, country, contact_email, reseller_id] {
                    s.set(String::new());
                }
            }
            saves.after(result, "Reseller registered.", error);
        });
    };
    view! {
        <section class="card">
            <h2>"Register a reseller"</h2>
            <form on:submit=submit novalidate>
                <TextField id="company" label="Reseller company" value=company error=error/>
                <TextField id="reseller_id" label="Reseller partner ID" value=reseller_id error=error/>
                <TextField id="country" label="Country" value=country error=error/>
                <TextField id="contact_email" label="Contact email" value=contact_email error=error kind="email"/>
                <FormError error=error fields=&["company", "reseller_id", "country", "contact_email"]/>
                <p>
                    <button type="submit">"Register reseller"</button>
                </p>
            </form>
        </section>
    }
}
