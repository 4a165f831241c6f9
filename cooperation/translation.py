"""Fields of the cooperation app stored once per language."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    CooperationArea,
    EventIndexPage,
    HearingDocument,
    HearingPage,
    MeetingPage,
    MeetingTask,
    Organisation,
    PartnerIndexPage,
    PartnerPage,
    Person,
    Region,
    VisitPage,
    VisitProgrammeItem,
)

EVENT_FIELDS = ("status_note", "location", "summary")


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


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(VisitPage)
class VisitPageTR(TranslationOptions):
    fields = (*EVENT_FIELDS, "purpose", "outcome")


@register(VisitProgrammeItem)
class VisitProgrammeItemTR(TranslationOptions):
    fields = ("place", "activity", "participants_text")


@register(MeetingPage)
class MeetingPageTR(TranslationOptions):
    fields = (*EVENT_FIELDS, "topics", "outcome")


@register(MeetingTask)
class MeetingTaskTR(TranslationOptions):
    fields = ("description",)


@register(HearingPage)
class HearingPageTR(TranslationOptions):
    fields = (*EVENT_FIELDS, "topic", "body")


@register(HearingDocument)
class HearingDocumentTR(TranslationOptions):
    fields = ("title",)


@register(PartnerIndexPage)
class PartnerIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(PartnerPage)
class PartnerPageTR(TranslationOptions):
    fields = ("intro",)
