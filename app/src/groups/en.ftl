# Navigation
nav-groups = Groups
