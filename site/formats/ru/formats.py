# Dates and date-times have one shape in every language (see cms_plugins/formatting.py):
# "31 декабря 2026, 18:00", where Django's own Russian formats say "31 декабря 2026 г. 18:00".
DATE_FORMAT = "j E Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"
# Money and long numbers are grouped by narrow no-break spaces: 570 000 ₸.
THOUSAND_SEPARATOR = "\u202f"
