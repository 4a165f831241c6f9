"""Models of the training app."""

from .fields import LANGUAGE_CHOICES, LanguageListField
from .pages import (
    SessionMaterial,
    SessionSlot,
    TrainingIndexPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)
from .registrations import Registration, RegistrationEmail, SessionStatusNotice
from .trainers import Trainer

__all__ = [
    "LANGUAGE_CHOICES",
    "LanguageListField",
    "Registration",
    "RegistrationEmail",
    "SessionMaterial",
    "SessionSlot",
    "SessionStatusNotice",
    "Trainer",
    "TrainingIndexPage",
    "TrainingProgrammePage",
    "TrainingSessionPage",
]
