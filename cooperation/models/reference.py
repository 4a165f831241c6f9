"""Reference data of the cooperation: regions, organisations, people, areas."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..timezones import validate_time_zone


class Region(index.Indexed, models.Model):
    """A region or country that takes part in the cooperation."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country_code = models.CharField(
        _("country code"),
        max_length=2,
        help_text=_("ISO 3166 two-letter code, e.g. RU or AZ."),
    )
    country = models.CharField(_("country"), max_length=120)
    name = models.CharField(_("name"), max_length=200)
    official_name = models.CharField(_("official name"), max_length=300, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Ulyanovsk",
        validators=[validate_time_zone],
        help_text=_("IANA time zone name, e.g. Europe/Ulyanovsk or Asia/Baku."),
    )
    is_home_region = models.BooleanField(
        _("our region"),
        default=False,
        help_text=_("Visits to this region are incoming, visits from it outgoing."),
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("flag or emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("short description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("official_name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("country_code")], heading=_("Country")
        ),
        FieldPanel("time_zone"),
        FieldPanel("is_home_region"),
        FieldPanel("emblem"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name_ru"),
        index.SearchField("name_az"),
        index.SearchField("name_en"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name or self.slug


class Organisation(index.Indexed, models.Model):
    """A government body, agency, service centre, school, NGO or company."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("government body")
        AGENCY = "agency", _("agency")
        SERVICE_CENTRE = "service_centre", _("service centre")
        SCHOOL = "school", _("school")
        NGO = "ngo", _("non-governmental organisation")
        COMPANY = "company", _("company")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    short_name = models.CharField(_("short name"), max_length=200)
    full_name = models.CharField(_("full name"), max_length=500, blank=True)
    website = models.URLField(_("website"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )

    panels = [
        FieldPanel("short_name"),
        FieldPanel("full_name"),
        FieldPanel("slug"),
        FieldPanel("region"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("short_name_ru"),
        index.SearchField("short_name_az"),
        index.SearchField("short_name_en"),
        index.SearchField("full_name_ru"),
        index.SearchField("full_name_az"),
        index.SearchField("full_name_en"),
        index.AutocompleteField("short_name"),
        index.FilterField("region"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.short_name or self.slug


class Person(index.Indexed, models.Model):
    """A person named in the cooperation, written as each language writes them."""

    full_name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("As this language writes it, e.g. “Elnur Akif oğlu Qumbatov”."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=120,
        blank=True,
        help_text=_("Initial and surname, e.g. “E. Gumbatov”."),
    )
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("full_name"),
        FieldPanel("short_name"),
        FieldPanel("position"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("full_name_ru"),
        index.SearchField("full_name_az"),
        index.SearchField("full_name_en"),
        index.AutocompleteField("full_name"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class CooperationArea(models.Model):
    """A field of cooperation that events, memoranda and trainings are tagged with."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name or self.slug
