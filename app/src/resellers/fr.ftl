# Navigation
nav-resellers = Revendeurs

# Revendeurs
resellers-title = Revendeurs à valeur ajoutée
resellers-intro = Les revendeurs par lesquels vous vendez, chacun inscrit auprès du programme avec son ID partenaire.
resellers-none = Aucun revendeur inscrit pour l'instant. Inscrivez le premier ci-dessous.
resellers-col-company = Société
resellers-col-partner-id = ID partenaire
resellers-col-country = Pays
resellers-col-contact = Contact
resellers-col-registered = Inscrit le
resellers-registered = Revendeur inscrit.
resellers-register-title = Inscrire un revendeur
resellers-company = Société du revendeur
resellers-partner-id = ID partenaire du revendeur
resellers-country = Pays
resellers-contact-email = Adresse e-mail du contact
resellers-register = Inscrire le revendeur
resellers-partner-id-taken = Cet ID partenaire est déjà inscrit, pour { $company }.
resellers-enter-company = Saisissez le nom de la société du revendeur.
resellers-enter-country = Saisissez le pays.
resellers-at-most-200 = Utilisez au plus 200 caractères.
resellers-enter-partner-id = Saisissez l'ID partenaire du revendeur : jusqu'à 20 lettres, chiffres ou traits d'union.
