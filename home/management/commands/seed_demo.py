"""Load the demo content built from the project's two source stories."""

import importlib

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from home.demo_content import bulk as bulk_content
from home.demo_content import site

# Each app's demo module adds what the seed stories describe, in dependency order;
# `load(pages=..., report=...)` returns the pages it made, by key.
DEMO_MODULES = ["cooperation.demo", "memoranda.demo", "training.demo"]


class Command(BaseCommand):
    """Load the demo content idempotently; `--bulk N` adds N items per type."""

    help = "Load the demo content (idempotent). Use --bulk N for benchmark data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bulk",
            type=int,
            default=0,
            metavar="N",
            help="Also create N generated items per content type.",
        )
        parser.add_argument(
            "--bulk-for",
            action="append",
            default=[],
            metavar="TYPE=N",
            help="Override --bulk for one type, e.g. --bulk-for memoranda=1000.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Allow loading demo content where settings forbid it (production).",
        )

    def handle(
        self,
        *args,
        bulk: int = 0,
        bulk_for: list[str] | None = None,
        force: bool = False,
        **options,
    ) -> None:
        if not settings.DEMO_CONTENT_ALLOWED and not force:
            raise CommandError(
                _(
                    "Demo content is disabled in these settings; pass --force to load it."
                )
            )
        if bulk < 0:
            raise CommandError(_("--bulk must be zero or a positive number."))
        overrides: dict[str, int] = {}
        for item in bulk_for or []:
            name, _sep, number = item.partition("=")
            if not number.isdigit() or name not in bulk_content.BULK_TYPES:
                raise CommandError(
                    _("--bulk-for takes TYPE=N with TYPE one of: %(types)s.")
                    % {"types": ", ".join(bulk_content.BULK_TYPES)}
                )
            overrides[name] = int(number)
        pages = site.load(self.report)
        for module_name in DEMO_MODULES:
            module = importlib.import_module(module_name)
            pages.update(module.load(pages=pages, report=self.report))
        site.link_partners(pages)
        site.link_cross_references(pages)
        self.stdout.write(self.style.SUCCESS(_("Demo content is in place.")))
        if bulk or overrides:
            for label, created, requested in bulk_content.load_bulk(
                pages=pages, count=bulk, overrides=overrides, progress=self.progress
            ):
                self.stdout.write("")
                self.stdout.write(
                    self.style.SUCCESS(
                        _("Bulk %(type)s: %(created)d created, %(total)d requested.")
                        % {"type": label, "created": created, "total": requested}
                    )
                )
        call_command(
            "setup_roles",
            demo_users=True,
            verbosity=options.get("verbosity", 1),
            stdout=self.stdout,
        )

    def report(self, message: str) -> None:
        """Say what was created."""
        self.stdout.write(f"  + {message}")

    def progress(self, done: int, total: int) -> None:
        """Draw a one-line progress bar."""
        if done != total and done % max(1, total // 100):
            return
        width = 30
        filled = int(width * done / total)
        self.stdout.write(
            f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
        )
        self.stdout.flush()
