# Subscriptions: the seat table and seat changes.
subscriptions-none = This customer has no subscriptions yet.
subscriptions-col-product = Product
subscriptions-col-seats = Seats
subscriptions-col-assigned = Assigned
subscriptions-col-available = Available
subscriptions-enter-product = Enter the product name (1 to 120 characters).
subscriptions-enter-seats = Enter a number of seats from 0 to 1,000,000.
subscriptions-the-subscription = The subscription
subscriptions-seats-assigned = { $assigned } seats of { $product } are assigned; remove licences before going below that.
subscriptions-choose-licences = Choose licences from this customer's subscriptions.
subscriptions-customer-already-has = This customer already has { $product }; change that subscription's seats instead.
