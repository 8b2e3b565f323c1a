# Navigation
nav-role-requests = Demandes de rôle

# Boîte de réception
role-requests-title = Demandes de rôle
role-requests-intro = Les membres de votre organisation qui demandent un rôle que vous pouvez attribuer. L'approbation attribue le rôle immédiatement.
role-requests-none-waiting = Aucune demande ne vous attend.
role-requests-decided = { $role } pour { $name } : { $status }.
role-requests-asks-for = { $name } demande le rôle { $role }
role-requests-comment = Commentaire (facultatif)
role-requests-approve = Approuver
role-requests-decline = Refuser
role-requests-status-pending = En attente de réponse
role-requests-status-approved = Approuvée
role-requests-status-declined = Refusée

# Demander un rôle (page d'accueil)
role-requests-choose-role = Choisissez le rôle dont vous avez besoin.
role-requests-ask = Demander un rôle
role-requests-role = Rôle
role-requests-choose-a-role = Choisissez un rôle
role-requests-why = Pourquoi en avez-vous besoin ?
role-requests-send = Envoyer la demande
role-requests-sent = Demande envoyée. Les administrateurs qui peuvent attribuer ce rôle la voient dès maintenant.
role-requests-mine = Mes demandes
role-requests-none-mine = Vous n'avez demandé aucun rôle.
role-requests-col-role = Rôle
role-requests-col-asked = Demandé le
role-requests-col-status = État
role-requests-col-answer = Réponse
role-requests-say-why = Indiquez pourquoi vous avez besoin de ce rôle.
role-requests-text-too-long = Utilisez au plus { $max } caractères.

# Messages du serveur
role-requests-the-request = La demande de rôle
role-requests-already-have = Vous avez déjà le rôle { $role }.
role-requests-already-asked = Vous avez déjà demandé ce rôle ; un administrateur vous répondra.
role-requests-forbidden-decide = traiter cette demande pour le rôle { $role }
role-requests-already-answered = Cette demande a déjà reçu une réponse : { $status }.
