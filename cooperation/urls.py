"""Public URLs of the cooperation app (inside the language prefix)."""

urlpatterns: list = []
