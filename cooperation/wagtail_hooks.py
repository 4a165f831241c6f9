"""Admin registration of the cooperation app's reference data."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CooperationArea, Organisation, Person, Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "country", "time_zone", "is_home_region"]
    search_fields = ["name_ru", "name_az", "name_en"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["short_name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["short_name_ru", "short_name_az", "short_name_en"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["full_name", "position", "organisation"]
    search_fields = ["full_name_ru", "full_name_az", "full_name_en"]


class CooperationAreaViewSet(SnippetViewSet):
    model = CooperationArea
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Reference data")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (RegionViewSet, OrganisationViewSet, PersonViewSet, CooperationAreaViewSet)


register_snippet(ReferenceDataGroup)
