//! `/agreements`.

use super::PartnerAgreement;
use crate::time::format_local;
use crate::ui::{Loaded, Table};
use leptos::prelude::*;

/// `/agreements`: the accepted partner agreements.
#[component]
pub fn AgreementsPage() -> impl IntoView {
    let agreements = Resource::new(|| (), |_| crate::agreements::list_partner_agreements());
    view! {
        <section class="card">
            <h1>{crate::tr!("agreements-title")}</h1>
            <p>{crate::tr!("agreements-intro")}</p>
            <Loaded resource=agreements ok=|a| view! { <AgreementTable agreements=a/> }/>
        </section>
    }
}

#[component]
fn AgreementTable(agreements: Vec<PartnerAgreement>) -> impl IntoView {
    if agreements.is_empty() {
        return view! { <p data-testid="no-agreements">{crate::tr!("agreements-none")}</p> }
            .into_any();
    }
    view! {
        <Table testid="agreements" columns=&[crate::key!("agreements-col-agreement"), crate::key!("agreements-col-version"), crate::key!("agreements-col-accepted"), crate::key!("agreements-col-accepted-by")]>
            {agreements
                .into_iter()
                .map(|a| {
                    view! {
                        <tr>
                            <td>{a.name}</td>
                            <td>{a.version}</td>
                            <td>{format_local(a.accepted_at)}</td>
                            <td>{a.accepted_by}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
