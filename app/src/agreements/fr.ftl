# Navigation
nav-partner-agreements = Contrats partenaires
