# Navigation
nav-security = Security
