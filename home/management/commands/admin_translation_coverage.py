"""Report how much of the Wagtail admin has an Azerbaijani translation."""

from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

import polib

# (label, importable package, path of the app inside it, in the "everyday" group?)
CATALOGUES: list[tuple[str, str, str, bool]] = [
    ("wagtail/admin", "wagtail", "admin", True),
    ("wagtail (core)", "wagtail", "", True),
    ("wagtail/snippets", "wagtail", "snippets", True),
    ("wagtail/images", "wagtail", "images", True),
    ("wagtail/documents", "wagtail", "documents", True),
    ("wagtail/users", "wagtail", "users", True),
    ("wagtail/contrib/forms", "wagtail", "contrib/forms", False),
    ("wagtail/contrib/redirects", "wagtail", "contrib/redirects", False),
    ("wagtail/contrib/settings", "wagtail", "contrib/settings", False),
    (
        "wagtail/contrib/search_promotions",
        "wagtail",
        "contrib/search_promotions",
        False,
    ),
    (
        "wagtail/contrib/simple_translation",
        "wagtail",
        "contrib/simple_translation",
        False,
    ),
    ("wagtail/contrib/table_block", "wagtail", "contrib/table_block", False),
    (
        "wagtail/contrib/typed_table_block",
        "wagtail",
        "contrib/typed_table_block",
        False,
    ),
    ("wagtail/contrib/styleguide", "wagtail", "contrib/styleguide", False),
    ("wagtail/search", "wagtail", "search", False),
    ("wagtail/embeds", "wagtail", "embeds", False),
    ("wagtail/sites", "wagtail", "sites", False),
    ("wagtail/locales", "wagtail", "locales", False),
    ("taggit", "taggit", "", False),
]

Key = tuple[str, str]


def source_catalogue(package: str, subpath: str) -> Path | None:
    """Return the English django.po of an app, or None when it ships none."""
    try:
        root = Path(import_module(package).__file__).parent
    except ImportError:
        return None
    path = root / subpath / "locale" / "en" / "LC_MESSAGES" / "django.po"
    return path if path.exists() else None


def msgids(path: Path) -> set[Key]:
    """Every live (msgctxt, msgid) pair of a catalogue."""
    return {
        (e.msgctxt or "", e.msgid) for e in polib.pofile(str(path)) if not e.obsolete
    }


def is_translated(entry: polib.POEntry) -> bool:
    """True when gettext would use this entry: not fuzzy and every form filled."""
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def azerbaijani_translations() -> set[Key]:
    """The msgids translated in any az catalogue under LOCALE_PATHS."""
    done: set[Key] = set()
    for locale_path in settings.LOCALE_PATHS:
        path = Path(locale_path) / "az" / "LC_MESSAGES" / "django.po"
        if path.exists():
            done |= {
                (e.msgctxt or "", e.msgid)
                for e in polib.pofile(str(path))
                if is_translated(e)
            }
    return done


def percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


class Command(BaseCommand):
    """Print per-catalogue and grouped Azerbaijani coverage of the Wagtail admin."""

    help = (
        "Count the Wagtail admin msgids that have an Azerbaijani translation in "
        "locale/admin/az or locale/az, per catalogue, for the everyday group and overall."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--min-everyday",
            type=float,
            default=None,
            metavar="PERCENT",
            help="Fail if the everyday group (admin, core, snippets, images, "
            "documents, users) is covered below this percentage.",
        )

    def handle(self, *args, **options) -> None:
        translated = azerbaijani_translations()
        totals = {"everyday": [0, 0], "all": [0, 0]}
        for label, package, subpath, everyday in CATALOGUES:
            path = source_catalogue(package, subpath)
            if path is None:
                self.stdout.write(f"{label:<36} no English catalogue, skipped")
                continue
            ids = msgids(path)
            done = len(ids & translated)
            self.stdout.write(
                f"{label:<36} {done:>5} / {len(ids):<5} {percent(done, len(ids)):6.1f}%"
            )
            groups = ("everyday", "all") if everyday else ("all",)
            for group in groups:
                totals[group][0] += done
                totals[group][1] += len(ids)
        everyday = percent(*totals["everyday"])
        for group, (done, whole) in totals.items():
            self.stdout.write(
                self.style.SUCCESS(
                    f"{'Total ' + group:<36} {done:>5} / {whole:<5} "
                    f"{percent(done, whole):6.1f}%"
                )
            )
        minimum = options["min_everyday"]
        if minimum is not None and everyday < minimum:
            raise CommandError(
                f"Everyday Azerbaijani admin coverage is {everyday:.1f}%, "
                f"below the required {minimum:.1f}%."
            )
