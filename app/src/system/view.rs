use super::{ServerStatus, SystemStatus};
use crate::ui::Card;
use leptos::prelude::*;

/// `/status`: a public health read-out. Its check runs in the browser: the
/// button calls the `server_status` server function and shows what the
/// database answered.
#[component]
pub fn StatusPage() -> impl IntoView {
    let check = ServerAction::<ServerStatus>::new();
    let result = check.value();

    view! {
        <Card
            title=crate::tr!("system-title")
            intro=crate::tr!("system-intro")
        >
            <button
                type="button"
                data-testid="check-status"
                on:click=move |_| {
                    check.dispatch(ServerStatus {});
                }
            >
                {crate::tr!("system-check-database")}
            </button>
            <div role="status" aria-live="polite" data-testid="status-result">
                {move || match result.get() {
                    None if check.pending().get() => view! { <p>{crate::tr!("system-checking")}</p> }.into_any(),
                    None => ().into_any(),
                    Some(Ok(s)) => view! { <StatusTable status=s/> }.into_any(),
                    Some(Err(e)) => view! { <p class="error">{e.to_string()}</p> }.into_any(),
                }}
            </div>
            <p>
                <a href="/login">{crate::tr!("system-sign-in")}</a>
            </p>
        </Card>
    }
}

#[component]
fn StatusTable(status: SystemStatus) -> impl IntoView {
    view! {
        <dl class="status">
            <dt>{crate::tr!("system-database")}</dt>
            <dd data-testid="status-database">{status.database}</dd>
            <dt>{crate::tr!("system-schema-version")}</dt>
            <dd data-testid="status-schema">{status.schema_version}</dd>
            {status
                .organizations
                .map(|n| {
                    view! {
                        <dt>{crate::tr!("system-organizations")}</dt>
                        <dd data-testid="status-organizations">{crate::i18n::number(n)}</dd>
                    }
                })}
        </dl>
    }
}
