//! `/groups`: the organization's groups and "New group".

use crate::error::AppError;
use crate::groups::check_group_name;
use crate::ui::{FormError, Loaded, Table, TextField};
use leptos::prelude::*;

/// `/groups`: every group with what it gives and how many members it has.
#[component]
pub fn GroupsPage() -> impl IntoView {
    let me = crate::access::ui::use_identity();
    let reload = RwSignal::new(0u32);
    let groups = Resource::new(move || reload.get(), |_| crate::groups::list_groups());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        let problems = check_group_name(&n);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::groups::create_group(n, Default::default()).await {
                Ok(g) => crate::ui::go_to(&format!("/groups/{}", g.group_id)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card">
            <h1>{crate::tr!("groups-title")}</h1>
            <p>{crate::tr!("groups-intro")}</p>
            {if me.directory_synced {
                view! { <p class="muted" data-testid="synced-note">{crate::users::synced_note()}</p> }.into_any()
            } else {
                view! {
                    <form on:submit=create novalidate class="toolbar">
                        <div><TextField id="name" label=crate::tr!("groups-new-name") value=name error=error/></div>
                        <button type="submit">{crate::tr!("groups-create")}</button>
                    </form>
                }
                    .into_any()
            }}
            <FormError error=error fields=&["name"]/>
            <Loaded
                resource=groups
                ok=|all| {
                    if all.is_empty() {
                        return view! { <p data-testid="no-groups">{crate::tr!("groups-none-yet")}</p> }.into_any();
                    }
                    view! {
                        <Table testid="groups" columns=&[crate::key!("groups-col-group"), crate::key!("groups-col-gives"), crate::key!("groups-col-members")]>
                            {all
                                .into_iter()
                                .map(|g| {
                                    view! {
                                        <tr data-testid="group-row">
                                            <td><a href=format!("/groups/{}", g.group_id)>{g.name}</a></td>
                                            <td>{crate::users::describe_access(&g.access)}</td>
                                            <td>{crate::i18n::number(g.member_count)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </Table>
                    }
                        .into_any()
                }
            />
        </section>
    }
}
