# Navigation
nav-resellers = Revendeurs
