"""Survey results in the admin: the list of surveys, each one's summary with charts and filters,
and the export of every answer. Thin: the figures come from ``results``, the file from ``exporting``."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms_plugins.places.pages import districts_by_code

from .blocks import RespondentType
from .exporting import export_answers
from .models import SurveyPage
from .permissions import can_view_answers
from .responses import SurveyResponse
from .results import ranked_topics, summarise


class AnswersAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "list-ul"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        allowed, reason = can_view_answers(request.user)
        if not allowed:
            raise PermissionDenied(reason)
        return super().dispatch(request, *args, **kwargs)


class SurveyListView(AnswersAdminView):
    template_name = "surveys/admin/surveys.html"
    page_title = gettext_lazy("Survey results")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict(SurveyResponse.objects.values("form_key").annotate(n=Count("pk")).values_list("form_key", "n"))
        # one row per survey (its original language), whatever the number of translations
        surveys = {}
        for page in SurveyPage.objects.order_by("pk").select_related("locale"):
            surveys.setdefault(page.translation_key, page)
        context["surveys"] = [(page, counts.get(page.translation_key, 0)) for page in surveys.values()]
        return context


def survey_of(page_id):
    return get_object_or_404(SurveyPage.objects.select_related("locale"), pk=page_id)


def active_filters(request, locale_id):
    district = request.GET.get("district", "")
    respondent = request.GET.get("respondent_type", "")
    return {
        "district": district if district in districts_by_code(locale_id) else "",
        "respondent_type": respondent if respondent in RespondentType.VALUES else "",
    }


class SurveyResultsView(AnswersAdminView):
    template_name = "surveys/admin/results.html"
    page_title = gettext_lazy("Survey results")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = survey_of(kwargs["page_id"])
        filters = active_filters(self.request, page.locale_id)
        responses = list(SurveyResponse.objects.of_survey(page).filtered(**filters).only("answers", "duplicate_reason"))
        with translation.override(page.locale.language_code):
            sections = summarise(page.form_steps, responses)
            districts = list(districts_by_code(page.locale_id).values())
        context.update(
            {
                "page": page,
                "sections": sections,
                "topics": ranked_topics(sections),
                "total": len(responses),
                "duplicates": sum(1 for r in responses if r.duplicate_reason),
                "filters": filters,
                "districts": districts,
                "respondent_types": RespondentType.CHOICES,
                "query": "&".join(f"{k}={v}" for k, v in filters.items() if v),
            }
        )
        return context

    def get_page_subtitle(self):
        return ""


def export_view(request, page_id):
    allowed, reason = can_view_answers(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    page = survey_of(page_id)
    file_format = request.GET.get("format", "xlsx")
    if file_format not in ("xlsx", "csv"):
        raise Http404
    filters = active_filters(request, page.locale_id)
    responses = SurveyResponse.objects.of_survey(page).filtered(**filters).order_by("submitted_at")
    with translation.override(page.locale.language_code):
        content = export_answers(page, responses, file_format)
    stamp = timezone.localtime().strftime("%Y%m%d")
    if file_format == "csv":
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="survey-{page.pk}-{stamp}.{file_format}"'
    return response
