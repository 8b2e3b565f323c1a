# Navigation
nav-home = Home
nav-user-management = User management
