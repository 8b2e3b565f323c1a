# Navigation
nav-price-list = Liste de prix
# Terms
pricing-term-monthly = Mensuel
pricing-term-annual = Engagement annuel
pricing-term-monthly-lower = mensuel
pricing-term-annual-lower = engagement annuel
pricing-offer-title = { $product } — { $term }
# The price list
pricing-title = Liste de prix
pricing-intro = Ce que vos clients peuvent acheter, par licence et par mois, au même prix pour tous les partenaires. Un engagement annuel coûte moins cher qu'un abonnement mensuel. Achetez une offre depuis la page d'un client.
pricing-search-products = Rechercher des produits
pricing-no-product-matches = Aucun produit ne correspond.
pricing-prices-in = Prix en { $currency }, hors taxes.
pricing-col-product = Produit
pricing-col-offer = Offre
pricing-col-price-per-seat-per-month = Prix par licence et par mois
pricing-col-seats = Licences
pricing-seat-range = { $min } à { $max }
# A customer's subscriptions and buying an offer
pricing-subscriptions = Abonnements
pricing-buy-an-offer = Acheter une offre
pricing-customer-has-every-product = Ce client possède déjà tous les produits de la liste de prix.
pricing-offer = Offre
pricing-choose-an-offer = Choisir une offre
pricing-offer-with-price = { $offer }, { $price } par licence et par mois
pricing-seats = Licences
pricing-offer-takes = Cette offre accepte de { $min } à { $max } licences.
pricing-buy = Acheter
pricing-bought = { $seats } licences de { $product } achetées, { $term }.
pricing-choose-an-offer-error = Choisissez une offre.
pricing-enter-whole-seats = Entrez un nombre entier de licences.
pricing-seats-bounds-monthly = { $product } — mensuel : de { $min } à { $max } licences.
pricing-seats-bounds-annual = { $product } — engagement annuel : de { $min } à { $max } licences.
pricing-choose-an-offer-customer-can-buy = Choisissez l'une des offres que ce client peut acheter.
pricing-customer-already-has = Ce client possède déjà { $product } ; modifiez plutôt le nombre de licences de cet abonnement.
