"""Upload rules for documents: a size limit and contents that match the extension.

WAGTAILDOCS_EXTENSIONS already refuses names such as .html or .svg; this also
refuses a web page renamed to .pdf or .txt, which a browser might otherwise
render as a page of the site.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "doc": (OLE,),
    "xls": (OLE,),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "odt": (ZIP,),
    "ods": (ZIP,),
    "rtf": (b"{\\rtf",),
}
MARKUP = (
    b"<!doctype",
    b"<html",
    b"<head",
    b"<body",
    b"<svg",
    b"<script",
    b"<iframe",
    b"<?xml",
)
HEAD_BYTES = 2048


def _head(upload) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(position)
    return head


def check_document_upload(upload) -> None:
    """Refuse a file that is too big or whose contents do not match its extension."""
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; documents may be at most %(limit)s MB."),
            code="file_too_large",
            params={
                "size": f"{upload.size / 1024 / 1024:.1f}",
                "limit": f"{limit / 1024 / 1024:.0f}",
            },
        )
    extension = PurePath(upload.name or "").suffix.lstrip(".").lower()
    head = _head(upload)
    signatures = SIGNATURES.get(extension)
    if signatures and not head.startswith(signatures):
        raise ValidationError(
            _("The contents of this file are not a .%(extension)s document."),
            code="file_type_mismatch",
            params={"extension": extension},
        )
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(MARKUP):
        raise ValidationError(
            _("Web pages and SVG images cannot be uploaded as documents."),
            code="file_is_markup",
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with the project's upload rules."""

    def _post_clean(self):
        # After the model's own checks (the extension among them): a field error
        # raised earlier would hide the file from them and make them complain of
        # an empty extension.
        super()._post_clean()
        upload = self.cleaned_data.get("file")
        if "file" not in self.errors and isinstance(upload, UploadedFile):
            try:
                check_document_upload(upload)
            except ValidationError as error:
                self.add_error("file", error)
