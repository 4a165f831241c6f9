"""An Azerbaijani-speaking partner sees the Wagtail admin in Azerbaijani, not Russian.

Django falls back to the default language's (Russian) catalogue for any string
the Azerbaijani one lacks, so every missing translation shows up as Cyrillic.
The pages from the fixtures carry Russian titles and text: that is content, not
admin chrome, so it is cut out of the text before looking for Cyrillic.
"""

import json
import re
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import get_language_info, gettext, ngettext, pgettext

from wagtail.admin.menu import admin_menu, help_menu, settings_menu
from wagtail.models import Page
from wagtail.users.models import UserProfile

import polib
import pytest
from bs4 import BeautifulSoup

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CYRILLIC_FRAGMENT = re.compile(r"\S*[\u0400-\u04ff][^\n]{0,30}")
# Attributes whose text a user sees or hears (tooltips, screen readers).
SEEN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
CATALOGUE = (
    Path(settings.BASE_DIR) / "locale" / "admin" / "az" / "LC_MESSAGES" / "django.po"
)

# Wagtail's main-menu items, by their menu name, and their Azerbaijani labels.
MAIN_MENU = {
    "explorer": "Səhifələr",
    "images": "Şəkillər",
    "documents": "Sənədlər",
    "snippets": "Fraqmentlər",
    "reports": "Hesabatlar",
    "settings": "Parametrlər",
    "help": "Kömək",
}


