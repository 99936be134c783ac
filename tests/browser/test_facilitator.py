"""Facilitator mode on a phone: from My page through every phase to closing, with turns and
cards; a participant writes a card through the QR link and the facilitator approves it; the
evaluation and a personal action the owner shares. Every page is checked with axe."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.builders import make_meeting, make_method, seat
from wijkdialoog.harvest.models import Card, Evaluation, TableRun, Turn

PHONE_WIDTH = 360
MIN_TARGET = 48


def table_for(facilitator, neighbourhood, names=("Anna", "Bram", "Cem", "Dewi")):
    meeting = make_meeting(neighbourhood, default_method=make_method(), days=0, hours=-0.5)
    table = meeting.tables.get()
    table.facilitator = facilitator.person
    table.save()
    return table, [seat(table, name) for name in names]


def height(page, selector) -> float:
    return page.locator(selector).first.bounding_box()["height"]


def add_card(page, text):
    """Writes a card and waits until the capture script shows it as saved."""
    saved = page.locator("#capture-queue li[data-state=saved]")
    before = saved.count()
    page.fill("#id_text", text)
    page.click("#save-card")
    saved.nth(before).wait_for()


def test_the_facilitator_runs_a_table_from_opening_to_closing_on_a_phone(
    phone, facilitator, neighbourhood
):
    table, people = table_for(facilitator, neighbourhood)
    anna, bram = people[0], people[1]
    phone.log_in(facilitator.person.user)

    phone.goto(reverse("my-page"))
    phone.click_and_wait(f"#my-table-{table.pk} a[href='/tafel/{table.pk}/']")
    assert phone.path() == reverse("table-run", args=[table.pk])
    phone.click_and_wait("#start-run")

    # The first phase, its timer, and the rules one tap away.
    assert phone.locator("#phase-heading").inner_text() == "Opening"
    assert phone.locator("#phase-timer").get_attribute("data-minutes-left") == "10"
    assert not phone.locator("#rules li").first.is_visible()
    phone.click("#rules summary")
    assert phone.locator("#rules li").first.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    for target in (f"#turn-{anna.pk}", "#next-phase", "#save-card", "#rules summary"):
        assert height(phone, target) >= MIN_TARGET, target

    names = ["Opening", "Kennismaken", "Ervaringen delen", "Doen"]
    for number, name in enumerate(names, start=1):
        assert phone.locator("#phase-heading").inner_text() == name
        # Two taps: Anna and Bram have spoken (the list updates in place).
        for person in (anna, bram):
            phone.click(f"#turn-{person.pk}")
            phone.locator(f"#turn-{person.pk}[aria-pressed=true]").wait_for()
        add_card(phone, f"Kaart uit ronde {number}")
        if number < len(names):
            # The next phase takes the place of this one, without loading the page.
            phone.click("#next-phase")
            expect(phone.locator("#phase-heading")).to_have_text(names[number])
            # A new round: nobody has spoken yet.
            assert phone.locator(".wd-turn[aria-pressed=true]").count() == 0

    # A personal action for Bram in the last phase: two taps on chips.
    phone.click("label[for=id_kind_0]")
    assert phone.locator("#id_kind_0").get_attribute("value") == "action"
    phone.click(f"#id_person_field label:text-is('{bram.person.first_name}')")
    add_card(phone, "Ik maak een buurt-appgroep")
    # Ready for the next card: "no name" again, the kind stays.
    assert phone.locator("#id_person_0").is_checked()
    assert phone.locator("#id_kind_0").is_checked()
    # Undo a turn tapped by mistake.
    phone.click(f"#turn-{anna.pk}")
    phone.locator(f"#turn-{anna.pk}[aria-pressed=false]").wait_for()

    phone.click_and_wait("#close-link")
    assert phone.path() == reverse("table-run-close", args=[table.pk])
    phone.fill("#id_closing_note", "Warm gesprek. Bram wil een appgroep starten.")
    phone.click_and_wait("#close-run")
    assert phone.locator("#closed-at").count() == 1

    run = TableRun.objects.get(table=table)
    assert run.closed_at is not None
    assert run.closing_note == "Warm gesprek. Bram wil een appgroep starten."
    assert run.phase_position == 4
    cards = list(Card.objects.filter(table=table).order_by("created_at"))
    assert [card.phase.position for card in cards] == [1, 2, 3, 4, 4]
    assert all(card.created_by == facilitator.person.user for card in cards)
    assert cards[-1].kind == "action"
    assert cards[-1].owner == bram.person
    assert Turn.objects.filter(run=run).count() == 7
    assert not Turn.objects.filter(run=run, phase_position=4, registration=anna).exists()

    phone.goto(reverse("table-run", args=[table.pk]))
    assert phone.locator("#run-closed").count() == 1


def test_a_participant_writes_a_card_through_the_qr_link_and_the_facilitator_approves_it(
    phone, page, facilitator, neighbourhood
):
    table, _people = table_for(facilitator, neighbourhood)
    page.log_in(facilitator.person.user)
    page.goto(reverse("table-run", args=[table.pk]))
    page.click_and_wait("#start-run")
    run = TableRun.objects.get(table=table)
    # The link in the QR code on the facilitator's screen.
    page.click(".wd-run__qr summary")
    link = page.locator(".wd-run__qr .wd-run__link").inner_text().strip()
    assert link.endswith(reverse("participant-card", args=[run.participant_token]))

    phone.goto(link)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    phone.select_option("#id_kind", "dream")
    phone.fill("#id_text", "Een moestuin op het braakliggende veld")
    phone.fill("#id_first_name", "Sanne")
    phone.check("#id_publication_0")
    phone.click("#save-card")
    phone.locator("#capture-queue li[data-state=saved]").wait_for()
    assert phone.locator("#capture-status").get_attribute("data-waiting") == "0"

    card = Card.objects.get()
    assert card.status == Card.Status.PENDING
    assert card.source == Card.Source.PARTICIPANT
    assert card.first_name == "Sanne"

    # The wall on the projector does not show it yet.
    phone.goto(reverse("harvest-wall", args=[table.meeting_id]))
    expect(phone.locator("#wall")).not_to_contain_text("Een moestuin")

    # The facilitator sees it waiting, and not among the cards, until approving it.
    page.goto(reverse("table-run", args=[table.pk]))
    assert page.locator("#pending-count").inner_text() == "1"
    assert page.locator(f"#recent [data-client-id='{card.client_id}']").count() == 0
    page.click_and_wait(f"#pending-{card.pk} button[value=approve]")
    card.refresh_from_db()
    assert card.status == Card.Status.APPROVED
    assert page.locator("#pending-count").inner_text() == "0"
    assert page.locator(f"#recent [data-client-id='{card.client_id}']").count() == 1
    # The wall polls and shows the approved card, with the name the participant allowed.
    wall_card = phone.locator(f"#card-{card.pk}")
    expect(wall_card).to_contain_text("Een moestuin op het braakliggende veld", timeout=6000)


def test_at_the_end_a_participant_fills_in_the_evaluation_on_a_phone(
    phone, facilitator, neighbourhood
):
    table, _people = table_for(facilitator, neighbourhood)
    from wijkdialoog.harvest import running

    run = running.start_run(table=table, actor=facilitator.person.user)

    phone.goto(reverse("participant-evaluation", args=[run.participant_token]))
    phone.check("#id_rating_3")
    phone.check("#id_met_someone_new_0")
    phone.fill("#id_takeaway", "Dat we meer samen kunnen doen.")
    phone.click_and_wait("#send-evaluation")

    assert phone.locator("#evaluation-thanks").count() == 1
    evaluation = Evaluation.objects.get()
    assert evaluation.table == table
    assert evaluation.rating == 4
    assert evaluation.met_someone_new == "yes"


def test_a_person_shares_their_personal_action_from_their_registration_page(
    phone, facilitator, neighbourhood
):
    import uuid

    from wijkdialoog.harvest import capture, running

    table, people = table_for(facilitator, neighbourhood)
    running.start_run(table=table, actor=facilitator.person.user)
    bram = people[1]
    action = capture.add_card(
        table=table,
        client_id=uuid.uuid4(),
        kind="action",
        text="Ik organiseer een straatontbijt.",
        phase=None,
        publication=Card.Publication.INTERNAL,
        owner=bram.person,
    )

    phone.goto(reverse("registration-manage", args=[bram.manage_token]))
    assert phone.locator(f"#action-{action.pk}").get_attribute("data-shared") == "no"
    phone.click_and_wait(f"#action-{action.pk} button")

    assert phone.locator(f"#action-{action.pk}").get_attribute("data-shared") == "yes"
    action.refresh_from_db()
    assert action.shared


def test_the_quiet_timer_counts_down_on_the_page_without_reloading(
    phone, facilitator, neighbourhood
):
    from wijkdialoog.harvest import running

    table, _people = table_for(facilitator, neighbourhood)
    running.start_run(table=table, actor=facilitator.person.user)
    phone.log_in(facilitator.person.user)
    phone.clock.install()
    phone.goto(reverse("table-run", args=[table.pk]))
    timer = phone.locator("#phase-timer")
    first = timer.inner_text()
    assert "10" in first

    phone.clock.fast_forward("03:10")

    assert "7" in timer.inner_text()
    assert timer.get_attribute("role") == "timer"
    # Past the end it says how far over time the table is.
    phone.clock.fast_forward("08:00")
    assert "1" in timer.inner_text()
    assert timer.inner_text() != first


def test_the_qr_sheet_is_made_with_a_button_and_only_then_prepares_the_table(
    phone, facilitator, neighbourhood
):
    table, _people = table_for(facilitator, neighbourhood)
    phone.log_in(facilitator.person.user)

    phone.goto(reverse("table-run-qr-sheet", args=[table.pk]))

    assert not TableRun.objects.filter(table=table).exists()
    assert height(phone, "#make-qr-sheet") >= MIN_TARGET
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    pdf = reverse("table-run-qr-sheet", args=[table.pk])
    with phone.expect_response(lambda r: r.url.endswith(pdf) and r.request.method == "GET") as sent:
        phone.click("#make-qr-sheet")
    assert sent.value.headers["content-type"] == "application/pdf"
    assert TableRun.objects.filter(table=table, started_at__isnull=True).count() == 1
