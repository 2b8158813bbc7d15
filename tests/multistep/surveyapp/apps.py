from django.apps import AppConfig


class SurveyAppConfig(AppConfig):
    """A test-only app: the smallest page type that carries a multi-step form."""

    name = "tests.multistep.surveyapp"
    label = "multistep_survey"
    default_auto_field = "django.db.models.BigAutoField"
