"""Writes and rules of the memoranda app: lifecycle, dates, documents, reminders."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction

from . import terms
from .models import (
    MemorandumPage,
    MemorandumStatus,
    MemorandumTransition,
    ReminderLog,
)

S = MemorandumStatus

# The lifecycle. Going back one step (negotiation -> drafting, approved ->
# negotiation) is allowed because texts get reopened; ended states are final.
ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.IDEA: (S.DRAFTING, S.ABANDONED),
    S.DRAFTING: (S.NEGOTIATION, S.IDEA, S.ABANDONED),
    S.NEGOTIATION: (S.APPROVED, S.DRAFTING, S.ABANDONED),
    S.APPROVED: (S.SIGNED, S.NEGOTIATION, S.ABANDONED),
    S.SIGNED: (S.IN_FORCE, S.TERMINATED),
    S.IN_FORCE: (S.SUSPENDED, S.EXPIRED, S.TERMINATED),
    S.SUSPENDED: (S.IN_FORCE, S.EXPIRED, S.TERMINATED),
    S.EXPIRED: (),
    S.TERMINATED: (),
    S.ABANDONED: (),
}
BEFORE_SIGNING = frozenset({S.IDEA, S.DRAFTING, S.NEGOTIATION, S.APPROVED})
SIGNED_OR_LATER = frozenset(
    {S.SIGNED, S.IN_FORCE, S.SUSPENDED, S.EXPIRED, S.TERMINATED}
)
# Transitions that must say why in the comment.
NEEDS_REASON = frozenset({S.SUSPENDED, S.TERMINATED, S.ABANDONED})

CONFIDENTIAL_COLLECTION = "Confidential memoranda documents"
PUBLIC_COLLECTION = "Memoranda documents"


class MemorandumError(Exception):
    """A memoranda rule refused the change; the message says why, translated."""

    def __init__(self, message: str | Promise, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


# Dates and term.


def next_expiry(
    memorandum: MemorandumPage, *, today: datetime.date
) -> datetime.date | None:
    """Return the next expiry on or after `today`, following automatic renewals."""
    return terms.next_expiry(memorandum, today=today)


def notice_deadline(
    memorandum: MemorandumPage, *, today: datetime.date
) -> datetime.date | None:
    """Return the next last day to give notice against automatic renewal."""
    return terms.notice_deadline(memorandum, today=today)


def terms_errors(
    *,
    status: str,
    signed_on: datetime.date | None,
    in_force_from: datetime.date | None,
    term_years: int | None,
    expires_on: datetime.date | None,
    renews_for_years: int | None,
    notice_months: int | None,
) -> dict[str, list[Promise]]:
    """Return what is wrong with a memorandum's dates, by field."""
    errors: dict[str, list[Promise]] = defaultdict(list)
    if signed_on and in_force_from and in_force_from < signed_on:
        errors["in_force_from"].append(
            _("A memorandum cannot enter into force before the day it is signed.")
        )
    if term_years is not None and term_years < 1:
        errors["term_years"].append(_("The term is at least one year."))
    if term_years and expires_on:
        errors["expires_on"].append(
            _("Give either a term in years or an expiry date, not both.")
        )
    start = in_force_from or signed_on
    if expires_on and start and expires_on <= start:
        errors["expires_on"].append(
            _("The expiry date must come after the start of the term.")
        )
    if renews_for_years is not None and renews_for_years < 1:
        errors["renews_for_years"].append(_("A renewal lasts at least one year."))
    if renews_for_years and not (term_years or expires_on):
        errors["renews_for_years"].append(
            _("Automatic renewal needs a term or an expiry date to renew from.")
        )
    if renews_for_years and not notice_months:
        errors["notice_months"].append(
            _(
                "Give the notice period: how many months before expiry a party must "
                "give notice to stop the renewal."
            )
        )
    if notice_months and not renews_for_years:
        errors["notice_months"].append(
            _("A notice period applies only to a memorandum that renews automatically.")
        )
    if status in SIGNED_OR_LATER and not signed_on:
        errors["signed_on"].append(
            _("This memorandum has been signed; its signing date cannot be removed.")
        )
    return dict(errors)


def amendment_error(
    *, memorandum: MemorandumPage, amends: MemorandumPage | None
) -> Promise | None:
    """Return why `memorandum` cannot amend `amends`, or None."""
    if amends is None:
        return None
    if memorandum.pk and amends.pk == memorandum.pk:
        return _("A memorandum cannot amend itself.")
    seen = set()
    current = amends
    while current is not None and current.pk not in seen:
        if memorandum.pk and current.pk == memorandum.pk:
            return _("This would make a circle of amendments.")
        seen.add(current.pk)
        current = current.amends
    return None


# Lifecycle.


def allowed_next_statuses(status: str) -> list[tuple[str, str]]:
    """Return the statuses a memorandum in `status` may move to, with labels."""
    return [(value, S(value).label) for value in ALLOWED_TRANSITIONS.get(status, ())]


def _label(status: str) -> str:
    return str(S(status).label) if status in S.values else status


