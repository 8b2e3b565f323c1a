# Navigation
nav-invoices = Factures
