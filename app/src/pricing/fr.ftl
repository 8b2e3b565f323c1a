# Navigation
nav-price-list = Liste de prix
