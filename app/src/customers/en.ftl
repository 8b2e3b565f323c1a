# Navigation
nav-customers = Customers
