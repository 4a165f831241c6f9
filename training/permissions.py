"""Who may see registrations: staff see all, trainers their own sessions'."""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import Registration, Trainer


def is_trainer(user) -> bool:
    """Return whether the user is linked to a trainer."""
    return bool(
        user.is_authenticated
        and user.is_active
        and Trainer.objects.filter(user=user).exists()
    )


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
