"""Public URLs of the training app (inside the language prefix)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "registrations/cancel/<str:signed>/",
        views.cancel,
        name="training_cancel_registration",
    ),
]
