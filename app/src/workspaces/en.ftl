# Navigation
nav-roles-and-permissions = Roles and permissions
# The roles matrix and workspace overviews
workspaces-roles-title = Roles and permissions
workspaces-roles-intro = What each role can do, grouped by workspace. This table is drawn from the same code that checks every request.
workspaces-col-permission = Permission
workspaces-yes = yes
workspaces-no = no
workspaces-no-access = Your roles give you no access to this workspace.
workspaces-no-pages = This workspace has no page of its own for your roles: what they allow here is done from the pages of other workspaces (a customer's page, for instance).
workspaces-its-pages = Its pages:
workspaces-your-roles-let-you = Your roles let you:
