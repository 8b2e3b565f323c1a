# Navigation
nav-organization-profile = Profil de l'organisation
