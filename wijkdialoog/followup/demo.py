"""Demo data: the follow-up of the personal actions of the two past Kersenbuurt meetings.

Everyone with a personal action and an email address was mailed four weeks after their meeting;
several answered (done, busy with it, did not work out) and one would like help. The link of
the first person asked about the later meeting is fixed, so the README can show it:
/opvolging/demo-kersenbuurt-stap/ (valid for eight weeks after that mail)."""

import datetime
import io
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from wijkdialoog.core.demo_support import DemoContext
from wijkdialoog.core.mail import suppressed

from . import asking, initiatives
from .links import hash_token
from .models import (
    FollowUp,
    Initiative,
    InitiativeUpdate,
    KerngroepMember,
    KerngroepTask,
    StepAnswer,
    TeamMember,
)

DEMO_TOKEN = "demo-kersenbuurt-stap"
Status = StepAnswer.Status
# Per meeting, the answers in the order of the people asked (None: no answer yet).
ANSWERS: dict[str, list[Any]] = {
    "kersenbuurt_past_1": [
        (Status.DONE, "Ik heb drie buren gesproken."),
        (Status.BUSY, ""),
        None,
    ],
    "kersenbuurt_past_2": [
        (Status.WANTS_HELP, "Ik weet niet bij wie ik moet zijn."),
        (Status.DONE, ""),
        (Status.NOT_DONE, "Te druk gehad."),
    ],
}


def load(context: DemoContext) -> None:
    meetings = context.objects.get("meetings") or {}
    for key, answers in ANSWERS.items():
        if key in meetings:
            _follow_up(key, meetings[key], answers)
    load_initiative(context)
    load_kerngroep(context)
    load_agreements(context)
    load_decision(context)


def _follow_up(key: str, meeting: Any, answers: list[Any]) -> None:
    mailed_at = min(asking.due_at(meeting), timezone.now())
    asked = 0
    for follow_up_id in asking.prepare_follow_ups(meeting):
        follow_up = FollowUp.objects.select_related("person").get(pk=follow_up_id)
        if not follow_up.person.email:
            FollowUp.objects.filter(pk=follow_up_id).update(not_asked=FollowUp.NotAsked.NO_EMAIL)
            continue
        token = (
            DEMO_TOKEN if key == "kersenbuurt_past_2" and asked == 0 else f"{key}-{follow_up_id}"
        )
        FollowUp.objects.filter(pk=follow_up_id).update(
            mailed_at=mailed_at, token_hash=hash_token(token)
        )
        answer = answers[asked] if asked < len(answers) else None
        asked += 1
        if answer is None:
            continue
        card = asking.personal_actions(meeting, follow_up.person).order_by("pk").first()
        if card is not None:
            StepAnswer.objects.create(
                follow_up=follow_up,
                card=card,
                status=answer[0],
                note=answer[1],
                created_at=mailed_at + datetime.timedelta(days=2),
            )


# --- Collective initiatives: "Moestuin achter De Kersenboom" ---

INITIATIVE_TOKEN = "demo-moestuin-team"
TEAM = [
    ("Sanne", "sanne.moestuin@example.org", "resident", True),
    ("Youssef", "youssef.moestuin@example.org", "volunteer", True),
    ("Greet", "greet.moestuin@example.org", "resident", False),
]
UPDATES = [
    (
        99,
        "De woningcorporatie vindt het goed: we mogen het grasveld achter De Kersenboom gebruiken.",
    ),
    (81, "Zaterdag hebben we met twaalf buren vier bakken gebouwd. De gemeente bracht de grond."),
    (53, "De eerste sla en radijsjes zijn geoogst. Iedereen mag komen plukken."),
]


def _demo_photo(colour: str) -> ContentFile[bytes]:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), colour).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="moestuin.png")


