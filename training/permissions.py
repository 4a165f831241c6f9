"""Who may see registrations and edit sessions: staff all, trainers their own."""

from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Registration, Trainer


def is_trainer(user) -> bool:
    """Return whether the user is linked to a trainer, read once per user object."""
    if not (user.is_authenticated and user.is_active):
        return False
    # An admin listing asks for every row and button.
    if not hasattr(user, "_is_trainer"):
        user._is_trainer = Trainer.objects.filter(user=user).exists()
    return user._is_trainer


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations come only through the public form; trainers may view theirs."""

    def user_has_permission(self, user, action):
        if action == "add":
            # A registration must pass the capacity and waiting-list rules.
            return False
        if super().user_has_permission(user, action):
            return True
        return action == "view" and is_trainer(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and Registration.objects.visible_to(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Registration.objects.none()
        return Registration.objects.visible_to(user)


def taught_session_ids(user) -> set[int]:
    """Return the ids of the sessions the user teaches, read once per user object."""
    # Kept on the user like Wagtail's own page permissions: a listing asks
    # about every session it shows.
    taught = getattr(user, "_taught_session_ids", None)
    if taught is None:
        taught = set(
            Trainer.objects.filter(user=user, sessions__isnull=False).values_list(
                "sessions", flat=True
            )
        )
        user._taught_session_ids = taught
    return taught


class SessionPermissionTester(PagePermissionTester):
    """Page permissions of a session: its trainers edit it like its creator.

    Wagtail lets a user with "add" rights edit only the pages they own; a trainer
    listed on a session someone else created must be able to edit it too, and
    nobody else gains anything.
    """

    def can_edit(self):
        if super().can_edit():
            return True
        return bool(
            self.user.is_active
            and "add" in self.permissions
            and self.page.pk
            and self.page.pk in taught_session_ids(self.user)
        )
