# Navigation
nav-delegated-administration = Delegated administration

# Delegated administration
delegated-admin-title = Delegated administration
delegated-admin-intro = A customer who grants your organization delegated admin privileges lets your admin agents administer its tenant on its behalf. Request them, record the customer's answer, and end them when you no longer need them. Every visit on a customer's behalf is recorded in the activity log.
delegated-admin-search = Search name or domain
delegated-admin-status = Status
delegated-admin-every-status = Every status
delegated-admin-no-match = No customer matches.
delegated-admin-no-customers = No customer yet: customers appear here once they are added on the Customers page.
delegated-admin-col-customer = Customer
delegated-admin-col-privileges = Privileges
delegated-admin-col-since = Since
delegated-admin-col-actions = Actions
delegated-admin-requested = Delegated admin privileges requested.
delegated-admin-grant-recorded = The customer's grant is recorded.
delegated-admin-refusal-recorded = The customer's refusal is recorded.
delegated-admin-ended = Delegated admin privileges ended.
delegated-admin-administer = Administer on behalf
delegated-admin-request = Request privileges
delegated-admin-customer-granted = Customer granted
delegated-admin-customer-declined = Customer declined
delegated-admin-end = End privileges
delegated-admin-end-question = End the delegated admin privileges { $customer } granted? Your admin agents can no longer administer its tenant until it grants them again.
delegated-admin-status-none = Not requested
delegated-admin-status-requested = Requested, waiting for the customer
delegated-admin-status-granted = Granted
delegated-admin-status-declined = Declined by the customer
delegated-admin-status-ended = Ended
# Administering on a customer's behalf
delegated-admin-granted-on = Privileges granted { $when }.
delegated-admin-administering = Administering { $customer } on its behalf
delegated-admin-visit-recorded = This visit is recorded in your organization's activity log.
delegated-admin-users-summary = { $active } active user(s), { $unlicensed } without a licence.
delegated-admin-users-and-licences = Users and licences
delegated-admin-customer-details = Customer details
delegated-admin-admins-title = The customer's administrators
delegated-admin-no-admins = The customer has no administrator among the users this console manages.
delegated-admin-col-name = Name
delegated-admin-col-user-name = User name
delegated-admin-col-admin-role = Admin role
delegated-admin-subscriptions = Subscriptions
# Errors
delegated-admin-the-customer = The customer
delegated-admin-request-first = No request is waiting for this customer's answer: request the privileges first (or end granted ones).
delegated-admin-nothing-to-end = This customer's privileges are not granted, so there is nothing to end.
delegated-admin-not-granted-none = { $customer } has not granted your organization delegated admin privileges (not requested).
delegated-admin-not-granted-requested = { $customer } has not granted your organization delegated admin privileges (requested, waiting for the customer).
delegated-admin-not-granted-granted = { $customer } has not granted your organization delegated admin privileges (granted).
delegated-admin-not-granted-declined = { $customer } has not granted your organization delegated admin privileges (declined by the customer).
delegated-admin-not-granted-ended = { $customer } has not granted your organization delegated admin privileges (ended).
delegated-admin-choose-status = Choose none, requested, granted, declined or ended (or nothing for every status).
