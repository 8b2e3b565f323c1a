# Navigation
nav-support-tickets = Support tickets
nav-console-tickets = Console tickets
