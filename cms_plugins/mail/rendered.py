"""What a renderer may write at sending time besides plain text: the text and its attachments.

A renderer (``queue_mail(..., renderer="dotted.path")``) returns a ``str``, ``None`` (not
needed any more) or a ``Rendered``; attachments are written at sending time too, so a
file holding a secret (a personal link in a calendar entry) is never stored in the outbox.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rendered:
    body: str
    # (file name, content, MIME type) each, as Django's EmailMessage.attach() takes them
    attachments: tuple = field(default_factory=tuple)
