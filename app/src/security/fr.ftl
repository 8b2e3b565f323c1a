# Navigation
nav-security = Sécurité
