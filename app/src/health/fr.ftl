# Navigation
nav-service-health = État des services

# Service health page
health-title = État des services
health-all-normal = Tous les services fonctionnent normalement.
health-open-incidents-one = { $count } incident en cours. Indiquez aux clients concernés ce qu'ils vont constater ; aucune modification n'est nécessaire dans leurs locataires.
health-open-incidents-other = { $count } incidents en cours. Indiquez aux clients concernés ce qu'ils vont constater ; aucune modification n'est nécessaire dans leurs locataires.
health-incidents = Incidents
health-no-incident = Aucun incident au cours des 30 derniers jours.
health-col-service = Service
health-col-status = État
health-col-open-incidents = Incidents en cours
health-col-incident = Incident
health-col-impact = Ce que constatent les utilisateurs
health-col-started = Début
health-col-resolved = Résolu le
health-status-operational = Opérationnel
health-status-degraded = Dégradé
health-status-outage = Panne
health-status-investigating = En cours d'analyse
health-status-resolved = Résolu
health-status-unknown = Inconnu
