# Navigation
nav-partner-agreements = Contrats partenaires

# Contrats partenaires
agreements-title = Contrats partenaires
agreements-intro = Les contrats de programme acceptés par votre organisation. Le contrat propre à chaque client figure sur la page de ce client.
agreements-none = Aucun contrat accepté pour l'instant : acceptez d'abord le contrat partenaire auprès du programme.
agreements-col-agreement = Contrat
agreements-col-version = Version
agreements-col-accepted = Accepté le
agreements-col-accepted-by = Accepté par