def load_initiative(context: DemoContext) -> None:
    """The Kersenbuurt's vegetable garden: a team with a fixed personal link for the README
    (/initiatief/team/demo-moestuin-team/), three updates, and the celebration."""
    series = (context.objects.get("series") or {}).get("kersenbuurt")
    meetings = context.objects.get("meetings") or {}
    if series is None:
        return
    cards = initiatives.seed_cards(series)[:1]
    initiative = initiatives.create_initiative(
        series=series,
        data={
            "name": "Moestuin achter De Kersenboom",
            "what": "Samen groente kweken in bakken op het grasveld achter De Kersenboom.",
            "why": "Buren willen elkaar vaker zien, en verse groente dichtbij.",
            "needs": "Grond van de gemeente, toestemming van de woningcorporatie, "
            "vrijwilligers op zaterdag.",
            "is_public": True,
        },
        cards=cards,
        actor=None,
    )
    with suppressed():
        for first_name, email, kind, consent in TEAM:
            member, _token = initiatives.add_resident(
                initiative=initiative, first_name=first_name, email=email, kind=kind, actor=None
            )
            TeamMember.objects.filter(pk=member.pk).update(name_public=consent)
    first = initiative.team.order_by("pk")[0]
    TeamMember.objects.filter(pk=first.pk).update(token_hash=hash_token(INITIATIVE_TOKEN))
    for days, text in UPDATES:
        update = initiatives.post_update(
            initiative=initiative, text=text, member=first, photos=[_demo_photo("green")]
        )
        when = timezone.now() - datetime.timedelta(days=days)
        InitiativeUpdate.objects.filter(pk=update.pk).update(created_at=when)
    for status in (Initiative.Status.PREPARING, Initiative.Status.BUSY):
        initiatives.change_status(initiative=initiative, status=status, reason="", actor=None)
    initiatives.celebrate(
        initiative=initiative,
        meeting=meetings.get("kersenbuurt_past_2"),
        story="Bij de bijeenkomst aten we soep van eigen groente. Twintig buren proefden mee, "
        "en vijf nieuwe buren willen volgend jaar meedoen.",
        photos=[_demo_photo("orange")],
        actor=None,
    )
    _date_status_steps(initiative, meetings.get("kersenbuurt_past_2"))


def _date_status_steps(initiative: Initiative, party: Any) -> None:
    """The demo's status steps happened between its updates, the celebration at the meeting."""
    steps = initiative.status_changes.all()
    now = timezone.now()
    steps.filter(to_status=Initiative.Status.PREPARING).update(
        created_at=now - datetime.timedelta(days=97)
    )
    steps.filter(to_status=Initiative.Status.BUSY).update(
        created_at=now - datetime.timedelta(days=85)
    )
    if party is not None:
        steps.filter(to_status=Initiative.Status.CELEBRATED).update(created_at=party.ends_at)


# --- The kerngroep of the Kersenbuurt series: five members in different roles, and tasks of
# which one is overdue and one done. Anneke's link is fixed, so the README can show it:
# /kerngroep/demo-kersenbuurt-kerngroep/ ---

KERNGROEP_TOKEN = "demo-kersenbuurt-kerngroep"
KERNGROEP = [
    ("anneke", ["programmering", "werving"]),
    ("mohamed", ["werving"]),
    ("iris", ["evaluatie"]),
    ("begeleider", ["begeleiding"]),
    ("greet", ["opvolging"]),
]
# (text, owner, due in days from today or None, done)
KERNGROEP_TASKS = [
    ("Flyers rondbrengen in de Kersenstraat", "mohamed", -3, False),
    ("Zaal in het buurthuis vastleggen", "anneke", 5, False),
    ("Vragen voor de evaluatie klaarzetten", "iris", 12, False),
    ("Koffie en thee regelen", "begeleider", -10, True),
    ("Terugbellen over de moestuin", None, None, False),
]


