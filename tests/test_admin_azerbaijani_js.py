"""The admin's JavaScript strings (sidebar, comments, StreamField) are Azerbaijani too.

Wagtail ships no Azerbaijani ``djangojs`` catalogue, so without
locale/admin/az/LC_MESSAGES/djangojs.po an Azerbaijani user gets the Russian
fallback from /admin/jsi18n/ (e.g. "Поиск" in the sidebar).
"""

import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

import wagtail
from wagtail.users.models import UserProfile

import polib
import pytest

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CATALOGUE = (
    Path(settings.BASE_DIR) / "locale" / "admin" / "az" / "LC_MESSAGES" / "djangojs.po"
)
WAGTAIL_JS_TEMPLATE = (
    Path(wagtail.__file__).parent
    / "admin"
    / "locale"
    / "en"
    / "LC_MESSAGES"
    / "djangojs.po"
)

# Sidebar and editor texts, with the Azerbaijani each must show.
EXPECTED = {
    "Search": "Axtarış",
    "Toggle sidebar": "Yan menyunu göstər/gizlət",
    "Dashboard": "İdarə paneli",
    "Main menu": "Əsas menyu",
    "Pages": "Səhifələr",
    "Page explorer": "Səhifə bələdçisi",
    "Close": "Bağla",
    "(New)": "(Yeni)",
}
RUSSIAN = ["Поиск", "Переключить боковую панель", "Панель управления", "Страницы"]


def js_catalog(response):
    """The ``newcatalog`` object embedded in Django's i18n_catalog.js."""
    text = response.content.decode()
    match = re.search(r"const newcatalog = (\{.*?\n  \});", text, re.S)
    assert match, text[:500]
    return json.loads(match.group(1))


@pytest.fixture
def az_admin(client, db):
    """A superuser who chose Azerbaijani for the admin."""
    user = get_user_model().objects.create_superuser(
        "staff-az-js", "staff-az-js@example.org", "pw"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "az"
    profile.save()
    client.force_login(user)
    return client


def test_jsi18n_serves_azerbaijani_sidebar_strings(az_admin):
    response = az_admin.get("/admin/jsi18n/")
    assert response.status_code == 200
    catalog = js_catalog(response)
    for msgid, expected in EXPECTED.items():
        assert catalog.get(msgid) == expected, msgid
    assert catalog["%(num)s error"] == ["%(num)s xəta", "%(num)s xəta"]

    body = json.dumps(catalog, ensure_ascii=False)
    for russian in RUSSIAN:
        assert russian not in body
    cyrillic = {k: v for k, v in catalog.items() if CYRILLIC.search(json.dumps(v))}
    assert not cyrillic


def test_catalogue_covers_every_wagtail_js_string():
    ours = polib.pofile(str(CATALOGUE))
    assert ours.metadata["Language"] == "az"
    assert ours.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert not ours.fuzzy_entries()
    assert not ours.untranslated_entries()

    translated = {(e.msgctxt, e.msgid) for e in ours}
    wagtail = {(e.msgctxt, e.msgid) for e in polib.pofile(str(WAGTAIL_JS_TEMPLATE))}
    assert wagtail <= translated, sorted(wagtail - translated)
