"""The sign-up form fits "it takes one minute": the required fields first, the companions and the
optional questions folded in <details> that work without JavaScript and open by themselves when
they hold an answer or an error."""

import re

import pytest

from tests.builders import make_meeting

pytestmark = pytest.mark.django_db


def _details(html: str, fold_id: str) -> str:
    return re.search(rf'<details class="wd-fold" id="{fold_id}"[^>]*>', html).group(0)


def test_the_required_fields_come_before_the_folded_optional_parts(client, neighbourhood):
    meeting = make_meeting(neighbourhood)
    html = client.get(f"/bijeenkomst/{meeting.pk}/aanmelden/").content.decode()

    positions = [
        html.index(marker)
        for marker in ['id="id_first_name"', 'id="id_consent"', 'id="companions"', 'id="questions"']
    ]
    assert positions == sorted(positions)
    assert " open" not in _details(html, "companions")
    assert " open" not in _details(html, "questions")
    assert html.index('id="id_companion_1"') > html.index('id="companions"')
    assert html.index('id="id_access_needs"') > html.index('id="questions"')


def test_a_folded_part_with_an_error_opens_by_itself(client, neighbourhood):
    meeting = make_meeting(neighbourhood)
    response = client.post(
        f"/bijeenkomst/{meeting.pk}/aanmelden/",
        {"first_name": "Fatma", "email": "fatma@example.org", "consent": "on", "age_group": "x"},
    )
    html = response.content.decode()
    assert 'id="id_age_group_error"' in html
    assert " open" in _details(html, "questions")
    assert " open" not in _details(html, "companions")


def test_a_folded_part_with_an_answer_stays_open_when_the_form_comes_back(client, neighbourhood):
    meeting = make_meeting(neighbourhood)
    response = client.post(
        f"/bijeenkomst/{meeting.pk}/aanmelden/", {"first_name": "Fatma", "companion_1": "Kees"}
    )
    html = response.content.decode()
    assert " open" in _details(html, "companions")
    assert " open" not in _details(html, "questions")
