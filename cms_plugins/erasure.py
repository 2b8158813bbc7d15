"""Every copy of a person's data, erased in one call: the registry of erasers.

A person's name, email and phone end up in many places: the CRM record, an
application and its draft (answers, uploaded files and their names), Wagtail's
and Django's admin logs, an import log's file name, rejects files, uploads waiting
for confirmation, queued mail. Each app registers, in its ``AppConfig.ready()``,
a function that erases what *it* holds for a person; anonymising calls them all
(``erase_everywhere``), so this module needs to know no app (cms_plugins imports
no domain app) and a new copy of personal data is one ``register`` away.

Rules every eraser follows:
- A record that belongs to the person (same email or phone) loses its personal
  fields; what is kept is what the programme must count (an application's
  reference, amount, status), never who.
- Anywhere else, text that mentions the person (the name or email as written, a
  phone number in any spelling) is replaced by ``REMOVED``; files that mention
  them are deleted.

The copies the framework itself keeps (Wagtail's and Django's admin logs, Wagtail
form submissions, queued background tasks) are registered at the bottom of this
module. ``registered()`` lists everything, for the admin and SECURITY.md.
"""

import html
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .phone import normalise_phone

REMOVED = "[removed]"

# A run that may be a phone number however it is written: +7 (701) 123-45-67, 87011234567 …
_PHONE_RUN = re.compile(r"\+?\d[\d\s().\-]{7,}\d")


def retention_days():
    """How long personal data nobody finished with is kept (rejects files, abandoned drafts' answers)."""
    return getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", 90)


@dataclass(frozen=True)
class Identity:
    """What identifies a person: names as written, emails, phone numbers (any spelling)."""

    names: tuple = ()
    emails: tuple = ()
    phones: tuple = ()
    _patterns: list = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def of(cls, *, names=(), emails=(), phones=()):
        names = tuple(sorted({" ".join(str(n).split()) for n in names if n and len(str(n).strip()) >= 3}))
        emails = tuple(sorted({str(e).strip().lower() for e in emails if e and "@" in str(e)}))
        phones = tuple(sorted({p for p in (normalise_phone(p) for p in phones if p) if p}))
        identity = cls(names=names, emails=emails, phones=phones)
        for text in sorted(names + emails, key=len, reverse=True):
            # a name may be written with several spaces, a line break or (in a file name) _ between its parts
            pattern = r"[\s_]+".join(re.escape(part) for part in text.split())
            identity._patterns.append(re.compile(pattern, re.IGNORECASE))
        return identity

    def __bool__(self):
        return bool(self.names or self.emails or self.phones)

    def owns(self, *, email="", phone=""):
        """True when a record's own email or phone is this person's."""
        if email and str(email).strip().lower() in self.emails:
            return True
        return bool(phone and self.phones and normalise_phone(phone) in self.phones)

    def _phone_run(self, match):
        return REMOVED if normalise_phone(match.group(0)) in self.phones else match.group(0)

    def scrub_text(self, text):
        """``text`` with every mention of the person replaced by ``REMOVED``."""
        if not isinstance(text, str) or not text:
            return text
        for pattern in self._patterns:
            text = pattern.sub(REMOVED, text)
        if self.phones:
            text = _PHONE_RUN.sub(self._phone_run, text)
        return text

    def scrub(self, value):
        """A copy of a JSON-like value (dicts, lists, strings) with every mention removed."""
        if isinstance(value, str):
            return self.scrub_text(value)
        if isinstance(value, list | tuple):
            return [self.scrub(item) for item in value]
        if isinstance(value, dict):
            return {self.scrub_text(key): self.scrub(item) for key, item in value.items()}
        return value

    def mentioned_in(self, value):
        return self.scrub(value) != value

    def mentioned_in_file(self, data):
        """True when a file's bytes (plain text, or a zip such as XLSX/DOCX/ODS) mention the person."""
        return any(self.mentioned_in(text) for text in _texts_of(data))


def _decode(data):
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _readable(text):
    """JSON files escape non-ASCII letters (``\\u0410``): read them back as people wrote them."""
    if text.lstrip()[:1] in ("{", "["):
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return text


def _texts_of(data):
    """The readable text of a file: a zip's members (XML unescaped), or the file itself."""
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                if member.file_size <= 50 * 1024 * 1024:
                    yield html.unescape(_readable(_decode(archive.read(member))))
        return
    yield _readable(_decode(data))


def erase_mentions_in_files(storage, folder, identity):
    """Delete the files under ``folder`` of ``storage`` that mention the person; their names."""
    try:
        _dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    removed = []
    for name in files:
        path = f"{folder}/{name}"
        with storage.open(path, "rb") as handle:
            data = handle.read()
        if identity.mentioned_in(name) or identity.mentioned_in_file(data):
            storage.delete(path)
            removed.append(path)
    return removed


def scrub_fields(queryset, identity, fields):
    """Scrub text/JSON ``fields`` of every row in ``queryset`` that mentions the person; the count."""
    changed = 0
    for obj in queryset.only("pk", *fields).iterator():
        updates = {}
        for name in fields:
            value = getattr(obj, name)
            scrubbed = identity.scrub(value)
            if scrubbed != value:
                updates[name] = scrubbed
        if updates:
            type(obj)._base_manager.filter(pk=obj.pk).update(**updates)
            changed += 1
    return changed


# --- the registry ---------------------------------------------------------------------
_ERASERS = {}


def register(key, description):
    """Register ``function(identity) -> int`` (copies erased) as the eraser named ``key``."""

    def decorator(function):
        _ERASERS[key] = (description, function)
        return function

    return decorator


def registered():
    """[(key, description)] of every copy of personal data the site knows, in registration order."""
    return [(key, description) for key, (description, _function) in _ERASERS.items()]


@transaction.atomic
def erase_everywhere(identity):
    """Run every registered eraser for ``identity``; {key: copies erased}."""
    if not identity:
        return {}
    return {key: function(identity) or 0 for key, (_description, function) in _ERASERS.items()}


# --- copies the framework keeps -----------------------------------------------------
@register("wagtail.log_entries", _("Wagtail's admin action log (labels and details of entries)"))
def erase_wagtail_log_entries(identity):
    from wagtail.models import ModelLogEntry, PageLogEntry

    return sum(
        scrub_fields(model.objects.all(), identity, ["label", "data"]) for model in (ModelLogEntry, PageLogEntry)
    )


@register("admin.log_entries", _("Django's admin log"))
def erase_django_admin_log(identity):
    if not apps.is_installed("django.contrib.admin"):
        return 0
    from django.contrib.admin.models import LogEntry

    return scrub_fields(LogEntry.objects.all(), identity, ["object_repr", "change_message"])


@register("wagtail.form_submissions", _("Submissions of Wagtail form pages"))
def erase_form_submissions(identity):
    if not apps.is_installed("wagtail.contrib.forms"):
        return 0
    from wagtail.contrib.forms.models import FormSubmission

    return scrub_fields(FormSubmission.objects.all(), identity, ["form_data"])


@register("tasks.results", _("Background tasks (queued and finished mail) that name the person"))
def erase_task_results(identity):
    """Tasks that mention the person are deleted: a queued mail to them is not sent any more."""
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    doomed = [
        result.pk
        for result in DBTaskResult.objects.exclude(status="RUNNING").iterator()
        if identity.mentioned_in([result.args_kwargs, result.return_value, result.traceback])
    ]
    DBTaskResult.objects.filter(pk__in=doomed).delete()
    return len(doomed)
