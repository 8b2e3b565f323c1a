# Navigation
nav-support-tickets = Tickets de support
nav-console-tickets = Tickets de la console
