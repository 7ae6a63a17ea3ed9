# English dates the British way (26 November 2026), matching the Danish "26. november 2026".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"

# Råd's own names, read by raad.core.i18n.date_local (Django's date filter knows only its own names).
WEEKDAY_DATE_FORMAT = "l j F Y"  # Thursday 10 December 2026
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # Thursday 10 December 2026, 17:00
LONG_DATETIME_FORMAT = "j F Y, H:i"  # 10 December 2026, 17:00
CLOCK_FORMAT = "H:i"  # 17:00
