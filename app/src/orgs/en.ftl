# Navigation
nav-organization-profile = Organization profile
