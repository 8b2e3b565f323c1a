# Navigation
nav-role-requests = Role requests
