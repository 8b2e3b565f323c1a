# Navigation
nav-customers = Clients

# Clients
customers-title = Clients
customers-create = Créer un client
customers-search = Rechercher par nom ou domaine
customers-no-match = Aucun client ne correspond.
customers-none-yet = Aucun client pour l'instant.
customers-none-yet-create = Aucun client pour l'instant. Créez le premier avec « Créer un client » ci-dessus.
customers-col-name = Nom
customers-col-domain = Domaine
customers-col-relationship = Relation
customers-name = Nom
customers-domain = Domaine
customers-contact-email-optional = Adresse e-mail du contact (facultatif)
customers-create-button = Créer
# La page d'un client
customers-details-saved = Détails enregistrés.
customers-billing-saved = Informations de facturation enregistrées.
customers-relationship-requested = Relation demandée.
customers-dap-requested = Privilèges d'administration déléguée demandés.
customers-agreement-recorded = Acceptation du contrat enregistrée.
customers-relationship-label = relation :
customers-delegated-admin-label = administration déléguée :
customers-agreement-label = contrat :
customers-agreement-not-accepted = non accepté
customers-relationship-none = aucune
customers-relationship-requested-status = demandée
customers-relationship-active = active
customers-users-and-licences = Utilisateurs et licences
customers-support-tickets = Tickets de support de ce client
customers-devices = Appareils
customers-request-relationship = Demander une relation
customers-administer = Administrer au nom du client
customers-request-dap = Demander des privilèges d'administration déléguée
customers-details = Détails
customers-contact-email = Adresse e-mail du contact
customers-phone = Téléphone
customers-address = Adresse
customers-save-details = Enregistrer les détails
customers-agreement-title = Contrat client
customers-accepted-on = Accepté le
customers-record-acceptance = Enregistrer l'acceptation
customers-billing-title = Informations de facturation
customers-billing-email = Adresse e-mail de facturation
customers-billing-address = Adresse de facturation
customers-tax-id = Numéro fiscal
customers-save-billing = Enregistrer les informations de facturation
# Erreurs
customers-enter-name = Saisissez le nom du client (1 à 200 caractères).
customers-at-most-300 = Utilisez au plus 300 caractères.
customers-control-characters = Supprimez les caractères de contrôle (tabulations, sauts de ligne, NUL).
customers-enter-domain = Saisissez un domaine tel que fabrikam.example.
customers-acceptance-date-format = Saisissez la date d'acceptation au format AAAA-MM-JJ.
customers-acceptance-date-future = La date d'acceptation ne peut pas être dans le futur.
customers-billing-too-long = Utilisez au plus 300 caractères (64 pour le numéro fiscal).
customers-the-customer = Le client
