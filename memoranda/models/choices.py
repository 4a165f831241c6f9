"""Choices shared by the memoranda models, services and exports."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MemorandumKind(models.TextChoices):
    MOU = "mou", _("memorandum of understanding")
    AGREEMENT = "agreement", _("cooperation agreement")
    PROTOCOL = "protocol", _("protocol")
    ACTION_PLAN = "action_plan", _("action plan")
    AMENDMENT = "amendment", _("amendment")


class MemorandumStatus(models.TextChoices):
    IDEA = "idea", pgettext_lazy("memorandum status", "idea")
    DRAFTING = "drafting", pgettext_lazy("memorandum status", "drafting")
    NEGOTIATION = "negotiation", pgettext_lazy("memorandum status", "negotiation")
    APPROVED = (
        "approved_for_signing",
        pgettext_lazy("memorandum status", "approved for signing"),
    )
    SIGNED = "signed", pgettext_lazy("memorandum status", "signed")
    IN_FORCE = "in_force", pgettext_lazy("memorandum status", "in force")
    SUSPENDED = "suspended", pgettext_lazy("memorandum status", "suspended")
    EXPIRED = "expired", pgettext_lazy("memorandum status", "expired")
    TERMINATED = "terminated", pgettext_lazy("memorandum status", "terminated")
    ABANDONED = "abandoned", pgettext_lazy("memorandum status", "abandoned")


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("commitment status", "planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("commitment status", "in progress")
    DONE = "done", pgettext_lazy("commitment status", "done")
    OVERDUE = "overdue", pgettext_lazy("commitment status", "overdue")
    DROPPED = "dropped", pgettext_lazy("commitment status", "dropped")


class DocumentKind(models.TextChoices):
    SIGNED_SCAN = "signed_scan", _("signed scan")
    TEXT = "text", _("text version")


# The languages a memorandum's text can be authentic in; the site's three first.
AUTHENTIC_LANGUAGES = [
    ("ru", _("Russian")),
    ("az", _("Azerbaijani")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("other", _("another language")),
]
