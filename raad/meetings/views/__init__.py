"""Workspace pages for meetings, by sub-domain: planning (the year, a meeting's form, extraordinary
meetings, calendar), agenda (the meeting page, items, proposals, notice, apologies), screen (attendance,
leader, conflicts, admission), decisions (votes, minorities) and minutes. Thin: parse, check, call, render."""

from raad.meetings.views.agenda import (
    AttachmentAddView,
    AttachmentDownloadView,
    CancelView,
    ItemFormView,
    ItemMoveView,
    MeetingView,
    PacketView,
    ProposeView,
)
from raad.meetings.views.decisions import DecideView, MinorityView
from raad.meetings.views.minutes import (
    MinutesApproveView,
    MinutesCirculateView,
    MinutesCorrectView,
    MinutesPublishView,
    MinutesRespondView,
    MinutesStartView,
    MinutesUnpublishView,
    MinutesView,
)
from raad.meetings.views.notice import ApologyConfirmView, ApologyView, ApologyWithdrawView, SendNoticeView
from raad.meetings.views.planning import CalendarTokenView, ExtraordinaryRequestView, MeetingFormView, PlanView
from raad.meetings.views.screen import (
    AdmissionView,
    AllPresentView,
    AttendanceView,
    ConflictView,
    HeldView,
    LeaderView,
    LiveFragmentView,
    LiveView,
    ScreenItemView,
    ScreenView,
)

__all__ = [
    "AdmissionView",
    "AllPresentView",
    "ApologyConfirmView",
    "ApologyView",
    "ApologyWithdrawView",
    "AttachmentAddView",
    "AttachmentDownloadView",
    "AttendanceView",
    "CalendarTokenView",
    "CancelView",
    "ConflictView",
    "DecideView",
    "ExtraordinaryRequestView",
    "HeldView",
    "ItemFormView",
    "ItemMoveView",
    "LeaderView",
    "LiveFragmentView",
    "LiveView",
    "MeetingFormView",
    "MeetingView",
    "MinorityView",
    "MinutesApproveView",
    "MinutesCirculateView",
    "MinutesCorrectView",
    "MinutesPublishView",
    "MinutesRespondView",
    "MinutesStartView",
    "MinutesUnpublishView",
    "MinutesView",
    "PacketView",
    "PlanView",
    "ProposeView",
    "ScreenItemView",
    "ScreenView",
    "SendNoticeView",
]
