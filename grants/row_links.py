"""Links for the rows of long tables: one ``reverse()`` per URL name, not one per row."""

from django.urls import reverse

MARKER = 987654321


def link_maker(name):
    """``pk -> reverse(name, args=[pk])`` for a URL whose one argument is a whole number.
    A reverse() costs about 50 µs; a call's ranking has thousands of rows with two links each."""
    before, after = reverse(name, args=[MARKER]).split(str(MARKER))
    return lambda pk: f"{before}{int(pk)}{after}"
