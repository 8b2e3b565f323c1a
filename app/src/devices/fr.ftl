# Navigation
nav-devices = Appareils
nav-device-profiles = Profils d'appareils

# Devices: customers, devices, device lists
devices-title = Appareils
devices-choose-customer = Choisissez un client pour voir ses appareils, ajouter une liste d'appareils ou appliquer un profil d'appareil.
devices-find-customer = Rechercher un client
devices-no-customer-matches = Aucun client ne correspond.
devices-col-customer = Client
devices-col-domain = Domaine
devices-col-devices = Appareils
devices-profile-removed-one = Profil retiré de { $count } appareil.
devices-profile-removed-other = Profil retiré de { $count } appareils.
devices-profile-applied-one = Profil appliqué à { $count } appareil.
devices-profile-applied-other = Profil appliqué à { $count } appareils.
devices-find-device = Rechercher un appareil
devices-profile = Profil
devices-choose-profile = Choisissez un profil…
devices-apply-profile = Appliquer le profil
devices-remove-profile = Retirer le profil
devices-col-select = Sélection
devices-col-serial-number = Numéro de série
devices-col-manufacturer = Fabricant
devices-col-model = Modèle
devices-col-hardware-hash = Hachage matériel
devices-col-profile = Profil
devices-col-device-name = Nom de l'appareil
devices-col-device-list = Liste d'appareils
devices-col-added = Ajouté le
devices-customer-summary-one = { $customer } · { $domain } · { $count } appareil
devices-customer-summary-other = { $customer } · { $domain } · { $count } appareils
devices-no-device-matches-add = Aucun appareil ne correspond. Ajoutez une liste d'appareils ci-dessous.
devices-no-device-matches = Aucun appareil ne correspond.
devices-customer-details = Détails du client
devices-all-customers = Tous les clients
devices-select-device = Sélectionner { $serial }
devices-yes = Oui
devices-no = Non
devices-no-profile = Aucun
devices-device-lists = Listes d'appareils
devices-col-list = Liste
devices-col-by = Par
devices-choose-at-least-one = Choisissez au moins un appareil.
devices-choose-at-most = Choisissez au plus { $max } appareils à la fois.
devices-the-device = L'appareil
devices-the-device-profile = Le profil d'appareil

# Adding a device list
devices-add-list-title = Ajouter une liste d'appareils
devices-add-list-columns = Un fichier CSV avec les colonnes Device serial number, Hardware hash (base64, facultatif), Manufacturer et Model ;
devices-add-list-limits = au plus { $rows } appareils et { $size } Mo par fichier.
devices-download-template = Télécharger le modèle
devices-list-name = Nom de la liste
devices-csv-file = Fichier CSV
devices-validate = Valider
devices-add-devices = Ajouter les appareils
devices-working = Traitement en cours
devices-working-ellipsis = Traitement en cours…
devices-list-added-one = { $count } appareil ajouté dans la liste « { $name } ».
devices-list-added-other = { $count } appareils ajoutés dans la liste « { $name } ».
devices-list-valid-one = { $count } appareil est valide. Rien n'est enregistré tant que vous ne l'ajoutez pas.
devices-list-valid-other = { $count } appareils sont valides. Rien n'est enregistré tant que vous ne les ajoutez pas.
devices-list-problems = { $problems } problème(s) dans { $rows } ligne(s) ; rien n'a été enregistré. Corrigez le fichier et validez-le de nouveau.
devices-col-row = Ligne
devices-col-column = Colonne
devices-col-problem = Problème
devices-file-too-large = Le fichier fait { $size } Mo ; une liste d'appareils peut faire au plus { $max } Mo. Répartissez-la en plusieurs listes.
devices-list-name-invalid = Nommez la liste (1 à 100 caractères), par exemple « Déploiement de printemps ».

