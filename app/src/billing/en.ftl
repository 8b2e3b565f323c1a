# Navigation
nav-invoices = Invoices
