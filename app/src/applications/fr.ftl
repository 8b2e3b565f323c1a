# Navigation
nav-applications = Applications