# Device profiles
devices-profiles-title = Profils d'appareils
devices-profiles-intro = Ce que l'appareil d'un client configure à son premier démarrage. Appliquez un profil aux appareils depuis la page des appareils de chaque client.
devices-no-profiles = Aucun profil d'appareil pour l'instant. Créez le premier ci-dessous.
devices-col-name = Nom
devices-col-settings = Paramètres
devices-col-changed = Modifié le
devices-col-actions = Actions
devices-summary-account = compte { $account }
devices-summary-skips-privacy = ignore les paramètres de confidentialité
devices-summary-skips-terms = ignore les termes du contrat de licence
devices-makers-name = Nom du fabricant
devices-edit-profile-aria = Modifier { $name }
devices-edit = Modifier
devices-delete-profile-aria = Supprimer { $name }
devices-delete = Supprimer
devices-delete-profile-question = Supprimer le profil d'appareil { $name } ? Aucun appareil ne l'utilise ; ses réglages seront perdus et il faudrait recréer un profil.
devices-profile-in-use = En cours d'utilisation : retirez-le de ses appareils pour le supprimer
devices-name-preview = Un appareil dont le numéro de série est PF3X9K2L est nommé { $name }.
devices-name-preview-empty = Vide : les appareils conservent le nom donné par le fabricant.
devices-edit-profile = Modifier le profil d'appareil
devices-create-profile-title = Créer un profil d'appareil
devices-profile-name = Nom du profil
devices-skip-privacy = Ignorer les paramètres de confidentialité
devices-skip-terms = Ignorer la page des termes du contrat de licence
devices-user-account-type = Type de compte d'utilisateur
devices-name-template = Modèle de nom d'appareil (facultatif)
devices-name-template-hint = Lettres, chiffres et traits d'union, 15 caractères au plus, avec %SERIAL% ou %RAND:n%.
devices-save-profile = Enregistrer le profil
devices-create-profile = Créer le profil
devices-cancel = Annuler
devices-account-standard = Utilisateur standard
devices-account-administrator = Administrateur
devices-profile-name-invalid = Nommez le profil (1 à 100 caractères).
devices-template-rule = Utilisez des lettres, des chiffres et des traits d'union, avec au plus un %SERIAL% ou %RAND:n% (n de 1 à 9), par exemple CONTOSO-%SERIAL%.
devices-template-one-macro = Utilisez une seule macro au plus (%SERIAL% ou %RAND:n%).
devices-template-too-long = Les noms obtenus dépasseraient { $max } caractères ; raccourcissez le texte fixe.
devices-template-only-digits = Un nom d'appareil ne peut pas contenir uniquement des chiffres : ajoutez une lettre ou un trait d'union.

# Save notices
devices-profile-deleted = Profil supprimé.
devices-profile-saved = Profil enregistré.
devices-profile-created = Profil créé.

# Device list rows
devices-row-too-many-columns = Cette ligne compte { $count } colonnes ; { $max } au plus sont attendues.
devices-serial-missing = Manquant : chaque appareil doit avoir un numéro de série.
devices-too-long = Trop long ({ $count } caractères ; { $max } au plus).
devices-serial-characters = « { $serial } » : utilisez uniquement des lettres, des chiffres, des traits d'union, des points et des traits de soulignement.
devices-serial-duplicate = « { $serial } » est un doublon de la ligne { $row }.
devices-serial-registered = « { $serial } » est déjà enregistré pour ce client.
devices-hash-not-base64 = Texte non base64 : utilisez des lettres, des chiffres, + et /, complétés par des = jusqu'à un multiple de 4 caractères.
devices-control-characters = Contient des caractères de contrôle (tabulations, sauts de ligne) ; supprimez-les.
devices-row-reason = Ligne { $row } : { $reason }
devices-row-column-reason = Ligne { $row }, { $column } : { $reason }
devices-nothing-added = Rien n'a été ajouté : le fichier présente { $count } problème(s). { $first }
devices-profile-applied-cannot-delete = « { $name } » est appliqué à { $count } appareil(s). Retirez-le d'abord de ces appareils (sur la page des appareils de chaque client), puis supprimez-le.

# Le fichier de liste d'appareils dans son ensemble
devices-csv-wrong-header = En-tête incorrect « { $found } » : attendu « { $expected } » (seul le numéro de série est obligatoire ; les autres colonnes peuvent être omises en partant de la droite ; l'en-tête peut aussi être en français). Téléchargez le modèle pour partir de celui-ci.
devices-csv-empty = Le fichier est vide : il faut la ligne d'en-tête et au moins une ligne d'appareil.
devices-csv-no-rows = Le fichier ne contient aucune ligne d'appareil.
devices-csv-too-many = Trop de lignes : au plus { $max } appareils par fichier.
