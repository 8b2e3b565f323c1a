# Navigation
nav-resellers = Resellers
