"""What an applicant notices on a designed step: errors that lead to their field, limits that never cut."""

import re
from urllib.parse import unquote

import pytest
from wagtail.models import Locale

from cms_plugins.multistep.models import Draft
from grants.models import GrantCallPage

from .factories import ANSWERS, Applicant, make_call, translate


@pytest.mark.django_db
def test_error_summary_lists_each_error_with_a_link_to_its_field(applicant):
    """The summary at the top names every error and links to the field it is about."""
    applicant.start()
    applicant.fill_all(upto="applicant")
    response = applicant.post_step("project", {**ANSWERS["project"], "project_title": "", "topic": "", "people": "x"})
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    anchors = [anchor for anchor, _text in links]
    assert anchors == ["id_project-project_title", "id_project-people", "id_project-topic_0"], links
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor
    assert "Project title" in summary


@pytest.mark.django_db
def test_a_pasted_text_is_never_cut_by_the_browser(applicant):
    """No maxlength attribute: the counter shows the limit, the server decides."""
    applicant.start()
    applicant.fill_all(upto="applicant")
    html = applicant.client.get(applicant.url("project")).content.decode()
    assert "maxlength" not in html
    assert 'data-limit="300"' in html and "counter.js" in html
    too_long = applicant.post_step("project", {**ANSWERS["project"], "problem": "я" * 301})
    assert too_long.status_code == 200 and "я" * 301 in too_long.content.decode()  # kept, to be shortened


@pytest.mark.django_db
def test_a_line_break_counts_once(applicant):
    """300 characters in three paragraphs fit a 300-character limit, however the browser sends line breaks."""
    applicant.start()
    applicant.fill_all(upto="applicant")
    text = "\r\n".join(["а" * 99, "б" * 99, "в" * 100])
    assert len(text.replace("\r\n", "\n")) == 300
    response = applicant.post_step("project", {**ANSWERS["project"], "problem": text})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Draft.objects.get().state("project") == "completed"


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["малые-гранты", "small-grants"])
def test_language_switch_keeps_the_step_for_any_address(client, slug):
    """On a form step, the other languages' links lead to the same step, Cyrillic address or Latin."""
    call = make_call(slug=slug)
    kk_call = translate(call, "kk")
    kk = Locale.objects.get(language_code="kk")
    assert GrantCallPage.objects.get(locale=kk, translation_key=call.translation_key).slug == slug
    applicant = Applicant(client, call)
    applicant.start()
    applicant.fill_all(upto="applicant")
    html = client.get(call.multistep_url("project")).content.decode()
    switcher = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    kk_link = re.search(r'<a href="([^"]+)" lang="kk"', switcher).group(1)
    assert kk_link.endswith("/apply/project/"), kk_link
    assert client.get(kk_link).status_code == 200
    assert unquote(kk_link) == unquote(kk_call.url) + "apply/project/"
