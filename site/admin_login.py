"""Wagtail's login form with a translatable label on the password field.

Wagtail's form leaves the label to Django, which makes it from the field name ("Password",
in English whatever the language); the label here is a message our catalogues translate.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
