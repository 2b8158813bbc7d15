"""What the competition writes about a person (experts' notes, reasons in the history) is erased with them."""

import pytest

from cms_plugins.erasure import Identity, erase_everywhere
from grants import decisions, reviewing
from grants.models import ApplicationEvent, Assignment

from .competition import FEASIBILITY, RELEVANCE, call_with_rubric, make_applications, member

NAME = "Айгуль Серикова"


@pytest.mark.django_db
def test_conflict_notes_comments_and_reasons_lose_the_person():
    """A name written into a conflict note, a criterion comment or a move's reason does not survive anonymisation."""
    application = make_applications(call_with_rubric(), 1, status="under_review")[0]
    coordinator = member("coord", "Coordinators")
    first, second = member("expert1", "Experts"), member("expert2", "Experts")
    conflicted = Assignment.objects.create(application=application, expert=first)
    reviewing.declare(conflicted, first, True, f"{NAME} — моя соседка")
    assignment = Assignment.objects.create(application=application, expert=second)
    reviewing.declare(assignment, second, False)
    scores = {RELEVANCE: {"score": 5, "comment": f"{NAME} знает село"}, FEASIBILITY: {"score": 3, "comment": ""}}
    reviewing.submit_review(assignment, second, scores, "")
    decisions.move(application, "withdrawn", coordinator, reason=f"Письмо от {NAME}")
    erase_everywhere(Identity.of(names=[NAME], emails=[], phones=[]))
    conflicted.refresh_from_db()
    assignment.refresh_from_db()
    assert NAME not in conflicted.conflict_note and NAME not in str(assignment.scores)
    assert all(NAME not in event.reason for event in ApplicationEvent.objects.all())
    assert assignment.scores[RELEVANCE]["score"] == 5  # the scores themselves are kept
