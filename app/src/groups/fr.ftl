# Navigation
nav-groups = Groupes
