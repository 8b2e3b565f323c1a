# Navigation
nav-roles-and-permissions = Rôles et autorisations
