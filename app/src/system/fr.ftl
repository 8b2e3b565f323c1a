# System status page
system-title = Partner Console
system-intro = Créez des comptes d'utilisateurs partenaires, attribuez des rôles et gérez les utilisateurs et les licences de vos clients.
system-check-database = Vérifier la base de données
system-checking = Vérification…
system-sign-in = Se connecter
system-database = Base de données
system-schema-version = Version du schéma
system-organizations = Organisations
