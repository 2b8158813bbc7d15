"""The public side of a survey: the form (GET/POST) and the thank-you page."""

import uuid

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language

from cms_plugins.multistep import ratelimit

from .services import record_response

COOKIE_SALT = "surveys.answered"
COOKIE_AGE = 365 * 24 * 3600
# Public answers from one address per hour (villages share addresses behind mobile networks).
RATE = (60, 3600)


def cookie_name(page):
    """One cookie per survey, whatever the language it is answered in."""
    return f"survey_{page.translation_key.hex}"


def earlier_token(request, page):
    value = request.get_signed_cookie(cookie_name(page), default=None, salt=COOKIE_SALT, max_age=COOKIE_AGE)
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def survey_form(request, page):
    if getattr(request, "is_preview", False):
        return render_form(request, page, page.form_class()(), preview=True)
    answered = earlier_token(request, page)
    if request.method != "POST":
        return render_form(request, page, page.form_class()(), answered=answered)
    form = page.form_class()(request.POST)
    if not page.accepting:
        return render_form(request, page, form, answered=answered, status=403)
    if not ratelimit.hit("survey", request, *RATE):
        return render_form(request, page, form, answered=answered, status=429, rate_limited=True)
    if not form.is_valid():
        return render_form(request, page, form, answered=answered, show_errors=True)
    response = HttpResponseRedirect(page.url + page.reverse_subpage("thanks"))
    if form.is_bot:  # a honeypot hit looks like success and stores nothing
        return response
    answer = record_response(page, form, language=(get_language() or "")[:8], earlier_token=answered)
    response.set_signed_cookie(
        cookie_name(page),
        str(answer.browser_token),
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        path="/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def render_form(request, page, form, *, status=200, answered=None, show_errors=False, preview=False, **extra):
    context = {
        "page": page,
        "self": page,
        "form": form,
        "answered": bool(answered),
        "show_errors": show_errors,
        "preview": preview,
        **extra,
    }
    response = TemplateResponse(request, "surveys/survey_page.html", context, status=status)
    add_never_cache_headers(response)
    return response


def survey_thanks(request, page):
    response = TemplateResponse(request, "surveys/thanks.html", {"page": page, "self": page})
    add_never_cache_headers(response)
    return response
