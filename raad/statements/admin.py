from django.contrib import admin

from raad.core.admin import ReadOnlyAdmin
from raad.statements.models import (
    Committee,
    Consultation,
    ConsultationDocument,
    FollowUp,
    MinorityStatement,
    RecordEntry,
    Statement,
)

# Read-only: every write goes through the workspace and its services. Drafts, comments and written
# answers are not listed here at all; they are read in the workspace by those who may.
for model in (Committee, Consultation, ConsultationDocument, Statement, MinorityStatement, FollowUp, RecordEntry):
    admin.site.register(model, ReadOnlyAdmin)
