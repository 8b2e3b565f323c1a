# Navigation
nav-support-tickets = Tickets de support
nav-console-tickets = Tickets de la console

# Ticket lists
support-tickets-title = Tickets de support
support-tickets-intro = Demandes de service ouvertes pour le compte de vos clients, les plus récemment actives en premier.
support-console-tickets-title = Tickets de la console
support-console-tickets-intro = Problèmes liés à Partner Console elle-même, signalés à son éditeur.
support-status = État
support-status-all = Tous
support-search-titles = Rechercher dans les titres
support-tickets-of = Tickets de
support-show-all-tickets = Afficher les tickets de tous les clients
support-no-ticket-matches = Aucun ticket ne correspond.
support-no-open-ticket = Aucun ticket ouvert.
support-no-open-ticket-open-one = Aucun ticket ouvert. Ouvrez-en un avec le formulaire ci-dessous quand quelque chose demande le support.
support-col-ticket = Ticket
support-col-customer = Client
support-col-severity = Gravité
support-col-status = État
support-col-opened = Ouvert le
support-col-last-activity = Dernière activité
support-comment-count-one = { $count } commentaire
support-comment-count-other = { $count } commentaires
support-by = par { $name }

# Statuses, severities, categories
support-status-open = Ouvert
support-status-resolved = Résolu
support-severity-low = Faible
support-severity-moderate = Modérée
support-severity-critical = Critique
support-severity-low-hint = Faible : impact minime, le travail continue
support-severity-moderate-hint = Modérée : le travail est perturbé
support-severity-critical-hint = Critique : le travail est bloqué
support-category-billing = Facturation et factures
support-category-subscriptions = Abonnements
support-category-users-and-licences = Utilisateurs et licences
support-category-office365 = Abonnement Office 365
support-category-azure-technical = Support technique Azure
support-category-console-access = Connexion et accès
support-category-console-feature = Une page ou une fonctionnalité de la console
support-category-console-api = API et synchronisation d'annuaire
support-category-other = Autre chose

# Opening a ticket
support-open-customer-ticket = Ouvrir un ticket pour un client
support-open-customer-ticket-intro = Demandez de l'aide pour le compte d'un client. Les demandes relatives aux abonnements Office 365 et au support technique Azure sont ouvertes par un agent d'administration.
support-open-console-ticket = Ouvrir un ticket de console
support-open-console-ticket-intro = Signalez un problème lié à Partner Console elle-même.
support-title-label = Titre
support-severity = Gravité
support-category = Catégorie
support-description = Description
support-open-ticket = Ouvrir le ticket
support-find-customer = Rechercher un client (nom ou domaine)
support-customer = Client
support-no-customer-matches = Aucun client ne correspond
support-choose-customer = Choisissez un client

# One ticket
support-resolved = Résolu
support-opened = Ouvert
support-at-by = { $at } par { $name }
support-history = Historique dans le journal d'activité
support-resolve-ticket = Résoudre le ticket
support-reopen-ticket = Rouvrir le ticket
support-comments-heading = Commentaires ({ $count })
support-resolved-no-comments = Ce ticket est résolu : il n'accepte plus de commentaires, sauf s'il est rouvert.
support-no-comments = Aucun commentaire pour l'instant.
support-add-a-comment = Ajouter un commentaire
support-add-comment = Ajouter le commentaire

# Messages
support-choose-customer-for-ticket = Choisissez le client concerné par ce ticket.
support-console-ticket-no-customer = Un ticket de console ne concerne pas un client : ouvrez plutôt un ticket client.
support-enter-title = Saisissez un titre : le problème en quelques mots.
support-title-too-long = Le titre ne peut pas dépasser { $max } caractères.
support-title-one-line = Écrivez le titre sur une seule ligne, sans caractères de contrôle.
support-describe-problem = Décrivez le problème : ce qui se passe, depuis quand, pour qui.
support-choose-offered-category = Choisissez l'une des catégories proposées pour ce type de ticket.
support-write-comment = Rédigez votre commentaire.
support-text-too-long = Utilisez au plus { $max } caractères (ce texte en compte { $count }).
support-remove-control-characters = Supprimez les caractères de contrôle (seuls les sauts de ligne et les tabulations sont conservés).
support-the-ticket = Le ticket
support-the-customer = Le client
support-console-tickets-no-customer = Les tickets de console ne concernent pas un client.
support-search-no-control-characters = Recherchez avec des mots, sans caractères de contrôle.
support-ticket-resolved-reopen = Ce ticket est résolu : rouvrez-le pour ajouter un commentaire, ou ouvrez un nouveau ticket.

# Save notices
support-comment-added = Commentaire ajouté.
support-ticket-resolved = Ticket résolu.
support-ticket-reopened = Ticket rouvert.

# What a Helpdesk agent may not do (after "You don't have permission to")
support-forbidden-office365 = ouvrir des tickets « Abonnement Office 365 » pour un client (tâche d'un agent d'administration : elle nécessite d'administrer pour le compte du client)
support-forbidden-azure = ouvrir des tickets « Support technique Azure » pour un client (tâche d'un agent d'administration : elle nécessite d'administrer pour le compte du client)
support-forbidden-category = ouvrir des tickets « { $category } » pour un client (tâche d'un agent d'administration : elle nécessite d'administrer pour le compte du client)
