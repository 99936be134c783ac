"""Photos of flip-charts keep no trace of where and with what they were taken, and a file of the
wrong type is refused in plain words."""

import io
import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from wijkdialoog.harvest.models import Photo

GPS_IFD = 0x8825
MAKE, MODEL, ORIENTATION, SERIAL = 0x010F, 0x0110, 0x0112, 0xA431


@pytest.fixture
def fenna(client, facilitator):
    client.force_login(facilitator.person.user)
    return client


def phone_photo(image_format="JPEG") -> bytes:
    """A picture as a phone stores it: taken sideways (orientation 6), with GPS and device."""
    image = Image.new("RGB", (40, 20), "white")
    image.paste((255, 0, 0), (0, 0, 4, 4))  # a red corner, to see which way it is turned
    exif = Image.Exif()
    exif[MAKE] = "Fonefabriek"
    exif[MODEL] = "Model 7 Pro"
    exif[ORIENTATION] = 6
    exif.get_ifd(0x8769)[SERIAL] = "SN-123456789"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (52.0, 22.0, 1.5), 3: "E", 4: (4.0, 53.0, 2.0)})
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, exif=exif, xmp=b"<x:xmpmeta>Fonefabriek</x:xmpmeta>")
    return buffer.getvalue()


def upload(fenna, run, content, name):
    return fenna.post(
        reverse("table-run-cards", args=[run.table.pk]),
        {
            "client_id": str(uuid.uuid4()),
            "image": SimpleUploadedFile(name, content, content_type="image/jpeg"),
            "caption": "Flip-over",
            "publication": "public",
        },
    )


def test_the_test_photo_really_carries_gps_and_the_device():
    with Image.open(io.BytesIO(phone_photo())) as image:
        assert image.getexif()[MAKE] == "Fonefabriek"
        assert image.getexif().get_ifd(GPS_IFD)[1] == "N"


@pytest.mark.parametrize(("image_format", "extension"), [("JPEG", "jpg"), ("PNG", "png")])
def test_a_stored_photo_has_no_gps_and_no_device_but_is_turned_the_right_way(
    fenna, run, image_format, extension
):
    response = upload(fenna, run, phone_photo(image_format), f"IMG_0001.{extension}")
    assert response.status_code == 302

    photo = Photo.objects.get()
    stored = photo.image.read()
    assert b"Fonefabriek" not in stored
    assert b"SN-123456789" not in stored
    assert photo.image.name.endswith(f".{extension}")
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == image_format
        assert not image.getexif()
        assert "exif" not in image.info and "xmp" not in image.info
        # Orientation 6 is applied to the pixels: the sideways 40×20 picture stands upright,
        # and the red corner moved from the top left to the top right.
        assert image.size == (20, 40)
        red, green, blue = image.convert("RGB").getpixel((18, 1))
        assert red > 200 and green < 80 and blue < 80


def test_a_webp_photo_stays_webp_without_its_metadata(fenna, run):
    assert upload(fenna, run, phone_photo("WEBP"), "photo.webp").status_code == 302
    stored = Photo.objects.get().image.read()
    assert b"Fonefabriek" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "WEBP"
        assert not image.getexif()


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"just some notes", "notes.txt"), (b"%PDF-1.7 not a photo", "flap.pdf")],
)
def test_a_file_of_the_wrong_type_is_refused_in_plain_words(fenna, run, content, name):
    response = upload(fenna, run, content, name)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stuur een foto als JPEG, PNG of WebP." in html
    # Not Django's list of every extension Pillow knows (whole words: a CSRF token may hold "bmp").
    assert not re.search(r"\b(bmp|tiff?|gif)\b", html.lower())
    assert not Photo.objects.exists()


def test_in_english_the_refusal_names_the_same_three_types(fenna, run):
    fenna.cookies["wijkdialoog_language"] = "en"
    html = upload(fenna, run, b"just some notes", "notes.txt").content.decode()
    assert "Send a photo as JPEG, PNG or WebP." in html
