# Navigation
nav-partner-agreements = Partner agreements

# Partner agreements
agreements-title = Partner agreements
agreements-intro = The program agreements your organization accepted. Each customer's own agreement is on its customer page.
agreements-none = No agreement accepted yet: accept the partner agreement with the program first.
agreements-col-agreement = Agreement
agreements-col-version = Version
agreements-col-accepted = Accepted
agreements-col-accepted-by = Accepted by
