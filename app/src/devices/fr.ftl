# Navigation
nav-devices = Appareils
nav-device-profiles = Profils d'appareils
