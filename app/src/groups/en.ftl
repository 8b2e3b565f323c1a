# Navigation
nav-groups = Groups

# Groups list
groups-title = Groups
groups-intro = Roles and custom permissions given to a group apply to every member, on their next request.
groups-new-name = New group name
groups-create = Create group
groups-none-yet = No group yet. Create one above, then add members and give it roles.
groups-col-group = Group
groups-col-gives = Gives
groups-col-members = Members
groups-enter-name = Enter the group's name.
groups-name-too-long = Use at most 100 characters.

# A group's page
groups-renamed = Group renamed.
groups-access-saved = Roles and permissions saved: members have them on their next request.
groups-members-saved = Members saved.
groups-members-link = { $count } member(s) in the user list
groups-name = Name
groups-rename = Rename
groups-roles-and-permissions = Roles and permissions
groups-save-access = Save roles and permissions
groups-members = Members
groups-add-members-search = Add members: search name or email
groups-add-member = Add { $name }
groups-delete = Delete group
groups-delete-confirm = Delete this group? Its { $count } member(s) lose what it gives on their next request.
groups-yes-delete = Yes, delete
groups-cancel = Cancel
groups-no-member = No member yet.
groups-col-name = Name
groups-col-email = Email
groups-col-actions = Actions
groups-remove-member = Remove { $name }

# Messages from the server
groups-skip-removed-user = Removed users keep no group.
groups-skip-global-admin-only = Only a Global admin can change a Global admin's access.
groups-skip-already-member = Already in the group.
groups-skip-not-member = Not in the group.
groups-locked-cannot = You can't { $what }.
groups-locked-you-belong = You belong to this group, so you can't change what it gives.
groups-the-group = The group
groups-name-taken = A group with this name already exists.
groups-forbidden-change = change this group ({ $reason })
