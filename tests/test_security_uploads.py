"""Uploads: allowed types only, size limits, documents always downloaded as attachments."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from home import roles

from .fixtures_security import client_for, readable, world

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOCX = b"PK\x03\x04" + b"\x00" * 60
PAGE = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'


def upload(client, name: str, content: bytes, collection=None):
    collection = collection or Collection.get_first_root_node()
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": str(collection.pk),
        },
    )


def field_errors(response) -> str:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(
        error.get_text(" ", strip=True)
        for error in soup.select(".error-message, .w-field__errors")
    )


def test_real_documents_are_accepted(world):
    staff = client_for(world, "staff")
    for name, content in (("plan.pdf", PDF), ("plan.docx", DOCX), ("plan.txt", b"ok")):
        assert upload(staff, name, content).status_code == 302, name
    assert get_document_model().objects.filter(title="plan.pdf").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", PAGE, "File extension “html” is not allowed"),
        ("drawing.svg", SVG, "File extension “svg” is not allowed"),
        ("page.pdf", PAGE, "not a .pdf document"),
        ("notes.txt", PAGE, "Web pages and SVG images cannot be uploaded"),
        ("drawing.txt", SVG, "Web pages and SVG images cannot be uploaded"),
        ("macro.docx", PDF, "not a .docx document"),
    ],
)
def test_web_pages_and_svg_are_refused_whatever_their_name(
    world, name, content, message
):
    staff = client_for(world, "staff")
    response = upload(staff, name, content)
    assert response.status_code == 200
    assert message in readable(response)
    assert "“”" not in readable(response)
    assert not get_document_model().objects.filter(title=name).exists()


@override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1024)
def test_documents_over_the_size_limit_are_refused(world):
    response = upload(client_for(world, "staff"), "big.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    assert "documents may be at most" in readable(response)


def png(size=(4, 4)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": str(Collection.get_first_root_node().pk),
        },
    )


def test_images_must_be_real_raster_images_under_the_limit(world):
    editor = client_for(world, "editor")
    assert upload_image(editor, "photo.png", png()).status_code == 302
    refused = upload_image(editor, "logo.svg", SVG)
    assert refused.status_code == 200
    assert not get_image_model().objects.filter(title="logo.svg").exists()
    with override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100):
        too_big = upload_image(editor, "large.png", png((200, 200)))
    assert too_big.status_code == 200
    assert not get_image_model().objects.filter(title="large.png").exists()


@pytest.mark.parametrize("name", ["text.txt", "scan.pdf"])
def test_documents_download_as_attachments_that_never_run(world, name):
    document = get_document_model()(
        title=name, collection=Collection.get_first_root_node()
    )
    document.file.save(name, ContentFile(PDF if name.endswith("pdf") else b"hi"))
    response = client_for(world, "anonymous").get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_documents_are_not_served_from_the_media_folder(world):
    response = client_for(world, "staff").get(f"/media/{world.document.file.name}")
    assert response.status_code == 404


def test_trainers_upload_only_into_the_training_materials(world):
    trainer = client_for(world, "trainer")
    form = BeautifulSoup(
        trainer.get("/admin/documents/add/").content.decode(), "html.parser"
    )
    offered = {
        option.get_text(strip=True)
        for option in form.select("select[name=collection] option")
        if option.get("value")
    }
    if offered:  # one collection only: Wagtail hides the choice
        assert offered == {roles.TRAINING_COLLECTION}
    refused = upload(trainer, "leak.pdf", PDF)
    assert (
        not get_document_model()
        .objects.filter(title="leak.pdf", collection=Collection.get_first_root_node())
        .exists()
    ), refused.status_code
    training = Collection.objects.get(name=roles.TRAINING_COLLECTION)
    assert upload(trainer, "handout.pdf", PDF, training).status_code == 302
