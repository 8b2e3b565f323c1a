//! `/applications/:id`: rename, roles and permissions, secrets, delete.

use super::when;
use crate::access::Access;
use crate::applications::{
    ApplicationDetail, CreatedSecret, NewSecret, SecretInfo, DEFAULT_SECRET_DAYS, MAX_SECRET_DAYS,
};
use crate::error::AppError;
use crate::ui::{id_param, FormError, Loaded, OnceSecret, SaveNotice, Saves, Table, TextField};
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
            saves.after(result, "Application renamed.", name_error);
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
                "Roles and permissions saved: the application has them on its next call.",
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
            saves.after(result, "Directory sync saved.", sync_error);
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
                <span data-testid="application-roles">{a.access.describe()}</span>
                {format!(" · created by {} on {}", a.created_by_name, when(Some(a.created_at)))}
            </p>
            <SaveNotice saves=saves/>
            {actions
                .can_rename
                .then(|| {
                    view! {
                        <form on:submit=rename novalidate class="toolbar">
                            <div><TextField id="name" label="Name" value=name error=name_error/></div>
                            <button type="submit">"Rename"</button>
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
                        <h2>"Roles and permissions"</h2>
                        <form on:submit=save_access novalidate>
                            <RoleSelects roles=roles current=current.roles/>
                            <PermissionsEditor value=permissions current=current.permissions/>
                            <FormError error=access_error fields=&[]/>
                            <p><button type="submit">"Save roles and permissions"</button></p>
                        </form>
                    </section>
                }
            })}
        <section class="card">
            <h2>"Directory sync"</h2>
            <p data-testid="directory-sync">
                {if sync_on {
                    "On: this application may create and update users and groups at /scim/v2 (SCIM 2.0), within its roles."
                } else {
                    "Off: this application can't call /scim/v2."
                }}
            </p>
            {actions
                .can_change_access
                .then(|| {
                    view! {
                        <button type="button" class="secondary" on:click=toggle_sync>
                            {if sync_on { "Stop directory sync" } else { "Allow directory sync" }}
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
                        <h2>"Delete application"</h2>
                        {move || {
                            if confirm_delete.get() {
                                view! {
                                    <p>"Delete this application? Every call made with its secrets is refused from now on."</p>
                                    <button type="button" class="danger" on:click=delete>"Yes, delete"</button>
                                    " "
                                    <button type="button" class="secondary" on:click=move |_| confirm_delete.set(false)>"Cancel"</button>
                                }
                                    .into_any()
                            } else {
                                view! { <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>"Delete application"</button> }.into_any()
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
                    format!("Enter a number of days between 1 and {MAX_SECRET_DAYS}."),
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
                    saves.after(Ok::<(), AppError>(()), "Secret added.", error);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let revoke = move |secret_id: String| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let result =
                crate::applications::revoke_application_secret(id.get_value(), secret_id).await;
            saves.after(result, "Secret revoked.", error);
        });
    };
    let now = crate::time::now_millis();
    view! {
        <section class="card">
            <h2>"Secrets"</h2>
            <p>
                "The application sends a secret as "
                <code>"Authorization: Bearer …"</code>
                ". To rotate one: add a new secret, put it in the script, then revoke the old one."
            </p>
            {move || {
                created
                    .get()
                    .map(|s| {
                        view! {
                            <div role="status" data-testid="created-secret">
                                <OnceSecret
                                    label="New secret:"
                                    value=s.secret.clone()
                                    hint="Copy it now and store it where the script reads it: it can't be shown again."
                                />
                            </div>
                        }
                    })
            }}
            <SecretTable secrets=detail.secrets.clone() now=now can_manage=can_manage revoke=revoke/>
            {can_manage
                .then(|| {
                    view! {
                        <form on:submit=add novalidate class="toolbar">
                            <div><TextField id="description" label="What the new secret is for" value=description error=error/></div>
                            <div><TextField id="expires_in_days" label="Days until it expires" value=days error=error/></div>
                            <button type="submit">"Add secret"</button>
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
    F: Fn(String) + Copy + Send + Sync + 'static,
{
    if secrets.is_empty() {
        return view! { <p data-testid="no-secrets">"No secret: the application can't call the API."</p> }.into_any();
    }
    view! {
        <Table testid="secrets" columns=&["Description", "Starts with", "Status", "Expires", "Last used", ""]>
            {secrets
                .into_iter()
                .map(|s| {
                    let status = s.status(now);
                    let sid = s.secret_id.clone();
                    let label = format!("Revoke {}", s.description);
                    view! {
                        <tr data-testid="secret-row">
                            <td>{s.description.clone()}</td>
                            <td><code>{s.hint.clone()}</code></td>
                            <td data-testid="secret-status">{status}</td>
                            <td>{when(Some(s.expires_at))}</td>
                            <td>{when(s.last_used_at)}</td>
                            <td>
                                {(can_manage && status == "Active")
                                    .then(|| {
                                        view! {
                                            <button type="button" class="secondary" on:click=move |_| revoke(sid.clone())>
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
