"""Fields of the memoranda app stored once per language."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    MemorandumCommitment,
    MemorandumIndexPage,
    MemorandumPage,
    MemorandumParty,
    MemorandumSignatory,
)


@register(MemorandumIndexPage)
class MemorandumIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(MemorandumPage)
class MemorandumPageTR(TranslationOptions):
    # internal_notes stays single-language: staff write it for each other.
    fields = ("public_summary", "place_of_signing")


@register(MemorandumParty)
class MemorandumPartyTR(TranslationOptions):
    fields = ("role",)


@register(MemorandumSignatory)
class MemorandumSignatoryTR(TranslationOptions):
    fields = ("position",)


@register(MemorandumCommitment)
class MemorandumCommitmentTR(TranslationOptions):
    fields = ("text",)
