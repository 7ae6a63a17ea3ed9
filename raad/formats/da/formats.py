# Danish keeps Django's own formats (26. november 2026); only Råd's own names are added here,
# read by raad.core.i18n.date_local (Django's date filter knows only its own names).
WEEKDAY_DATE_FORMAT = "l j. F Y"  # torsdag 10. december 2026
WEEKDAY_DATETIME_FORMAT = r"l j. F Y, \k\l. H.i"  # torsdag 10. december 2026, kl. 17.00
LONG_DATETIME_FORMAT = r"j. F Y, \k\l. H.i"  # 10. december 2026, kl. 17.00
CLOCK_FORMAT = "H.i"  # 17.00
