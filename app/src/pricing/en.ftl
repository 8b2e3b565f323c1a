# Navigation
nav-price-list = Price list
# Terms
pricing-term-monthly = Monthly
pricing-term-annual = Annual commitment
pricing-term-monthly-lower = monthly
pricing-term-annual-lower = annual commitment
pricing-offer-title = { $product } — { $term }
# The price list
pricing-title = Price list
pricing-intro = What your customers can buy, per seat and per month, the same for every partner. An annual commitment costs less than month-to-month. Buy an offer from a customer's page.
pricing-search-products = Search products
pricing-no-product-matches = No product matches.
pricing-prices-in = Prices in { $currency }, excluding taxes.
pricing-col-product = Product
pricing-col-offer = Offer
pricing-col-price-per-seat-per-month = Price per seat per month
pricing-col-seats = Seats
pricing-seat-range = { $min } to { $max }
# A customer's subscriptions and buying an offer
pricing-subscriptions = Subscriptions
pricing-buy-an-offer = Buy an offer
pricing-customer-has-every-product = This customer has every product of the price list.
pricing-offer = Offer
pricing-choose-an-offer = Choose an offer
pricing-offer-with-price = { $offer }, { $price } per seat per month
pricing-seats = Seats
pricing-offer-takes = This offer takes { $min } to { $max } seats.
pricing-buy = Buy
pricing-bought = Bought { $seats } seats of { $product }, { $term }.
pricing-choose-an-offer-error = Choose an offer.
pricing-enter-whole-seats = Enter a whole number of seats.
pricing-seats-bounds-monthly = { $product } — monthly takes { $min } to { $max } seats.
pricing-seats-bounds-annual = { $product } — annual commitment takes { $min } to { $max } seats.
pricing-choose-an-offer-customer-can-buy = Choose one of the offers this customer can buy.
pricing-customer-already-has = This customer already has { $product }; change that subscription's seats instead.
