"""A coordinator designs a call's form in the admin: keys they never see, saves in the background, publishing."""

import re
import uuid
from html import unescape

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms_plugins.multistep.keys import key_for_id, keyed_children
from grants.models import GrantCallPage

STEP, QUESTION, CHOICE, OPTION_A, OPTION_B = (str(uuid.uuid4()) for _ in range(5))


def stream(items):
    """StreamField form data as the browser posts it: every child with its own id."""
    return {
        "count": str(len(items)),
        **{
            str(i): {"type": kind, "value": value, "id": block_id, "deleted": "", "order": str(i)}
            for i, (kind, value, block_id) in enumerate(items)
        },
    }


def listing(items):
    return {
        "count": str(len(items)),
        **{
            str(i): {"value": value, "id": block_id, "deleted": "", "order": str(i)}
            for i, (value, block_id) in enumerate(items)
        },
    }


def form_data(*, question_key="", steps=None, **extra):
    """The whole edit form of a call; keys are posted empty, as the browser never learns them."""
    questions = [
        (
            "long_text",
            {
                "key": question_key,
                "label": "Цель проекта",
                "help_text": "Кратко",
                "required": "on",
                "max_length": "500",
            },
            QUESTION,
        ),
        (
            "single_choice",
            {
                "key": "",
                "label": "Тема",
                "help_text": "",
                "required": "on",
                "options": listing(
                    [({"key": "", "label": "Молодёжь"}, OPTION_A), ({"key": "", "label": "Экология"}, OPTION_B)]
                ),
            },
            CHOICE,
        ),
    ]
    return nested_form_data(
        {
            "title": "Конкурс коордиинатора",
            "slug": "coordinator-call",
            "intro": "Кратко.",
            "body": rich_text(""),
            "eligibility": rich_text(""),
            "accepts_ngos": "on",
            "number_of_grants": "5",
            "amount_per_grant": "570000",
            "opens_at": "2026-01-01 09:00",
            "closes_at": "2027-02-01 18:00",
            "review_stage": "",
            "documents": stream([]),
            "faq": stream([]),
            "rubric": stream([]),
            "report_steps": stream([]),
            "disagreement_threshold": "10",
            "results": rich_text(""),
            "form_steps": stream(
                steps
                if steps is not None
                else [("step", {"key": "", "title": "О проекте", "intro": "", "questions": stream(questions)}, STEP)]
            ),
            "consent_text": rich_text("<p>Согласие</p>"),
            "consent_version": "2027-01",
            **extra,
        }
    )


@pytest.fixture
def coordinator(db):
    user = User.objects.create_user("coordinator", password="x" * 12)
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


def keys_of(page):
    page = GrantCallPage.objects.get(pk=page.pk)
    revision = page.get_latest_revision_as_object()
    steps = revision.form_steps
    questions = list(steps[0].value["questions"])
    return {
        "step": steps[0].value["key"],
        "questions": [q.value["key"] for q in questions],
        "options": [o["key"] for o in questions[1].value["options"]],
    }


def autosave(client, page, data):
    """What the editor's background save posts: the form, answered as JSON."""
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data, HTTP_ACCEPT="application/json")


@pytest.mark.django_db
def test_background_saves_and_publishing_keep_the_keys_of_the_block_ids(client, call, coordinator):
    """Typing with autosave on, then publishing: keys follow the block ids and publishing is not refused."""
    client.force_login(coordinator)
    created = client.post(
        reverse("wagtailadmin_pages:add", args=("grants", "grantcallpage", call.get_parent().pk)), form_data()
    )
    assert created.status_code == 302, created.content.decode()[:2000]
    page = GrantCallPage.objects.get(slug="coordinator-call")
    expected = {
        "step": key_for_id("s", STEP),
        "questions": [key_for_id("q", QUESTION), key_for_id("q", CHOICE)],
        "options": [key_for_id("o", OPTION_A), key_for_id("o", OPTION_B)],
    }
    assert keys_of(page) == expected
    for _ in range(2):  # two background saves while typing, keys still posted empty
        response = autosave(client, page, form_data())
        assert response.status_code == 200 and response.json()["success"], response.content[:500]
        assert keys_of(page) == expected
    published = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form_data(**{"action-publish": "1"}))
    assert published.status_code == 302, published.content.decode()[:2000]
    page = GrantCallPage.objects.get(pk=page.pk)
    assert page.live and page.form_steps[0].value["key"] == expected["step"]
    # after publishing, the browser posts the keys it was shown: nothing changes
    shown = autosave(client, page, form_data(question_key=expected["questions"][0]))
    assert shown.json()["success"] and keys_of(page) == expected