def _latest_content(page: MemorandumPage) -> MemorandumPage:
    """Return the page as staff last saved it (a draft may be ahead of the live one)."""
    if page.latest_revision_id:
        return page.get_latest_revision_as_object()
    return page


def _check_signing(draft: MemorandumPage, signed_on: datetime.date | None, today):
    if not signed_on:
        raise MemorandumError(
            _("Give the signing date: on the form or in the memorandum's dates."),
            field="on",
        )
    if signed_on > today:
        raise MemorandumError(
            _("The signing date cannot be in the future."), field="on"
        )
    parties = list(draft.parties.all())
    if len(parties) < 2:
        raise MemorandumError(
            _("A memorandum needs at least two parties before it is signed.")
        )
    signatories = list(draft.signatories.all())
    if not signatories:
        raise MemorandumError(
            _("Add the signatories of every party before recording the signing.")
        )
    signing = {signatory.organisation_id for signatory in signatories}
    missing = [
        str(party.organisation)
        for party in parties
        if party.organisation_id not in signing
    ]
    if missing:
        raise MemorandumError(
            _("No signatory is given for: %(parties)s.")
            % {"parties": ", ".join(missing)}
        )
    if draft.in_force_from and draft.in_force_from < signed_on:
        raise MemorandumError(
            _("A memorandum cannot enter into force before the day it is signed."),
            field="on",
        )


