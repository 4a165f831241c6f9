"""Every cooperation factory builds a saved object."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import pytest

from . import factories_cooperation as factories
from .fixtures_cooperation import events_index, partners_index

FACTORIES = [
    getattr(factories, name)
    for name in dir(factories)
    if name.endswith("Factory")
    and getattr(getattr(factories, name), "__module__", "") == factories.__name__
    and not getattr(getattr(factories, name)._meta, "abstract", False)
]


def test_there_are_cooperation_factories():
    assert len(FACTORIES) >= 12


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_every_cooperation_factory_builds(factory_class, events_index, partners_index):
    name = factory_class.__name__
    kwargs = {}
    if name in {"VisitPageFactory", "MeetingPageFactory", "HearingPageFactory"}:
        kwargs["parent"] = events_index
    elif name == "PartnerPageFactory":
        kwargs["parent"] = partners_index
    elif name in {"VisitProgrammeItemFactory", "DelegationMemberFactory"}:
        kwargs["visit"] = factories.VisitPageFactory(parent=events_index)
    elif name == "HearingSubmissionFactory":
        kwargs["hearing"] = factories.HearingPageFactory(parent=events_index)
    elif name == "EventIndexPageFactory":
        kwargs.update(
            parent=events_index.get_parent(),
            slug="arhiv",
            slug_ru="arhiv",
            slug_az="arxiv",
            slug_en="archive",
        )
    elif name == "PartnerIndexPageFactory":
        kwargs.update(
            parent=partners_index.get_parent(),
            slug="druzya",
            slug_ru="druzya",
            slug_az="dostlar",
            slug_en="friends",
        )
    instance = factory_class(**kwargs)
    assert instance.pk
