"""Kom erbij is scored as De Jong Gierveld and Van Tilburg published the six-item scale: the
three emotional items count "ja" and "min of meer", the three social items "nee" and "min of
meer"; 0–6 in all, 0–3 each; no score without all six answers."""

import itertools

import pytest

from wijkdialoog.harvest import kom_erbij
from wijkdialoog.harvest.kom_erbij import ScaleAnswer

EMOTIONAL = ("scale_emptiness", "scale_miss_people", "scale_rejected")
SOCIAL = ("scale_rely_on", "scale_trust", "scale_close")


def every(answer, fields=kom_erbij.FIELDS):
    return dict.fromkeys(fields, answer)


def test_the_items_are_three_emotional_and_three_social():
    dimensions = {item.field: item.dimension for item in kom_erbij.ITEMS}
    assert {f for f, d in dimensions.items() if d == kom_erbij.Dimension.EMOTIONAL} == set(
        EMOTIONAL
    )
    assert {f for f, d in dimensions.items() if d == kom_erbij.Dimension.SOCIAL} == set(SOCIAL)


def test_someone_who_misses_nobody_scores_zero():
    answers = {**every(ScaleAnswer.NO, EMOTIONAL), **every(ScaleAnswer.YES, SOCIAL)}
    score = kom_erbij.score(answers)
    assert (score.emotional, score.social, score.total) == (0, 0, 0)


def test_someone_who_misses_everyone_scores_six():
    answers = {**every(ScaleAnswer.YES, EMOTIONAL), **every(ScaleAnswer.NO, SOCIAL)}
    score = kom_erbij.score(answers)
    assert (score.emotional, score.social, score.total) == (3, 3, 6)


def test_more_or_less_counts_on_both_kinds_of_items():
    score = kom_erbij.score(every(ScaleAnswer.MORE_OR_LESS))
    assert (score.emotional, score.social, score.total) == (3, 3, 6)


def test_yes_to_everything_is_emotional_only():
    score = kom_erbij.score(every(ScaleAnswer.YES))
    assert (score.emotional, score.social) == (3, 0)


@pytest.mark.parametrize("answers", list(itertools.product(ScaleAnswer.values, repeat=6)))
def test_every_combination_is_scored_by_the_published_rule(answers):
    given = dict(zip(kom_erbij.FIELDS, answers, strict=True))
    emotional = sum(given[f] in ("yes", "more-or-less") for f in EMOTIONAL)
    social = sum(given[f] in ("no", "more-or-less") for f in SOCIAL)
    score = kom_erbij.score(given)
    assert (score.emotional, score.social, score.total) == (emotional, social, emotional + social)


@pytest.mark.parametrize("missing", kom_erbij.FIELDS)
def test_an_incomplete_set_gets_no_score(missing):
    answers = every(ScaleAnswer.NO)
    answers[missing] = ""
    assert kom_erbij.score(answers) is None


def test_the_statements_credit_the_scale_and_never_say_lonely_to_residents():
    from django.utils import translation

    with translation.override("nl"):
        texts = [str(text) for text in kom_erbij.STATEMENTS.values()]
        credit = str(kom_erbij.CREDIT)
    assert "jong gierveld" in credit.lower() and "CBS" in credit
    assert not any("eenzaam" in text.lower() for text in [*texts, credit])
