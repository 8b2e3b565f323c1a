# Navigation
nav-api-reference = Référence de l'API
