# Navigation
nav-customers = Customers

# Customers
customers-title = Customers
customers-create = Create customer
customers-search = Search name or domain
customers-no-match = No customer matches.
customers-none-yet = No customer yet.
customers-none-yet-create = No customer yet. Create the first one with Create customer above.
customers-col-name = Name
customers-col-domain = Domain
customers-col-relationship = Relationship
customers-name = Name
customers-domain = Domain
customers-contact-email-optional = Contact email (optional)
customers-create-button = Create
# A customer's page
customers-details-saved = Details saved.
customers-billing-saved = Billing information saved.
customers-relationship-requested = Relationship requested.
customers-dap-requested = Delegated admin privileges requested.
customers-agreement-recorded = Agreement acceptance recorded.
customers-relationship-label = relationship:
customers-delegated-admin-label = delegated admin:
customers-agreement-label = agreement:
customers-agreement-not-accepted = not accepted
customers-relationship-none = none
customers-relationship-requested-status = requested
customers-relationship-active = active
customers-users-and-licences = Users and licences
customers-support-tickets = Support tickets for this customer
customers-devices = Devices
customers-request-relationship = Request relationship
customers-administer = Administer on behalf
customers-request-dap = Request delegated admin privileges
customers-details = Details
customers-contact-email = Contact email
customers-phone = Phone
customers-address = Address
customers-save-details = Save details
customers-agreement-title = Customer agreement
customers-accepted-on = Accepted on
customers-record-acceptance = Record acceptance
customers-billing-title = Billing information
customers-billing-email = Billing email
customers-billing-address = Billing address
customers-tax-id = Tax ID
customers-save-billing = Save billing information
# Errors
customers-enter-name = Enter the customer's name (1 to 200 characters).
customers-at-most-300 = Use at most 300 characters.
customers-control-characters = Remove the control characters (tabs, line breaks, NUL).
customers-enter-domain = Enter a domain like fabrikam.example.
customers-acceptance-date-format = Enter the acceptance date as YYYY-MM-DD.
customers-acceptance-date-future = The acceptance date can't be in the future.
customers-billing-too-long = Use at most 300 characters (64 for the tax ID).
customers-the-customer = The customer
