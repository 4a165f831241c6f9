"""Partner pages: one per partner region or organisation, with a shared timeline."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from .. import registry, services
from .reference import Organisation, Region


class PartnerIndexPage(Page):
    """The list of partner regions and organisations."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    public_search_fields = ("intro",)
    translated_content_fields = ("title", "intro")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cooperation.PartnerPage"]

    class Meta:
        verbose_name = _("partner index")
        verbose_name_plural = _("partner indexes")

    def partners(self):
        """Return the public partner pages below this index."""
        return (
            PartnerPage.objects.live()
            .public()
            .child_of(self)
            .select_related("region", "organisation", "organisation__region")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = list(self.partners())
        context["partner_regions"] = [p for p in partners if p.region_id]
        context["partner_organisations"] = [p for p in partners if p.organisation_id]
        return context


class PartnerPage(Page):
    """A partner region or organisation and everything done together, newest first."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("partner region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partner_pages",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partner_pages",
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("region"), FieldPanel("organisation")],
            heading=_("Partner"),
            help_text=_("Choose either a region or an organisation."),
        ),
        FieldPanel("intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    public_search_fields = ("intro",)
    translated_content_fields = ("title", "intro")

    parent_page_types = ["cooperation.PartnerIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("partner page")
        verbose_name_plural = _("partner pages")

    def clean(self):
        super().clean()
        services.validate_partner(region=self.region, organisation=self.organisation)

    @property
    def partner(self) -> Region | Organisation | None:
        return self.region or self.organisation

    def timeline(self, request=None) -> list[registry.TimelineEntry]:
        """Return every public item the two sides did together, newest first."""
        return registry.timeline_entries(
            region=self.region, organisation=self.organisation, request=request
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entries = self.timeline(request)
        context["timeline"] = registry.group_by_year(entries)
        context["counts"] = registry.counts_by_year(entries)
        if self.region_id:
            context["organisations"] = self.region.organisations.all()
        return context
