# Navigation
nav-home = Accueil
nav-user-management = Gestion des utilisateurs
