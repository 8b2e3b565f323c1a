# Navigation
nav-programs-and-enrolments = Programmes et inscriptions
nav-bank-and-tax-profile = Profil bancaire et fiscal
nav-incentive-reports = Rapports de primes incitatives
