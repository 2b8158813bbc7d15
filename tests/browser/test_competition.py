"""An expert declares no conflict and scores on a phone; a coordinator ranks, awards and publishes,
and the winner shows on the call's public page in kk, ru and en."""

import pytest
from playwright.sync_api import expect

from grants.models import Application, Assignment, GrantCallPage
from tests.browser.harness import axe_check, follow, login_as, screenshot, visit
from tests.grants.competition import FEASIBILITY, RELEVANCE, call_with_rubric, make_applications, member, scored
from tests.grants.factories import translate

pytestmark = pytest.mark.browser


def after_message(page, locator):
    """Follow a button whose answer shows Wagtail's message; check the page once the message has faded in
    (axe measures the contrast of a half-transparent message otherwise)."""
    with page.expect_navigation(wait_until="load"):
        locator.click()
    message = page.locator(".messages li").first
    expect(message).to_be_visible()
    # Wagtail fades the message in (CSS transitions of opacity and position): wait until they end
    page.wait_for_function(
        "() => document.getAnimations().every(a => !a.transitionProperty || a.playState !== 'running')"
    )
    axe_check(page)


def test_expert_declares_no_conflict_and_scores_on_a_phone(page, live_server):
    """Protects the expert's path: declaration first, then the answers and the rubric's score form."""
    call = call_with_rubric()
    application = make_applications(call, 1, status="under_review")[0]
    application.answers = [{"step": "Проект", "key": "project", "rows": [["Название проекта", "Детский клуб"]]}]
    application.save()
    expert = member("expert1", "Experts")
    Assignment.objects.create(application=application, expert=expert)
    login_as(page, expert)
    visit(page, "/admin/grants-reviews/")
    follow(page, page.get_by_role("link", name=f"{application.reference} {application.organisation_name}"))
    expect(page.locator("main")).not_to_contain_text("Детский клуб")
    page.get_by_label("У меня нет конфликта интересов с этим заявителем").check()
    follow(page, page.get_by_role("button", name="Заявить"))
    expect(page.locator("main")).to_contain_text("Детский клуб")
    page.locator(f"#id_score_{RELEVANCE}_8").check()
    page.locator(f"#id_comment_{RELEVANCE}").fill("Клуб нужен селу")
    page.locator(f"#id_score_{FEASIBILITY}_4").check()
    page.locator("#id_comment").fill("Реалистичный план")
    screenshot(page, "competition/expert-scores-phone")
    after_message(page, page.get_by_role("button", name="Отправить оценку"))
    expect(page.locator("main table")).to_contain_text("20,00")
    screenshot(page, "competition/expert-reviews-phone")
    assert Assignment.objects.get().total == 20


def test_coordinator_ranks_awards_and_publishes(desktop_page, live_server):
    """Protects the coordinator's path: ranking, an award, publishing; the winner on the public page in three languages."""
    page = desktop_page
    call = call_with_rubric()
    kazakh, english = translate(call, "kk"), translate(call, "en")
    first, second = make_applications(call, 2, status="shortlisted")
    expert = member("expert1", "Experts")
    scored(first, expert, 9, 5)
    scored(second, expert, 4, 2)
    login_as(page, member("coord", "Coordinators"))
    visit(page, f"/admin/grants-competition/{call.pk}/ranking/")
    rows = page.locator("main table tbody tr")
    expect(rows.first).to_contain_text(first.reference)
    screenshot(page, "competition/ranking")
    after_message(page, rows.first.get_by_role("button", name="Присудить"))
    expect(page.locator(".ranking-budget")).to_contain_text("2\u202f280\u202f000\u202f₸")
    # first the letters that will go out, one example each, then the button that sends them
    follow(page, page.get_by_role("link", name="Опубликовать итоги…"))
    expect(page.locator("main")).to_contain_text(first.reference)
    expect(page.locator(".letter-group")).to_have_count(2)  # awarded, not awarded, each in its language
    screenshot(page, "competition/publish-letters")
    after_message(page, page.get_by_role("button", name="Опубликовать итоги и отправить 2 письма"))
    expect(page.locator("main")).to_contain_text("Итоги опубликованы")
    assert Application.objects.get(pk=first.pk).status == "awarded"
    for translation, heading in (
        (call, "Присуждённые гранты"),
        (kazakh, "Берілген гранттар"),
        (english, "Grants awarded"),
    ):
        visit(page, GrantCallPage.objects.get(pk=translation.pk).url)
        expect(page.locator("main")).to_contain_text(heading)
        expect(page.locator("main table")).to_contain_text(first.organisation_name)
    screenshot(page, "competition/results-en")
