"""A call's scoring rubric: criteria editors write on the call page, keyed like the form's questions.

A criterion's key comes from its block id (``cms_plugins.multistep.keys``) and never
changes, so every score stays attached to its criterion across saves and translations.
Once an expert has scored, the criteria, their maximum scores and their weights are
fixed (wording may still be corrected and translated).
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms_plugins.multistep import keys
from cms_plugins.multistep.blocks import KeyBlock, KeyedStreamBlock

PREFIX = "r"


class CriterionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Criterion"), max_length=200, help_text=_("What the experts score."))
    guidance = blocks.TextBlock(
        label=_("Guidance for experts"),
        required=False,
        max_length=1000,
        help_text=_("What a low and a high score mean."),
    )
    max_score = blocks.IntegerBlock(
        label=_("Maximum score"), min_value=1, max_value=100, default=5, help_text=_("Scores go from 0 to this.")
    )
    weight = blocks.IntegerBlock(
        label=_("Weight"), min_value=1, max_value=10, default=1, help_text=_("The score is multiplied by this.")
    )
    key = KeyBlock(help_text=_("Set automatically when the page is saved; scores are stored under it."))

    class Meta:
        icon = "tick"
        label = _("Criterion")
        label_format = "{label}"


class RubricBlock(KeyedStreamBlock):
    prefix = PREFIX
    duplicate_message = _("Two criteria have the same key: %(keys)s.")

    criterion = CriterionBlock()


def criteria(rubric):
    """[{key, label, guidance, max_score, weight}] of a rubric value, in order."""
    return [
        {
            "key": child.value.get("key") or keys.key_for_id(PREFIX, keys.ensure_id(child)),
            "label": child.value.get("label") or "",
            "guidance": child.value.get("guidance") or "",
            "max_score": int(child.value.get("max_score") or 0),
            "weight": int(child.value.get("weight") or 1),
        }
        for child in rubric or []
    ]


def signature(rubric):
    """What scores depend on: which criteria, their maximum scores and weights."""
    return [(c["key"], c["max_score"], c["weight"]) for c in criteria(rubric)]


def settle_keys(new_rubric, old_rubric=None):
    """Keys of the new version kept from the old one (by block id); [(old, posted)] refused changes."""
    previous = {child.id: child.value.get("key") for child in old_rubric or [] if child.id and child.value.get("key")}
    return keys.settle(list(new_rubric or []), PREFIX, previous)


def weighted_total(rubric_criteria, scores):
    """Σ weight × score over the criteria (scores: {key: {"score": n, ...}})."""
    return sum(
        (Decimal(c["weight"]) * Decimal(int(scores[c["key"]]["score"])) for c in rubric_criteria if c["key"] in scores),
        Decimal(0),
    )


def best_total(rubric_criteria):
    return sum(c["weight"] * c["max_score"] for c in rubric_criteria)
