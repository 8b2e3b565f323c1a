# The language switcher and the messages every page can show.

i18n-language = Language

error-unauthenticated = Please sign in again.
error-forbidden = You don't have permission to { $action }.
error-not-found = { $what } was not found.
error-form = The form has errors.
error-field = { $field }: { $message }
error-password-change-required = Change your temporary password before you continue.
error-second-factor-required = Your organization requires two-step verification: set it up before you continue.
error-too-many-requests = Too many attempts; try again in a few minutes.
error-internal = Something went wrong. It has been logged; please try again.
error-transport = Network or server error ({ $detail }); please retry.
error-language-unknown = Choose English or French.
