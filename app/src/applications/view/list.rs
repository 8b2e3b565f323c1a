//! `/applications`: the organization's applications and "New application".

use super::{access_names, when};
use crate::access::Access;
use crate::applications::{check_application_name, CreatedApplication, NewApplication};
use crate::error::AppError;
use crate::ui::{FormError, Loaded, OnceSecret, Table, TextField};
use crate::users::{PermissionsEditor, RoleSelects, RoleSignals};
use leptos::prelude::*;

/// `/applications`: every application with its roles, secrets and last use;
/// a form to create one, whose first secret is shown once.
#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let me = crate::access::ui::use_identity();
    let synced = me.directory_synced;
    let directory_sync = RwSignal::new(false);
    let reload = RwSignal::new(0u32);
    let apps = Resource::new(
        move || reload.get(),
        |_| crate::applications::list_applications(),
    );
    let name = RwSignal::new(String::new());
    let roles = RoleSignals::new(Default::default());
    let permissions = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<AppError>);
    let created = RwSignal::new(None::<CreatedApplication>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        let problems = check_application_name(&n);
        if !problems.is_empty() {
            error.set(Some(AppError::Validation(problems)));
            return;
        }
        error.set(None);
        let new = NewApplication {
            name: n,
            access: Access {
                roles: roles.get(),
                permissions: permissions.get_untracked(),
            },
            directory_sync: directory_sync.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match crate::applications::create_application(new).await {
                Ok(app) => {
                    created.set(Some(app));
                    name.set(String::new());
                    roles.agent.set(None);
                    roles.admin.set(None);
                    roles.incentives.set(None);
                    permissions.set(Default::default());
                    directory_sync.set(false);
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card">
            <h1>{crate::tr!("applications-title")}</h1>
            <p>
                {crate::tr!("applications-intro")}
                " "
                <a href="/api-reference">{crate::tr!("applications-api-reference")}</a>
            </p>
            {move || {
                created
                    .get()
                    .map(|app| {
                        view! {
                            <div role="status" data-testid="created-application">
                                <p>
                                    {crate::tr!("applications-created-before")}
                                    " "
                                    <a href=format!("/applications/{}", app.app_id)>{app.name.clone()}</a>
                                    " "
                                    {crate::tr!("applications-created-after")}
                                </p>
                                <OnceSecret
                                    label=crate::tr!("applications-first-secret")
                                    value=app.secret.secret.clone()
                                    hint=crate::tr!("applications-copy-now")
                                />
                            </div>
                        }
                    })
            }}
            <Loaded
                resource=apps
                ok=|all| {
                    if all.is_empty() {
                        return view! { <p data-testid="no-applications">{crate::tr!("applications-none-yet")}</p> }.into_any();
                    }
                    view! {
                        <Table testid="applications" columns=&[
                            crate::key!("applications-col-application"),
                            crate::key!("applications-col-roles"),
                            crate::key!("applications-col-active-secrets"),
                            crate::key!("applications-col-last-used"),
                        ]>
                            {all
                                .into_iter()
                                .map(|a| {
                                    view! {
                                        <tr data-testid="application-row">
                                            <td><a href=format!("/applications/{}", a.app_id)>{a.name}</a></td>
                                            <td>{access_names(&a.access)}</td>
                                            <td>{crate::i18n::number(a.active_secrets)}</td>
                                            <td>{when(a.last_used_at)}</td>
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
        {if synced {
            view! { <section class="card"><p class="muted" data-testid="synced-note">{crate::users::synced_note()}</p></section> }.into_any()
        } else {
            view! {
                <section class="card">
                    <h2>{crate::tr!("applications-new-application")}</h2>
                    <form on:submit=create novalidate>
                        <TextField id="name" label=crate::tr!("applications-name") value=name error=error/>
                        <RoleSelects roles=roles current=Default::default()/>
                        <PermissionsEditor value=permissions current=Default::default()/>
                        <p>
                            <input
                                type="checkbox"
                                id="directory_sync"
                                prop:checked=move || directory_sync.get()
                                on:change=move |ev| directory_sync.set(event_target_checked(&ev))
                            />
                            " "
                            <label for="directory_sync">{crate::tr!("applications-may-sync")}</label>
                        </p>
                        <FormError error=error fields=&["name"]/>
                        <p><button type="submit">{crate::tr!("applications-create")}</button></p>
                    </form>
                </section>
            }
                .into_any()
        }}
    }
}
