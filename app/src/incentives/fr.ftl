# Navigation
nav-programs-and-enrolments = Programmes et inscriptions
nav-bank-and-tax-profile = Profil bancaire et fiscal
nav-incentive-reports = Rapports de primes incitatives

# Programs and enrolments
incentives-programs-title = Programmes de primes incitatives
incentives-programs-intro = Les programmes qui rémunèrent les partenaires pour ce qu'ils vendent et déploient, et vos ID de partenaire qui y sont inscrits.
incentives-your-enrolments = Vos inscriptions
incentives-programs = Programmes
incentives-col-program = Programme
incentives-col-pays-for = Ce qu'il rémunère
incentives-col-enrolment = Inscription
incentives-col-partner-id = ID de partenaire
incentives-col-contact = Contact
incentives-col-status = État
incentives-col-enrolled = Inscrit le
incentives-col-actions = Actions
incentives-program-open = Ouvert
incentives-program-succeeded-by = Fermé : remplacé par { $successor }
incentives-program-closed-state = Fermé
incentives-enrol-title = Inscrire un ID de partenaire
incentives-no-partner-ids = Votre organisation n'a pas encore d'ID de partenaire : un administrateur de compte les ajoute dans le profil de l'organisation.
incentives-program = Programme
incentives-partner-id = ID de partenaire
incentives-contact = Contact
incentives-contact-hint = Le contact détient un rôle Primes incitatives et consulte les rapports de cette inscription.
incentives-enrol = Inscrire
incentives-no-enrolments = Aucun ID de partenaire n'est encore inscrit à un programme.
incentives-migrated-to = Migrée vers { $to }
incentives-program-closed-migrate = Programme fermé : migrez vers { $successor }
incentives-program-closed-note = Programme fermé
incentives-location-gone = ne figure plus dans le profil de l'organisation
incentives-withdraw = Retirer
incentives-migrate-ellipsis = Migrer…
incentives-move-to-program = Déplacer vers le programme
incentives-move-to-partner-id = Déplacer vers l'ID de partenaire
incentives-migrate-enrolment = Migrer l'inscription
incentives-status-active = Active
incentives-status-withdrawn = Retirée
incentives-status-migrated = Migrée

# Enrolment messages
incentives-the-program = Le programme
incentives-the-enrolment = L'inscription
incentives-the-partner-id = L'ID de partenaire
incentives-the-user = L'utilisateur
incentives-program-closed-successor = { $program } n'accepte plus de nouvelles inscriptions ; inscrivez-vous plutôt à { $successor }.
incentives-program-closed = { $program } n'accepte plus de nouvelles inscriptions.
incentives-already-enrolled = L'ID de partenaire { $partner_id } est déjà inscrit à { $program }.
incentives-choose-program = Choisissez un programme.
incentives-choose-partner-id = Choisissez un ID de partenaire.
incentives-choose-contact = Choisissez un contact.
incentives-enrolment-migrated-already = Cette inscription a déjà été migrée.
incentives-enrolment-withdrawn-already = Cette inscription a déjà été retirée.
incentives-choose-program-to-move-to = Choisissez le programme de destination.
incentives-choose-partner-id-to-move-to = Choisissez l'ID de partenaire de destination.
incentives-move-to-successor-only = Une inscription à { $program } ne peut être déplacée que vers { $successor }.
incentives-no-successor = { $program } n'a pas de programme successeur : conservez le programme et choisissez un autre ID de partenaire.
incentives-enrolment-there-already = L'inscription s'y trouve déjà : choisissez un autre ID de partenaire ou le programme successeur.

# Bank and tax profile
incentives-bank-tax-title = Profil bancaire et fiscal
incentives-bank-tax-intro = Le compte sur lequel les programmes de primes incitatives paient votre organisation. Le numéro de compte n'est jamais affiché en entier : saisissez-le uniquement pour le modifier.
incentives-account-on-file = Numéro de compte enregistré :
incentives-saved-at = (enregistré le { $at })
incentives-no-account = Aucun compte bancaire enregistré pour l'instant.
incentives-new-account-number = Nouvel IBAN ou numéro de compte (laissez vide pour conserver celui enregistré)
incentives-account-number = IBAN ou numéro de compte
incentives-account-holder = Titulaire du compte
incentives-bank-name = Nom de la banque
incentives-tax-id = Numéro d'identification fiscale
incentives-tax-country = Pays d'imposition
incentives-vat-registered = Assujetti à la TVA
incentives-save-profile = Enregistrer le profil
incentives-enter-account-number = Saisissez l'IBAN ou le numéro de compte.
incentives-iban-invalid = Cet IBAN n'est pas valide : vérifiez-le sur votre relevé bancaire.
incentives-account-number-invalid = Saisissez un IBAN (par exemple FR76 3000 6000 0112 3456 7890 189) ou un numéro de compte de 4 à 20 chiffres.
incentives-enter-account-holder = Saisissez le nom du titulaire du compte.
incentives-enter-bank-name = Saisissez le nom de la banque.
incentives-enter-tax-country = Saisissez le pays dans lequel vous êtes imposé.
incentives-max-characters = Utilisez au plus { $max } caractères.
incentives-enter-tax-id = Saisissez le numéro d'identification fiscale.
incentives-tax-id-invalid = Utilisez au plus 30 lettres, chiffres, espaces, traits d'union, points ou barres obliques.

# Reports
incentives-reports-title = Rapports de primes incitatives
incentives-from-month = Du mois
incentives-to-month = Au mois
incentives-month-placeholder = AAAA-MM
incentives-download-csv = Télécharger le CSV
incentives-scope-all = Toutes les inscriptions de votre organisation.
incentives-scope-mine = Les inscriptions dont vous êtes le contact.
incentives-truncated = Seules les 5 000 lignes les plus récentes sont affichées : réduisez la période. Les totaux et le CSV couvrent toutes les lignes.
incentives-no-earnings = Aucun gain pour ces mois.
incentives-total = Total :
incentives-col-month = Mois
incentives-col-amount = Montant
incentives-month-format-example = Saisissez un mois au format AAAA-MM, par exemple 2026-01.
incentives-months-reversed = Le dernier mois précède le premier.
incentives-month-format = Saisissez un mois au format AAAA-MM.
incentives-currency-code = Utilisez un code ISO 4217 à trois lettres, par exemple EUR.
incentives-earnings-recorded-already = Les gains de { $month } sont déjà enregistrés pour cette inscription.

# Save notices
incentives-bank-tax-saved = Profil bancaire et fiscal enregistré.
incentives-enrolment-withdrawn = Inscription retirée.
incentives-enrolment-migrated = Inscription migrée.
incentives-partner-id-enrolled = ID de partenaire inscrit.
incentives-not-a-contact = { $name } ne peut pas être le contact : choisissez un utilisateur actif ayant le rôle Administrateur de primes incitatives ou Utilisateur de primes incitatives.
