# Navigation
nav-programs-and-enrolments = Programs and enrolments
nav-bank-and-tax-profile = Bank and tax profile
nav-incentive-reports = Incentive reports

# Programs and enrolments
incentives-programs-title = Incentive programs
incentives-programs-intro = The programs that pay partners for what they sell and deploy, and your partner IDs enrolled in them.
incentives-your-enrolments = Your enrolments
incentives-programs = Programs
incentives-col-program = Program
incentives-col-pays-for = What it pays for
incentives-col-enrolment = Enrolment
incentives-col-partner-id = Partner ID
incentives-col-contact = Contact
incentives-col-status = Status
incentives-col-enrolled = Enrolled
incentives-col-actions = Actions
incentives-program-open = Open
incentives-program-succeeded-by = Closed: succeeded by { $successor }
incentives-program-closed-state = Closed
incentives-enrol-title = Enrol a partner ID
incentives-no-partner-ids = Your organization has no partner ID yet: an Account admin adds them on the organization profile.
incentives-program = Program
incentives-partner-id = Partner ID
incentives-contact = Contact
incentives-contact-hint = The contact holds an incentives role and sees this enrolment's reports.
incentives-enrol = Enrol
incentives-no-enrolments = No partner ID is enrolled in a program yet.
incentives-migrated-to = Migrated to { $to }
incentives-program-closed-migrate = Program closed: migrate to { $successor }
incentives-program-closed-note = Program closed
incentives-location-gone = no longer on the organization profile
incentives-withdraw = Withdraw
incentives-migrate-ellipsis = Migrate…
incentives-move-to-program = Move to program
incentives-move-to-partner-id = Move to partner ID
incentives-migrate-enrolment = Migrate enrolment
incentives-status-active = Active
incentives-status-withdrawn = Withdrawn
incentives-status-migrated = Migrated

# Enrolment messages
incentives-the-program = The program
incentives-the-enrolment = The enrolment
incentives-the-partner-id = The partner ID
incentives-the-user = The user
incentives-program-closed-successor = { $program } is closed to new enrolments; enrol in { $successor } instead.
incentives-program-closed = { $program } is closed to new enrolments.
incentives-already-enrolled = Partner ID { $partner_id } is already enrolled in { $program }.
incentives-choose-program = Choose a program.
incentives-choose-partner-id = Choose a partner ID.
incentives-choose-contact = Choose a contact.
incentives-enrolment-migrated-already = This enrolment is migrated already.
incentives-enrolment-withdrawn-already = This enrolment is withdrawn already.
incentives-choose-program-to-move-to = Choose the program to move to.
incentives-choose-partner-id-to-move-to = Choose the partner ID to move to.
incentives-move-to-successor-only = An enrolment in { $program } can move to { $successor } only.
incentives-no-successor = { $program } has no successor: keep the program and choose another partner ID.
incentives-enrolment-there-already = The enrolment is there already: choose another partner ID or the successor program.

# Bank and tax profile
incentives-bank-tax-title = Bank and tax profile
incentives-bank-tax-intro = Where the incentive programs pay your organization. The account number is never shown in full: type it only to change it.
incentives-account-on-file = Account number on file:
incentives-saved-at = (saved { $at })
incentives-no-account = No bank account saved yet.
incentives-new-account-number = New IBAN or account number (leave empty to keep the one on file)
incentives-account-number = IBAN or account number
incentives-account-holder = Account holder
incentives-bank-name = Bank name
incentives-tax-id = Tax ID
incentives-tax-country = Tax country
incentives-vat-registered = Registered for VAT
incentives-save-profile = Save profile
incentives-enter-account-number = Enter the IBAN or account number.
incentives-iban-invalid = This IBAN is not valid: check it against your bank statement.
incentives-account-number-invalid = Enter an IBAN (e.g. FR76 3000 6000 0112 3456 7890 189) or an account number of 4 to 20 digits.
incentives-enter-account-holder = Enter the account holder's name.
incentives-enter-bank-name = Enter the bank's name.
incentives-enter-tax-country = Enter the country you pay tax in.
incentives-max-characters = Use at most { $max } characters.
incentives-enter-tax-id = Enter the tax ID.
incentives-tax-id-invalid = Use up to 30 letters, digits, spaces, hyphens, dots or slashes.

# Reports
incentives-reports-title = Incentive reports
incentives-from-month = From month
incentives-to-month = To month
incentives-month-placeholder = YYYY-MM
incentives-download-csv = Download CSV
incentives-scope-all = Every enrolment of your organization.
incentives-scope-mine = The enrolments you are the contact of.
incentives-truncated = Only the newest 5,000 lines are listed: narrow the months. The totals and the CSV cover every line.
incentives-no-earnings = No earnings for these months.
incentives-total = Total:
incentives-col-month = Month
incentives-col-amount = Amount
incentives-month-format-example = Enter a month as YYYY-MM, e.g. 2026-01.
incentives-months-reversed = The last month comes before the first.
incentives-month-format = Enter a month as YYYY-MM.
incentives-currency-code = Use a three-letter ISO 4217 code, e.g. EUR.
incentives-earnings-recorded-already = The earnings of { $month } are recorded already for this enrolment.

# Save notices
incentives-bank-tax-saved = Bank and tax profile saved.
incentives-enrolment-withdrawn = Enrolment withdrawn.
incentives-enrolment-migrated = Enrolment migrated.
incentives-partner-id-enrolled = Partner ID enrolled.
incentives-not-a-contact = { $name } can't be the contact: choose an active user with the Incentives admin or Incentives user role.
