# Navigation
nav-activity = Activité