def load_kerngroep(context: DemoContext) -> None:
    series = (context.objects.get("series") or {}).get("kersenbuurt")
    people = context.objects.get("people") or {}
    if series is None:
        return
    members = {}
    for key, roles in KERNGROEP:
        person = people.get(key)
        if person is None:
            continue
        token = KERNGROEP_TOKEN if key == "anneke" else f"demo-kerngroep-{key}"
        members[key] = KerngroepMember.objects.create(
            series=series, person=person, roles=roles, token_hash=hash_token(token)
        )
    today, now = timezone.localdate(), timezone.now()
    for text, owner_key, days, done in KERNGROEP_TASKS:
        owner = members.get(owner_key or "")
        KerngroepTask.objects.create(
            series=series,
            text=text,
            owner=owner,
            created_by=members.get("anneke"),
            due_on=today + datetime.timedelta(days=days) if days is not None else None,
            done_at=now - datetime.timedelta(days=11) if done else None,
            done_by=owner if done else None,
        )


# --- Wijkafspraken and a partner's public answer in the Kersenbuurt series: with the gemeente from
# the first priority of the published wijkagenda (on track, with a progress update), with the
# wijkteam from its question (overdue), and the gemeente's public reply to the zebrapad question.
# Partners act as the demo's partner users (community/demo.py: partner@…, noor@…). ---


def _partner_user(context: DemoContext, key: str) -> Any:
    person = (context.objects.get("people") or {}).get(key)
    return person.user if person is not None else None


def _question(series: Any, start: str) -> Any:
    from wijkdialoog.harvest.models import Card
    from wijkdialoog.methods.kinds import CardKind

    return Card.objects.filter(
        meeting__series=series, kind=CardKind.QUESTION, text__startswith=start
    ).first()


def load_agreements(context: DemoContext) -> None:
    series = (context.objects.get("series") or {}).get("kersenbuurt")
    if series is None:
        return
    organiser = _partner_user(context, "organisator")
    agenda = context.objects.get("agenda")
    item = agenda.items.order_by("position", "pk").first() if agenda is not None else None
    if item is not None:
        _gemeente_agreement(series, item, organiser, _partner_user(context, "partner"))
    card = _question(series, "Vraag aan het wijkteam")
    if card is not None:
        _wijkteam_agreement(series, card, organiser, _partner_user(context, "noor"))
    zebrapad = _question(series, "Vraag aan de gemeente: de oversteek")
    if zebrapad is not None:
        _public_answer(zebrapad, organiser, _partner_user(context, "partner"))


def _gemeente_agreement(series: Any, item: Any, organiser: Any, gemeente: Any) -> None:
    from . import agreements
    from .models import AgreementStatus, PartnerKind

    agreement = agreements.create_agreement(
        series=series,
        title=item.title,
        description=item.why,
        actor=organiser,
        agenda_item=item,
        is_public=True,
    )
    party = agreements.add_party(
        agreement=agreement,
        commitment="De gemeente zoekt een plek en zet er voor de zomer een eerste versie neer.",
        due_on=timezone.localdate() + datetime.timedelta(days=45),
        actor=organiser,
        partner_kind=PartnerKind.MUNICIPALITY,
    )
    agreements.respond(party=party, response="committed", reason="", actor=gemeente)
    agreements.post_update(
        party=party,
        text="De plek is gekozen, samen met drie buren. De tekening ligt bij de aannemer.",
        status=AgreementStatus.BUSY,
        actor=gemeente,
    )
    agreements.set_status(
        agreement=agreement, status=AgreementStatus.BUSY, text="", actor=organiser
    )


def _wijkteam_agreement(series: Any, card: Any, organiser: Any, wijkteam: Any) -> None:
    from . import agreements
    from .models import PartnerKind

    agreement = agreements.create_agreement(
        series=series,
        title="Een avond over zorgen om je buren",
        description="Hoe zeg je dat je je zorgen maakt, zonder dat het voelt als klikken?",
        actor=organiser,
        card=card,
        is_public=True,
    )
    party = agreements.add_party(
        agreement=agreement,
        commitment="Het wijkteam organiseert een avond in De Kersenboom.",
        due_on=timezone.localdate() - datetime.timedelta(days=6),
        actor=organiser,
        partner_kind=PartnerKind.WIJKTEAM,
    )
    agreements.respond(party=party, response="committed", reason="", actor=wijkteam)


