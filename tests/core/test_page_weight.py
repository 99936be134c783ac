"""What a first visit costs: htmx only where a page uses it, compressed pages, a favicon, static
files cached for good, and component CSS and tokens trimmed to what the app uses
(bench/bench_page_weight.py measures the bytes)."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.builders import make_harvest_meeting, make_meeting, make_series, make_table

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "wijkdialoog"
VENDOR = APP / "core/static/wijkdialoog/vendor"
LIBRARY = ROOT / "node_modules/@utrecht/component-library-css/dist/index.css"
HTMX_INCLUDE = "core/includes/htmx.html"
YEAR = 365 * 24 * 3600


def own_files(*suffixes: str) -> list[Path]:
    return [
        path
        for path in APP.rglob("*")
        if path.suffix in suffixes and VENDOR not in path.parents and path.is_file()
    ]


def template_name(path: Path) -> str:
    return path.as_posix().split("/templates/", 1)[1]


@pytest.fixture
def meeting(neighbourhood):
    meeting = make_meeting(make_series(neighbourhood), days=10)
    make_table(meeting, seats=8)
    return meeting


def test_the_home_page_a_meeting_page_and_the_sign_up_page_do_not_load_htmx(client, meeting):
    for url in (
        reverse("home"),
        reverse("meeting-public", args=[meeting.pk]),
        reverse("meeting-register", args=[meeting.pk]),
    ):
        content = client.get(url).content.decode()
        assert "htmx" not in content, url
        assert "<script" not in content, url


def test_the_harvest_wall_loads_htmx_for_its_polling(client, neighbourhood):
    meeting = make_harvest_meeting(neighbourhood)
    content = client.get(reverse("harvest-wall", args=[meeting.pk])).content.decode()
    assert re.search(r'<script src="[^"]*htmx\.min\.js"[^>]* defer>', content)
    assert '"allowEval": false' in content


def test_every_template_with_htmx_attributes_loads_htmx_or_is_only_included_by_one_that_does():
    sources = {template_name(path): path.read_text() for path in own_files(".html")}
    loads = {name for name, source in sources.items() if HTMX_INCLUDE in source}

    def loaded(name: str, seen: frozenset = frozenset()) -> bool:
        if name in loads:
            return True
        includers = [
            other
            for other, source in sources.items()
            if re.search(r"""\{%\s*include\s+["']""" + re.escape(name) + "[\"']", source)
        ]
        return bool(includers) and all(
            loaded(other, seen | {name}) for other in includers if other not in seen
        )

    users = [name for name, source in sources.items() if re.search(r"\shx-[a-z]+=", source)]
    assert users, "some pages use htmx"
    assert [name for name in users if not loaded(name)] == []


def test_pages_name_a_favicon_that_exists(client, db):
    content = client.get(reverse("home")).content.decode()
    href = re.search(r'<link rel="icon" href="/static/([^"]+)" type="image/svg\+xml">', content)
    assert (APP / "core/static" / href.group(1)).read_text().startswith("<svg")


def test_pages_are_compressed_for_browsers_that_accept_it(client, meeting):
    url = reverse("meeting-register", args=[meeting.pk])
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get(url)
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) * 3 < len(plain.content)
    assert "Content-Encoding" not in plain


@pytest.fixture
def production_static(settings, tmp_path):
    """collectstatic with the compressed manifest storage, served by WhiteNoise as in production."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client()


def test_hashed_static_files_are_cached_for_a_year_and_sent_compressed(production_static, db):
    content = production_static.get(reverse("home")).content.decode()
    stylesheets = re.findall(r'<link rel="stylesheet" href="(/static/[^"]+)"', content)
    assert any("utrecht-components." in href for href in stylesheets)
    for href in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", href), href
        response = production_static.get(href, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert response.status_code == 200, href
        assert response["Content-Encoding"] == "br", href
        cache = response["Cache-Control"]
        assert "immutable" in cache, href
        assert int(re.search(r"max-age=(\d+)", cache).group(1)) >= YEAR, href


def class_selectors(css: str) -> set[str]:
    return set(re.findall(r"\.(utrecht-[\w-]+)", css))


def test_the_trimmed_component_css_keeps_every_utrecht_class_the_app_writes():
    library = class_selectors(LIBRARY.read_text())
    kept = class_selectors((VENDOR / "utrecht-components.css").read_text())
    written = set()
    for path in own_files(".html", ".py", ".js"):
        written |= set(re.findall(r"\butrecht-[a-z0-9_-]*[a-z0-9]", path.read_text()))
    missing = sorted((written & library) - kept)
    assert missing == [], "run `node scripts/build-assets.mjs` (make does it for you)"
    # Built from pieces in templates, so only the safelist keeps them.
    assert {"utrecht-alert--error", "utrecht-alert--warning", "utrecht-alert--ok"} <= kept
    assert len(kept) < len(library) / 3


def test_the_trimmed_theme_defines_every_token_that_the_css_refers_to():
    theme = (VENDOR / "wijkdialoog-theme.css").read_text()
    defined = set(re.findall(r"^\s*(--[\w-]+)\s*:", theme, re.M))
    css = (VENDOR / "utrecht-components.css").read_text() + theme
    css += "".join(path.read_text() for path in own_files(".css"))
    referred = set(re.findall(r"var\(\s*(--[\w-]+)", css))
    tokens = {name for name in referred if name.startswith(("--basis-", "--voorbeeld-"))}
    assert tokens, "the CSS refers to the theme's tokens"
    assert sorted(tokens - defined) == []
    assert "@font-face" in theme