def make_staff(client, language):
    user = get_user_model().objects.create_superuser(
        f"staff-{language}", f"staff-{language}@example.org", "pw"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def forget_built_menus():
    """Drop the menu items Wagtail builds once per process, so a test builds its own."""
    for menu in (admin_menu, settings_menu, help_menu):
        menu.__dict__.pop("registered_menu_items", None)


@pytest.fixture
def az_admin(client, db):
    """A superuser who chose Azerbaijani for the admin."""
    forget_built_menus()
    yield make_staff(client, "az")
    forget_built_menus()


@pytest.fixture
def pages(home_page, news_index, article):
    """The fixture pages, in tree order."""
    return [home_page, news_index, article]


def content_strings(pages):
    """Text that may be Russian: what the pages store, and language self-names.

    The language picker names each language in itself ("Русский"), on purpose.
    """
    values = {name for _code, name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    values |= {
        get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES
    }
    for page in pages:
        page = Page.objects.get(pk=page.pk).specific
        for field in page._meta.concrete_fields:
            value = field.value_from_object(page)
            if isinstance(value, str) and value.strip():
                values.add(value.strip())
    values = {value for value in values if CYRILLIC.search(value)}
    return sorted(values, key=len, reverse=True)


def sidebar_labels(soup):
    """The labels of every menu item in the React sidebar's props, by menu name.

    The props are telepath-packed: a repeated value is sent once as
    {"_val": ..., "_id": n} and later as {"_ref": n}.
    """
    props = soup.find(id="wagtail-sidebar-props")
    assert props is not None, "no sidebar on this screen"
    data = json.loads(props.string)
    shared = {}

    def collect(node):
        if isinstance(node, dict):
            if "_id" in node and "_val" in node:
                shared[node["_id"]] = node["_val"]
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    def unpack(value):
        if isinstance(value, dict) and "_val" in value:
            return value["_val"]
        if isinstance(value, dict) and "_ref" in value:
            return shared[value["_ref"]]
        return value

    labels = {}

    def walk(node):
        if isinstance(node, dict):
            if "label" in node:
                label = unpack(node["label"])
                labels[unpack(node.get("name")) or label] = label
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    collect(data)
    walk(data)
    return labels


def chrome_text(soup, content):
    """Visible text and spoken attributes of a screen, with page content cut out."""
    soup = BeautifulSoup(str(soup), "html.parser")
    for node in soup(["script", "style", "template", "textarea"]):
        node.decompose()
    parts = [soup.get_text(" ")]
    for attribute in SEEN_ATTRIBUTES:
        parts += [tag[attribute] for tag in soup.find_all(attrs={attribute: True})]
    text = "\n".join(parts)
    for value in content:
        text = text.replace(value, " ")
    return text


def get_screen(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def assert_azerbaijani(soup, content, expected, url):
    assert soup.html.get("lang") == "az", url
    text = chrome_text(soup, content)
    russian = sorted({m.strip() for m in CYRILLIC_FRAGMENT.findall(text)})
    assert not russian, f"{url} shows Russian admin text: {russian}"
    flat = " ".join(text.split())
    missing = [phrase for phrase in expected if phrase not in flat]
    assert not missing, f"{url} lacks Azerbaijani {missing}"
    labels = sidebar_labels(soup)
    russian_menu = sorted(label for label in labels.values() if CYRILLIC.search(label))
    assert not russian_menu, f"{url} menu shows Russian: {russian_menu}"


def screens(home_page, news_index, article):
    """(url, Azerbaijani phrases the screen must show) for the everyday screens."""
    listing = [
        "Redaktə et",
        "Köçür",
        "Surətini çıxar",
        "Sil",
        "Dərcdən çıxar",
        "Tarixçə",
    ]
    return [
        ("/admin/", ["İdarə paneli", "Sayt xülasəsi", "Hesab"]),
        ("/admin/pages/", ["Kütləvi əməliyyatlar", "Başlıq", "Yenilənib", *listing]),
        (f"/admin/pages/{home_page.pk}/", ["Alt səhifə əlavə et", "Status", *listing]),
        (f"/admin/pages/{news_index.pk}/", ["Canlı versiyaya bax", *listing]),
        (
            f"/admin/pages/{article.pk}/edit/",
            [
                "Qaralamanı yadda saxla",
                "Dərc et",
                "Dərcdən çıxar",
                "Məzmun",
                "Təşviq",
                "İlkin baxış",
                "Şərhlər",
                "Kilidlə",
            ],
        ),
        ("/admin/snippets/", ["Fraqmentlər", "Nümunələr"]),
        ("/admin/images/", ["Şəkil əlavə edin", "Kolleksiya", "Sıralama"]),
        ("/admin/documents/", ["Sənəd əlavə edin", "Kütləvi əməliyyatlar"]),
        ("/admin/users/", ["İstifadəçi əlavə edin", "İstifadəçi adı", "Son giriş"]),
        ("/admin/groups/", ["Qrup əlavə edin"]),
        ("/admin/workflows/list/", ["İş axını əlavə edin", "Tapşırıqlar"]),
        (
            "/admin/workflows/tasks/index/",
            ["İş axını tapşırıqları", "Yeni iş axını tapşırığı"],
        ),
        ("/admin/reports/locked/", ["Kilidlənmiş səhifələr", "Filtrlə"]),
        ("/admin/reports/site-history/", ["Sayt tarixçəsi", "Əməliyyat", "İstifadəçi"]),
        ("/admin/reports/aging-pages/", ["Köhnəlmiş səhifələr"]),
        ("/admin/reports/workflow/", ["İş axınları", "Tələb edən"]),
        ("/admin/reports/page-types-usage/", ["Səhifə tiplərinin istifadəsi"]),
        ("/admin/account/", ["Profil", "Üstünlük verilən dil", "Şifrə"]),
    ]


def test_everyday_screens_are_in_azerbaijani(az_admin, home_page, news_index, article):
    content = content_strings([home_page, news_index, article])
    for url, expected in screens(home_page, news_index, article):
        assert_azerbaijani(get_screen(az_admin, url), content, expected, url)


def test_main_menu_is_in_azerbaijani(az_admin, home_page):
    labels = sidebar_labels(get_screen(az_admin, "/admin/"))
    for name, label in MAIN_MENU.items():
        assert labels.get(name) == label, (name, labels.get(name))
    assert labels.get("account") == "Hesab"
    assert labels.get("logout") == "Çıxış"


def test_help_menu_is_not_frozen_in_the_first_visitors_language(client, db, home_page):
    forget_built_menus()
    get_screen(make_staff(client, "ru"), "/admin/")  # a Russian editor comes first
    client.logout()
    labels = sidebar_labels(get_screen(make_staff(client, "az"), "/admin/"))
    forget_built_menus()
    whats_new = [label for name, label in labels.items() if "whats-new" in name]
    assert whats_new
    assert all("versiyasında yeniliklər" in label for label in whats_new), whats_new


def test_a_russian_speaker_still_gets_russian(client, db, home_page):
    """Control: the same check on a Russian admin does find Cyrillic chrome."""
    soup = get_screen(make_staff(client, "ru"), "/admin/pages/")
    text = chrome_text(soup, content_strings([home_page]))
    assert CYRILLIC.search(text)


def test_login_screen_speaks_azerbaijani_to_an_azerbaijani_browser(client, db):
    response = client.get("/admin/login/", headers={"accept-language": "az"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    text = " ".join(chrome_text(soup, []).split())
    assert "Wagtail-ə daxil olun" in text
    assert "Şifrəni unutmusunuz?" in text
    assert "İstifadəçi adı" in text
    assert not CYRILLIC.search(text), CYRILLIC_FRAGMENT.findall(text)


def test_catalogue_wins_over_the_russian_fallback():
    with translation.override("az"):
        assert gettext("Save draft") == "Qaralamanı yadda saxla"
        assert gettext("Publish") == "Dərc et"
        assert gettext("Unpublish") == "Dərcdən çıxar"
        assert gettext("Snippets") == "Fraqmentlər"
        assert pgettext("A tag name", "name") == "ad"
        assert (
            ngettext("Delete 1 page", "Delete %(counter)s pages", 3) % {"counter": 3}
            == "3 səhifəni sil"
        )


def test_catalogue_is_clean_latin_azerbaijani():
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.metadata["Language"] == "az"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert not catalogue.fuzzy_entries()
    assert not catalogue.untranslated_entries()
    for entry in catalogue:
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert not CYRILLIC.search(form), entry.msgid


def test_coverage_command_guards_the_everyday_group():
    out = StringIO()
    call_command("admin_translation_coverage", "--min-everyday", "98", stdout=out)
    report = out.getvalue()
    assert "wagtail/admin" in report
    assert "Total everyday" in report
    with pytest.raises(CommandError):
        call_command(
            "admin_translation_coverage", "--min-everyday", "100.1", stdout=out
        )
