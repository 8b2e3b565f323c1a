# Navigation
nav-roles-and-permissions = Rôles et autorisations
# The roles matrix and workspace overviews
workspaces-roles-title = Rôles et autorisations
workspaces-roles-intro = Ce que chaque rôle permet de faire, regroupé par espace de travail. Ce tableau est produit par le code même qui contrôle chaque requête.
workspaces-col-permission = Autorisation
workspaces-yes = oui
workspaces-no = non
workspaces-no-access = Vos rôles ne vous donnent pas accès à cet espace de travail.
workspaces-no-pages = Cet espace de travail n'a pas de page propre pour vos rôles : ce qu'ils y autorisent se fait depuis les pages d'autres espaces de travail (la page d'un client, par exemple).
workspaces-its-pages = Ses pages :
workspaces-your-roles-let-you = Vos rôles vous permettent de :
