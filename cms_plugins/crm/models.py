"""CRM records: organisations, people, who works where, and their history.

Not translatable (one record per real organisation or person) and not in Wagtail's
search index: the admin searches them with plain queries on normalised keys, which
also avoids wagtail#10217 on SQLite.
"""

from django.conf import settings
from django.core.validators import validate_email
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms_plugins.bin import clean_bin, validate_bin
from cms_plugins.phone import format_phone, normalise_phone, validate_phone

from .forms import OrganisationForm
from .names import name_key, person_key


class LegalForm(models.TextChoices):
    PUBLIC_ASSOCIATION = "public_association", _("public association")
    FOUNDATION = "foundation", _("foundation")
    PRIVATE_INSTITUTION = "private_institution", _("private institution")
    INITIATIVE_GROUP = "initiative_group", _("initiative group")
    ETHNOCULTURAL_CENTRE = "ethnocultural_centre", _("ethnocultural centre")
    OTHER = "other", _("other")


class Status(models.TextChoices):
    ACTIVE = "active", _("active")
    DORMANT = "dormant", _("dormant")
    CLOSED = "closed", _("closed")


class Language(models.TextChoices):
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    EN = "en", _("English")


class InteractionKind(models.TextChoices):
    DISTRICT_MEETING = "district_meeting", _("district meeting attended")
    CONSULTATION = "consultation", _("consultation")
    TRAINING = "training", _("training attended")
    APPLICATION = "application", _("application")
    MENTORING = "mentoring", _("mentoring session")
    NOTE = "note", _("note")


# Legal forms that exist without state registration, hence without a BIN.
NO_BIN_FORMS = {LegalForm.INITIATIVE_GROUP}


class FocusArea(TagBase):
    """A theme an organisation works on (youth, ecology, …): its own tag vocabulary."""

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")


class OrganisationFocusArea(TaggedItemBase):
    tag = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="tagged_organisations")
    content_object = models.ForeignKey("crm.Organisation", on_delete=models.CASCADE, related_name="focus_area_items")


class OrganisationQuerySet(models.QuerySet):
    def with_people_count(self):
        # A subquery, not a join grouped by organisation: a page of the list is found
        # through the name index and only its rows are counted (25,000 organisations).
        people = (
            Membership.objects.filter(organisation=OuterRef("pk"))
            .order_by()
            .values("organisation")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(people_count=Coalesce(Subquery(people, output_field=models.IntegerField()), 0))

    def with_last_contact(self):
        """The date of the latest history entry, as ``last_contact``."""
        latest = Interaction.objects.filter(organisation=OuterRef("pk")).order_by("-date").values("date")[:1]
        return self.annotate(last_contact=Subquery(latest))

    def for_admin_list(self):
        return self.select_related("district").with_people_count().with_last_contact()


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=255, help_text=_("Full name as registered, without quotes."))
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=30, choices=LegalForm.choices, default=LegalForm.OTHER)
    bin = models.CharField(
        _("BIN"),
        max_length=12,
        blank=True,
        validators=[validate_bin],
        help_text=_("12 digits; required except for initiative groups."),
    )
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crm_organisations",
    )
    settlement = models.CharField(_("settlement"), max_length=120, blank=True, help_text=_("Village or town."))
    address = models.CharField(_("address"), max_length=255, blank=True)
    focus_areas = TaggableManager(
        verbose_name=_("focus areas"), through=OrganisationFocusArea, blank=True, help_text=_("Themes it works on.")
    )
    status = models.CharField(_("activity status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    website = models.URLField(_("website"), blank=True)
    social_links = models.TextField(_("social links"), blank=True, help_text=_("One link a line."))
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Where the record came from (an import file, a form…).")
    )
    name_key = models.CharField(max_length=255, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()
    base_form_class = OrganisationForm

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("legal_form")]),
        FieldRowPanel([FieldPanel("bin"), FieldPanel("registration_date")]),
        MultiFieldPanel(
            [FieldPanel("district"), FieldPanel("settlement"), FieldPanel("address")], heading=_("Where it works")
        ),
        FieldPanel("focus_areas"),
        FieldPanel("status"),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("social_links")], heading=_("Online")),
        FieldPanel("notes"),
        FieldPanel("source"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["bin"], condition=~Q(bin=""), name="crm_organisation_unique_bin"),
        ]
        indexes = [
            models.Index(fields=["district", "name_key"], name="crm_org_district_name_key"),
            models.Index(fields=["name"], name="crm_org_name"),  # the list's order
        ]
        permissions = [("import_contacts", _("Can import contacts")), ("export_contacts", _("Can export contacts"))]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.bin = clean_bin(self.bin)
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        self.bin = clean_bin(self.bin)
        if not self.bin and self.legal_form not in NO_BIN_FORMS:
            raise ValidationError({"bin": _("A BIN is required unless the legal form is initiative group.")})


