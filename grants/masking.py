"""Contact data as the status page shows it: enough to recognise, too little to harvest.

Whoever holds a secret link sees the status page; a forwarded or leaked link must not
hand out the applicant's name, phone, email and BIN in full.
"""

DOT = "•"


def mask_email(address):
    local, _at, domain = str(address or "").partition("@")
    if not domain:
        return DOT * 3
    return f"{local[:1]}{DOT * 3}@{domain}"


def mask_phone(number):
    digits = str(number or "")
    if len(digits) <= 4:
        return DOT * len(digits)
    return f"{digits[:2]}{DOT * (len(digits) - 4)}{digits[-2:]}"


def mask_name(name):
    """Initials only: "Айгуль Серикова" → "А. С."."""
    return " ".join(f"{part[0]}." for part in str(name or "").split() if part)


def mask_bin(value):
    value = str(value or "")
    return f"{value[:2]}{DOT * (len(value) - 4)}{value[-2:]}" if len(value) > 4 else value


def masked_contact(application):
    return {
        "name": mask_name(application.contact_name),
        "phone": mask_phone(application.phone),
        "email": mask_email(application.email),
        "bin": mask_bin(application.bin),
    }
