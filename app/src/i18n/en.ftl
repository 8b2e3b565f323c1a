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
error-stale-user = Someone else changed this user since you opened it. The page now shows the latest version; make your change again.
error-stale-enrolment = Someone else changed this enrolment since you opened it. The page now shows the latest version; make your change again.
error-stale-bank-tax = Someone else changed this bank and tax profile since you opened it. The page now shows the latest version; make your change again.
error-stale-customer = Someone else changed this customer since you opened it. The page now shows the latest version; make your change again.
error-stale-org-profile = Someone else changed this organization profile since you opened it. The page now shows the latest version; make your change again.
error-stale-lead = Someone else changed this lead since you opened it. The page now shows the latest version; make your change again.
error-stale-ticket = Someone else changed this ticket since you opened it. The page now shows the latest version; make your change again.
error-stale-group = Someone else changed this group since you opened it. The page now shows the latest version; make your change again.
error-stale-device-profile = Someone else changed this device profile since you opened it. The page now shows the latest version; make your change again.
error-stale-subscription = Someone else changed this subscription since you opened it. The page now shows the latest version; make your change again.
error-stale-application = Someone else changed this application since you opened it. The page now shows the latest version; make your change again.
