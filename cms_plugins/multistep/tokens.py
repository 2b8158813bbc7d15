"""Secret-link tokens: derived from the draft and its token version, stored only hashed.

The token is an HMAC of (draft id, token version) under the site's SECRET_KEY, so the
server can mail the current link again without storing it (the database keeps only its
SHA-256, so a leaked database opens nothing). Rotating or revoking a link raises the
version: the old token stops matching, and so does every browser cookie that carries
the old version (views.current_draft checks it on each request).
"""

import base64
import hashlib

from django.utils.crypto import salted_hmac

SALT = "cms_plugins.multistep.resume-link"


def resume_token(draft_id, version):
    digest = salted_hmac(SALT, f"{draft_id}:{version}", algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_token(token):
    return hashlib.sha256(str(token).encode()).hexdigest()
