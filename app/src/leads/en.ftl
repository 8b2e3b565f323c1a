# Navigation
nav-leads = Leads