class PersonQuerySet(models.QuerySet):
    def named(self):
        return self.filter(anonymised_at__isnull=True)


class Person(models.Model):
    full_name = models.CharField(_("full name"), max_length=255, blank=True)
    phone = models.CharField(
        _("phone"), max_length=20, blank=True, db_index=True, help_text=_("Stored as +77011234567; type it any way.")
    )
    email = models.EmailField(_("email"), blank=True, db_index=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.RU
    )
    consent_version = models.CharField(
        _("consent text version"),
        max_length=40,
        blank=True,
        help_text=_("Which consent text to personal-data processing the person agreed to."),
    )
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_method = models.CharField(
        _("consent given how"), max_length=120, blank=True, help_text=_("Paper form, online form, e-mail…")
    )
    mailing_opt_out = models.BooleanField(_("no mailings"), default=False, help_text=_("The person asked for none."))
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    name_key = models.CharField(max_length=255, editable=False, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    panels = [
        FieldPanel("full_name"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("preferred_language"),
        MultiFieldPanel(
            [FieldPanel("consent_version"), FieldPanel("consent_at"), FieldPanel("consent_method")],
            heading=_("Consent to personal-data processing"),
        ),
        FieldPanel("mailing_opt_out"),
        FieldPanel("notes"),
        FieldPanel("source"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="crm_person_unique_email"),
        ]
        # The admin list is ordered by name_key (indexed); a search sorts its matches by
        # full_name, which has no index on purpose (viewsets.PersonIndexView). The
        # duplicates finder groups the named people by phone and by name key: these
        # partial indexes answer it without reading the table (100,000 people: 220 -> 36 ms).
        indexes = [
            models.Index(
                fields=["phone"], condition=Q(anonymised_at__isnull=True) & ~Q(phone=""), name="crm_person_named_phone"
            ),
            models.Index(
                fields=["name_key"],
                condition=Q(anonymised_at__isnull=True) & ~Q(name_key=""),
                name="crm_person_named_key",
            ),
        ]

    def __str__(self):
        if self.anonymised_at:
            return str(_("Anonymised person #%(id)s") % {"id": self.pk})
        return self.full_name or self.email or format_phone(self.phone) or f"#{self.pk}"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        self.name_key = person_key(self.full_name)
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.phone:
            try:
                validate_phone(self.phone)
            except ValidationError as error:
                errors["phone"] = error.messages
            else:
                self.phone = normalise_phone(self.phone)
        self.email = (self.email or "").strip().lower()
        if self.email:
            try:
                validate_email(self.email)
            except ValidationError:
                errors["email"] = [_("Enter a valid email address.")]
        if not self.anonymised_at and not self.full_name.strip():
            errors["full_name"] = [_("A full name is required.")]
        if errors:
            raise ValidationError(errors)

    @property
    def phone_display(self):
        return format_phone(self.phone)

    def organisation_names(self):
        return ", ".join(link.organisation.name for link in self.memberships.all())


class Membership(models.Model):
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_("Chair, accountant, volunteer…"))

    panels = [FieldPanel("person"), FieldPanel("organisation"), FieldPanel("role")]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="crm_membership_unique"),
        ]

    def __str__(self):
        return f"{self.person} — {self.organisation}" + (f" ({self.role})" if self.role else "")


