"""Public URLs of the memoranda app (inside the language prefix)."""

urlpatterns: list = []
