# Navigation
nav-delegated-administration = Administration déléguée
