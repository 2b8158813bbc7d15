"""Machine keys of designed steps, questions, options and columns.

A key is the name an answer is stored under. It comes from the id Wagtail gives
every StreamField child and ListBlock item (a UUID made in the browser when the
block is added, kept through every save, reorder and translation), so the same
block gets the same key on every background save, without the browser ever being
told. Never from a label: labels change and are translated.

``settle`` is the one place keys are decided, per scope (the steps of a form, the
questions of a step, the options or columns of a question):

- a block that had a key before keeps it (the answers stored under it stay found);
  a different key posted for it is refused (``changed``);
- a new block keeps a key it brings (demo data, code) unless a sibling has it
  (a duplicated block carries its original's key), else gets one from its own id.

``renew_form`` is the one exception: a copied page is a new form, so its blocks get
new ids and the keys of those ids (a translation keeps both; see pages.py).
"""

import hashlib
import uuid

PREFIXES = {"step": "s", "question": "q", "option": "o", "column": "c"}


def key_for_id(prefix, block_id):
    """``q_3f9a1c2e``: the first hex digits of the block's UUID (any other id is hashed)."""
    try:
        digits = uuid.UUID(str(block_id)).hex
    except ValueError:
        digits = hashlib.sha256(str(block_id).encode()).hexdigest()
    return f"{prefix}_{digits[:8]}"


def ensure_id(child):
    """Blocks built in code may have no id yet; give one now so the key can follow it."""
    if not getattr(child, "id", None):
        child.id = str(uuid.uuid4())
    return child.id


def settle(children, prefix, previous=None):
    """Give each child of one scope its key; return [(old, posted)] for refused changes.

    ``children`` are StreamChild / ListChild objects whose value has a "key";
    ``previous`` maps block ids to the keys they had when last saved.
    """
    previous = previous or {}
    changed = []
    taken = set()
    fresh = []
    for child in children:
        own = key_for_id(prefix, ensure_id(child))
        posted = child.value.get("key") or ""
        old = previous.get(child.id)
        if old:
            # the browser posts "" (new in this session) or what it was shown
            if posted not in ("", own, old):
                changed.append((old, posted))
            child.value["key"] = old
            taken.add(old)
        else:
            fresh.append((child, own, posted))
    # a block posting its own id's key has the best claim to it; then in order
    fresh.sort(key=lambda item: item[2] != item[1])
    for child, own, posted in fresh:
        key = posted if posted and posted not in taken else own
        child.value["key"] = key
        taken.add(key)
    return changed


def duplicates(children):
    keys = [child.value.get("key") for child in children]
    return sorted({key for key in keys if key and keys.count(key) > 1})


def keyed_children(stream_value):
    """(prefix, children) of every scope in a FormStepsBlock value, top down."""
    steps = list(stream_value or [])
    yield PREFIXES["step"], steps
    for step in steps:
        questions = list(step.value["questions"])
        yield PREFIXES["question"], questions
        for question in questions:
            for name, prefix in (("options", PREFIXES["option"]), ("columns", PREFIXES["column"])):
                items = question.value.get(name)
                if items is not None:
                    yield prefix, list(items.bound_blocks)


def key_map(stream_value):
    """{block id: key} of every keyed block in a FormStepsBlock value."""
    return {
        child.id: child.value.get("key")
        for _prefix, children in keyed_children(stream_value)
        for child in children
        if child.id and child.value.get("key")
    }


def renew_form(stream_value, mapping):
    """Give every keyed block a new id and that id's key, in place.

    ``mapping`` (old id -> new id) is filled on the way, so the same form stored twice
    (the page row and its latest revision) gets the same new ids in both.
    """
    for prefix, children in keyed_children(stream_value):
        for child in children:
            child.id = mapping.setdefault(ensure_id(child), str(uuid.uuid4()))
            child.value["key"] = key_for_id(prefix, child.id)


def settle_form(stream_value, previous_value=None):
    """Settle every key of a form against its last saved version; [(old, posted)] refused."""
    previous = key_map(previous_value) if previous_value is not None else {}
    changed = []
    for prefix, children in keyed_children(stream_value):
        changed += settle(children, prefix, previous)
    return changed
