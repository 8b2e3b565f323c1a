# Navigation
nav-activity = Activity
