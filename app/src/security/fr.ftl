# Navigation
nav-security = Sécurité

# Page Sécurité
security-title = Sécurité
security-intro = La vérification en deux étapes pour vos connexions, et les endroits où vous êtes connecté.
security-enrol-required = Votre organisation exige la vérification en deux étapes. Configurez-la ci-dessous pour continuer.
security-status-on = Activée depuis le { $since }. Codes de récupération inutilisés : { $count }.
security-status-off = Désactivée : votre mot de passe suffit pour vous connecter.
security-second-factor = Vérification en deux étapes
security-scan = Scannez ce code QR avec une application d'authentification (Microsoft Authenticator, Google Authenticator, 1Password, …), puis saisissez le code à 6 chiffres qu'elle affiche.
security-cant-scan = Impossible de scanner ? Saisissez cette clé dans l'application :
security-code-from-app = Code de l'application
security-turn-on = Activer
security-required-by-org = Votre organisation l'exige ; elle reste donc activée.
security-password-to-turn-off = Votre mot de passe, pour la désactiver
security-turn-off = Désactiver
security-set-up = Configurer la vérification en deux étapes
security-is-on = La vérification en deux étapes est activée.
security-keep-codes = Conservez ces codes de récupération en lieu sûr : chacun vous permet de vous connecter une fois si vous perdez votre téléphone. Ils ne sont affichés que maintenant.
security-copied = Copié
security-copy-all = Tout copier
security-saved-them = Je les ai enregistrés
security-session-ended = Session fermée.
security-others-ended = Autres sessions fermées : { $count }.
security-sessions = Sessions
security-sessions-intro = Les endroits où vous êtes connecté. Fermez toute session que vous ne reconnaissez pas, puis changez votre mot de passe.
security-col-device = Appareil
security-col-address = Adresse
security-col-signed-in = Connecté le
security-col-last-active = Dernière activité
security-col-action = Action
security-this-browser = Ce navigateur
security-end-session-on = Fermer la session sur { $device }
security-end = Fermer
security-end-others = Fermer toutes les autres sessions
security-qr-label = Code QR pour votre application d'authentification

# Vérification à la connexion
security-verify-title = Vérification en deux étapes
security-verify-intro = Saisissez le code à 6 chiffres que votre application d'authentification affiche pour Partner Console, ou l'un de vos codes de récupération.
security-verification-code = Code de vérification
security-sign-in-expired = Cette connexion a expiré (au bout de 5 minutes).
security-sign-in-again = Se reconnecter
security-verify = Vérifier
security-lost-phone = Vous avez perdu votre téléphone et vos codes de récupération ? Demandez à l'administrateur général ou à l'administrateur de compte de votre organisation de réinitialiser votre vérification en deux étapes.

# Messages du serveur
security-wrong-code = Ce code est incorrect. Les codes changent toutes les 30 secondes et chacun ne fonctionne qu'une fois ; essayez le suivant ou un code de récupération.
security-enter-code = Saisissez le code de votre application d'authentification.
security-already-on = La vérification en deux étapes est déjà activée. Désactivez-la d'abord pour configurer une autre application.
security-start-again = Recommencez la configuration : aucun nouvel authentificateur n'attend de code.
security-code-does-not-match = Ce code ne correspond pas. Vérifiez que l'application affiche Partner Console et saisissez le code qu'elle affiche maintenant.
security-required-stays-on = Votre organisation exige la vérification en deux étapes ; elle ne peut donc pas être désactivée.
security-the-session = La session
security-current-session = Il s'agit de la session que vous utilisez : déconnectez-vous pour la fermer.
security-device-unknown = Appareil inconnu
security-device-on = { $browser } sur { $system }
security-device-browser-on = Navigateur sur { $system }
