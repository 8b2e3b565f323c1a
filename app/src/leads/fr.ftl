# Navigation
nav-leads = Prospects
