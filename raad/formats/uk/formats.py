# Ukrainian keeps Django's own formats (django/conf/locale/uk); Råd's own names, read by raad.core.i18n.date_local.
# "E" is the month in the genitive ("грудня"), as a date is written in Ukrainian.
WEEKDAY_DATE_FORMAT = "l, j E Y"  # четвер, 10 грудня 2026
WEEKDAY_DATETIME_FORMAT = "l, j E Y, H:i"  # четвер, 10 грудня 2026, 17:00
LONG_DATETIME_FORMAT = "j E Y, H:i"  # 10 грудня 2026, 17:00
CLOCK_FORMAT = "H:i"  # 17:00
