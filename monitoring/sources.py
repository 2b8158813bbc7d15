"""Where the indicators' facts come from: the contract between monitoring and the domains.

Monitoring imports no domain app. A domain offers its facts in a module named
``<app>.indicators`` (a plug-in: a module the registry names) with:

- one function per kind of fact, returning a ``.values(...)`` queryset (not yet
  evaluated) whose keys are some of (prefixed ``fact_`` so as never to clash with a
  model's fields): ``fact_day`` (a date: when it happened or was recorded, in the
  site's time zone; required), ``fact_district`` (the district's stable code),
  ``fact_amount`` (a whole number for indicators that add up: participants, ₸),
  ``fact_subject`` (what a unique count counts: a person, a meeting in every language),
  ``fact_kind`` (a text an indicator filters on, e.g. a status), ``fact_flag`` (a
  yes/no an indicator filters on);
- ``MODELS``: labels of the models whose changes change those facts (monitoring's
  cache is renewed when one of them is saved or deleted).

Every installed source is read in ONE query (``UNION ALL`` of the querysets), so
the cost of the figures does not grow with the number of sources. A domain or
function that is not there is ``NOT_INSTALLED``: its indicators say "no data yet",
never 0. Amounts disbursed and reports accepted come from ``grants/indicators.py``
(the grant records' paid tranches and accepted grantee reports).

A model already there whose app offers no module can be read through named fields
(``FieldsSource``); nothing else of the model is used.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

COLUMNS = {
    "day": models.DateField(),
    "district": models.CharField(),
    "amount": models.BigIntegerField(),
    "subject": models.CharField(),
    "kind": models.CharField(),
    "flag": models.BooleanField(),
}


class NotInstalled:
    """The explicit answer for facts this site does not have (yet)."""

    def __bool__(self):
        return False

    def __repr__(self):
        return "NOT_INSTALLED"


NOT_INSTALLED = NotInstalled()


def _app_installed(app):
    return any(config.label == app or config.name == app for config in apps.get_app_configs())


@dataclass(frozen=True)
class FunctionSource:
    """Facts from ``module.function(*args)``, when ``app`` is installed and the function exists."""

    app: str  # app label or dotted name, e.g. "news" or "cms_plugins.crm"
    module: str  # e.g. "news.indicators"
    function: str
    args: tuple = ()
    models_attribute: str = "MODELS"

    def _module(self):
        if not _app_installed(self.app):
            return None
        try:
            return import_module(self.module)
        except ModuleNotFoundError as error:
            if error.name != self.module:
                raise
            return None

    def queryset(self):
        module = self._module()
        function = getattr(module, self.function, None) if module else None
        return NOT_INSTALLED if function is None else function(*self.args)

    def models(self):
        module = self._module()
        return list(getattr(module, self.models_attribute, [])) if module else []


@dataclass(frozen=True)
class FieldsSource:
    """Facts read from a model's fields by label, for an app that offers no indicators module."""

    model_label: str
    day: str
    district: str = ""
    subject: str = "pk"
    amount: str = ""
    exclude: dict = field(default_factory=dict)
    filter: dict = field(default_factory=dict)  # a value may be a callable, called at query time (now)

    def _model(self):
        try:
            return apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return None

    def queryset(self):
        model = self._model()
        if model is None:
            return NOT_INSTALLED
        day_field = model._meta.get_field(self.day)
        day = TruncDate(self.day) if isinstance(day_field, models.DateTimeField) else F(self.day)
        values = {"fact_day": day, "fact_subject": F(self.subject)}
        if self.district:
            values["fact_district"] = F(self.district)
        if self.amount:
            values["fact_amount"] = F(self.amount)
        kept = {key: value() if callable(value) else value for key, value in self.filter.items()}
        return model._default_manager.filter(**kept).exclude(**self.exclude).values(**values)

    def models(self):
        return [self.model_label] if self._model() is not None else []


# The facts the registry counts, by name.
SOURCES = {
    "meetings": FunctionSource("news", "news.indicators", "meetings"),
    "organisations": FunctionSource(
        "cms_plugins.crm", "cms_plugins.crm.aggregates", "organisation_facts", models_attribute="FACT_MODELS"
    ),
    "registrations": FunctionSource(
        "cms_plugins.crm", "cms_plugins.crm.aggregates", "registration_facts", models_attribute="FACT_MODELS"
    ),
    "consultations": FunctionSource(
        "cms_plugins.crm",
        "cms_plugins.crm.aggregates",
        "interaction_facts",
        args=("consultation",),
        models_attribute="FACT_MODELS",
    ),
    "applications": FieldsSource(
        "grants.Application", day="submitted_at", district="district_code", exclude={"status": "withdrawn"}
    ),
    # trainings and webinars that are over (one event in every language: its translation key)
    "trainings_held": FieldsSource(
        "trainings.TrainingPage",
        day="ends_at",
        district="district__code",
        subject="translation_key",
        filter={"live": True, "kind__in": ["training", "webinar"], "ends_at__lte": timezone.now},
    ),
    # people marked present at a session, each person (by email) once
    "people_trained": FieldsSource(
        "trainings.Attendance",
        day="session_starts_at",
        district="registration__training__district__code",
        subject="registration__email",
    ),
    # the decision that awarded a grant still standing, with the amount awarded
    "grants_awarded": FieldsSource(
        "grants.ApplicationEvent",
        day="at",
        district="application__district_code",
        subject="application_id",
        amount="application__awarded_amount",
        filter={"kind": "status", "to_status": "awarded", "application__status": "awarded"},
    ),
    "disbursements": FunctionSource("grants", "grants.indicators", "disbursements"),
    "reports_accepted": FunctionSource("grants", "grants.indicators", "reports_accepted"),
}


def uniform(name, queryset):
    """The source's rows in the columns every source shares (same names, types and order)."""
    present = set(queryset.query.values_select) | set(queryset.query.annotation_select)
    columns = {"m_source": Cast(Value(name), output_field=models.CharField(max_length=40))}
    for column, output in COLUMNS.items():
        name = f"fact_{column}"
        if name not in present:
            columns[f"m_{column}"] = Cast(Value(None), output_field=output)  # a typed NULL for PostgreSQL
        elif column in ("subject", "district", "kind"):
            columns[f"m_{column}"] = Cast(F(name), output_field=models.CharField(max_length=64))
        else:
            columns[f"m_{column}"] = Cast(F(name), output_field=output)
    return queryset.order_by().values(**columns)


def load_facts(names):
    """{source name: [rows] or NOT_INSTALLED} of ``names``: every installed source in one query."""
    facts, querysets = {}, []
    for name in names:
        queryset = SOURCES[name].queryset()
        if queryset is NOT_INSTALLED:
            facts[name] = NOT_INSTALLED
        else:
            facts[name] = []
            querysets.append(uniform(name, queryset))
    if querysets:
        union = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
        for row in union:
            facts[row["m_source"]].append({column: row[f"m_{column}"] for column in COLUMNS})
    return facts


def watched_models():
    """Labels of every model whose changes change a source's facts."""
    labels = set()
    for source in SOURCES.values():
        labels.update(source.models())
    return sorted(labels)
