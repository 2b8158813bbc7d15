"""An event's page with its registration form, and a registrant's own page (secret link)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from cms_plugins.multistep import ratelimit

from . import certificates, services
from .forms import LANGUAGES, ConsultationForm, RegistrationForm
from .registrations import Status

RATE_SCOPE = "training-registration"


def event_page(page, request):
    """GET: the event and the form. POST: register (no account, no JavaScript needed)."""
    language = (get_language() or "")[:2]
    default_language = language if language in dict(LANGUAGES) else "ru"
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST, locale_id=page.locale_id)
        if not ratelimit.hit(RATE_SCOPE, request):
            return render_event(page, request, form, status=429, rate_limited=True)
        if not page.registration_open():
            return render_event(page, request, form, status=403)
        if form.is_valid():
            if not form.is_bot:  # a honeypot hit looks like success to the sender and does nothing
                data = form.cleaned_data
                consent_version = page.consent()[1]
                try:
                    services.register(
                        page,
                        full_name=data["full_name"],
                        email=data["email"],
                        phone=data["phone"],
                        language=data["language"],
                        consent_version=consent_version,
                        district=form.district_row,
                        organisation_name=data["organisation"],
                    )
                except services.RegistrationClosed:
                    return render_event(page, request, form, status=403)
            # the same answer whether the address was registered before (no one learns who is)
            return HttpResponseRedirect((page.get_url(request) or "/") + "?registered=1#registration")
        status = 200  # the form again, each error beside its field
    else:
        form = RegistrationForm(locale_id=page.locale_id, initial={"language": default_language})
    return render_event(page, request, form, status=status)


def render_event(page, request, form, status=200, rate_limited=False):
    context = page.get_context(request)
    context.update(form=form, registered=request.GET.get("registered") == "1", rate_limited=rate_limited)
    if status == 403:
        context["is_open"] = False
    return TemplateResponse(request, page.get_template(request), context, status=status)


def registration_page(page, request, token):
    """What the secret link opens: the registration, the webinar link, and cancelling."""
    registration = services.registration_for_token(page, token)
    if registration is None or registration.status == Status.CANCELLED:
        response = TemplateResponse(request, "trainings/link_invalid.html", {"page": page}, status=404)
    elif request.method == "POST" and "cancel" in request.POST:
        services.cancel(registration)
        return HttpResponseRedirect((page.get_url(request) or "/") + "?cancelled=1")
    else:
        context = page.get_context(request)
        context.update(
            registration=registration,
            certificate=certificates.eligible(registration, context["sessions"]),
            confirmed=registration.status == Status.CONFIRMED,
            webinar_url=page.webinar_url if registration.status == Status.CONFIRMED and page.online else "",
        )
        response = TemplateResponse(request, "trainings/registration.html", context)
    # the address holds the secret: never kept, never sent to another site as a referrer (the webinar
    # link leaves the site); "no-referrer" would make the browser send "Origin: null" and fail the CSRF check
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def consultation_page(index, request):
    """The consultation request form under a trainings list (no account, no JavaScript needed)."""
    language = (get_language() or "")[:2]
    context = index.get_context(request)
    context["consent_text"], context["consent_version"] = index.consent_text, index.consent_version
    context["sent"] = request.GET.get("sent") == "1"
    if request.method == "POST":
        form = ConsultationForm(request.POST, locale_id=index.locale_id)
        context["form"] = form
        if not ratelimit.hit(RATE_SCOPE, request):
            context["rate_limited"] = True
            return no_store(TemplateResponse(request, "trainings/consultation.html", context, status=429))
        if form.is_valid():
            if not form.is_bot:
                data = form.cleaned_data
                services.request_consultation(
                    organisation_name=data["organisation"],
                    contact_name=data["full_name"],
                    phone=data["phone"],
                    email=data["email"],
                    language=data["language"],
                    district=form.district_row,
                    topic=data["topic"],
                    question=data["question"].strip(),
                    preferred_format=data["preferred_format"],
                    preferred_dates=data["preferred_dates"].strip(),
                    consent_version=index.consent_version,
                )
            return HttpResponseRedirect(request.path + "?sent=1")
    else:
        initial = {"language": language if language in dict(LANGUAGES) else "ru"}
        context["form"] = ConsultationForm(locale_id=index.locale_id, initial=initial)
    return no_store(TemplateResponse(request, "trainings/consultation.html", context))


def no_store(response):
    # a form with this visitor's CSRF token: never kept by the page cache for the next visitor
    response["Cache-Control"] = "private, no-store"
    return response


def certificate_page(page, request, token):
    """The participant's certificate, through their secret link, once they attended every session."""
    registration = services.registration_for_token(page, token)
    if registration is None or not certificates.eligible(registration):
        response = TemplateResponse(request, "trainings/link_invalid.html", {"page": page}, status=404)
        response["Cache-Control"] = "no-store"
        return response
    return certificates.certificate_response(registration)
