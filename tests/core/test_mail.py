"""Mail is rendered in the recipient's language, as plain text and HTML."""

from django.utils import translation

from wijkdialoog.community.models import Organisation
from wijkdialoog.community.roles import invite_member
from wijkdialoog.core.mail import render_mail


def invitation(organisation, facilitator, language):
    person = facilitator.person
    return render_mail(
        to=person.email,
        template="community/mail/invitation",
        language=language,
        context={
            "person": person,
            "membership": facilitator,
            "organisation": organisation,
            "link": "http://testserver/uitnodiging/open/?sesame=abc&next=%2Fmijn%2F",
        },
    )


def test_the_plain_text_and_the_subject_are_not_html_escaped(organisation, facilitator):
    organisation.name = "Jansen & Zn's buurthuis"
    message = invitation(organisation, facilitator, "nl")
    assert "Jansen & Zn's buurthuis" in message.subject
    assert "Jansen & Zn's buurthuis" in message.body
    assert "?sesame=abc&next=%2Fmijn%2F" in message.body
    html = message.alternatives[0].content
    assert "Jansen &amp; Zn&#x27;s buurthuis" in html
    assert 'href="http://testserver/uitnodiging/open/?sesame=abc&amp;next=%2Fmijn%2F"' in html


def test_the_html_mail_declares_the_language_it_is_written_in(organisation, facilitator):
    for language in ("nl", "en"):
        html = invitation(organisation, facilitator, language).alternatives[0].content
        assert f'<html lang="{language}">' in html


def test_the_mail_is_rendered_in_the_given_language_whatever_the_active_one(
    organisation, facilitator
):
    with translation.override("en"):
        english = translation.gettext("Invitation from %(organisation)s") % {
            "organisation": organisation.name
        }
        dutch_mail = invitation(organisation, facilitator, "nl")
    with translation.override("nl"):
        english_mail = invitation(organisation, facilitator, "en")
    assert english_mail.subject == english
    assert dutch_mail.subject != english


def test_an_invitation_in_english_is_written_in_english(organisation, organiser, mailoutbox):
    invite_member(
        organisation=organisation,
        actor=organiser.person.user,
        email="iris@example.org",
        first_name="Iris",
        role="facilitator",
        language="en",
    )
    with translation.override("en"):
        subject = translation.gettext("Invitation from %(organisation)s") % {
            "organisation": organisation.name
        }
        log_in = translation.gettext("Log in to Wijkdialoog")
    assert mailoutbox[0].subject == subject
    assert log_in in mailoutbox[0].alternatives[0].content
    assert Organisation.objects.count() == 1
