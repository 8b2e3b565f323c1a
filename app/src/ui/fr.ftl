# Éléments communs : le cadre, le chargement, la pagination, la copie, les fichiers.

ui-loading = Chargement…
ui-nav-main = Principale
ui-sign-out = Se déconnecter
ui-copy = Copier
ui-copied = Copié
ui-secret-hint = Copiez-le maintenant et envoyez-le à l'utilisateur : il ne pourra plus être affiché.
ui-not-found = Page introuvable
ui-back-to-start = Retour à la page d'accueil
ui-previous = Précédent
ui-next = Suivant
ui-page-of = Page { $page } sur { $pages } ({ $total } au total)
ui-file-missing = Le champ de fichier est absent.
ui-file-choose = Choisissez d'abord un fichier CSV.
ui-file-unreadable = Le fichier ne peut pas être lu.
ui-file-in-browser = Les fichiers sont lus dans le navigateur.
ui-theme = Thème
ui-theme-system = Comme le système
ui-theme-light = Clair
ui-theme-dark = Sombre
ui-theme-unknown = Choisissez le thème du système, clair ou sombre.
ui-menu = Menu
ui-cancel = Annuler
