# Navigation
nav-price-list = Price list
