# Navigation
nav-service-health = Service health
