# Navigation
nav-partner-agreements = Partner agreements
