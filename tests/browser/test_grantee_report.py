"""The grantee sends the interim report on a phone through their application's secret link (the
narrative, the spending per budget line, a photo); the coordinator returns it with a comment; the
grantee sees the comment, fixes the report and sends it again; the coordinator accepts it."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from grants import decisions
from grants.models import Grant, GrantReport
from tests.browser.harness import axe_check, follow, login_as, screenshot, visit
from tests.browser.test_competition import after_message
from tests.grants.competition import call_with_rubric, make_applications, member
from tests.grants.factories import PDF
from tests.grants.test_grant_reports import BUDGET, REPORT_STEPS

pytestmark = pytest.mark.browser

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def awarded_grantee():
    """A published award with the interim report due in ten days; returns (call, grant, secret link path)."""
    call = call_with_rubric()
    call.report_steps = REPORT_STEPS
    call.save_revision().publish()
    call.refresh_from_db()
    application = make_applications(call, 1)[0]
    application.draft.data = {"step_data": {"budget": BUDGET}}
    token = application.draft.new_token()
    application.draft.save()
    coordinator = member("coord", "Coordinators")
    decisions.award(application, 570000, coordinator, in_order=False)
    decisions.publish_results(call, coordinator)
    grant = Grant.objects.get(application=application)
    grant.interim_report_due = timezone.localdate() + timedelta(days=10)
    grant.save()
    return call, grant, coordinator, f"{call.url}apply/resume/{token}/"


def test_grantee_sends_the_interim_report_and_the_coordinator_returns_then_accepts_it(page, desktop_page, live_server):
    """Protects the report's whole round trip, files included, on a 360 px phone."""
    call, grant, coordinator, link = awarded_grantee()

    # the grantee opens the link from their email and goes to the report
    visit(page, link)
    expect(page.locator("main")).to_contain_text("Ваши отчёты по гранту")
    follow(page, page.get_by_role("link", name="Промежуточный отчёт"))
    expect(page.get_by_text("не больше 10 файлов и 30 МБ в сумме")).to_be_visible()
    page.get_by_label("What did the project do?").fill("Отремонтировали сельский клуб, провели три кружка.")
    page.get_by_label("Материалы: потрачено (₸)").fill("360 000")
    page.get_by_label("Транспорт: потрачено (₸)").fill("200000")
    # a file whose content is not what its name says is refused, by name, before anything is kept
    page.get_by_label("Фотографии, чеки и другие документы").set_input_files(
        [{"name": "смета.pdf", "mimeType": "application/pdf", "buffer": JPEG}]
    )
    with page.expect_navigation(wait_until="load") as refused:
        page.get_by_role("button", name="Отправить отчёт").click()
    assert refused.value.status == 400
    axe_check(page)
    expect(page.locator("main .errors").first).to_contain_text("смета.pdf")
    expect(page.get_by_label("What did the project do?")).to_have_value(
        "Отремонтировали сельский клуб, провели три кружка."
    )
    screenshot(page, "grantee-report/interim-wrong-file-phone")
    page.get_by_label("Фотографии, чеки и другие документы").set_input_files(
        [
            {"name": "клуб.jpg", "mimeType": "image/jpeg", "buffer": JPEG},
            {"name": "чек-краска.pdf", "mimeType": "application/pdf", "buffer": PDF},
        ]
    )
    screenshot(page, "grantee-report/interim-form-phone")
    follow(page, page.get_by_role("button", name="Отправить отчёт"))
    expect(page.locator("main [role=status]")).to_contain_text("отправлен, ожидает проверки")
    expect(page.locator("main")).to_contain_text("Отремонтировали сельский клуб")
    expect(page.get_by_role("link", name="чек-краска.pdf")).to_be_visible()
    screenshot(page, "grantee-report/interim-sent-phone")

    # the coordinator reads it, downloads the receipt and returns the report with a comment
    staff = desktop_page
    login_as(staff, coordinator)
    visit(staff, "/admin/grants-reports-due/")
    follow(staff, staff.get_by_role("link", name="Промежуточный отчёт"))
    expect(staff.locator("main")).to_contain_text("Отремонтировали сельский клуб")
    with staff.expect_download() as download:
        staff.get_by_role("link", name="чек-краска.pdf").click()
    assert download.value.suggested_filename == "чек-краска.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
    staff.get_by_label("Комментарий грантополучателю").fill("Приложите, пожалуйста, чек за транспорт.")
    screenshot(staff, "grantee-report/coordinator-review")
    after_message(staff, staff.get_by_role("button", name="Вернуть на доработку"))
    expect(staff.locator(".messages")).to_contain_text("Отчёт возвращён.")

    # the grantee sees the comment and the report as they sent it, adds the receipt and sends it again
    visit(page, f"{call.url}apply/report/interim/")
    expect(page.locator("main")).to_contain_text("Приложите, пожалуйста, чек за транспорт.")
    expect(page.get_by_label("Материалы: потрачено (₸)")).to_have_value("360 000")  # as they typed it
    narrative = page.get_by_label("What did the project do?")
    expect(narrative).to_have_value("Отремонтировали сельский клуб, провели три кружка.")
    narrative.fill("Отремонтировали сельский клуб, провели три кружка; чек за транспорт приложен.")
    page.get_by_label("клуб.jpg").check()  # the photo is not needed any more
    page.get_by_label("Фотографии, чеки и другие документы").set_input_files(
        [{"name": "чек-транспорт.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    screenshot(page, "grantee-report/interim-returned-phone")
    follow(page, page.get_by_role("button", name="Отправить отчёт"))
    expect(page.locator("main [role=status]")).to_contain_text("отправлен, ожидает проверки")
    expect(page.get_by_role("link", name="чек-транспорт.pdf")).to_be_visible()
    expect(page.get_by_role("link", name="клуб.jpg")).to_have_count(0)

    # the coordinator accepts it
    visit(staff, f"/admin/grants-reports-due/{grant.pk}/interim/")
    expect(staff.locator("main")).to_contain_text("чек за транспорт приложен")
    after_message(staff, staff.get_by_role("button", name="Принять отчёт"))
    expect(staff.locator(".messages")).to_contain_text("Отчёт принят.")
    report = GrantReport.objects.get(grant=grant, kind="interim")
    assert report.status == "accepted"
    assert sorted(a.original_name for a in report.attachments.all()) == ["чек-краска.pdf", "чек-транспорт.pdf"]
    visit(page, f"{call.url}apply/report/interim/")
    expect(page.locator("main [role=status]")).to_contain_text("принят")
    screenshot(page, "grantee-report/interim-accepted-phone")
