"""Demo CRM records: fictitious NGOs, initiative groups and their people in every district.

Called from home/demo.py as ``home.demo_crm.load(command)``. Idempotent: records are
matched with the importer's rules (BIN, name + district, e-mail), history entries by
kind, date, organisation and text, so a second run changes nothing.
"""

import datetime as dt

from cms_plugins.bin import check_digit
from cms_plugins.crm.models import Interaction, Organisation
from cms_plugins.crm.services import upsert_contact
from cms_plugins.places.models import District

# Our own invented names; any likeness to a real organisation is accidental.
ORGANISATIONS = [
    ("Жас Өркен", "public_association", "молодёжь, спорт"),
    ("Дала Шуағы", "foundation", "экология, туризм"),
    ("Ауыл Болашағы", "initiative_group", "благоустройство"),
]
EXTRA = {
    "uralsk": [("Этнокультурный центр «Достық үйі»", "ethnocultural_centre", "культура, языки")],
    "taskala": [("Ресурсный центр для НПО", "private_institution", "обучение НПО")],
    "burli": [("Аксайские волонтёры", "initiative_group", "волонтёрство")],
}
FIRST_NAMES = ["Айгерим", "Нурлан", "Светлана", "Ербол", "Гульмира", "Марат", "Дина", "Асхат", "Ольга", "Жандос"]
LAST_NAMES = ["Сарсенова", "Исмаилов", "Петренко", "Жаксыбеков", "Утепова", "Кенжебаев", "Ли", "Мухамбетов"]
ROLES = ["председатель", "бухгалтер", "координатор проектов", "волонтёр"]


def _bin(serial):
    """A BIN that passes the check digit, invented for the demo."""
    while True:
        first = f"{(10 + serial % 14):02d}{1 + serial % 12:02d}40{(90000 + serial) % 100000:05d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)
        serial += 97


def load(command):
    districts = list(District.objects.filter(locale__language_code="ru").order_by("sort_order", "name"))
    count_orgs = count_people = 0
    serial = 1
    for d_index, district in enumerate(districts):
        centre = district.centre or district.name
        entries = [(f"{name} ({centre})", form, areas) for name, form, areas in ORGANISATIONS]
        entries += EXTRA.get(district.code, [])
        for o_index, (name, form, areas) in enumerate(entries):
            serial += 1
            org, _ = upsert_contact(
                organisation={
                    "name": name,
                    "legal_form": form,
                    "bin": "" if form == "initiative_group" else _bin(serial * 13 + d_index),
                    "district": district,
                    "settlement": centre,
                    "registration_date": dt.date(2010 + (serial % 14), 1 + serial % 12, 1 + serial % 27),
                },
                person=None,
                source="demo",
            )
            if not org.focus_areas.exists():
                org.focus_areas.add(*[area.strip() for area in areas.split(",")])
            count_orgs += 1
            for p_index in range(1 + (o_index + d_index) % 2):
                n = d_index * 10 + o_index * 2 + p_index
                first = FIRST_NAMES[n % len(FIRST_NAMES)]
                last = LAST_NAMES[(n // 3) % len(LAST_NAMES)]
                upsert_contact(
                    organisation={"name": name, "bin": org.bin, "district": district},
                    person={
                        "full_name": f"{last} {first}",
                        "phone": f"+7777{1000000 + n * 7919 % 9000000:07d}",
                        "email": f"demo.{district.code}.{o_index}.{p_index}@example.org",
                        "preferred_language": ["ru", "kk", "kk", "en"][n % 4],
                        "consent_version": "2026-01",
                        "consent_method": "бумажная анкета на встрече",
                    },
                    role=ROLES[(o_index + p_index) % len(ROLES)],
                    source="demo",
                )
                count_people += 1
            if district.code in {"burli", "taskala"} and o_index == 0:
                Interaction.objects.get_or_create(
                    kind="district_meeting",
                    date=dt.date(2026, 2, 10 if district.code == "burli" else 17),
                    organisation=org,
                    defaults={"text": "Встреча с жителями: как создать НПО и написать первый проект."},
                )
            if o_index == 1:
                Interaction.objects.get_or_create(
                    kind="consultation",
                    date=dt.date(2026, 3, 1 + d_index),
                    organisation=org,
                    defaults={"text": "Консультация по бюджету проекта и отчётности."},
                )
    command.stdout.write(
        f"crm demo: {Organisation.objects.filter(source='demo').count()} organisations, {count_people} people"
    )
