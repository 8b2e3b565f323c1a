# Navigation
nav-organization-profile = Organization profile

# Organization profile
orgs-title = Organization profile
orgs-profile-saved = Profile saved.
orgs-directory-synced = Synced: users come from the organization's directory.
orgs-directory-cloud = Cloud: users are created in this console.
orgs-directory-mode-saved = Directory mode saved.
orgs-name = Organization name
orgs-save-name = Save name
orgs-directory-mode = Directory mode
orgs-switch-to-cloud = Switch to cloud (create users here)
orgs-switch-to-synced = Switch to synced (users come from the directory)
orgs-synced-mode-hint = In synced mode an application allowed to sync the directory creates and updates users and groups at /scim/v2; nobody creates users, groups or applications here, and roles are still assigned here.
orgs-find-global-admins = Find your Global admins
orgs-partner-ids = Partner IDs
orgs-partner-ids-intro = One partner ID per location. Each user can be associated with one of them.
orgs-no-partner-id = No partner ID yet.
orgs-partner-id-removed = Partner ID removed.
orgs-col-partner-id = Partner ID
orgs-col-location = Location
orgs-col-country = Country
orgs-col-users = Users
orgs-col-actions = Actions
orgs-remove = Remove
orgs-remove-question = Remove partner ID { $partner_id } ({ $location })? No user is associated with it; you can add it again later.
orgs-remove-partner-id = Remove { $partner_id }
orgs-partner-id-added = Partner ID added.
orgs-add-location = Add a location
orgs-partner-id = Partner ID
orgs-location = Location
orgs-country = Country
orgs-add = Add
orgs-partner-id-location = Partner ID (location)
orgs-none = None

# Sign-in policy
orgs-enter-days = Enter a number of days between 1 and 90.
orgs-policy-saved = Sign-in policy saved.
orgs-sign-in-policy = Sign-in policy
orgs-require-second-factor = Require two-step verification for everyone
orgs-require-second-factor-hint = People without it set it up right after their next sign-in; until then they can do nothing else.
orgs-temp-password-days = Temporary passwords work for (days, 1–90)
orgs-save-policy = Save sign-in policy

# Messages from the server
orgs-enter-partner-id = Enter the partner ID.
orgs-partner-id-invalid = Use up to 20 letters, digits or hyphens.
orgs-enter-location = Enter the location's name.
orgs-enter-country = Enter the country.
orgs-text-too-long = Use at most 100 characters.
orgs-name-invalid = Enter an organization name of 1 to 200 characters.
orgs-the-organization = The organization
orgs-choose-directory-mode = Choose "cloud" or "synced".
orgs-temp-password-days-between-1-and-90 = Choose between 1 and 90 days.
orgs-synced-users = This organization's users come from its directory: add them there, and they arrive here through directory sync.
orgs-synced-groups = This organization's groups come from its directory: add them there, and they arrive here through directory sync.
orgs-synced-applications = This organization's applications come from its directory: add them there, and they arrive here through directory sync.
orgs-synced-other = This organization's { $what } come from its directory: add them there, and they arrive here through directory sync.
orgs-the-partner-id = The partner ID
orgs-partner-id-listed = This partner ID is already listed.
orgs-partner-id-in-use = { $count } active user(s) are associated with partner ID { $partner_id }; associate them with another first.
