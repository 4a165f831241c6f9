"""Compile the project's message catalogues without GNU gettext."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib


class Command(BaseCommand):
    """Write a .mo file next to every .po file under LOCALE_PATHS."""

    help = "Compile locale/*/LC_MESSAGES/*.po to .mo (pure Python, no gettext needed)."

    def handle(self, *args, **options) -> None:
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                # Fuzzy entries are guesses; gettext ignores them and so do we.
                for entry in catalogue.fuzzy_entries():
                    catalogue.remove(entry)
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(self.style.SUCCESS(f"Compiled {count} catalogue(s)."))
