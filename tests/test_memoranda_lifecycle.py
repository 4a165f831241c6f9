"""The lifecycle service: every allowed step, every refusal, and the history."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811

import datetime

from django.utils import translation

import pytest

from memoranda import services
from memoranda.models import (
    MemorandumPage,
    MemorandumParty,
    MemorandumSignatory,
    MemorandumTransition,
)

from .factories_memoranda import MemorandumPageFactory, MemorandumSignatoryFactory
from .fixtures_memoranda import (
    TODAY,
    add_parties,
    draft,
    in_force,
    memoranda_index,
    memorandum,
    partners,
    staff,
    walk,
)

D = datetime.date
TO_SIGNING = ("drafting", "negotiation", "approved_for_signing")


def status_of(page) -> str:
    return MemorandumPage.objects.get(pk=page.pk).status


def refused(page, to_status, *, match: str, **kwargs):
    before = MemorandumTransition.objects.count()
    old_status = status_of(page)
    # Compared with the English text, whatever the catalogues translate it to.
    with (
        translation.override("en"),
        pytest.raises(services.MemorandumError, match=match) as caught,
    ):
        services.transition_memorandum(
            memorandum=page, to_status=to_status, today=TODAY, **kwargs
        )
    assert status_of(page) == old_status
    assert MemorandumTransition.objects.count() == before
    return caught.value


def test_transitions_table_covers_every_status():
    from memoranda.models import MemorandumStatus

    assert set(services.ALLOWED_TRANSITIONS) == set(MemorandumStatus.values)
    for targets in services.ALLOWED_TRANSITIONS.values():
        assert set(targets) <= set(MemorandumStatus.values)


def test_idea_to_in_force_records_every_step_with_who_and_when(memorandum, staff):
    memorandum.signed_on = D(2025, 3, 1)
    memorandum.save_revision()
    walk(memorandum, *TO_SIGNING, "signed", user=staff)
    services.transition_memorandum(
        memorandum=memorandum,
        to_status="in_force",
        user=staff,
        comment="ratified",
        on=D(2025, 3, 5),
        today=TODAY,
    )
    page = MemorandumPage.objects.get(pk=memorandum.pk)
    assert page.status == "in_force"
    assert page.signed_on == D(2025, 3, 1)
    assert page.in_force_from == D(2025, 3, 5)
    history = list(page.transitions.all())
    assert [(t.from_status, t.to_status) for t in history] == [
        ("idea", "drafting"),
        ("drafting", "negotiation"),
        ("negotiation", "approved_for_signing"),
        ("approved_for_signing", "signed"),
        ("signed", "in_force"),
    ]
    assert all(t.user == staff and t.at for t in history)
    assert history[-1].comment == "ratified"
    assert history[-1].effective_on == D(2025, 3, 5)
    assert history[3].effective_on == D(2025, 3, 1)
    assert page.sequence == 5


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ((), "signed"),
        ((), "negotiation"),
        (("drafting",), "approved_for_signing"),
        (("drafting", "negotiation"), "signed"),
        (("drafting", "negotiation"), "expired"),
        (("drafting",), "drafting"),
        (("drafting", "negotiation", "approved_for_signing"), "suspended"),
    ],
)
def test_steps_outside_the_table_are_refused(memorandum, path, target):
    walk(memorandum, *path)
    refused(memorandum, target, match="cannot go from")


@pytest.mark.parametrize("start", [(), ("drafting",), TO_SIGNING])
def test_entry_into_force_before_signing_is_refused(memorandum, start):
    walk(memorandum, *start)
    refused(memorandum, "in_force", match="only after it has been signed")


def test_unknown_status_is_refused(memorandum):
    refused(memorandum, "celebrated", match="not a status")


def test_signing_without_a_signing_date_is_refused(memorandum):
    walk(memorandum, *TO_SIGNING)
    error = refused(memorandum, "signed", match="signing date")
    assert error.field == "on"


def test_signing_date_given_with_the_transition_is_stored(memorandum):
    walk(memorandum, *TO_SIGNING)
    walk(memorandum, "signed", on=D(2025, 2, 20))
    assert MemorandumPage.objects.get(pk=memorandum.pk).signed_on == D(2025, 2, 20)


def test_signing_in_the_future_is_refused(memorandum):
    walk(memorandum, *TO_SIGNING)
    refused(memorandum, "signed", on=D(2025, 3, 11), match="future")


def test_signing_without_signatories_is_refused(memoranda_index, partners):
    page = MemorandumPageFactory(parent=memoranda_index, signed_on=D(2025, 1, 1))
    add_parties(page, partners, signatories=False)
    walk(page, *TO_SIGNING)
    refused(page, "signed", match="Add the signatories")


def test_signing_without_a_signatory_for_every_party_is_refused(
    memoranda_index, partners
):
    page = MemorandumPageFactory(parent=memoranda_index, signed_on=D(2025, 1, 1))
    add_parties(page, partners, signatories=False)
    MemorandumSignatoryFactory(
        memorandum=page,
        organisation=partners["government"],
        person=partners["governor"],
    )
    walk(page, *TO_SIGNING)
    refused(page, "signed", match="No signatory is given for: ASAN Agency")


def test_signing_with_a_single_party_is_refused(memoranda_index, partners):
    page = MemorandumPageFactory(parent=memoranda_index, signed_on=D(2025, 1, 1))
    walk(page, *TO_SIGNING)
    refused(page, "signed", match="at least two parties")


def test_signing_checks_the_latest_draft_not_only_the_live_version(
    memoranda_index, partners
):
    page = MemorandumPageFactory(parent=memoranda_index)
    page.save_revision().publish()
    walk(page, *TO_SIGNING)
    # Staff add parties, signatories and the date in a draft they do not publish.
    edited = MemorandumPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    edited.parties = [
        MemorandumParty(organisation=partners["government"]),
        MemorandumParty(organisation=partners["agency"]),
    ]
    edited.signatories = [
        MemorandumSignatory(
            organisation=partners["government"], person=partners["governor"]
        ),
        MemorandumSignatory(
            organisation=partners["agency"], person=partners["director"]
        ),
    ]
    edited.signed_on = D(2025, 1, 15)
    edited.save_revision()
    assert not MemorandumPage.objects.get(pk=page.pk).parties.exists()
    walk(page, "signed")
    live = MemorandumPage.objects.get(pk=page.pk)
    assert live.status == "signed"
    assert live.signed_on == D(2025, 1, 15)


def test_entry_into_force_before_the_signing_date_is_refused(memorandum):
    memorandum.signed_on = D(2025, 3, 1)
    memorandum.save_revision()
    walk(memorandum, *TO_SIGNING, "signed")
    error = refused(memorandum, "in_force", on=D(2025, 2, 28), match="before the day")
    assert error.field == "on"


def test_in_force_from_earlier_than_signed_on_is_refused_when_signing(memorandum):
    memorandum.signed_on = D(2025, 3, 1)
    memorandum.in_force_from = D(2025, 2, 1)
    memorandum.save_revision()
    walk(memorandum, *TO_SIGNING)
    refused(memorandum, "signed", match="enter into force before the day")


def test_entry_into_force_defaults_to_the_signing_date(memorandum):
    memorandum.signed_on = D(2025, 3, 1)
    memorandum.save_revision()
    walk(memorandum, *TO_SIGNING, "signed", "in_force")
    assert MemorandumPage.objects.get(pk=memorandum.pk).in_force_from == D(2025, 3, 1)


@pytest.mark.parametrize("target", ["suspended", "terminated", "abandoned"])
def test_suspending_terminating_and_abandoning_need_a_reason(
    in_force, memorandum, target
):
    page = memorandum if target == "abandoned" else in_force
    error = refused(page, target, match="Say in the comment")
    assert error.field == "comment"


def test_suspension_and_resumption_keep_the_original_entry_into_force(in_force):
    services.transition_memorandum(
        memorandum=in_force, to_status="suspended", comment="audit", today=TODAY
    )
    services.transition_memorandum(
        memorandum=in_force, to_status="in_force", on=D(2025, 3, 9), today=TODAY
    )
    page = MemorandumPage.objects.get(pk=in_force.pk)
    assert page.status == "in_force"
    assert page.in_force_from == D(2018, 6, 1)
    assert page.transitions.last().effective_on == D(2025, 3, 9)


@pytest.mark.parametrize("path", [(), ("suspended",)])
def test_termination_from_in_force_or_suspended_records_the_end(in_force, path):
    walk(in_force, *path)
    walk(in_force, "terminated", on=D(2025, 3, 1))
    page = MemorandumPage.objects.get(pk=in_force.pk)
    assert page.status == "terminated"
    assert page.ended_on == D(2025, 3, 1)
    assert page.next_expiry(TODAY) is None


def test_termination_straight_after_signing_is_allowed(memorandum):
    memorandum.signed_on = D(2025, 3, 1)
    memorandum.save_revision()
    walk(memorandum, *TO_SIGNING, "signed", "terminated")
    assert status_of(memorandum) == "terminated"


def test_expiry_cannot_be_dated_before_the_signing(in_force):
    refused(in_force, "expired", on=D(2017, 1, 1), match="before the signing")


@pytest.mark.parametrize("final", ["expired", "terminated", "abandoned"])
def test_final_statuses_allow_nothing_more(in_force, memorandum, final):
    page = memorandum if final == "abandoned" else in_force
    walk(page, final)
    assert services.allowed_next_statuses(final) == []
    for target in ("idea", "in_force", "signed", "drafting"):
        refused(page, target, match="cannot go from|only after")


def test_going_back_a_step_is_allowed(memorandum):
    walk(memorandum, "drafting", "idea", "drafting", "negotiation", "drafting")
    walk(memorandum, "negotiation", "approved_for_signing", "negotiation")
    assert status_of(memorandum) == "negotiation"


def test_publishing_an_old_draft_does_not_undo_a_transition(memorandum):
    draft_revision = memorandum.save_revision()
    walk(memorandum, "drafting", "negotiation")
    draft_revision.publish()
    assert status_of(memorandum) == "negotiation"


def test_the_latest_draft_carries_the_lifecycle_changes(memorandum):
    memorandum.signed_on = D(2025, 3, 1)
    revision = memorandum.save_revision()
    walk(memorandum, *TO_SIGNING, "signed", "in_force", on=None)
    revision.refresh_from_db()
    assert revision.content["status"] == "in_force"
    assert revision.content["in_force_from"] == "2025-03-01"
    revision.publish()
    page = MemorandumPage.objects.get(pk=memorandum.pk)
    assert page.status == "in_force"
    assert page.in_force_from == D(2025, 3, 1)


def test_the_callers_object_sees_the_new_status(memorandum):
    walk(memorandum, "drafting")
    assert memorandum.status == "drafting"
