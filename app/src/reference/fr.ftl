# Navigation
nav-api-reference = Référence de l'API
# The API reference page
reference-title = Référence de l'API
reference-operations-one = { $title } { $version } — { $count } opération sous /api/v1.
reference-operations-other = { $title } { $version } — { $count } opérations sous /api/v1.
reference-call-as-application = Appelez-les en tant qu'application : envoyez son secret sous la forme
reference-machine-readable = . La même description, lisible par une machine :
reference-scim = . Les annuaires synchronisent les utilisateurs et les groupes à l'adresse
reference-scim-version = (SCIM 2.0).
reference-features = Fonctionnalités
reference-schemas = Schémas
reference-col-parameter = Paramètre
reference-col-in = Emplacement
reference-col-required = Obligatoire
reference-col-schema = Schéma
reference-in-path = chemin
reference-in-query = requête
reference-in-header = en-tête
reference-in-cookie = cookie
reference-yes = oui
reference-no = non
reference-request-body = Corps de la requête (JSON)
reference-answer = Réponse (200, JSON)