@pytest.mark.django_db
def test_a_key_with_answers_is_never_changed(client, call, coordinator):
    """A key posted differently for a saved question is refused and the saved one stays."""
    client.force_login(coordinator)
    client.post(reverse("wagtailadmin_pages:add", args=("grants", "grantcallpage", call.get_parent().pk)), form_data())
    page = GrantCallPage.objects.get(slug="coordinator-call")
    before = keys_of(page)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        form_data(question_key="budget_total", **{"action-publish": "1"}),
    )
    assert response.status_code == 200 and "budget_total" in response.content.decode()
    assert keys_of(page) == before and not GrantCallPage.objects.get(pk=page.pk).live


@pytest.mark.django_db
def test_reorder_and_duplicate_keep_keys_apart(client, call, coordinator):
    """Moving a question keeps its key; a duplicated question (same hidden key, new id) gets its own."""
    client.force_login(coordinator)
    client.post(reverse("wagtailadmin_pages:add", args=("grants", "grantcallpage", call.get_parent().pk)), form_data())
    page = GrantCallPage.objects.get(slug="coordinator-call")
    saved = keys_of(page)
    copy_id = str(uuid.uuid4())
    question = {"key": saved["questions"][0], "label": "Цель", "help_text": "", "required": "on", "max_length": "500"}
    choice = {
        "key": saved["questions"][1],
        "label": "Тема",
        "help_text": "",
        "required": "on",
        "options": listing([({"key": "", "label": "А"}, OPTION_A), ({"key": "", "label": "Б"}, OPTION_B)]),
    }
    # the copy is dragged above its original before the next save
    steps = [
        (
            "step",
            {
                "key": "",
                "title": "О проекте",
                "intro": "",
                "questions": stream(
                    [
                        ("long_text", question, copy_id),
                        ("single_choice", choice, CHOICE),
                        ("long_text", question, QUESTION),
                    ]
                ),
            },
            STEP,
        )
    ]
    response = autosave(client, page, form_data(steps=steps))
    assert response.json()["success"], response.content[:1000]
    questions = list(
        GrantCallPage.objects.get(pk=page.pk).get_latest_revision_as_object().form_steps[0].value["questions"]
    )
    by_id = {q.id: q.value["key"] for q in questions}
    assert by_id[QUESTION] == saved["questions"][0] and by_id[CHOICE] == saved["questions"][1]
    assert by_id[copy_id] == key_for_id("q", copy_id)


def keyed_blocks(stream_value):
    """[(prefix, block id, key)] of every step, question, option and column, top down."""
    return [
        (prefix, child.id, child.value["key"])
        for prefix, children in keyed_children(stream_value)
        for child in children
    ]


def form_of(page):
    """The keyed blocks of what is served (the row) and of what the editor opens (latest revision)."""
    page = GrantCallPage.objects.get(pk=page.pk)
    return keyed_blocks(page.form_steps), keyed_blocks(page.latest_revision.as_object().form_steps)


