# Navigation
nav-api-reference = API reference
