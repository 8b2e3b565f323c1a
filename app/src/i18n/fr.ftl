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