def _public_answer(card: Any, organiser: Any, gemeente: Any) -> None:
    from . import partner_questions
    from .models import PartnerKind

    question = partner_questions.route(
        card=card, partner_kind=PartnerKind.MUNICIPALITY, partner_name="", actor=organiser
    )
    partner_questions.answer(
        question=question,
        text="We hebben de oversteek bekeken met de school. In het voorjaar komt er een drempel "
        "en een zebrapad.",
        is_public=True,
        decline_reason="",
        actor=gemeente,
    )


# --- Choosing one dream together: "Welke droom gaan we samen waarmaken?" in the Kersenbuurt,
# with phone votes and dots on paper, a recorded minority condition, and the chosen dream as
# the initiative "Buurtkamer op zaterdag" with its werkgroep and contact moments. ---

DECISION_OPTIONS = ["Buurtkamer op zaterdag", "Speelplek bij de vijver", "Bankjes langs de laan"]
# Phone votes and dots on paper per option, in the order above.
DECISION_VOTES = [(9, 6), (5, 4), (2, 3)]
WERKGROEP = [("Fatima", "fatima.buurtkamer@example.org"), ("Henk", "henk.buurtkamer@example.org")]


def load_decision(context: DemoContext) -> None:
    from . import decisions
    from .models import Decision

    series = (context.objects.get("series") or {}).get("kersenbuurt")
    if series is None:
        return
    meeting = (context.objects.get("meetings") or {}).get("kersenbuurt_past_2")
    decision = decisions.create_decision(
        series=series,
        title="Samen een droom kiezen",
        question="Welke droom gaan we samen waarmaken?",
        meeting=meeting,
        actor=None,
    )
    # The dreams were typed from the dream cards of the meeting, in the neighbours' words.
    for text in DECISION_OPTIONS:
        decisions.add_options(decision=decision, typed=text, actor=None)
    decisions.open_vote(decision=decision, actor=None)
    options = _demo_votes(decision)
    decisions.close_vote(decision=decision, actor=None)
    decisions.choose_winner(decision=decision, option=options[0], actor=None)
    decisions.record_minority(
        decision=decision,
        data={
            "minority_view": "Een paar buren met jonge kinderen kozen de speelplek.",
            "minority_view_en": "Some neighbours with young children chose the playground.",
            "minority_needs": "Dat de buurtkamer op zaterdagochtend ook een speelhoek heeft.",
            "minority_needs_en": "That the community room has a play corner on Saturday mornings.",
        },
        actor=None,
    )
    today = timezone.localdate()
    initiative = decisions.make_initiative(
        decision=decision,
        name="Buurtkamer op zaterdag",
        what="Elke zaterdag is de buurtkamer open: koffie, spelletjes en een speelhoek.",
        is_public=True,
        moments=[
            (today + datetime.timedelta(days=14), "Werkgroep maakt het rooster"),
            (today + datetime.timedelta(days=42), "Eerste open zaterdag"),
            (today + datetime.timedelta(days=90), "Terugkoppeling aan de buurt"),
        ],
        actor=None,
    )
    with suppressed():
        for first_name, email in WERKGROEP:
            initiatives.add_resident(
                initiative=initiative,
                first_name=first_name,
                email=email,
                kind=TeamMember.Kind.RESIDENT,
                actor=None,
            )
    if meeting is not None:
        Decision.objects.filter(pk=decision.pk).update(decided_at=meeting.ends_at)


def _demo_votes(decision: Any) -> list[Any]:
    """Phones voted at the meeting; the dots on the paper sheet were counted afterwards."""
    from . import decision_voting, decisions

    options = list(decision.options.order_by("position"))
    tallies = {}
    for number, (option, (phones, dots)) in enumerate(zip(options, DECISION_VOTES, strict=True)):
        for phone in range(phones):
            token = f"demo-phone-{number}-{phone}".ljust(32, "x")
            decision_voting.cast_vote(decision=decision, token=token, option_id=option.pk)
        tallies[option.pk] = dots
    decisions.record_paper_votes(decision=decision, tallies=tallies, actor=None)
    return options
