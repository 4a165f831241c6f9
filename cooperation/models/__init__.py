"""Models of the cooperation app, re-exported by name."""

from .events import (
    CooperationEventPage,
    EventIndexPage,
    EventStatus,
    HearingDocument,
    HearingPage,
    HearingRelatedPage,
    MeetingPage,
    MeetingRelatedPage,
    MeetingTask,
    VisitPage,
    VisitProgrammeItem,
    VisitRelatedPage,
)
from .partners import PartnerIndexPage, PartnerPage
from .private import DelegationMember, HearingSubmission, VisitInternalNote
from .reference import CooperationArea, Organisation, Person, Region

__all__ = [
    "CooperationArea",
    "CooperationEventPage",
    "DelegationMember",
    "EventIndexPage",
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
    "VisitInternalNote",
    "VisitPage",
    "VisitProgrammeItem",
    "VisitRelatedPage",
]