class InteractionQuerySet(models.QuerySet):
    def timeline(self):
        return self.select_related("organisation", "person", "recorded_by").order_by("-date", "-created_at")


class Interaction(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=InteractionKind.choices, default=InteractionKind.NOTE)
    date = models.DateField(_("date"), default=timezone.localdate)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="interactions",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.CASCADE, related_name="interactions"
    )
    text = models.TextField(_("text"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = InteractionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("organisation"),
        FieldPanel("person"),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["-date", "-created_at"]
        # A record's latest contact (the organisation list's column) and its timeline.
        indexes = [
            models.Index(fields=["organisation", "-date"], name="crm_interaction_org_date"),
            models.Index(fields=["person", "-date"], name="crm_interaction_person_date"),
        ]

    def __str__(self):
        who = self.organisation or self.person or ""
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {who}".strip()

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.organisation_id and not self.person_id:
            raise ValidationError(_("A history entry belongs to an organisation, a person or both."))


class ImportLog(models.Model):
    """One import (or dry run) of a contacts file: who, when, which file, what happened."""

    class Mode(models.TextChoices):
        ATOMIC = "atomic", _("all or nothing")
        SKIP_INVALID = "skip_invalid", _("import valid rows, reject the others")

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("finished")
        FAILED = "failed", _("failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    file_name = models.CharField(_("file name"), max_length=255)
    channel = models.CharField(_("through"), max_length=20, default="admin")
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.ATOMIC)
    dry_run = models.BooleanField(_("dry run"), default=False)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    organisations_new = models.PositiveIntegerField(_("new organisations"), default=0)
    organisations_updated = models.PositiveIntegerField(_("updated organisations"), default=0)
    people_new = models.PositiveIntegerField(_("new people"), default=0)
    people_updated = models.PositiveIntegerField(_("updated people"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged rows"), default=0)
    invalid = models.PositiveIntegerField(_("invalid rows"), default=0)
    imported = models.BooleanField(_("imported"), default=False)
    rejects_file = models.CharField(_("rejected rows file"), max_length=255, blank=True, editable=False)
    seconds = models.FloatField(_("seconds"), default=0)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DONE)
    error = models.TextField(_("why it failed"), blank=True)
    upload = models.CharField(_("stored upload"), max_length=255, blank=True, editable=False)
    preview = models.JSONField(
        _("preview"), default=dict, blank=True, editable=False, help_text=_("A background preview's findings.")
    )
    # "contacts" while a background import of the contacts list waits or runs, else empty:
    # the unique constraint lets only one run at a time, whichever server starts it.
    running_lock = models.CharField(max_length=20, null=True, blank=True, unique=True, editable=False)
    column_mapping = models.JSONField(
        _("column mapping"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("What each column of the file was read as (empty: ignored)."),
    )

    class Meta:
        verbose_name = _("import log entry")
        verbose_name_plural = _("import log")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.file_name}"

    @property
    def in_progress(self):
        return self.state in {self.State.QUEUED, self.State.RUNNING}


class ColumnMapping(models.Model):
    """The columns a coordinator chose for a set of headers, offered again next time
    a file with the same headers is uploaded."""

    headers_key = models.CharField(max_length=64, unique=True, editable=False)
    headers = models.JSONField(_("headers"), default=list)
    mapping = models.JSONField(_("mapping"), default=dict, help_text=_("Header -> column key; empty: ignored."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("saved column mapping")
        verbose_name_plural = _("saved column mappings")

    def __str__(self):
        return ", ".join(self.headers)[:120]
