import csv
import io

import pytest
from django.contrib.auth.models import Group, User

from cms_plugins.bin import check_digit


def make_bin(serial, year=12):
    """A valid BIN of a resident legal entity's head office."""
    while True:
        first = f"{year:02d}{1 + serial % 12:02d}40{serial % 100000:05d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)
        serial += 7919


BINS = []
_serial = 1
while len(BINS) < 40:
    _value = make_bin(_serial)
    if _value not in BINS:
        BINS.append(_value)
    _serial += 1


def csv_bytes(rows, delimiter=";", encoding="utf-8-sig"):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding, errors="replace")


def xlsx_bytes(rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def coordinator(db):
    user = User.objects.create_user("coordinator", "c@example.kz", "a-long-password-1")
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


@pytest.fixture
def press(db):
    user = User.objects.create_user("press", "p@example.kz", "a-long-password-1")
    user.groups.add(Group.objects.get(name="Press"))
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def press_client(client, press):
    client.force_login(press)
    return client
