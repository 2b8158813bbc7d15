"""Coordinators' list of a call's applications: filters, search, sorting, one page at a time.

Every page costs the same few queries whatever the number of applications: the call, the
district names, the count and the page itself.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms_plugins.places.models import District

from .applications import APPLICANT_TYPES, Application
from .calls import GrantCallPage
from .competition_views import BulkMoveForm, coordinator_only
from .workflow import APPLICATION_STATUSES

PER_PAGE = 50
SORTS = {
    "reference": "reference",
    "-reference": "-reference",
    "organisation": "organisation_name",
    "-organisation": "-organisation_name",
    "amount": "requested_amount",
    "-amount": "-requested_amount",
    "submitted": "submitted_at",
    "-submitted": "-submitted_at",
    "status": "status",
    "-status": "-status",
}
DEFAULT_SORT = "-submitted"
MAX_AMOUNT = 10**12


def district_names():
    """{code: name} in the active language (Russian names stand in for a missing translation)."""
    language = (get_language() or "ru")[:2]
    names = {}
    for code, name, lang in District.objects.filter(locale__language_code__in=[language, "ru"]).values_list(
        "code", "name", "locale__language_code"
    ):
        if lang == language or code not in names:
            names[code] = name
    return names


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Reference, organisation, BIN or email."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    applicant_type = forms.ChoiceField(label=_("Applicant type"), required=False)
    min_amount = forms.IntegerField(label=_("Requested from (₸)"), required=False, min_value=0, max_value=MAX_AMOUNT)
    max_amount = forms.IntegerField(label=_("Requested up to (₸)"), required=False, min_value=0, max_value=MAX_AMOUNT)
    sort = forms.ChoiceField(required=False, choices=[(key, key) for key in SORTS], widget=forms.HiddenInput)

    def __init__(self, *args, districts=None, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["status"].choices = everything + list(APPLICATION_STATUSES)
        self.fields["district"].choices = everything + sorted((districts or {}).items(), key=lambda item: item[1])
        self.fields["applicant_type"].choices = everything + list(APPLICANT_TYPES)

    def filter(self, queryset):
        """The applications that match; an invalid field is ignored (and shown as an error)."""
        data = self.cleaned_data if self.is_bound else {}
        if query := (data.get("q") or "").strip():
            queryset = queryset.filter(
                Q(reference__icontains=query)
                | Q(organisation_name__icontains=query)
                | Q(bin__contains=query.replace(" ", ""))
                | Q(email__icontains=query)
            )
        for name, lookup in (("status", "status"), ("district", "district_code"), ("applicant_type", "applicant_type")):
            if data.get(name):
                queryset = queryset.filter(**{lookup: data[name]})
        if data.get("min_amount") is not None:
            queryset = queryset.filter(requested_amount__gte=data["min_amount"])
        if data.get("max_amount") is not None:
            queryset = queryset.filter(requested_amount__lte=data["max_amount"])
        return queryset.order_by(SORTS.get(data.get("sort") or DEFAULT_SORT, SORTS[DEFAULT_SORT]), "pk")


def applications(request, call_id):
    coordinator_only(request)
    call = get_object_or_404(GrantCallPage, pk=call_id)
    names = district_names()
    form = ApplicationFilterForm(request.GET, districts=names)
    form.is_valid()  # the filter uses what is valid and shows the rest as errors
    queryset = form.filter(Application.objects.of_call(call)).only(
        "pk",
        "reference",
        "organisation_name",
        "bin",
        "district_code",
        "applicant_type",
        "status",
        "requested_amount",
        "submitted_at",
    )
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("p"))
    for application in page:
        application.district_name = names.get(application.district_code, application.district_code)
    query = request.GET.copy()
    query.pop("p", None)
    sort = form.cleaned_data.get("sort") or DEFAULT_SORT
    query.pop("sort", None)
    context = {
        "call": call,
        "form": form,
        "page": page,
        "sort": sort,
        "query": query.urlencode(),
        "back_query": request.GET.urlencode(),
        "move_form": BulkMoveForm(call),
        "sort_links": {key: (f"-{key}" if sort == key else key) for key in SORTS if not key.startswith("-")},
    }
    return TemplateResponse(request, "grants/admin/applications/list.html", context)