@pytest.mark.django_db
@pytest.mark.parametrize("publish_copies", ["", "on"], ids=["draft-copy", "live-copy"])
def test_a_call_copied_in_the_admin_gets_its_own_keys(client, call, coordinator, publish_copies):
    """Copy in the admin: every block of the copy has a new id and that id's key, in the served page
    and in the editor alike; the original and its translation keep theirs; the copy publishes and
    an applicant's answers are stored under the copy's keys."""
    from cms_plugins.multistep.models import Draft
    from tests.grants.factories import ANSWERS, Applicant, translate

    original = form_of(call)
    client.force_login(coordinator)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(call.pk,)),
        {
            "new_title": "Второй конкурс",
            "new_slug": "second-call",
            "new_parent_page": call.get_parent().pk,
            "publish_copies": publish_copies,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    copy = GrantCallPage.objects.get(slug="second-call")
    assert copy.live == bool(publish_copies)
    if copy.live:  # a live copy's live revision is the renewed one, as in Wagtail's own copy
        assert copy.live_revision_id == copy.latest_revision_id
    served, edited = form_of(copy)
    assert served == edited  # the editor opens the same ids the page serves
    assert [prefix for prefix, _id, _key in served] == [prefix for prefix, _id, _key in original[0]]
    assert all(key == key_for_id(prefix, block_id) for prefix, block_id, key in served)
    assert not {block_id for _p, block_id, _k in served} & {block_id for _p, block_id, _k in original[0]}
    assert not {key for _p, _i, key in served} & {key for _p, _i, key in original[0]}
    assert form_of(call) == original  # nothing of the original changed
    kk = translate(GrantCallPage.objects.get(pk=call.pk), "kk")
    assert keyed_blocks(kk.form_steps) == original[0]

    # the copy publishes through the editor's own publish and takes an answer under its keys
    copy.get_latest_revision().publish(user=coordinator)
    copy = GrantCallPage.objects.get(pk=copy.pk)
    assert copy.live and keyed_blocks(copy.form_steps) == served
    renamed = {old: new for (_p, _i, old), (_q, _j, new) in zip(original[0], served, strict=True)}
    project = renamed["project"]
    answers = {
        renamed[key]: [renamed[v] for v in value] if isinstance(value, list) else renamed.get(value, value)
        for key, value in ANSWERS["project"].items()
    }
    applicant = Applicant(client, copy)
    client.logout()
    applicant.start()
    for step in ("eligibility", "applicant"):
        assert applicant.post_step(step).status_code == 302
    answered = applicant.post_step(project, answers)
    assert answered.status_code == 302, answered.content.decode()[:3000]
    draft = Draft.objects.get(form_key=copy.translation_key)
    assert draft.state(project) == "completed"
    assert draft.data["step_data"][project][f"{project}-{renamed['problem']}"] == ["Детям негде играть."]


@pytest.mark.django_db
def test_page_copy_in_code_renews_keys_and_translation_keeps_them(call):
    """``Page.copy()`` outside the admin renews the form too; ``copy_for_translation`` does not."""
    from tests.grants.factories import translate

    original = keyed_blocks(call.form_steps)
    copy = GrantCallPage.objects.get(pk=call.copy(update_attrs={"slug": "copied-call", "title": "Copy"}).pk)
    copy.full_clean()  # the renewed keys are accepted by the keys-cannot-change rule
    renewed = keyed_blocks(copy.form_steps)
    assert all(key == key_for_id(prefix, block_id) for prefix, block_id, key in renewed)
    assert not {key for _p, _i, key in renewed} & {key for _p, _i, key in original}
    assert keyed_blocks(GrantCallPage.objects.get(pk=call.pk).form_steps) == original
    kk = translate(call, "kk")
    kk.full_clean()
    assert keyed_blocks(kk.form_steps) == original


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["admin", "code"])
def test_a_copied_call_gets_its_own_report_keys(client, call, coordinator, how):
    """The report's questions are renewed on copy like the application's: new ids and their keys in
    the served page and in the editor; the original and its translation keep theirs."""
    from cms_plugins.multistep.steps import designed_steps
    from tests.grants.factories import translate
    from tests.grants.test_grant_reports import REPORT_STEPS

    call.report_steps = REPORT_STEPS
    call.save_revision().publish()
    original = keyed_blocks(GrantCallPage.objects.get(pk=call.pk).report_steps)
    application_form = form_of(call)[0]
    if how == "admin":
        client.force_login(coordinator)
        response = client.post(
            reverse("wagtailadmin_pages:copy", args=(call.pk,)),
            {"new_title": "Второй", "new_slug": "second-call", "new_parent_page": call.get_parent().pk},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        copy = GrantCallPage.objects.get(slug="second-call")
    else:
        copy = GrantCallPage.objects.get(pk=call.copy(update_attrs={"slug": "second-call", "title": "Второй"}).pk)
    served = keyed_blocks(copy.report_steps)
    assert served == keyed_blocks(copy.latest_revision.as_object().report_steps)
    assert [prefix for prefix, _id, _key in served] == [prefix for prefix, _id, _key in original]
    assert all(key == key_for_id(prefix, block_id) for prefix, block_id, key in served)
    assert not {block_id for _p, block_id, _k in served} & {block_id for _p, block_id, _k in original}
    assert not {key for _p, _i, key in served} & {key for _p, _i, key in original}
    assert not {key for _p, _i, key in form_of(copy)[0]} & {key for _p, _i, key in application_form}
    copy.full_clean()  # the renewed keys pass the keys-cannot-change rule
    # the copy's report form asks its questions under the new keys
    step = designed_steps(copy.report_steps)[0]
    assert step.key == served[0][2] and list(step.form_class.base_fields) == [served[1][2]]
    assert keyed_blocks(GrantCallPage.objects.get(pk=call.pk).report_steps) == original
    assert keyed_blocks(translate(GrantCallPage.objects.get(pk=call.pk), "kk").report_steps) == original


@pytest.mark.django_db
def test_editor_reads_like_a_form_builder(client, call, coordinator):
    """In Russian the editor names steps, questions, hints, options and columns, keeps keys read-only
    under each block's settings, and explains itself in a help panel on the form tab."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(coordinator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(call.pk,))).content.decode()
    # block definitions travel as JSON with \\uXXXX escapes
    html = unescape(re.sub(r"\\u([0-9a-fA-F]{4})", lambda match: chr(int(match.group(1), 16)), html))
    for word in ("Шаг", "Вопрос", "Подсказка", "Вариант", "Столбец", "Технический ключ", "Как устроена форма заявки"):
        assert word in html, word
    assert "Машинное имя" not in html
    assert 'name=\\"__NAME__\\" readonly' in html  # the key's input, read-only


@pytest.mark.django_db
def test_coordinator_translates_a_call_they_edit(client, call, coordinator):
    """A coordinator submits the call for translation into Kazakh and may edit and publish the translation."""
    client.force_login(coordinator)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(call.pk,))).content.decode()
    url = reverse("wagtail_localize:submit_page_translation", args=(call.pk,))
    assert url in edit
    from wagtail.models import Locale

    kk = Locale.objects.get_or_create(language_code="kk")[0]
    response = client.post(url, {"locales": [kk.pk], "include_subtree": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    translation = GrantCallPage.objects.get(translation_key=call.translation_key, locale=kk)
    assert translation.permissions_for_user(coordinator).can_publish()
    assert client.get(reverse("wagtailadmin_pages:edit", args=(translation.pk,))).status_code == 200


@pytest.mark.django_db
def test_experts_cannot_translate_calls(client, call):
    """Without the Coordinators' right, the translate action is neither offered nor accepted."""
    from wagtail.models import Locale

    expert = User.objects.create_user("expert", password="x" * 12)
    expert.groups.add(Group.objects.get(name="Experts"))
    client.force_login(expert)
    kk = Locale.objects.get_or_create(language_code="kk")[0]
    url = reverse("wagtail_localize:submit_page_translation", args=(call.pk,))
    assert client.post(url, {"locales": [kk.pk]}).status_code in (302, 403)
    assert not GrantCallPage.objects.filter(translation_key=call.translation_key, locale=kk).exists()


@pytest.mark.django_db
def test_machine_values_are_not_offered_for_translation(call):
    """Translators see texts only: no keys, no consent version, no limits."""
    from wagtail_localize.models import String, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(call)
    strings = set(String.objects.filter(segments__source=source).values_list("data", flat=True))
    assert "Project title" in strings and "Be concrete." in strings
    assert call.consent_version == "2026-01" and "2026-01" not in strings
    assert not {"300", "120", "text", "number", "project_title", "problem"} & strings
