"""What happens when the moderation workflow approves a page."""


def publish_approved(workflow_state, user=None) -> None:
    """Publish the approved revision on the approvers' authority.

    Approvers hold no publish permission of their own (they could otherwise
    publish or unpublish any page of the sections directly); their approval of
    the workflow's last task is what allows the publication.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
