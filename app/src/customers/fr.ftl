# Navigation
nav-customers = Clients
