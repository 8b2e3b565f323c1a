# Navigation
nav-groups = Groupes

# Liste des groupes
groups-title = Groupes
groups-intro = Les rôles et autorisations personnalisées attribués à un groupe s'appliquent à chaque membre, dès sa prochaine requête.
groups-new-name = Nom du nouveau groupe
groups-create = Créer le groupe
groups-none-yet = Aucun groupe pour l'instant. Créez-en un ci-dessus, puis ajoutez-y des membres et attribuez-lui des rôles.
groups-col-group = Groupe
groups-col-gives = Accorde
groups-col-members = Membres
groups-enter-name = Saisissez le nom du groupe.
groups-name-too-long = Utilisez au plus 100 caractères.

# Page d'un groupe
groups-renamed = Groupe renommé.
groups-access-saved = Rôles et autorisations enregistrés : les membres en disposent dès leur prochaine requête.
groups-members-saved = Membres enregistrés.
groups-members-link = { $count } membre(s) dans la liste des utilisateurs
groups-name = Nom
groups-rename = Renommer
groups-roles-and-permissions = Rôles et autorisations
groups-save-access = Enregistrer les rôles et autorisations
groups-members = Membres
groups-add-members-search = Ajouter des membres : rechercher un nom ou une adresse e-mail
groups-add-member = Ajouter { $name }
groups-delete = Supprimer le groupe
groups-delete-confirm = Supprimer ce groupe ? Ses { $count } membre(s) perdent ce qu'il accorde dès leur prochaine requête.
groups-yes-delete = Oui, supprimer
groups-cancel = Annuler
groups-no-member = Aucun membre pour l'instant.
groups-col-name = Nom
groups-col-email = Adresse e-mail
groups-col-actions = Actions
groups-remove-member = Retirer { $name }

# Messages du serveur
groups-skip-removed-user = Les utilisateurs supprimés n'appartiennent à aucun groupe.
groups-skip-global-admin-only = Seul un administrateur général peut modifier l'accès d'un administrateur général.
groups-skip-already-member = Déjà membre du groupe.
groups-skip-not-member = N'est pas membre du groupe.
groups-locked-cannot = Vous ne pouvez pas { $what }.
groups-locked-you-belong = Vous êtes membre de ce groupe : vous ne pouvez donc pas modifier ce qu'il accorde.
groups-the-group = Le groupe
groups-name-taken = Un groupe portant ce nom existe déjà.
groups-forbidden-change = modifier ce groupe ({ $reason })
