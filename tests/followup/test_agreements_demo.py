"""The demo's Kersenbuurt wijkafspraken: one with the gemeente from the published wijkagenda's
first priority (on track, with a progress update), one with the wijkteam from its question
(overdue), and the gemeente's public reply to the zebrapad question on the harvest page."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkdialoog.community.models import Person
from wijkdialoog.followup.models import Agreement, AgreementParty, PartnerQuestion
from wijkdialoog.site.management.commands.demo import load_demo

SERIES = "thuis-in-de-kersenbuurt"


def test_the_demo_has_two_agreements_and_a_public_partner_answer(db):
    load_demo()
    rows = Agreement.objects.filter(series__slug=SERIES).order_by("pk")
    assert rows.count() == 2
    gemeente_agreement, wijkteam_agreement = rows
    assert gemeente_agreement.agenda_item is not None
    assert gemeente_agreement.agenda_item.agenda.published_at is not None
    assert wijkteam_agreement.card is not None and wijkteam_agreement.card.kind == "question"
    gemeente = AgreementParty.objects.get(agreement=gemeente_agreement)
    wijkteam = AgreementParty.objects.get(agreement=wijkteam_agreement)
    today = timezone.localdate()
    assert gemeente.partner_kind == "gemeente" and gemeente.status == "bezig"
    assert gemeente.due_on > today and gemeente.updates.filter(event="", status="bezig").exists()
    assert wijkteam.partner_kind == "wijkteam" and wijkteam.due_on < today
    assert wijkteam.status in ("afgesproken", "bezig")

    partner = Client()
    partner.force_login(Person.objects.get(email="partner@demo.wijkdialoog.nl").user)
    mine = partner.get(reverse("my-page")).content.decode()
    assert gemeente_agreement.title in mine
    noor = Client()
    noor.force_login(Person.objects.get(email="noor@demo.wijkdialoog.nl").user)
    noor_page = noor.get(reverse("my-page")).content.decode()
    assert wijkteam_agreement.title in noor_page and "<strong>te laat</strong>" in noor_page

    question = PartnerQuestion.objects.get(card__meeting__series__slug=SERIES)
    assert question.answer_is_public and question.answered_at
    harvest = Client().get(reverse("series-harvest", args=[question.card.meeting.series_id]))
    page = harvest.content.decode()
    assert "Reactie van de gemeente" in page and "drempel en een zebrapad" in page
