"""Private files (applications' and reports' attachments) answered as downloads, once the caller
has checked who asks."""

import mimetypes
import os

from django.http import FileResponse, Http404


def private_download(field_file, name):
    """The stored file as an attachment named ``name``; never sniffed, never cached."""
    try:
        handle = field_file.open("rb")
    except (OSError, ValueError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=os.path.basename(name), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
