"""Admin registration of the home app."""
