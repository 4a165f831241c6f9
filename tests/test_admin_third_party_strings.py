"""Admin strings of third-party packages that the project translates itself."""

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.users.models import UserProfile

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "Показать / редактировать поля для"),
        ("az", "Sahələri göstər / redaktə et:"),
        ("en", "View / edit fields for"),
    ],
)
def test_the_editors_language_toggle_speaks_the_admin_language(
    client, language, expected
):
    """wagtail-modeltranslation ships no ru/az catalogue for its editor toggle."""
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    page = Page.objects.filter(depth__gt=1).first()
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert f"viewEditString: '{expected}'" in response.content.decode()
