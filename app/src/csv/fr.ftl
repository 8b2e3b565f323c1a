# Problèmes de tout fichier CSV envoyé.

csv-not-utf8 = Le fichier n'est pas du texte UTF-8. Enregistrez-le au format « CSV UTF-8 » et réessayez.
csv-header-unreadable = L'en-tête ne peut pas être lu : { $problem }.
csv-row-unreadable = Cette ligne ne peut pas être lue en CSV : { $problem }.
csv-file-unreadable = Le fichier ne peut pas être lu : { $problem }.

# Un envoi tel que le navigateur le fait (données de formulaire multipart ;
# les scripts qui envoient autre chose voient ces messages).
upload-not-multipart = Envoyez le fichier en multipart/form-data (l'identifiant du client dans « customer_id », puis le fichier dans « csv »).
upload-field-expected = Le champ de formulaire « { $field } » était attendu ici.
upload-field-too-long = Le champ de formulaire « { $field } » est trop long.
upload-cut = Le fichier n'est pas arrivé entier : { $problem }.
