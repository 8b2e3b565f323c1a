# Abonnements : le tableau des postes et les changements de postes.
subscriptions-none = Ce client n'a encore aucun abonnement.
subscriptions-col-product = Produit
subscriptions-col-seats = Postes
subscriptions-col-assigned = Attribués
subscriptions-col-available = Disponibles
subscriptions-enter-product = Saisissez le nom du produit (1 à 120 caractères).
subscriptions-enter-seats = Saisissez un nombre de postes compris entre 0 et 1 000 000.
subscriptions-the-subscription = L'abonnement
subscriptions-seats-assigned = { $assigned } postes de { $product } sont attribués ; retirez des licences avant de descendre en dessous.
subscriptions-choose-licences = Choisissez des licences parmi les abonnements de ce client.
subscriptions-customer-already-has = Ce client possède déjà { $product } ; modifiez plutôt le nombre de postes de cet abonnement.
