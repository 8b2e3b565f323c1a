# Navigation
nav-devices = Devices
nav-device-profiles = Device profiles

# Devices: customers, devices, device lists
devices-title = Devices
devices-choose-customer = Choose a customer to see their devices, add a device list or apply a device profile.
devices-find-customer = Find a customer
devices-no-customer-matches = No customer matches.
devices-col-customer = Customer
devices-col-domain = Domain
devices-col-devices = Devices
devices-profile-removed-one = Profile removed from { $count } device(s).
devices-profile-removed-other = Profile removed from { $count } device(s).
devices-profile-applied-one = Profile applied to { $count } device(s).
devices-profile-applied-other = Profile applied to { $count } device(s).
devices-find-device = Find a device
devices-profile = Profile
devices-choose-profile = Choose a profile…
devices-apply-profile = Apply profile
devices-remove-profile = Remove profile
devices-col-select = Select
devices-col-serial-number = Serial number
devices-col-manufacturer = Manufacturer
devices-col-model = Model
devices-col-hardware-hash = Hardware hash
devices-col-profile = Profile
devices-col-device-name = Device name
devices-col-device-list = Device list
devices-col-added = Added
devices-customer-summary-one = { $customer } · { $domain } · { $count } device(s)
devices-customer-summary-other = { $customer } · { $domain } · { $count } device(s)
devices-no-device-matches-add = No device matches. Add a device list below.
devices-no-device-matches = No device matches.
devices-customer-details = Customer details
devices-all-customers = All customers
devices-select-device = Select { $serial }
devices-yes = Yes
devices-no = No
devices-no-profile = None
devices-device-lists = Device lists
devices-col-list = List
devices-col-by = By
devices-choose-at-least-one = Choose at least one device.
devices-choose-at-most = Choose at most { $max } devices at a time.
devices-the-device = The device
devices-the-device-profile = The device profile

# Adding a device list
devices-add-list-title = Add a device list
devices-add-list-columns = A CSV file with the columns Device serial number, Hardware hash (base64, optional), Manufacturer and Model;
devices-add-list-limits = at most { $rows } devices and { $size } MB per file.
devices-download-template = Download template
devices-list-name = List name
devices-csv-file = CSV file
devices-validate = Validate
devices-add-devices = Add devices
devices-working = Working
devices-working-ellipsis = Working…
devices-list-added-one = { $count } device(s) added in the list "{ $name }".
devices-list-added-other = { $count } device(s) added in the list "{ $name }".
devices-list-valid-one = { $count } device(s) are valid. Nothing is written until you add them.
devices-list-valid-other = { $count } device(s) are valid. Nothing is written until you add them.
devices-list-problems = { $problems } problem(s) in { $rows } row(s); nothing was written. Fix the file and validate again.
devices-col-row = Row
devices-col-column = Column
devices-col-problem = Problem
devices-file-too-large = The file is { $size } MB; a device list may be at most { $max } MB. Split it into several lists.
devices-list-name-invalid = Name the list (1 to 100 characters), e.g. "Spring rollout".

# Device profiles
devices-profiles-title = Device profiles
devices-profiles-intro = What a customer's device sets up on its first start. Apply a profile to devices on each customer's devices page.
devices-no-profiles = No device profile yet. Create the first one below.
devices-col-name = Name
devices-col-settings = Settings
devices-col-changed = Changed
devices-col-actions = Actions
devices-summary-account = { $account } account
devices-summary-skips-privacy = skips privacy settings
devices-summary-skips-terms = skips licence terms
devices-makers-name = Maker's name
devices-edit-profile-aria = Edit { $name }
devices-edit = Edit
devices-delete-profile-aria = Delete { $name }
devices-delete = Delete
devices-delete-profile-question = Delete the device profile { $name }? No device uses it; its settings are lost, and a new profile would have to be made again.
devices-profile-in-use = In use: remove it from its devices to delete it
devices-name-preview = A device with the serial number PF3X9K2L is named { $name }.
devices-name-preview-empty = Empty: devices keep their maker's name.
devices-edit-profile = Edit device profile
devices-create-profile-title = Create a device profile
devices-profile-name = Profile name
devices-skip-privacy = Skip privacy settings
devices-skip-terms = Skip the licence terms page
devices-user-account-type = User account type
devices-name-template = Device name template (optional)
devices-name-template-hint = Letters, digits and hyphens, at most 15 characters, with %SERIAL% or %RAND:n%.
devices-save-profile = Save profile
devices-create-profile = Create profile
devices-cancel = Cancel
devices-account-standard = Standard user
devices-account-administrator = Administrator
devices-profile-name-invalid = Name the profile (1 to 100 characters).
devices-template-rule = Use letters, digits and hyphens, with at most one %SERIAL% or %RAND:n% (n from 1 to 9), e.g. CONTOSO-%SERIAL%.
devices-template-one-macro = Use at most one macro (%SERIAL% or %RAND:n%).
devices-template-too-long = The names it gives would be longer than { $max } characters; shorten the fixed text.
devices-template-only-digits = A device name can't be only digits: add a letter or a hyphen.

# Save notices
devices-profile-deleted = Profile deleted.
devices-profile-saved = Profile saved.
devices-profile-created = Profile created.

# Device list rows
devices-row-too-many-columns = This row has { $count } columns; expected at most { $max }.
devices-serial-missing = Missing: every device needs its serial number.
devices-too-long = Too long ({ $count } characters; at most { $max }).
devices-serial-characters = "{ $serial }": use only letters, digits, hyphens, dots and underscores.
devices-serial-duplicate = "{ $serial }" is a duplicate of row { $row }.
devices-serial-registered = "{ $serial }" is already registered for this customer.
devices-hash-not-base64 = Not base64 text: use letters, digits, + and /, padded with = to a multiple of 4 characters.
devices-control-characters = Contains control characters (tabs, line breaks); remove them.
devices-row-reason = Row { $row }: { $reason }
devices-row-column-reason = Row { $row }, { $column }: { $reason }
devices-nothing-added = Nothing was added: the file has { $count } problem(s). { $first }
devices-profile-applied-cannot-delete = "{ $name }" is applied to { $count } device(s). Remove it from them first (on each customer's devices page), then delete it.

# The device list file as a whole
devices-csv-wrong-header = Wrong header "{ $found }": expected "{ $expected }" (only the serial number is required; the other columns may be left out from the right). Download the template to start from.
devices-csv-empty = The file is empty: it needs the header line and at least one device row.
devices-csv-no-rows = The file has no device rows.
devices-csv-too-many = Too many rows: at most { $max } devices per file.
