"""Models of the memoranda app."""
