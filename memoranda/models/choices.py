"""Choices shared by the memoranda models, services and exports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemorandumKind(models.TextChoices):
    MOU = "mou", _("memorandum of understanding")
    AGREEMENT = "agreement", _("cooperation agreement")
    PROTOCOL = "protocol", _("protocol")
    ACTION_PLAN = "action_plan", _("action plan")
    AMENDMENT = "amendment", _("amendment")


class MemorandumStatus(models.TextChoices):
    IDEA = "idea", _("idea")
    DRAFTING = "drafting", _("drafting")
    NEGOTIATION = "negotiation", _("negotiation")
    APPROVED = "approved_for_signing", _("approved for signing")
    SIGNED = "signed", _("signed")
    IN_FORCE = "in_force", _("in force")
    SUSPENDED = "suspended", _("suspended")
    EXPIRED = "expired", _("expired")
    TERMINATED = "terminated", _("terminated")
    ABANDONED = "abandoned", _("abandoned")


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    OVERDUE = "overdue", _("overdue")
    DROPPED = "dropped", _("dropped")


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
