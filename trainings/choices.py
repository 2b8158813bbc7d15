"""The vocabulary of learning events: kinds, topics and languages of delivery.

``Topic`` is the programme's list of learning topics: the needs-assessment survey asks
NGOs which of them they need, and trainings are tagged with the same codes, so the two
can be compared. Codes are stable slugs (links and filters use them).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    TRAINING = "training", pgettext_lazy("learning event", "Training")
    WEBINAR = "webinar", pgettext_lazy("learning event", "Webinar")
    CONSULTATION_DAY = "consultation-day", pgettext_lazy("learning event", "Consultation day")
    MENTORING = "mentoring-session", pgettext_lazy("learning event", "Mentoring session")


class Topic(models.TextChoices):
    PROJECT_MANAGEMENT = "project-management", _("Project management")
    FOUNDING = "founding-an-ngo", _("Founding an NGO")
    PROJECT_WRITING = "writing-projects", _("Writing a project proposal")
    FUNDRAISING = "fundraising", _("Funding sources and fundraising")
    FINANCE = "finance-and-reporting", _("Accounting and reporting")
    PEOPLE = "staff-and-volunteers", _("Staff and volunteers")
    COMMUNICATION = "communication", _("Communication and social media")
    LAW = "legal-basics", _("Legal basics for NGOs")


class DeliveryLanguage(models.TextChoices):
    KK = "kk", pgettext_lazy("language of delivery", "in Kazakh")
    RU = "ru", pgettext_lazy("language of delivery", "in Russian")
    BOTH = "kk-ru", pgettext_lazy("language of delivery", "in Kazakh and Russian")
