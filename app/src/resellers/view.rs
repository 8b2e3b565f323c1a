//! `/resellers`: the registered resellers and the form to register one.

use super::{check_reseller, NewReseller, Reseller};
use crate::error::AppError;
use crate::time::format_local;
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
            <h1>{crate::tr!("resellers-title")}</h1>
            <p>{crate::tr!("resellers-intro")}</p>
            <SaveNotice saves=saves/>
            <Loaded resource=resellers ok=|r| view! { <ResellerTable resellers=r/> }/>
        </section>
        <Register saves=saves/>
    }
}

#[component]
fn ResellerTable(resellers: Vec<Reseller>) -> impl IntoView {
    if resellers.is_empty() {
        return view! { <p data-testid="no-resellers">{crate::tr!("resellers-none")}</p> }
            .into_any();
    }
    view! {
        <Table testid="resellers" columns=&[crate::key!("resellers-col-company"), crate::key!("resellers-col-partner-id"), crate::key!("resellers-col-country"), crate::key!("resellers-col-contact"), crate::key!("resellers-col-registered")]>
            {resellers
                .into_iter()
                .map(|r| {
                    view! {
                        <tr>
                            <td>{r.company}</td>
                            <td>{r.reseller_id}</td>
                            <td>{r.country}</td>
                            <td>{r.contact_email}</td>
                            <td>{format_local(r.registered_at)}</td>
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
            saves.after(result, crate::key!("resellers-registered"), error);
        });
    };
    view! {
        <section class="card">
            <h2>{crate::tr!("resellers-register-title")}</h2>
            <form on:submit=submit novalidate>
                <TextField id="company" label=crate::tr!("resellers-company") value=company error=error/>
                <TextField id="reseller_id" label=crate::tr!("resellers-partner-id") value=reseller_id error=error/>
                <TextField id="country" label=crate::tr!("resellers-country") value=country error=error/>
                <TextField id="contact_email" label=crate::tr!("resellers-contact-email") value=contact_email error=error kind="email"/>
                <FormError error=error fields=&["company", "reseller_id", "country", "contact_email"]/>
                <p>
                    <button type="submit">{crate::tr!("resellers-register")}</button>
                </p>
            </form>
        </section>
    }
}
