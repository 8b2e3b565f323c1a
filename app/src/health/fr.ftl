# Navigation
nav-service-health = État des services
