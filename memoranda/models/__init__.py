"""Models of the memoranda app."""

from .choices import (
    AUTHENTIC_LANGUAGES,
    CommitmentStatus,
    DocumentKind,
    MemorandumKind,
    MemorandumStatus,
)
from .fields import LanguagesField
from .memorandum import MemorandumPage
from .parts import (
    MemorandumCommitment,
    MemorandumDocument,
    MemorandumParty,
    MemorandumRelatedPage,
    MemorandumSignatory,
)
from .records import MemorandumTransition, ReminderLog
from .register import MemorandumIndexPage, RegisterFilters

__all__ = [
    "AUTHENTIC_LANGUAGES",
    "CommitmentStatus",
    "DocumentKind",
    "LanguagesField",
    "MemorandumCommitment",
    "MemorandumDocument",
    "MemorandumIndexPage",
    "MemorandumKind",
    "MemorandumPage",
    "MemorandumParty",
    "MemorandumRelatedPage",
    "MemorandumSignatory",
    "MemorandumStatus",
    "MemorandumTransition",
    "RegisterFilters",
    "ReminderLog",
]
