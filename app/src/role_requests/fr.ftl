# Navigation
nav-role-requests = Demandes de rôle
