# Navigation
nav-delegated-administration = Administration déléguée

# Administration déléguée
delegated-admin-title = Administration déléguée
delegated-admin-intro = Un client qui accorde à votre organisation des privilèges d'administration déléguée permet à vos agents d'administration de gérer son locataire en son nom. Demandez-les, enregistrez la réponse du client et mettez-y fin lorsque vous n'en avez plus besoin. Chaque intervention au nom d'un client est consignée dans le journal d'activité.
delegated-admin-search = Rechercher par nom ou domaine
delegated-admin-status = État
delegated-admin-every-status = Tous les états
delegated-admin-no-match = Aucun client ne correspond.
delegated-admin-no-customers = Aucun client pour l'instant : les clients apparaissent ici une fois ajoutés dans la page Clients.
delegated-admin-col-customer = Client
delegated-admin-col-privileges = Privilèges
delegated-admin-col-since = Depuis
delegated-admin-col-actions = Actions
delegated-admin-requested = Privilèges d'administration déléguée demandés.
delegated-admin-grant-recorded = L'accord du client est enregistré.
delegated-admin-refusal-recorded = Le refus du client est enregistré.
delegated-admin-ended = Privilèges d'administration déléguée terminés.
delegated-admin-administer = Administrer au nom du client
delegated-admin-request = Demander les privilèges
delegated-admin-customer-granted = Le client a accordé
delegated-admin-customer-declined = Le client a refusé
delegated-admin-end = Mettre fin aux privilèges
delegated-admin-end-question = Mettre fin aux privilèges d'administration déléguée accordés par { $customer } ? Vos agents d'administration ne pourront plus gérer son locataire tant qu'il ne les aura pas accordés de nouveau.
delegated-admin-status-none = Non demandés
delegated-admin-status-requested = Demandés, en attente du client
delegated-admin-status-granted = Accordés
delegated-admin-status-declined = Refusés par le client
delegated-admin-status-ended = Terminés
# Administration au nom d'un client
delegated-admin-granted-on = Privilèges accordés le { $when }.
delegated-admin-administering = Administration de { $customer } en son nom
delegated-admin-visit-recorded = Cette intervention est consignée dans le journal d'activité de votre organisation.
delegated-admin-users-summary = { $active } utilisateur(s) actif(s), { $unlicensed } sans licence.
delegated-admin-users-and-licences = Utilisateurs et licences
delegated-admin-customer-details = Détails du client
delegated-admin-admins-title = Les administrateurs du client
delegated-admin-no-admins = Le client n'a aucun administrateur parmi les utilisateurs gérés par cette console.
delegated-admin-col-name = Nom
delegated-admin-col-user-name = Nom d'utilisateur
delegated-admin-col-admin-role = Rôle d'administrateur
delegated-admin-subscriptions = Abonnements
# Erreurs
delegated-admin-the-customer = Le client
delegated-admin-request-first = Aucune demande n'attend la réponse de ce client : demandez d'abord les privilèges (ou mettez fin à ceux accordés).
delegated-admin-nothing-to-end = Les privilèges de ce client ne sont pas accordés : il n'y a rien à terminer.
delegated-admin-not-granted-none = { $customer } n'a pas accordé de privilèges d'administration déléguée à votre organisation (non demandés).
delegated-admin-not-granted-requested = { $customer } n'a pas accordé de privilèges d'administration déléguée à votre organisation (demandés, en attente du client).
delegated-admin-not-granted-granted = { $customer } n'a pas accordé de privilèges d'administration déléguée à votre organisation (accordés).
delegated-admin-not-granted-declined = { $customer } n'a pas accordé de privilèges d'administration déléguée à votre organisation (refusés par le client).
delegated-admin-not-granted-ended = { $customer } n'a pas accordé de privilèges d'administration déléguée à votre organisation (terminés).
delegated-admin-choose-status = Choisissez none, requested, granted, declined ou ended (ou rien pour tous les états).
