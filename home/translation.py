"""Fields of the home app stored once per language."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CalendarPage, HomePage, NewsIndexPage, NewsPage, NewsTag


@register(NewsTag)
class NewsTagTR(TranslationOptions):
    fields = ("name",)


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro", "body")


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(NewsPage)
class NewsPageTR(TranslationOptions):
    fields = ("lead", "body", "image_alt", "source_name")


@register(CalendarPage)
class CalendarPageTR(TranslationOptions):
    fields = ("intro",)
