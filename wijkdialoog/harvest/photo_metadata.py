"""Photos lose their metadata before they are stored: a phone writes where the picture was
taken (GPS), the device and its serial number, and the time into EXIF and XMP. A photo of a
flip-chart needs none of that, and the wall may show it to anyone."""

import io
from pathlib import PurePath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Kept: the colour profile, which says how to show the colours and says nothing about people.
KEPT_INFO = ("icc_profile",)
SAVE_OPTIONS: dict[str | None, dict[str, int | bool]] = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}


def without_metadata(upload) -> ContentFile:
    """The same picture in the same format, turned the way the phone meant it, without EXIF,
    XMP or text chunks. The name is kept."""
    upload.seek(0)
    with Image.open(upload) as original:
        image_format = original.format
        # The orientation tag goes with the rest, so apply it to the pixels first.
        image = ImageOps.exif_transpose(original)
        image.load()
    image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, exif=b"", **SAVE_OPTIONS.get(image_format, {}))
    return ContentFile(buffer.getvalue(), name=PurePath(upload.name or "photo").name)
