"""Fields of the training app stored once per language."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    SessionMaterial,
    Trainer,
    TrainingIndexPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)


@register(Trainer)
class TrainerTR(TranslationOptions):
    fields = ("bio",)


@register(TrainingIndexPage)
class TrainingIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(TrainingProgrammePage)
class TrainingProgrammePageTR(TranslationOptions):
    fields = ("description", "audience")


@register(TrainingSessionPage)
class TrainingSessionPageTR(TranslationOptions):
    fields = ("summary", "address", "room", "status_note")


@register(SessionMaterial)
class SessionMaterialTR(TranslationOptions):
    fields = ("title",)
