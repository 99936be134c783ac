"""Email rendered from templates in the recipient's language: `<name>_subject.txt`,
`<name>.txt` and `<name>.html` under the given template prefix."""

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


def render_mail(
    *,
    to: str,
    template: str,
    context: Mapping,
    language: str,
    attachments: Iterable[tuple[str, bytes, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> EmailMultiAlternatives:
    context = {"SITE_URL": settings.SITE_URL, "LANGUAGE_CODE": language, **context}
    with translation.override(language):
        subject = " ".join(render_plain_text(f"{template}_subject.txt", context).split())
        text = render_plain_text(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", {**context, "subject": subject})
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[to], headers=dict(headers or {})
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def render_plain_text(name: str, context: Mapping) -> str:
    """A text template without HTML escaping: a link's `&` or a name like "Jansen & Zn" must
    reach a plain-text mail and its subject as typed, not as `&amp;`."""
    # The Django backend's wrapper keeps the engine's own template, which renders a Context.
    template = get_template(name).template  # type: ignore[attr-defined]
    return template.render(Context(dict(context), autoescape=False))


_suppressed: ContextVar[bool] = ContextVar("wijkdialoog_mail_suppressed", default=False)


@contextmanager
def suppressed() -> Iterator[None]:
    """No mail leaves while this is active: loading demo data mails nobody."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def is_suppressed() -> bool:
    """For mail sent after the commit, when `suppressed()` has already ended."""
    return _suppressed.get()


def send_mail(**kwargs) -> None:
    if _suppressed.get():
        return
    render_mail(**kwargs).send()
