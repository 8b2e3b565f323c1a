# Navigation
nav-devices = Devices
nav-device-profiles = Device profiles
