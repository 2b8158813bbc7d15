# Dates and date-times have one shape in every language (see cms_plugins/formatting.py):
# "31 December 2026, 18:00", where Django's own English formats say "Dec. 31, 2026, 6 p.m.".
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
