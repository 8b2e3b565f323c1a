# System status page
system-title = Partner Console
system-intro = Create partner user accounts, assign roles, and manage your customers' users and licences.
system-check-database = Check the database
system-checking = Checking…
system-sign-in = Sign in
system-database = Database
system-schema-version = Schema version
system-organizations = Organizations
