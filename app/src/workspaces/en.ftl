# Navigation
nav-roles-and-permissions = Roles and permissions
