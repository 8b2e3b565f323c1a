//! `/account/security`: two-step verification and the sessions list.

use crate::access::Identity;
use crate::error::AppError;
use crate::security::{Enrolment, SecurityOverview, SessionInfo};
use crate::time::format_local;
use crate::ui::{go_to, FormError, Loaded, Table, TextField};
use leptos::prelude::*;

/// `/account/security`.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let overview = Resource::new(move || reload.get(), |_| crate::security::get_security());
    let must_enrol = use_context::<Identity>().is_some_and(|me| me.must_enrol_second_factor);
    // Outside the reloaded part, so the message outlives the reload it causes.
    let notice = RwSignal::new(None::<String>);
    view! {
        <section class="card">
            <h1>{crate::tr!("security-title")}</h1>
            <p>{crate::tr!("security-intro")}</p>
            {must_enrol
                .then(|| {
                    view! {
                        <p class="notice" role="alert" data-testid="enrol-required">
                            {crate::tr!("security-enrol-required")}
                        </p>
                    }
                })}
            <p role="status" data-testid="sessions-notice">{move || notice.get()}</p>
        </section>
        <Loaded
            resource=overview
            in_card=true
            ok=move |o| view! { <Overview overview=o reload=reload must_enrol=must_enrol notice=notice/> }
        />
    }
}

#[component]
fn Overview(
    overview: SecurityOverview,
    reload: RwSignal<u32>,
    must_enrol: bool,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <SecondFactorCard overview=overview.clone() reload=reload must_enrol=must_enrol/>
        <SessionsCard sessions=overview.sessions reload=reload notice=notice/>
    }
}

#[component]
fn SecondFactorCard(
    overview: SecurityOverview,
    reload: RwSignal<u32>,
    must_enrol: bool,
) -> impl IntoView {
    let error = RwSignal::new(None::<AppError>);
    let enrolment = RwSignal::new(None::<Enrolment>);
    let recovery = RwSignal::new(None::<Vec<String>>);
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let begin = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::security::begin_second_factor().await {
                Ok(e) => enrolment.set(Some(e)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let typed = code.get_untracked();
        leptos::task::spawn_local(async move {
            match crate::security::confirm_second_factor(typed).await {
                Ok(codes) => {
                    enrolment.set(None);
                    recovery.set(Some(codes));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let typed = password.get_untracked();
        leptos::task::spawn_local(async move {
            match crate::security::turn_off_second_factor(typed).await {
                Ok(()) => reload.update(|n| *n += 1),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    // After the codes are saved: back to the page, or (when the organization
    // required it) on to the console.
    let done = move |_| {
        if must_enrol {
            go_to("/");
        } else {
            recovery.set(None);
            reload.update(|n| *n += 1);
        }
    };
    let on = overview.second_factor;
    let status = if on {
        crate::tr!(
            "security-status-on",
            since = overview
                .second_factor_since
                .map(format_local)
                .unwrap_or_default(),
            count = crate::i18n::number(overview.recovery_codes_left)
        )
    } else {
        crate::tr!("security-status-off")
    };
    let required = overview.required_by_org;
    view! {
        <section class="card" data-testid="second-factor">
            <h2>{crate::tr!("security-second-factor")}</h2>
            <p data-testid="second-factor-status">{status}</p>
            {move || {
                if let Some(codes) = recovery.get() {
                    return view! { <RecoveryCodes codes=codes done=done/> }.into_any();
                }
                if let Some(e) = enrolment.get() {
                    return view! {
                        <p>
                            {crate::tr!("security-scan")}
                        </p>
                        <div class="qr" data-testid="qr" inner_html=e.qr_svg.clone()></div>
                        <p>
                            {crate::tr!("security-cant-scan")} " "
                            <code data-testid="totp-secret">{e.secret.clone()}</code>
                        </p>
                        <form on:submit=confirm novalidate>
                            <TextField id="code" label=crate::tr!("security-code-from-app") value=code error=error autocomplete="one-time-code"/>
                            <FormError error=error fields=&["code"]/>
                            <p>
                                <button type="submit">{crate::tr!("security-turn-on")}</button>
                            </p>
                        </form>
                    }
                        .into_any();
                }
                if on {
                    if required {
                        return view! {
                            <p class="muted">{crate::tr!("security-required-by-org")}</p>
                            <FormError error=error fields=&[]/>
                        }
                            .into_any();
                    }
                    return view! {
                        <form on:submit=turn_off novalidate>
                            <TextField
                                id="password"
                                label=crate::tr!("security-password-to-turn-off")
                                value=password
                                error=error
                                kind="password"
                                autocomplete="current-password"
                            />
                            <FormError error=error fields=&["password"]/>
                            <p>
                                <button type="submit" class="secondary">{crate::tr!("security-turn-off")}</button>
                            </p>
                        </form>
                    }
                        .into_any();
                }
                view! {
                    <FormError error=error fields=&[]/>
                    <p>
                        <button type="button" on:click=begin>{crate::tr!("security-set-up")}</button>
                    </p>
                }
                    .into_any()
            }}
        </section>
    }
}

/// The recovery codes, shown once, with a copy button.
#[component]
fn RecoveryCodes<F>(codes: Vec<String>, done: F) -> impl IntoView
where
    F: Fn(leptos::ev::MouseEvent) + Copy + 'static,
{
    let copied = RwSignal::new(false);
    let all = codes.join("\n");
    let copy = move |_| {
        let _ = window().navigator().clipboard().write_text(&all);
        copied.set(true);
    };
    view! {
        <div role="status">
            <p>
                <strong>{crate::tr!("security-is-on")}</strong>
                " "
                {crate::tr!("security-keep-codes")}
            </p>
            <ul class="recovery-codes" data-testid="recovery-codes">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <p>
                <button type="button" class="secondary" on:click=copy>
                    {move || if copied.get() { crate::tr!("security-copied") } else { crate::tr!("security-copy-all") }}
                </button>
                " "
                <button type="button" on:click=done>{crate::tr!("security-saved-them")}</button>
            </p>
        </div>
    }
}

#[component]
fn SessionsCard(
    sessions: Vec<SessionInfo>,
    reload: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let error = RwSignal::new(None::<AppError>);
    let end_one = move |session_id: String| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::security::end_session(session_id).await {
                Ok(()) => {
                    notice.set(Some(crate::tr!("security-session-ended")));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let end_others = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match crate::security::end_other_sessions().await {
                Ok(n) => {
                    notice.set(Some(crate::tr!(
                        "security-others-ended",
                        count = crate::i18n::number(i64::try_from(n).unwrap_or(i64::MAX))
                    )));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let others = sessions.iter().filter(|s| !s.current).count();
    view! {
        <section class="card">
            <h2>{crate::tr!("security-sessions")}</h2>
            <p>{crate::tr!("security-sessions-intro")}</p>
            <FormError error=error fields=&[]/>
            <Table testid="sessions" columns=&[
                crate::key!("security-col-device"),
                crate::key!("security-col-address"),
                crate::key!("security-col-signed-in"),
                crate::key!("security-col-last-active"),
                crate::key!("security-col-action"),
            ]>
                {sessions
                    .into_iter()
                    .map(|s| {
                        let id = s.session_id.clone();
                        view! {
                            <tr>
                                <td>{s.device.clone()}</td>
                                <td>{s.address.clone().unwrap_or_else(|| "—".into())}</td>
                                <td>{format_local(s.created_at)}</td>
                                <td>{format_local(s.last_seen_at)}</td>
                                <td>
                                    {if s.current {
                                        view! { <strong>{crate::tr!("security-this-browser")}</strong> }.into_any()
                                    } else {
                                        let label = crate::tr!("security-end-session-on", device = s.device.clone());
                                        view! {
                                            <button
                                                type="button"
                                                class="secondary"
                                                aria-label=label
                                                on:click=move |_| end_one(id.clone())
                                            >
                                                {crate::tr!("security-end")}
                                            </button>
                                        }
                                            .into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
            {(others > 0)
                .then(|| {
                    view! {
                        <p>
                            <button type="button" class="danger" on:click=end_others>
                                {crate::tr!("security-end-others")}
                            </button>
                        </p>
                    }
                })}
        </section>
    }
}