@transaction.atomic
def transition_memorandum(
    *,
    memorandum: MemorandumPage,
    to_status: str,
    user=None,
    comment: str = "",
    on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> MemorandumTransition:
    """Move a memorandum to another status if the lifecycle allows it, and record it.

    `on` is the day the change took effect (the signing date, the day of entry
    into force, the day it ended); it defaults to the dates already given on the
    memorandum, or to today.
    """
    today = today or timezone.localdate()
    comment = (comment or "").strip()
    page = MemorandumPage.objects.select_for_update().get(pk=memorandum.pk)
    draft = _latest_content(page)
    from_status = page.status
    if to_status not in S.values:
        raise MemorandumError(
            _("“%(status)s” is not a status of a memorandum.") % {"status": to_status},
            field="to_status",
        )
    if to_status not in ALLOWED_TRANSITIONS[from_status]:
        if to_status == S.IN_FORCE and from_status in BEFORE_SIGNING:
            message = _(
                "A memorandum enters into force only after it has been signed; "
                "record the signing first."
            )
        else:
            message = _("A memorandum cannot go from “%(from)s” to “%(to)s”.") % {
                "from": _label(from_status),
                "to": _label(to_status),
            }
        raise MemorandumError(message, field="to_status")
    if on and on > today:
        raise MemorandumError(_("The date cannot be in the future."), field="on")
    if to_status in NEEDS_REASON and not comment:
        raise MemorandumError(
            _("Say in the comment why the memorandum is %(status)s.")
            % {"status": _label(to_status)},
            field="comment",
        )

    changes: dict[str, object] = {}
    effective = on or today
    if to_status == S.SIGNED:
        signed_on = on or draft.signed_on
        _check_signing(draft, signed_on, today)
        changes["signed_on"] = effective = signed_on
    elif to_status == S.IN_FORCE and from_status == S.SIGNED:
        signed_on = draft.signed_on or page.signed_on
        start = on or draft.in_force_from or signed_on
        if start > today:
            raise MemorandumError(
                _("The day of entry into force cannot be in the future."), field="on"
            )
        if start < signed_on:
            raise MemorandumError(
                _(
                    "A memorandum cannot enter into force (%(start)s) before the "
                    "day it was signed (%(signed)s)."
                )
                % {"start": start.isoformat(), "signed": signed_on.isoformat()},
                field="on",
            )
        changes["in_force_from"] = effective = start
    elif to_status in (S.SUSPENDED, S.EXPIRED, S.TERMINATED, S.IN_FORCE):
        signed_on = draft.signed_on or page.signed_on
        if signed_on and effective < signed_on:
            raise MemorandumError(
                _("This change cannot be dated before the signing (%(signed)s).")
                % {"signed": signed_on.isoformat()},
                field="on",
            )
        if to_status in (S.EXPIRED, S.TERMINATED):
            changes["ended_on"] = effective

    changes["status"] = to_status
    changes["sequence"] = page.sequence + 1
    MemorandumPage.objects.filter(pk=page.pk).update(**changes)
    _carry_into_latest_revision(page, changes)
    for name, value in changes.items():
        setattr(memorandum, name, value)
    log(
        page,
        "memoranda.status_change",
        user=user if getattr(user, "pk", None) else None,
        data={"from": from_status, "to": to_status, "on": effective.isoformat()},
    )
    return MemorandumTransition.objects.create(
        memorandum=page,
        from_status=from_status,
        to_status=to_status,
        user=user if getattr(user, "pk", None) else None,
        effective_on=effective,
        comment=comment,
    )


def _carry_into_latest_revision(page: MemorandumPage, changes: dict) -> None:
    """Write lifecycle changes into the draft too, so publishing it keeps them."""
    revision = page.latest_revision
    if revision is None:
        return
    content = dict(revision.content)
    for name, value in changes.items():
        content[name] = value.isoformat() if isinstance(value, datetime.date) else value
    revision.content = content
    revision.save(update_fields=["content"])


# Documents.


def confidential_collection() -> Collection:
    """Return the private collection of unpublished memoranda's documents."""
    collection = Collection.objects.filter(name=CONFIDENTIAL_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(
            name=CONFIDENTIAL_COLLECTION
        )
    if not collection.get_view_restrictions().exists():
        # Only signed-in staff: the public site has no visitor accounts.
        CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.LOGIN,
        )
    return collection


def public_collection() -> Collection:
    """Return the collection of published memoranda's documents."""
    collection = Collection.objects.filter(name=PUBLIC_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PUBLIC_COLLECTION)
    return collection


@transaction.atomic
def sync_document_privacy(*, memorandum: MemorandumPage) -> int:
    """Keep a memorandum's unpublished documents private; return how many moved.

    Documents the public can see (those of the published version of a published
    memorandum, or used by another published memorandum) leave the confidential
    collection for the public one. Every other document of the memorandum, in its
    saved rows or its latest draft, goes into the confidential collection, unless
    staff filed it under some other restriction already.
    """
    from .models import MemorandumDocument

    page = MemorandumPage.objects.get(pk=memorandum.pk)
    published = MemorandumPage.objects.published().filter(pk=page.pk).exists()
    saved_ids = {link.document_id for link in page.documents.all()}
    draft_ids = {link.document_id for link in _latest_content(page).documents.all()}
    ids = saved_ids | draft_ids
    public_ids = set(saved_ids) if published else set()
    public_ids |= set(
        MemorandumDocument.objects.filter(
            document_id__in=ids,
            memorandum__in=MemorandumPage.objects.published().exclude(pk=page.pk),
        ).values_list("document_id", flat=True)
    )
    confidential = confidential_collection()
    moved = 0
    for document in get_document_model().objects.filter(pk__in=ids):
        if document.pk in public_ids:
            if document.collection_id != confidential.pk:
                continue
            document.collection = public_collection()
        else:
            if document.collection_id == confidential.pk:
                continue
            if document.collection.get_view_restrictions().exists():
                continue
            document.collection = confidential
        document.save(update_fields=["collection"])
        moved += 1
    return moved


# Reminders.


@dataclass
class ReminderRun:
    """What a reminders run did."""

    emails: int = 0
    items: int = 0
    skipped: int = 0
    lines: list[str] = field(default_factory=list)


def user_language(user) -> str:
    """Return the language a user reads e-mails in: their admin language, else ru."""
    from wagtail.users.models import UserProfile

    codes = [code for code, _name in settings.LANGUAGES]
    preferred = (
        UserProfile.objects.filter(user=user)
        .values_list("preferred_language", flat=True)
        .first()
        or ""
    )
    preferred = preferred.lower().split("-")[0]
    return preferred if preferred in codes else settings.LANGUAGE_CODE


def send_reminders(*, today: datetime.date, dry_run: bool = False) -> ReminderRun:
    """E-mail each responsible user, once per reminder, the deadlines coming up.

    One e-mail per user lists all their new items, in the user's language. A
    `ReminderLog` row per (memorandum or commitment, kind, due date, recipient)
    makes a second run on the same day (or the next) send nothing again.
    """
    from .reminders import collect_reminders

    run = ReminderRun()
    by_user: dict[int, list] = defaultdict(list)
    users = {}
    for item in collect_reminders(today=today):
        for user in item.recipients:
            if not user.email:
                continue
            already = ReminderLog.objects.filter(
                subject_uid=item.subject_uid,
                kind=item.kind,
                due_on=item.due_on,
                recipient=user,
            ).exists()
            if already:
                run.skipped += 1
                continue
            users[user.pk] = user
            by_user[user.pk].append(item)
    for user_pk, items in by_user.items():
        user = users[user_pk]
        language = user_language(user)
        run.lines.append(f"{user.email} [{language}]: {len(items)}")
        run.items += len(items)
        if dry_run:
            continue
        with transaction.atomic():
            for item in items:
                ReminderLog.objects.create(
                    memorandum_id=item.memorandum.pk,
                    subject_uid=item.subject_uid,
                    kind=item.kind,
                    due_on=item.due_on,
                    recipient=user,
                )
            _reminder_email(user, items, language, today).send()
        run.emails += 1
    return run


def _reminder_email(
    user, items: list, language: str, today: datetime.date
) -> EmailMessage:
    with translation.override(language):
        subject = ngettext(
            "Memoranda: %(count)d deadline coming up",
            "Memoranda: %(count)d deadlines coming up",
            len(items),
        ) % {"count": len(items)}
        body = render_to_string(
            "memoranda/email/reminders.txt",
            {
                "user": user,
                "items": items,
                "today": today,
                "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            },
        )
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.extra_headers["Content-Language"] = language
    return message
