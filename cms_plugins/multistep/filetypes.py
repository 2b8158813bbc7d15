"""What an uploaded file really is, from its first bytes (never from its name).

Each kind has a key editors choose from, the extensions people know it by, and a
test on its content. Office files are ZIP (DOCX/XLSX) or OLE2 (DOC/XLS) containers;
a ZIP is accepted as DOCX/XLSX only when it holds that format's main part.
"""

import zipfile

from django.utils.translation import gettext_lazy as _

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def _zip_has(fileobj, member_prefix):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            return any(name.startswith(member_prefix) for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def sniff(fileobj):
    """The kind key of the file's content ("pdf", "docx", "jpg", ...) or None."""
    fileobj.seek(0)
    head = fileobj.read(32)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"\xff\xd8\xff"):
            return "jpg"
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "png"
        if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
            return "heic"
        if head.startswith(OLE2):
            # Word and Excel 97-2003 share the container; the extension decides which,
            # both are accepted under the same "office" rule by the caller.
            return "ole2"
        if head.startswith(b"PK\x03\x04"):
            fileobj.seek(0)
            if _zip_has(fileobj, "word/"):
                return "docx"
            fileobj.seek(0)
            if _zip_has(fileobj, "xl/"):
                return "xlsx"
        return None
    finally:
        fileobj.seek(0)


# kind key -> (label, extensions, content kinds that satisfy it)
KINDS = {
    "pdf": (_("PDF"), ["pdf"], {"pdf"}),
    "doc": (_("Word (DOC, DOCX)"), ["doc", "docx"], {"ole2", "docx"}),
    "xls": (_("Excel (XLS, XLSX)"), ["xls", "xlsx"], {"ole2", "xlsx"}),
    "image": (_("Photo or scan (JPG, PNG, HEIC)"), ["jpg", "jpeg", "png", "heic", "heif"], {"jpg", "png", "heic"}),
}
KIND_CHOICES = [(key, label) for key, (label, _exts, _c) in KINDS.items()]
DEFAULT_KINDS = list(KINDS)


def accepted_extensions(kinds):
    return [ext for kind in kinds for ext in KINDS[kind][1]]


def check(fileobj, name, kinds):
    """None when the file's name and content are one of ``kinds``, else a message."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = [kind for kind in kinds if kind in KINDS]
    if extension not in accepted_extensions(allowed):
        return _("“%(name)s” is not one of the accepted types: %(types)s.") % {
            "name": name,
            "types": ", ".join(str(KINDS[k][0]) for k in allowed),
        }
    content = sniff(fileobj)
    for kind in allowed:
        _label, extensions, contents = KINDS[kind]
        if extension in extensions and content in contents:
            return None
    return _("“%(name)s” does not look like the file type its name says; it may be damaged or renamed.") % {
        "name": name
    }
