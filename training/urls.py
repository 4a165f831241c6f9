"""Public URLs of the training app (inside the language prefix)."""

urlpatterns: list = []
