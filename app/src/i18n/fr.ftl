# Le choix de la langue et les messages que toute page peut afficher.

i18n-language = Langue

error-unauthenticated = Veuillez vous reconnecter.
error-forbidden = Vous n'avez pas l'autorisation requise pour { $action }.
error-not-found = { $what } est introuvable.
error-form = Le formulaire contient des erreurs.
error-field = { $field } : { $message }
error-password-change-required = Changez votre mot de passe temporaire avant de continuer.
error-second-factor-required = Votre organisation exige la vérification en deux étapes : configurez-la avant de continuer.
error-too-many-requests = Trop de tentatives ; réessayez dans quelques minutes.
error-internal = Une erreur s'est produite. Elle a été enregistrée ; veuillez réessayer.
error-transport = Erreur réseau ou serveur ({ $detail }) ; veuillez réessayer.
error-language-unknown = Choisissez l'anglais ou le français.
error-stale-user = Quelqu'un d'autre a modifié cet utilisateur depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-enrolment = Quelqu'un d'autre a modifié cette inscription depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-bank-tax = Quelqu'un d'autre a modifié ce profil bancaire et fiscal depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-customer = Quelqu'un d'autre a modifié ce client depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-org-profile = Quelqu'un d'autre a modifié ce profil d'organisation depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-lead = Quelqu'un d'autre a modifié ce prospect depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-ticket = Quelqu'un d'autre a modifié ce ticket depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-group = Quelqu'un d'autre a modifié ce groupe depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-device-profile = Quelqu'un d'autre a modifié ce profil d'appareil depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-subscription = Quelqu'un d'autre a modifié cet abonnement depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
error-stale-application = Quelqu'un d'autre a modifié cette application depuis que vous avez ouvert la page. La page affiche maintenant la dernière version ; refaites votre modification.
