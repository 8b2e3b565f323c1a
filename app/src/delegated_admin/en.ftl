# Navigation
nav-delegated-administration = Delegated administration
