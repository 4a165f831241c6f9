"""Trainers: people of either side who lead training sessions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .fields import LanguageListField, language_names


class Trainer(models.Model):
    """A person who leads sessions, possibly with a login of their own."""

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_(
            "Latin letters, digits and hyphens; used in the trainer's address."
        ),
    )
    person = models.ForeignKey(
        "cooperation.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="trainer_profiles",
    )
    organisation = models.ForeignKey(
        "cooperation.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainers",
    )
    languages = LanguageListField(
        _("teaches in"),
        blank=False,
        help_text=_("The languages this trainer can teach in."),
    )
    bio = models.TextField(_("biography"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("admin login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainer",
        help_text=_(
            "The trainer's own admin account: it sees the registrations of this "
            "trainer's sessions and marks attendance."
        ),
    )

    panels = [
        FieldPanel("person"),
        FieldPanel("slug"),
        FieldPanel("organisation"),
        FieldPanel("languages"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]

    class Meta:
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """Return the short form of the trainer's name, e.g. "E. Gumbatov"."""
        person = self.person
        return person.short_name or person.full_name or self.slug

    @property
    def full_name(self) -> str:
        return self.person.full_name or self.display_name

    def language_names(self) -> list[str]:
        """Return the names of the languages this trainer teaches in."""
        return language_names(self.languages)
