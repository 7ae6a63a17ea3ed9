from django.contrib import admin

from raad.core.admin import ReadOnlyAdmin
from raad.councils.models import BoardDecision, Council, Municipality, RulesOfProcedure, StaffAssignment, Term

for model in (Municipality, BoardDecision, Council, RulesOfProcedure, Term, StaffAssignment):
    admin.site.register(model, ReadOnlyAdmin)
