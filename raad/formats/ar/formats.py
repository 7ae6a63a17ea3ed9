# Arabic keeps Django's own formats (django/conf/locale/ar); Råd's own names, read by raad.core.i18n.date_local.
# A draft like the Arabic catalogue: a translator may prefer Arabic-Indic digits or another order.
WEEKDAY_DATE_FORMAT = "l j F Y"  # الخميس 10 ديسمبر 2026
WEEKDAY_DATETIME_FORMAT = "l j F Y، H:i"  # الخميس 10 ديسمبر 2026، 17:00
LONG_DATETIME_FORMAT = "j F Y، H:i"  # 10 ديسمبر 2026، 17:00
CLOCK_FORMAT = "H:i"  # 17:00
