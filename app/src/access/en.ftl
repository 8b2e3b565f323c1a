# Roles, workspaces, access levels and capabilities (seed 000's names).

role-admin-agent = Admin agent
role-sales-agent = Sales agent
role-helpdesk-agent = Helpdesk agent
role-global-admin = Global admin
role-billing-admin = Billing admin
role-user-management-admin = User management admin
role-account-admin = Account admin
role-incentives-admin = Incentives admin
role-incentives-user = Incentives user

workspace-account-settings = Account settings
workspace-customers = Customers
workspace-devices = Devices
workspace-subscriptions = Subscriptions
workspace-billing = Billing
workspace-pricing = Pricing
workspace-support = Support
workspace-incentives = Incentives

level-none = No access
level-read = Read
level-read-write = Read and write
# What it allows, as the end of "You don't have permission to …"
capability-users-view = view partner users
capability-users-create = add partner users
capability-users-edit = edit partner users
capability-users-reset-password = reset partner users' passwords
capability-users-remove = remove partner users
capability-roles-assign = assign roles
capability-global-admins-manage = manage Global admins
capability-groups-manage = manage groups
capability-applications-manage = manage applications
capability-partner-profiles-view = view partner profiles
capability-org-profile-manage = manage the organization profile
capability-activity-view-all = view the organization's activity log
capability-console-tickets-create = create support tickets for the console
capability-agreements-view = view agreements
capability-customers-view = view customers
capability-customers-create = create customers
capability-customers-edit-details = edit customer details
capability-customers-edit-billing = edit customer billing information
capability-customers-request-relationship = request a relationship with a customer
capability-customers-view-agreement = view the customer agreement
capability-customers-record-agreement = record the customer's acceptance of the agreement
capability-delegated-admin-request = request delegated admin privileges
capability-administer-on-behalf = administer on behalf of a customer
capability-leads-manage = manage customer leads
capability-reseller-register = register a value-added reseller
capability-customer-users-manage = manage customer users and licences
capability-device-lists-add = add device lists
capability-device-profiles-manage = create and apply device profiles
capability-subscriptions-view = view subscriptions
capability-subscriptions-manage = manage subscriptions
capability-customer-invoices-view = view customer invoices
capability-billing = use billing
capability-pricing-view = view pricing and offers
capability-service-health-view = view service health
capability-tickets-view = view support tickets
capability-customer-tickets-create = request support on behalf of customers
capability-tickets-resolve = resolve support tickets
capability-incentives-enroll = enrol in incentive programs
capability-incentives-migrate = migrate incentive enrolments
capability-incentives-programs-manage = manage incentive programs
capability-incentives-bank-tax-edit = edit bank and tax profiles
capability-incentives-reports-view-all = view all incentive reports
capability-incentives-enrolments-view = view incentive enrolments
capability-incentives-reports-view = view incentive reports

# The navigation
nav-my-account = My account
nav-workspace-overview = { $workspace } overview
nav-count = { $label } ({ $count })
