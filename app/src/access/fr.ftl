# Rôles, espaces de travail, niveaux d'accès et autorisations (noms du seed 000).

role-admin-agent = Agent administrateur
role-sales-agent = Agent commercial
role-helpdesk-agent = Agent du support technique
role-global-admin = Administrateur général
role-billing-admin = Administrateur de facturation
role-user-management-admin = Administrateur de gestion des utilisateurs
role-account-admin = Administrateur de compte
role-incentives-admin = Administrateur de primes incitatives
role-incentives-user = Utilisateur de primes incitatives

workspace-account-settings = Paramètres du compte
workspace-customers = Clients
workspace-devices = Appareils
workspace-subscriptions = Abonnements
workspace-billing = Facturation
workspace-pricing = Tarification
workspace-support = Support
workspace-incentives = Primes incitatives

level-none = Aucun accès
level-read = Lecture
level-read-write = Lecture et écriture
# Ce qu'elle permet, à la suite de « … pour »
capability-users-view = voir les utilisateurs partenaires
capability-users-create = ajouter des utilisateurs partenaires
capability-users-edit = modifier les utilisateurs partenaires
capability-users-reset-password = réinitialiser les mots de passe des utilisateurs partenaires
capability-users-remove = supprimer des utilisateurs partenaires
capability-roles-assign = attribuer des rôles
capability-global-admins-manage = gérer les administrateurs généraux
capability-groups-manage = gérer les groupes
capability-applications-manage = gérer les applications
capability-partner-profiles-view = afficher les profils de partenaire
capability-org-profile-manage = gérer le profil de l'organisation
capability-activity-view-all = voir le journal d'activité de l'organisation
capability-console-tickets-create = créer des tickets de support pour la console
capability-agreements-view = voir les contrats
capability-customers-view = voir les clients
capability-customers-create = créer des clients
capability-customers-edit-details = modifier les détails du client
capability-customers-edit-billing = modifier les informations de facturation du client
capability-customers-request-relationship = demander une relation avec un client
capability-customers-view-agreement = voir le contrat client
capability-customers-record-agreement = enregistrer l'acceptation du contrat par le client
capability-delegated-admin-request = demander des privilèges d'administrateur délégué
capability-administer-on-behalf = administrer pour le compte d'un client
capability-leads-manage = gérer les prospects clients
capability-reseller-register = inscrire un revendeur à valeur ajoutée
capability-customer-users-manage = gérer les utilisateurs et licences des clients
capability-device-lists-add = ajouter des listes d'appareils
capability-device-profiles-manage = créer et appliquer des profils d'appareils
capability-subscriptions-view = voir les abonnements
capability-subscriptions-manage = gérer les abonnements
capability-customer-invoices-view = voir les factures des clients
capability-billing = utiliser la facturation
capability-pricing-view = voir les prix et les offres
capability-service-health-view = voir l'état des services
capability-tickets-view = voir les tickets de support
capability-customer-tickets-create = demander un support pour le compte de clients
capability-tickets-resolve = résoudre les tickets de support
capability-incentives-enroll = s'inscrire aux programmes de primes incitatives
capability-incentives-migrate = migrer des inscriptions aux programmes de primes incitatives
capability-incentives-programs-manage = gérer les programmes de primes incitatives
capability-incentives-bank-tax-edit = modifier les profils bancaires et fiscaux
capability-incentives-reports-view-all = afficher tous les rapports de primes incitatives
capability-incentives-enrolments-view = afficher les inscriptions aux primes incitatives
capability-incentives-reports-view = afficher les rapports de primes incitatives

# La navigation
nav-my-account = Mon compte
nav-workspace-overview = Vue d'ensemble : { $workspace }
nav-count = { $label } ({ $count })
