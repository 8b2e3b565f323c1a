# Navigation
nav-organization-profile = Profil de l'organisation

# Profil de l'organisation
orgs-title = Profil de l'organisation
orgs-profile-saved = Profil enregistré.
orgs-directory-synced = Synchronisé : les utilisateurs proviennent de l'annuaire de l'organisation.
orgs-directory-cloud = Cloud : les utilisateurs sont créés dans cette console.
orgs-directory-mode-saved = Mode d'annuaire enregistré.
orgs-name = Nom de l'organisation
orgs-save-name = Enregistrer le nom
orgs-directory-mode = Mode d'annuaire
orgs-switch-to-cloud = Passer en mode cloud (créer les utilisateurs ici)
orgs-switch-to-synced = Passer en mode synchronisé (les utilisateurs proviennent de l'annuaire)
orgs-synced-mode-hint = En mode synchronisé, une application autorisée à synchroniser l'annuaire crée et met à jour les utilisateurs et les groupes via /scim/v2 ; personne ne crée d'utilisateurs, de groupes ni d'applications ici, et les rôles sont toujours attribués ici.
orgs-find-global-admins = Trouver vos administrateurs généraux
orgs-partner-ids = ID partenaire
orgs-partner-ids-intro = Un ID partenaire par emplacement. Chaque utilisateur peut être associé à l'un d'eux.
orgs-no-partner-id = Aucun ID partenaire pour l'instant.
orgs-partner-id-removed = ID partenaire supprimé.
orgs-col-partner-id = ID partenaire
orgs-col-location = Emplacement
orgs-col-country = Pays
orgs-col-users = Utilisateurs
orgs-col-actions = Actions
orgs-remove = Supprimer
orgs-remove-question = Supprimer l'ID partenaire { $partner_id } ({ $location }) ? Aucun utilisateur n'y est associé ; vous pourrez l'ajouter de nouveau.
orgs-remove-partner-id = Supprimer { $partner_id }
orgs-partner-id-added = ID partenaire ajouté.
orgs-add-location = Ajouter un emplacement
orgs-partner-id = ID partenaire
orgs-location = Emplacement
orgs-country = Pays
orgs-add = Ajouter
orgs-partner-id-location = ID partenaire (emplacement)
orgs-none = Aucun

# Stratégie de connexion
orgs-enter-days = Saisissez un nombre de jours compris entre 1 et 90.
orgs-policy-saved = Stratégie de connexion enregistrée.
orgs-sign-in-policy = Stratégie de connexion
orgs-require-second-factor = Exiger la vérification en deux étapes pour tous
orgs-require-second-factor-hint = Les personnes qui ne l'ont pas la configurent juste après leur prochaine connexion ; d'ici là, elles ne peuvent rien faire d'autre.
orgs-temp-password-days = Durée de validité des mots de passe temporaires (jours, 1 à 90)
orgs-save-policy = Enregistrer la stratégie de connexion

# Messages du serveur
orgs-enter-partner-id = Saisissez l'ID partenaire.
orgs-partner-id-invalid = Utilisez au plus 20 lettres, chiffres ou traits d'union.
orgs-enter-location = Saisissez le nom de l'emplacement.
orgs-enter-country = Saisissez le pays.
orgs-text-too-long = Utilisez au plus 100 caractères.
orgs-name-invalid = Saisissez un nom d'organisation de 1 à 200 caractères.
orgs-the-organization = L'organisation
orgs-choose-directory-mode = Choisissez « cloud » ou « synced ».
orgs-temp-password-days-between-1-and-90 = Choisissez une durée comprise entre 1 et 90 jours.
orgs-synced-users = Les utilisateurs de cette organisation proviennent de son annuaire : ajoutez-les là-bas, ils arriveront ici par la synchronisation d'annuaire.
orgs-synced-groups = Les groupes de cette organisation proviennent de son annuaire : ajoutez-les là-bas, ils arriveront ici par la synchronisation d'annuaire.
orgs-synced-applications = Les applications de cette organisation proviennent de son annuaire : ajoutez-les là-bas, elles arriveront ici par la synchronisation d'annuaire.
orgs-synced-other = Les éléments « { $what } » de cette organisation proviennent de son annuaire : ajoutez-les là-bas, ils arriveront ici par la synchronisation d'annuaire.
orgs-the-partner-id = L'ID partenaire
orgs-partner-id-listed = Cet ID partenaire figure déjà dans la liste.
orgs-partner-id-in-use = { $count } utilisateur(s) actif(s) sont associés à l'ID partenaire { $partner_id } ; associez-les d'abord à un autre.
