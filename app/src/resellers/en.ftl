# Navigation
nav-resellers = Resellers

# Resellers
resellers-title = Value-added resellers
resellers-intro = The resellers you sell through, each registered with the program by its partner ID.
resellers-none = No reseller registered yet. Register the first one below.
resellers-col-company = Company
resellers-col-partner-id = Partner ID
resellers-col-country = Country
resellers-col-contact = Contact
resellers-col-registered = Registered
resellers-registered = Reseller registered.
resellers-register-title = Register a reseller
resellers-company = Reseller company
resellers-partner-id = Reseller partner ID
resellers-country = Country
resellers-contact-email = Contact email
resellers-register = Register reseller
resellers-partner-id-taken = This partner ID is registered already, for { $company }.
resellers-enter-company = Enter the reseller's company name.
resellers-enter-country = Enter the country.
resellers-at-most-200 = Use at most 200 characters.
resellers-enter-partner-id = Enter the reseller's partner ID: up to 20 letters, digits or hyphens.
