//! `/leads`: the leads, with their actions, and the form to add one.

use super::{check_lead, lead_status_label, may_convert, may_set_status, Lead, NewLead};
use crate::error::AppError;
use crate::time::format_local;
use crate::ui::{go_to, FormError, Loaded, SaveNotice, Saves, Table, TextField};
use leptos::prelude::*;

/// `/leads`.
#[component]
pub fn LeadsPage() -> impl IntoView {
    let saves = Saves::new();
    let leads = Resource::new(move || saves.count(), |_| crate::leads::list_leads());
    view! {
        <section class="card">
            <h1>{crate::tr!("leads-title")}</h1>
            <p>{crate::tr!("leads-intro")}</p>
            <SaveNotice saves=saves/>
            <Loaded resource=leads ok=move |l| view! { <LeadTable leads=l saves=saves/> }/>
        </section>
        <AddLead saves=saves/>
    }
}

#[component]
fn LeadTable(leads: Vec<Lead>, saves: Saves) -> impl IntoView {
    if leads.is_empty() {
        return view! { <p data-testid="no-leads">{crate::tr!("leads-none")}</p> }.into_any();
    }
    view! {
        <Table testid="leads" columns=&[crate::key!("leads-col-company"), crate::key!("leads-col-contact"), crate::key!("leads-col-status"), crate::key!("leads-col-added"), crate::key!("leads-col-actions")]>
            {leads.into_iter().map(|l| view! { <LeadRow lead=l saves=saves/> }).collect_view()}
        </Table>
    }
    .into_any()
}

#[component]
fn LeadRow(lead: Lead, saves: Saves) -> impl IntoView {
    let error = RwSignal::new(None::<AppError>);
    let domain = RwSignal::new(String::new());
    let id = StoredValue::new(lead.lead_id.clone());
    let version = lead.version;
    let set = move |status: &'static str| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let result =
                crate::leads::set_lead_status(id.get_value(), version, status.into()).await;
            saves.after(result, crate::key!("leads-saved"), error);
        });
    };
    let convert = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::leads::convert_lead(id.get_value(), version, domain.get_untracked()).await
            {
                Ok(c) => go_to(&format!("/customers/{}", c.customer_id)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let company = lead.company.clone();
    let actions = match lead.status.as_str() {
        "converted" => lead
            .customer_id
            .clone()
            .map(|c| view! { <a href=format!("/customers/{c}")>{crate::tr!("leads-open-customer")}</a> }.into_any())
            .unwrap_or_else(|| ().into_any()),
        // The steps the server allows (`may_set_status`, `may_convert`).
        status if !may_convert(status) => may_set_status(status, "new")
            .then(|| view! {
                <button type="button" class="secondary" on:click=move |_| set("new")>{crate::tr!("leads-reopen")}</button>
            })
            .into_any(),
        status => {
            let domain_id = format!("domain-{}", lead.lead_id);
            let label = crate::tr!("leads-domain-for", company = company);
            view! {
                {may_set_status(status, "qualified")
                    .then(|| view! { <button type="button" class="secondary" on:click=move |_| set("qualified")>{crate::tr!("leads-qualify")}</button> " " })}
                {may_set_status(status, "lost")
                    .then(|| view! { <button type="button" class="secondary" on:click=move |_| set("lost")>{crate::tr!("leads-mark-lost")}</button> })}
                <form class="inline-form" on:submit=convert novalidate>
                    <label for=domain_id.clone() class="visually-hidden">{label}</label>
                    <input
                        id=domain_id
                        placeholder=crate::tr!("leads-domain-placeholder")
                        prop:value=move || domain.get()
                        on:input=move |ev| domain.set(event_target_value(&ev))
                    />
                    <button type="submit">{crate::tr!("leads-convert")}</button>
                </form>
            }
                .into_any()
        }
    };
    view! {
        <tr data-testid="lead-row">
            <td>
                <strong>{lead.company.clone()}</strong>
                {(!lead.notes.is_empty()).then(|| view! { <br/><span class="muted">{lead.notes.clone()}</span> })}
            </td>
            <td>{lead.contact_name.clone()} <br/> <span class="muted">{lead.contact_email.clone()}</span></td>
            <td data-testid="lead-status">{lead_status_label(&lead.status)}</td>
            <td>{format_local(lead.created_at)}</td>
            <td>
                {actions}
                <FormError error=error fields=&[]/>
            </td>
        </tr>
    }
}

#[component]
fn AddLead(saves: Saves) -> impl IntoView {
    let company = RwSignal::new(String::new());
    let contact_name = RwSignal::new(String::new());
    let contact_email = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lead = NewLead {
            company: company.get_untracked(),
            contact_name: contact_name.get_untracked(),
            contact_email: contact_email.get_untracked(),
            notes: notes.get_untracked(),
        };
        let problems = check_lead(&lead);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::leads::create_lead(lead).await;
            if result.is_ok() {
                for s in [company, contact_name, contact_email, notes] {
                    s.set(String::new());
                }
            }
            saves.after(result, crate::key!("leads-added"), error);
        });
    };
    view! {
        <section class="card">
            <h2>{crate::tr!("leads-add-title")}</h2>
            <form on:submit=submit novalidate>
                <TextField id="company" label=crate::tr!("leads-company") value=company error=error/>
                <TextField id="contact_name" label=crate::tr!("leads-contact-name") value=contact_name error=error/>
                <TextField id="contact_email" label=crate::tr!("leads-contact-email") value=contact_email error=error kind="email"/>
                <TextField id="notes" label=crate::tr!("leads-notes") value=notes error=error/>
                <FormError error=error fields=&["company", "contact_name", "contact_email", "notes"]/>
                <p>
                    <button type="submit">{crate::tr!("leads-add")}</button>
                </p>
            </form>
        </section>
    }
}
