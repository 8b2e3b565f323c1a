//! `/applications/:id`: rename, roles and permissions, secrets, delete.

use super::{access_names, when};
use crate::access::Access;
use crate::applications::{
    ApplicationDetail, CreatedSecret, NewSecret, SecretInfo, DEFAULT_SECRET_DAYS, MAX_SECRET_DAYS,
};
use crate::error::AppError;
use crate::ui::{
    id_param, Confirm, FormError, Loaded, OnceSecret, SaveNotice, Saves, Table, TextField,
};
use crate::users::{PermissionsEditor, RoleSelects, RoleSignals};
use leptos::prelude::*;

/// `/applications/:id`: one application; each change shown only when the
/// server says the caller may make it.
#[component]
pub fn ApplicationPage() -> impl IntoView {
    let app_id = id_param();
    let saves = Saves::new();
    let app = Resource::new(
        move || (app_id(), saves.count()),
        |(id, _)| crate::applications::get_application(id),
    );
    // Outside the editor, so a new secret stays on screen when the page reloads its data.
    let created = RwSignal::new(None::<CreatedSecret>);
    view! {
        <Loaded
            resource=app
            in_card=true
            ok=move |d| view! { <ApplicationEditor detail=d saves=saves created=created/> }
        />
    }
}

#[component]
fn ApplicationEditor(
    detail: ApplicationDetail,
    saves: Saves,
    created: RwSignal<Option<CreatedSecret>>,
) -> impl IntoView {
    let a = detail.application.clone();
    let actions = a.actions;
    let id = StoredValue::new(a.app_id.clone());
    let version = a.version;
    let name = RwSignal::new(a.name.clone());
    let name_error = RwSignal::new(None::<AppError>);
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        name_error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::applications::rename_application(
                id.get_value(),
                version,
                name.get_untracked(),
            )
            .await;
            saves.after_edit(
                result,
                version,
                crate::key!("applications-renamed"),
                name_error,
            );
        });
    };
    let roles = RoleSignals::new(a.access.roles);
    let permissions = RwSignal::new(a.access.permissions.clone());
    let access_error = RwSignal::new(None::<AppError>);
    let save_access = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        access_error.set(None);
        let access = Access {
            roles: roles.get(),
            permissions: permissions.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let result =
                crate::applications::set_application_access(id.get_value(), version, access).await;
            saves.after(
                result,
                crate::key!("applications-access-saved"),
                access_error,
            );
        });
    };
    let sync_error = RwSignal::new(None::<AppError>);
    let sync_on = a.directory_sync;
    let toggle_sync = move |_| {
        sync_error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::applications::set_application_directory_sync(
                id.get_value(),
                version,
                !sync_on,
            )
            .await;
            saves.after(
                result,
                crate::key!("applications-directory-sync-saved"),
                sync_error,
            );
        });
    };
    let confirm_delete = RwSignal::new(false);
    let delete_error = RwSignal::new(None::<AppError>);
    let delete = move |_| {
        delete_error.set(None);
        leptos::task::spawn_local(async move {
            match crate::applications::delete_application(id.get_value(), version).await {
                Ok(()) => crate::ui::go_to("/applications"),
                Err(e) => delete_error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card">
            <h1 data-testid="application-name">{a.name.clone()}</h1>
            <p>
                <span data-testid="application-roles">{access_names(&a.access)}</span>
                " · "
                {crate::tr!(
                    "applications-created-by",
                    name = a.created_by_name,
                    date = when(Some(a.created_at))
                )}
            </p>
            <SaveNotice saves=saves/>
            {actions
                .can_rename
                .then(|| {
                    view! {
                        <form on:submit=rename novalidate class="toolbar">
                            <div><TextField id="name" label=crate::tr!("applications-name") value=name error=name_error/></div>
                            <button type="submit">{crate::tr!("applications-rename")}</button>
                        </form>
                        <FormError error=name_error fields=&["name"]/>
                    }
                })}
        </section>
        {actions
            .can_change_access
            .then(|| {
                let current = a.access.clone();
                view! {
                    <section class="card">
                        <h2>{crate::tr!("applications-roles-and-permissions")}</h2>
                        <form on:submit=save_access novalidate>
                            <RoleSelects roles=roles current=current.roles/>
                            <PermissionsEditor value=permissions current=current.permissions/>
                            <FormError error=access_error fields=&[]/>
                            <p><button type="submit">{crate::tr!("applications-save-roles-and-permissions")}</button></p>
                        </form>
                    </section>
                }
            })}
        <section class="card">
            <h2>{crate::tr!("applications-directory-sync")}</h2>
            <p data-testid="directory-sync">
                {if sync_on {
                    crate::tr!("applications-directory-sync-on")
                } else {
                    crate::tr!("applications-directory-sync-off")
                }}
            </p>
            {actions
                .can_change_access
                .then(|| {
                    view! {
                        <button type="button" class="secondary" on:click=toggle_sync>
                            {if sync_on {
                                crate::tr!("applications-stop-directory-sync")
                            } else {
                                crate::tr!("applications-allow-directory-sync")
                            }}
                        </button>
                    }
                })}
            <FormError error=sync_error fields=&[]/>
        </section>
        <Secrets detail=detail.clone() saves=saves created=created/>
        {actions
            .can_delete
            .then(|| {
                view! {
                    <section class="card">
                        <h2>{crate::tr!("applications-delete-application")}</h2>
                        {move || {
                            if confirm_delete.get() {
                                view! {
                                    <p>{crate::tr!("applications-delete-confirm")}</p>
                                    <button type="button" class="danger" on:click=delete>{crate::tr!("applications-yes-delete")}</button>
                                    " "
                                    <button type="button" class="secondary" on:click=move |_| confirm_delete.set(false)>{crate::tr!("applications-cancel")}</button>
                                }
                                    .into_any()
                            } else {
                                view! { <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>{crate::tr!("applications-delete-application")}</button> }.into_any()
                            }
                        }}
                        <FormError error=delete_error fields=&[]/>
                    </section>
                }
            })}
    }
}

/// The secrets table, "New secret" and "Revoke".
#[component]
fn Secrets(
    detail: ApplicationDetail,
    saves: Saves,
    created: RwSignal<Option<CreatedSecret>>,
) -> impl IntoView {
    let can_manage = detail.application.actions.can_manage_secrets;
    let id = StoredValue::new(detail.application.app_id.clone());
    let description = RwSignal::new(String::new());
    let days = RwSignal::new(DEFAULT_SECRET_DAYS.to_string());
    let error = RwSignal::new(None::<AppError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let expires_in_days = match days.get_untracked().trim().parse::<u32>() {
            Ok(d) => Some(d),
            Err(_) => {
                error.set(Some(AppError::invalid(
                    "expires_in_days",
                    crate::msg!("applications-enter-days", max = MAX_SECRET_DAYS),
                )));
                return;
            }
        };
        let new = NewSecret {
            description: description.get_untracked(),
            expires_in_days,
        };
        leptos::task::spawn_local(async move {
            match crate::applications::add_application_secret(id.get_value(), new).await {
                Ok(s) => {
                    created.set(Some(s));
                    description.set(String::new());
                    saves.after(
                        Ok::<(), AppError>(()),
                        crate::key!("applications-secret-added"),
                        error,
                    );
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    // The secret the question is about, and the question's state.
    let revoking = RwSignal::new(None::<(String, String)>);
    let asking = RwSignal::new(false);
    let ask = move |secret_id: String, description: String| {
        revoking.set(Some((secret_id, description)));
        asking.set(true);
    };
    let revoke = move |_| {
        let Some((secret_id, _)) = revoking.get_untracked() else {
            return;
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            let result =
                crate::applications::revoke_application_secret(id.get_value(), secret_id).await;
            saves.after(
                result,
                crate::key!("applications-secret-revoked-notice"),
                error,
            );
        });
    };
    let now = crate::time::now_millis();
    view! {
        <section class="card">
            <h2>{crate::tr!("applications-secrets")}</h2>
            <p>
                {crate::tr!("applications-sends-secret-as")}
                " "
                <code>"Authorization: Bearer …"</code>
                {crate::tr!("applications-rotate")}
            </p>
            {move || {
                created
                    .get()
                    .map(|s| {
                        view! {
                            <div role="status" data-testid="created-secret">
                                <OnceSecret
                                    label=crate::tr!("applications-new-secret")
                                    value=s.secret.clone()
                                    hint=crate::tr!("applications-copy-now")
                                />
                            </div>
                        }
                    })
            }}
            <SecretTable secrets=detail.secrets.clone() now=now can_manage=can_manage revoke=ask/>
            <Confirm
                open=asking
                testid="revoke-confirm"
                question=Signal::derive(move || {
                    let description = revoking.with(|r| r.as_ref().map(|(_, d)| d.clone()).unwrap_or_default());
                    crate::tr!("applications-revoke-question", description = description)
                })
                yes=crate::tr!("applications-revoke-secret")
                on_yes=Callback::new(revoke)
            />
            {can_manage
                .then(|| {
                    view! {
                        <form on:submit=add novalidate class="toolbar">
                            <div><TextField id="description" label=crate::tr!("applications-secret-for") value=description error=error/></div>
                            <div><TextField id="expires_in_days" label=crate::tr!("applications-days-until-expiry") value=days error=error/></div>
                            <button type="submit">{crate::tr!("applications-add-secret")}</button>
                        </form>
                    }
                })}
            <FormError error=error fields=&["description", "expires_in_days"]/>
        </section>
    }
}

#[component]
fn SecretTable<F>(secrets: Vec<SecretInfo>, now: i64, can_manage: bool, revoke: F) -> impl IntoView
where
    F: Fn(String, String) + Copy + Send + Sync + 'static,
{
    if secrets.is_empty() {
        return view! { <p data-testid="no-secrets">{crate::tr!("applications-no-secrets")}</p> }
            .into_any();
    }
    view! {
        <Table testid="secrets" columns=&[
            crate::key!("applications-col-description"),
            crate::key!("applications-col-starts-with"),
            crate::key!("applications-col-status"),
            crate::key!("applications-col-expires"),
            crate::key!("applications-col-last-used"),
            "",
        ]>
            {secrets
                .into_iter()
                .map(|s| {
                    let status = s.status(now);
                    let sid = s.secret_id.clone();
                    let description = s.description.clone();
                    let label = crate::tr!("applications-revoke", description = s.description);
                    let status_name = s.status_name(now);
                    view! {
                        <tr data-testid="secret-row">
                            <td>{s.description.clone()}</td>
                            <td><code>{s.hint.clone()}</code></td>
                            <td data-testid="secret-status">{status_name}</td>
                            <td>{when(Some(s.expires_at))}</td>
                            <td>{when(s.last_used_at)}</td>
                            <td>
                                {(can_manage && status == "Active")
                                    .then(|| {
                                        view! {
                                            <button type="button" class="secondary" on:click=move |_| revoke(sid.clone(), description.clone())>
                                                {label}
                                            </button>
                                        }
                                    })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
