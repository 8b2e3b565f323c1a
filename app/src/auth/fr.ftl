# Connexion et changement de mot de passe.

auth-sign-in-title = Connexion à Partner Console
auth-email = Adresse e-mail
auth-password = Mot de passe
auth-sign-in = Se connecter
auth-no-account = Pas de compte ? Demandez à l'administrateur général ou à l'administrateur de compte de votre organisation de vous ajouter.
auth-system-status = État du système
auth-choose-password = Choisissez votre mot de passe
auth-choose-password-intro = Remplacez le mot de passe temporaire qui vous a été donné. Utilisez au moins 12 caractères ; les mots de passe courants sont refusés.
auth-current-password = Mot de passe actuel (temporaire)
auth-new-password = Nouveau mot de passe
auth-new-password-again = Nouveau mot de passe (confirmation)
auth-passwords-differ = Les deux nouveaux mots de passe sont différents.
auth-change-password = Changer le mot de passe
auth-credentials-incorrect = L'adresse e-mail ou le mot de passe est incorrect.
auth-enter-email = Saisissez votre adresse e-mail.
auth-enter-password = Saisissez votre mot de passe.
auth-current-password-incorrect = Le mot de passe actuel est incorrect.
auth-password-unchanged = Choisissez un mot de passe différent de l'actuel.
password-too-short = Utilisez au moins 12 caractères.
password-too-long = Utilisez au plus 256 caractères.
password-too-common = Ce mot de passe est trop courant ; choisissez-en un plus difficile à deviner.
