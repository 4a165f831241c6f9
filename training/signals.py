"""Reactions to editors publishing a session."""

from django.utils import timezone

from .models import TrainingSessionPage


def session_published(sender, instance, **kwargs) -> None:
    """Tell participants of a newly published status and fill any new seats."""
    if not isinstance(instance, TrainingSessionPage):
        return
    from .services import announce_published_status, promote_waitlisted

    now = timezone.now()
    session = TrainingSessionPage.objects.get(pk=instance.pk)
    announce_published_status(session=session, now=now)
    promote_waitlisted(session=session, now=now)
