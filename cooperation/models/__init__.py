"""Models of the cooperation app, re-exported by name."""

from .events import CooperationEventPage, EventStatus, RelatedPageLink
from .hearings import HearingDocument, HearingPage, HearingRelatedPage
from .listing import EventIndexPage, EventQuery
from .meetings import MeetingPage, MeetingRelatedPage, MeetingTask
from .partners import PartnerIndexPage, PartnerPage
from .private import DelegationMember, HearingSubmission, VisitInternalNote
from .reference import CooperationArea, Organisation, Person, Region
from .visits import VisitPage, VisitProgrammeItem, VisitRelatedPage

__all__ = [
    "CooperationArea",
    "CooperationEventPage",
    "DelegationMember",
    "EventIndexPage",
    "EventQuery",
    "EventStatus",
    "HearingDocument",
    "HearingPage",
    "HearingRelatedPage",
    "HearingSubmission",
    "MeetingPage",
    "MeetingRelatedPage",
    "MeetingTask",
    "Organisation",
    "PartnerIndexPage",
    "PartnerPage",
    "Person",
    "Region",
    "RelatedPageLink",
    "VisitInternalNote",
    "VisitPage",
    "VisitProgrammeItem",
    "VisitRelatedPage",
]
