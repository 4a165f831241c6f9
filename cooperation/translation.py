"""Fields of the cooperation app stored once per language."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CooperationArea, Organisation, Person, Region


@register(Region)
class RegionTR(TranslationOptions):
    fields = ("country", "name", "official_name", "description")


@register(Organisation)
class OrganisationTR(TranslationOptions):
    fields = ("short_name", "full_name")


@register(Person)
class PersonTR(TranslationOptions):
    fields = ("full_name", "short_name", "position")


@register(CooperationArea)
class CooperationAreaTR(TranslationOptions):
    fields = ("name", "description")
