"""Demo grant calls in kk, ru and en, with a complete form, drafts and submitted applications.

Idempotent: calls are found by slug, translations by locale, applicants by email.
Drafts and applications go through the same forms and services as the website, so
what the demo shows is what an applicant would have produced.
"""

from datetime import datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from wagtail.models import Site

from cms_plugins.locales import translation_of
from cms_plugins.multistep.models import Draft, private_storage
from cms_plugins.multistep.storage import DraftStorage

from . import demo_grants, letters, services
from .demo_data import competition as past
from .demo_data import grants_after_award as after_award
from .demo_data.call import APPLICANTS, CALL, INDEX, PAST_CALL
from .demo_data.letters import AWARDED
from .models import Application, ApplicationEvent, Assignment, GrantCallPage, GrantIndexPage
from .permissions import let_coordinators_manage

LANGUAGES = ["ru", "kk", "en"]
DEMO_PDF = b"%PDF-1.4\n% demo scan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Block ids shared by every translation (wagtail-localize keeps them the same way).
STEP_IDS = {"project": "6f1c2a8e-0001-4c1e-9a00-000000000001", "plan": "6f1c2a8e-0001-4c1e-9a00-000000000002"}


def publish(page):
    page.save_revision().publish()
    return page


def oral_datetime(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def form_steps(language):
    """The editor-designed steps; the same keys and block ids in every language."""
    t = CALL[language]["steps"]

    def q(kind, key, n, **extra):
        label, hint = t[key]
        value = {"key": key, "label": label, "help_text": hint, "required": extra.pop("required", True), **extra}
        return {"type": kind, "id": f"6f1c2a8e-0002-4c1e-9a00-{n:012d}", "value": value}

    def options(*keys):
        return [{"key": key, "label": t[key]} for key in keys]

    project = [
        q("short_text", "project_title", 1, max_length=120),
        q("long_text", "problem", 2, max_length=1500),
        q("number", "people", 3, min_value=1, max_value=20000),
        q("date", "start", 4, required=False),
        q("single_choice", "topic", 5, options=options("youth", "ecology", "culture")),
        q("multiple_choice", "partners", 6, required=False, options=options("akimat", "school", "business")),
        q("yes_no", "first_time", 7),
    ]
    plan = [
        q(
            "rows",
            "activities",
            8,
            min_rows=1,
            max_rows=12,
            columns=[
                {"key": "what", "label": t["what"], "kind": "text", "required": True},
                {"key": "month", "label": t["month"], "kind": "number", "required": True},
            ],
        ),
        q("money", "own_contribution", 9, required=False, min_value=0, max_value=None),
        q("file", "photo", 10, required=False, kinds=["image"], max_size_mb=10),
    ]
    return [
        {
            "type": "step",
            "id": STEP_IDS["project"],
            "value": {"key": "project", "title": t["project"][0], "intro": t["project"][1], "questions": project},
        },
        {
            "type": "step",
            "id": STEP_IDS["plan"],
            "value": {"key": "plan", "title": t["plan"][0], "intro": t["plan"][1], "questions": plan},
        },
    ]


def ensure_index(home_ru):
    index = GrantIndexPage.objects.filter(locale=home_ru.locale, slug="grants").first()
    if index is None:
        index = home_ru.add_child(instance=GrantIndexPage(title=INDEX["ru"][0], slug="grants"))
    pages = {}
    for language in LANGUAGES:
        page = translation_of(index, language)
        page.title, page.intro = INDEX[language]
        page.show_in_menus = True
        pages[language] = publish(page)
        let_coordinators_manage(pages[language])  # also for indexes made before the signal existed
    return pages


def ensure_call(index_ru, slug, fill):
    call = GrantCallPage.objects.filter(locale=index_ru.locale, slug=slug).first()
    if call is None:
        call = GrantCallPage(slug=slug, **fill("ru", None))
        index_ru.add_child(instance=call)
    pages = {}
    for language in LANGUAGES:
        page = translation_of(call, language)
        for name, value in fill(language, page).items():
            setattr(page, name, value)
        pages[language] = publish(page)
    return pages


def call_letters(language, awarded=None):
    """Every letter with our default text in the page's language; ``awarded`` (subject, paragraphs)
    replaces the awarded letter."""
    fields = letters.initial_letters(language)
    if awarded is not None:
        subject, paragraphs = awarded
        fields["letter_awarded_subject"] = subject
        fields["letter_awarded_text"] = letters.paragraphs_html(paragraphs)
    return fields


def open_call_fields(language, page):
    text = CALL[language]
    today = timezone.localdate()
    return {
        "title": text["title"],
        "intro": text["intro"],
        "body": text["body"],
        "eligibility": text["eligibility"],
        "number_of_grants": 5,
        "amount_per_grant": 570000,
        "opens_at": oral_datetime(today - timedelta(days=7), 9),
        "closes_at": oral_datetime(today + timedelta(days=30), 18),
        "review_stage": "",
        "faq": [
            {"type": "faq", "value": {"title": "", "items": [{"question": q, "answer": a} for q, a in text["faq"]]}}
        ],
        "form_steps": form_steps(language),
        "consent_text": text["consent"],
        "consent_version": "2026-01",
        **call_letters(language),
    }


def past_call_fields(language, page):
    title, intro, results = PAST_CALL[language]
    today = timezone.localdate()
    return {
        "title": title,
        "intro": intro,
        "number_of_grants": 5,
        "amount_per_grant": 570000,
        "opens_at": oral_datetime(today - timedelta(days=400), 9),
        "closes_at": oral_datetime(today - timedelta(days=340), 18),
        # the demo runs the competition itself and publishes the results (complete_past_call)
        "review_stage": page.review_stage if page is not None and page.pk else "under_review",
        "results": results,
        "rubric": [
            {
                "type": "criterion",
                "id": block_id,
                "value": {"label": texts[language][0], "guidance": texts[language][1], "max_score": 5, "weight": 1},
            }
            for block_id, texts in past.RUBRIC
        ],
        "disagreement_threshold": 4,
        "report_steps": demo_grants.report_steps(language),
        "consent_text": CALL[language]["consent"],
        "consent_version": "2025-01",
        **call_letters(language, AWARDED[language]),
    }


def answers_for(applicant):
    email, organisation, bin_, kind, district, village, contact, phone, title, _submit = applicant
    answers = {
        "eligibility": {"applicant_type": kind, "rural": "yes", "project_in_region": "yes"},
        "applicant": {
            "organisation_name": organisation,
            "bin": bin_,
            "district": district,
            "settlement": village,
            "contact_name": contact,
            "contact_role": "",
            "phone": phone,
            "email": email,
        },
    }
    if title:
        answers.update(
            {
                "project": {
                    "project_title": title,
                    "problem": "Жителям негде собираться; проект даёт селу общее место и занятие для подростков.",
                    "people": "250",
                    "start": (timezone.localdate() + timedelta(days=60)).isoformat(),
                    "topic": "youth",
                    "partners": ["akimat", "school"],
                    "first_time": "yes",
                },
                "plan": {
                    "activities-0-what": "Закупка материалов",
                    "activities-0-month": "1",
                    "activities-1-what": "Работы с волонтёрами",
                    "activities-1-month": "2",
                    "own_contribution": "80000",
                },
                "budget": {
                    "requested_amount": "570000",
                    "lines-0-item": "Материалы",
                    "lines-0-amount": "420000",
                    "lines-1-item": "Транспорт",
                    "lines-1-amount": "150000",
                },
                "attachments": {},
                "check": {},
                "declaration": {"consent_version": "2026-01", "consent": "on", "truthful": "on"},
            }
        )
    return answers


def ensure_applicant(call, applicant):
    """A draft (or a submitted application) built through the real forms."""
    email, submit = applicant[0], applicant[-1]
    if Application.objects.filter(email=email, call__translation_key=call.translation_key).exists():
        return
    draft = Draft.objects.open().filter(form_key=call.translation_key, email=email).first()
    if draft is None:
        draft = Draft(form_key=call.translation_key, email=email, language="ru")
        draft.new_token()  # the demo link is never shown: a coordinator can issue a new one
        draft.save()
    storage = DraftStorage(f"multistep_{call.translation_key}", None, private_storage(), draft=draft)
    steps = call.get_form_steps()
    form_dict, states = {}, {}
    for step in steps:
        answers = answers_for(applicant).get(step.key)
        if answers is None or (step.key == "declaration" and not submit):
            continue
        data = MultiValueDict({f"{step.key}-{k}": (v if isinstance(v, list) else [v]) for k, v in answers.items()})
        storage.set_step_data(step.key, data)
        draft.data = storage.data  # later steps read earlier answers from the draft (forms.stored_answer)
        if step.key == "attachments":
            upload = SimpleUploadedFile("registration.pdf", DEMO_PDF, content_type="application/pdf")
            storage.set_step_files(step.key, {"attachments-registration": upload})
        files = storage.get_step_files(step.key)
        form = step.form_class(data=data, files=files, prefix=step.key, page=call, draft=draft)
        states[step.key] = "completed" if form.is_valid() else "in_progress"
        form_dict[step.key] = form
    draft.step_states = states
    storage.current_step = steps[0].key
    storage.save()
    if submit and all(state == "completed" for state in states.values()) and len(states) == len(steps):
        draft.submitted_at = timezone.now()
        draft.save(update_fields=["submitted_at"])
        services.submit_application(call=call, draft=draft, form_dict=form_dict, steps=steps)


def demo_user(username, group):
    """A role's demo account; without ``load_demo --users`` it cannot sign in (no usable password)."""
    from django.contrib.auth.models import Group, User

    user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def past_budget(requested):
    """Two lines adding up to the request: most for materials, the rest for transport and printing."""
    materials = requested * 2 // 3 // 1000 * 1000
    return [("Материалы и оборудование", materials), ("Транспорт и печать", requested - materials)]


def past_application(call, row, number):
    email, organisation, bin_, kind, district, village, contact, title, requested, language = row
    year = timezone.localtime(call.closes_at).year
    submitted = call.closes_at - timedelta(days=3, hours=number)
    # the budget step as the form stores it: a report's spending is read against these lines
    lines = after_award.FIRST_BUDGET if number == 1 else past_budget(requested)
    budget = {"budget-requested_amount": [str(requested)]}
    for row, (item, amount) in enumerate(lines):
        budget.update({f"budget-lines-{row}-item": [item], f"budget-lines-{row}-amount": [str(amount)]})
    draft = Draft.objects.create(
        form_key=call.translation_key,
        email=email,
        language=language,
        submitted_at=submitted,
        data={"step_data": {"budget": budget}},
    )
    return Application.objects.create(
        reference=f"ZKO-{year}-{number:04d}",
        call=call,
        call_key=call.translation_key,
        draft=draft,
        applicant_type=kind,
        organisation_name=organisation,
        bin=bin_,
        district_code=district,
        settlement=village,
        contact_name=contact,
        email=email,
        phone="+77112000000",
        language=language,
        project_title=title,
        requested_amount=requested,
        answers=[{"step": "Проект", "key": "project", "rows": [["Название проекта", title]]}],
        consent_version="2025-01",
        consent_at=submitted,
        submitted_at=submitted,
    )


def complete_past_call(call):
    """Run last year's competition through the same services coordinators and experts use:
    screening, experts (one conflict, reassigned), scores, shortlist, five awards, results."""
    from . import decisions, reviewing

    if Application.objects.filter(call_key=call.translation_key).exists():
        return  # already run (the demo is idempotent)
    coordinator = demo_user("coordinator", "Coordinators")
    experts = {name: demo_user(name, "Experts") for name in ("expert1", "expert2", "expert3")}
    applications = {
        row[0]: past_application(call, row, number) for number, row in enumerate(past.PAST_APPLICANTS, start=1)
    }
    for email, application in applications.items():
        decisions.move(application, "screening", coordinator)
        if email == past.INELIGIBLE[0]:
            decisions.move(
                application, "ineligible", coordinator, reason=past.INELIGIBLE[2], ineligible_reason=past.INELIGIBLE[1]
            )
        else:
            decisions.move(application, "under_review", coordinator)
    conflicted_expert, conflicted_email, note = past.CONFLICT
    for name in ("expert1", "expert2"):
        reviewing.assign_in_bulk(call, "under_review", [experts[name]], coordinator)
    conflicted = Assignment.objects.get(application=applications[conflicted_email], expert=experts[conflicted_expert])
    reviewing.declare(conflicted, experts[conflicted_expert], True, note)
    reviewing.assign(applications[conflicted_email], experts["expert3"], coordinator)
    keys = [criterion["key"] for criterion in call.criteria()]
    for name, scores in past.SCORES.items():
        for email, (*values, comment) in scores.items():
            assignment = Assignment.objects.get(application=applications[email], expert=experts[name])
            if assignment.conflict is None:
                reviewing.declare(assignment, experts[name], False)
            given = {key: {"score": value, "comment": ""} for key, value in zip(keys, values, strict=True)}
            reviewing.submit_review(assignment, experts[name], given, comment)
    for email in past.SHORTLIST:
        decisions.move(Application.objects.get(pk=applications[email].pk), "shortlisted", coordinator)
    from .ranking import ranked_applications

    for application in ranked_applications(call.translation_key).filter(status="shortlisted")[:5]:
        decisions.award(application, 570000, coordinator)
    decisions.publish_results(call, coordinator)
    # the demo ran today; the story it tells ended a month after the deadline
    shift = timezone.now() - (call.closes_at + timedelta(days=30))
    ApplicationEvent.objects.filter(application__call_key=call.translation_key).update(at=F("at") - shift)
    Assignment.objects.filter(application__call_key=call.translation_key).update(
        assigned_at=F("assigned_at") - shift, declared_at=F("declared_at") - shift, scored_at=F("scored_at") - shift
    )


def load(command):
    # The default site's root is the home page home's demo built (it runs first).
    home_ru = Site.objects.get(is_default_site=True).root_page
    for language in LANGUAGES:
        translation_of(home_ru, language)
    index = ensure_index(home_ru)
    calls = ensure_call(index["ru"], "small-grants-2026", open_call_fields)
    past_calls = ensure_call(index["ru"], "small-grants-2025", past_call_fields)
    complete_past_call(GrantCallPage.objects.get(pk=past_calls["ru"].pk))
    demo_grants.complete_grants(
        GrantCallPage.objects.get(pk=past_calls["ru"].pk), demo_user("coordinator", "Coordinators")
    )
    for applicant in APPLICANTS:
        ensure_applicant(calls["ru"], applicant)
