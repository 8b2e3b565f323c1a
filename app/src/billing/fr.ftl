# Navigation
nav-invoices = Factures
# The invoices
billing-title = Factures
billing-intro = Une facture par mois, émise à la fin du mois, avec une ligne par abonnement client au prix de son offre.
billing-no-invoices = Aucune facture pour l'instant : la facture d'un mois est émise à la fin de celui-ci.
billing-col-month = Mois
billing-col-customers = Clients
billing-col-lines = Lignes
billing-col-total = Total
billing-col-issued = Émise le
# One invoice
billing-all-invoices = ← Toutes les factures
billing-invoice-title = Facture { $month }
billing-issued-on = Émise le { $date }
billing-customer-count-one = { $count } client
billing-customer-count-other = { $count } clients
billing-line-count-one = { $count } ligne
billing-line-count-other = { $count } lignes
billing-total-lower = total
billing-unbilled-one = { $count } abonnement à un produit absent de la liste de prix n'est pas facturé.
billing-unbilled-other = { $count } abonnements à des produits absents de la liste de prix ne sont pas facturés.
billing-download-csv = Télécharger le CSV
billing-no-lines = Cette facture n'a aucune ligne : aucun client n'avait de licences ce mois-là.
billing-col-product = Produit
billing-col-term = Durée d'engagement
billing-col-seats = Licences
billing-col-unit-price = Prix unitaire
billing-col-amount = Montant
billing-subtotal = Sous-total
billing-total = Total
# On a customer's page
billing-customer-invoices = Factures
billing-customer-invoices-intro = Les lignes de ce client sur vos factures mensuelles, pour vous aider à répondre à une question de facturation.
billing-no-customer-invoices = Aucune facture ne comporte encore de ligne pour ce client.
# Errors
billing-the-invoice = La facture
billing-enter-month = Entrez un mois au format AAAA-MM, par exemple 2026-10.
billing-month-not-over = Le mois { $month } n'est pas encore terminé : les factures sont émises pour les mois passés.
