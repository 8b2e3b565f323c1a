# Problèmes de tout fichier CSV envoyé.

csv-not-utf8 = Le fichier n'est pas du texte UTF-8. Enregistrez-le au format « CSV UTF-8 » et réessayez.
csv-header-unreadable = L'en-tête ne peut pas être lu : { $problem }.
csv-row-unreadable = Cette ligne ne peut pas être lue en CSV : { $problem }.
csv-file-unreadable = Le fichier ne peut pas être lu : { $problem }.
