"""Object permissions of the secretariat's own pages, checked with `user.has_perm(perm, council)`."""

import rules

from raad.core.roles import is_chair, is_secretariat

# Content translations and easy-read Danish: the overview, the edit page, export and import.
rules.add_perm("secretariat.translate", is_secretariat)

# The annual report (R23): the forperson reads the draft and writes the introduction and comments; the
# secretariat does every step.
rules.add_perm("secretariat.annual_report", is_secretariat | is_chair)
rules.add_perm("secretariat.annual_report_manage", is_secretariat)

# Access to documents (aktindsigt, R28) and the yearly archive export (R34).
rules.add_perm("secretariat.export_archive", is_secretariat)
