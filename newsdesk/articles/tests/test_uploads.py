"""Image and document uploads: judged by what the file is, not by what it is called.

Every test posts Wagtail's own admin upload form as an editor and reads the
error the editor would see; nothing refused may leave a row behind.
"""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents.models import Document
from wagtail.models import UploadedFile

from newsdesk.articles.models import NewsImage

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.domain)</script></svg>"
)
HTML = b"<!doctype html><html><body><script>alert(document.domain)</script></body></html>"


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#3e7cb1").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(width: int = 8, height: int = 8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#f2c14e").save(buffer, "JPEG")
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A PNG of a few hundred bytes whose header claims width x height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", jpeg_bytes())
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, user_in_group):
    client.force_login(user_in_group("Editors"))
    return client


def image_upload(client, name: str, content: bytes, content_type: str = "image/jpeg"):
    """Post the admin's "Add an image" form with one file; return the response."""
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    data = {"title": "Harbour at dawn", "caption": "", "credit": "Newsdesk", "file": upload}
    return client.post(reverse("wagtailimages:add"), data)


def file_errors(response) -> list[str]:
    assert response.status_code == 200, "a refused upload shows the form again"
    return list(response.context["form"].errors.get("file", []))


def test_editor_uploads_a_real_jpeg(editor_client):
    response = image_upload(editor_client, "harbour.jpg", jpeg_bytes(320, 200))

    assert response.status_code == 302
    image = NewsImage.objects.get()
    assert (image.width, image.height) == (320, 200)


def test_an_uploaded_image_is_served_for_readers_to_keep(editor_client):
    image_upload(editor_client, "harbour.jpg", jpeg_bytes(320, 200))
    url = NewsImage.objects.get().file.url
    editor_client.logout()

    response = editor_client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=2592000"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("story.jpg", HTML, "Upload a valid image"),
        ("logo.jpg", SVG, "Not a valid .jpeg image"),
        ("photos.jpg", zip_bytes(), "Upload a valid image"),
        ("harbour.jpg", png_bytes(), "The extension does not match the file format (png)"),
        ("logo.svg", SVG, "Not a supported image format"),
        ("story.html", HTML, "Upload a valid image"),
    ],
    ids=["html-as-jpg", "svg-as-jpg", "zip-as-jpg", "png-as-jpg", "svg", "html"],
)
def test_file_that_is_not_what_it_says_is_refused(editor_client, name, content, message):
    response = image_upload(editor_client, name, content)

    errors = file_errors(response)
    assert any(message in error for error in errors), errors
    assert not NewsImage.objects.exists()


def test_decompression_bomb_is_refused_before_it_is_decoded(editor_client):
    bomb = png_declaring(20_000, 20_000)
    assert len(bomb) < 200

    response = image_upload(editor_client, "bomb.png", bomb, content_type="image/png")

    errors = file_errors(response)
    assert any("This file has too many pixels" in error for error in errors), errors
    assert not NewsImage.objects.exists()


def test_image_over_the_pixel_limit_is_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50 * 50

    response = image_upload(editor_client, "wide.png", png_bytes(60, 60), "image/png")

    errors = file_errors(response)
    assert "This file has too many pixels (3600). Maximum pixels 2500." in errors
    assert not NewsImage.objects.exists()


def test_file_over_the_size_limit_is_refused(editor_client, settings):
    photo = jpeg_bytes(400, 400)
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = len(photo) - 1

    response = image_upload(editor_client, "large.jpg", photo)

    errors = file_errors(response)
    assert any(error.startswith("This file is too big") for error in errors), errors
    assert not NewsImage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("story.jpg", HTML, "Upload a valid image"),
        ("logo.svg", SVG, "Not a supported image format"),
        ("bomb.png", png_declaring(20_000, 20_000), "This file has too many pixels"),
    ],
    ids=["html-as-jpg", "svg", "bomb"],
)
def test_drag_and_drop_uploader_refuses_the_same_files(editor_client, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")

    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    answer = response.json()
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not NewsImage.objects.exists()
    assert not UploadedFile.objects.exists()


def test_upload_form_says_which_formats_and_size_are_accepted(editor_client):
    response = editor_client.get(reverse("wagtailimages:add"))

    help_text = str(response.context["form"].fields["file"].help_text)
    assert (
        help_text
        == "Supported formats: AVIF, GIF, JPG, JPEG, PNG, WEBP. Maximum filesize: 15.0\xa0MB."
    )


def document_upload(client, name: str, content: bytes):
    """Post "Add a document"; tests pass pytest-django's admin_client, as only
    administrators may upload documents: no newsroom group can."""
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(reverse("wagtaildocs:add"), {"title": "Annual report", "file": upload})


@pytest.mark.parametrize("name", ["page.html", "logo.svg", "tool.js"])
def test_document_that_a_browser_would_run_is_refused(admin_client, name):
    response = document_upload(admin_client, name, HTML)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Document.objects.exists()


def test_document_downloads_as_an_attachment_that_runs_nothing(admin_client):
    document_upload(admin_client, "figures.csv", b"year,readers\n2026,1000\n")
    document = Document.objects.get()
    admin_client.logout()

    response = admin_client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/{name}",
        "/media//documents/{name}",
        "/media/images/../documents/{name}",
        "/media/./documents/{name}",
    ],
)
def test_documents_are_never_served_straight_from_media(admin_client, path):
    document_upload(admin_client, "figures.csv", b"year,readers\n2026,1000\n")
    name = Document.objects.get().file.name.split("/", 1)[1]

    admin_client.logout()

    response = admin_client.get(path.format(name=name))

    assert response.status_code == 404
