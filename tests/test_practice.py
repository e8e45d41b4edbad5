"""explainers.practice: practice questions whose answers the package computes, and the check.

The page's script (_static/closecalls-practice.js) applies the same rules; tests/test_browser.py
checks it against :func:`explainers.practice.parse_number` on the same strings.
"""

from __future__ import annotations

import math

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from closecalls_build.pages import chapters, headings
from explainers import (
    audits,
    butterfly,
    claims,
    colorado,
    contests,
    faithless,
    florida,
    georgia,
    practice,
    recounts,
)
from explainers.practice import Question, check, parse_number
from explainers.states import STATE_CODES

ALL = [(chapter, q) for chapter in chapters() for q in practice.questions(chapter)]


def test_every_chapter_has_questions_with_unique_keys() -> None:
    assert {chapter for chapter, _ in ALL} == set(chapters())
    keys = [q.key for _, q in ALL]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(("chapter", "question"), ALL, ids=[q.key for _, q in ALL])
def test_each_hint_names_a_section_of_its_chapter(chapter: str, question: Question) -> None:
    titles = [title for _, title in headings(ROOT / "book" / f"{chapter}.md")]
    assert question.section in titles
    source = (ROOT / "book" / f"{chapter}.md").read_text()
    assert f'practice.question("{chapter}", "{question.key}")' in source


def test_the_answers_are_the_packages_figures() -> None:
    # Each recomputed here from the functions the chapters print them with.
    fl, wi = contests.contest(2000, "FL"), contests.contest(2016, "WI")
    palm = butterfly.fit("bush")
    recount = recounts.wisconsin_2016_recount()
    naive = claims.naive_comparison("county")
    expected = {
        "margins-fl-share": round(100 * fl.margin / fl.total_votes, 3),
        "margins-wi-switch": wi.margin // 2 + 1,
        "margins-closest-2020": contests.contest_by_rank(2020, 1).state.title(),
        "florida-shift": florida.first_count_lead() - florida.certified_lead(),
        "audits-wi-diluted": round(100 * wi.margin / wi.total_votes, 2),
        "audits-wi-comparison": audits.comparison_sample_size(wi.margin / wi.total_votes, 0.10),
        "real-audits-co-presidential": colorado.presidential().sample,
        "real-audits-ga-change": int(
            georgia.counts().loc["Margin", "machine"] - georgia.counts().loc["Margin", "hand"]
        ),
        "electoral-defections-2016": faithless.defections_needed(2016),
        "margins-wi-rank-2016": int(
            (contests.contest_margins(2016)["margin_pct"] < wi.margin_pct).sum()
        ),
        # NORC, all rejected ballots statewide: Gore by 60, 107, 115 or 171 (NYT, St. Petersburg Times).
        "florida-norc-all-ballots": "Gore, under every standard",
        "florida-butterfly-times": round(palm.actual / palm.predicted, 1),
        "audits-wi-recount-change": recount.margin_recount - recount.margin_canvass,
        "real-audits-co-targeted-met": colorado.audit_summary().targeted_met,
        "real-audits-ga-unchanged": georgia.county_summary().unchanged,
        "electoral-faithless-2016": int(
            faithless.faithless_by_year().set_index("year").loc[2016, "faithless"]
        ),
        # A majority of the fifty state delegations (DC has none in the House's vote).
        "electoral-house-states": (len(STATE_CODES) - 1) // 2 + 1,
        "claims-naive-gap": round(
            float(naive.loc[False, "mean_clinton_pct"] - naive.loc[True, "mean_clinton_pct"]), 1
        ),
    }
    answers = {q.key: q.answer for _, q in ALL}
    assert {k: answers[k] for k in expected} == expected
    # Certified figures the chapters cite: Florida 537 of 5,963,110 (FEC 2001), Wisconsin's
    # 22,748 (WEC), Georgia's 2020 recount result, Colorado's 99 cards (the state's estimate).
    assert answers["margins-wi-switch"] == 11_375 and answers["real-audits-co-presidential"] == 99
    assert answers["margins-closest-2020"] == "Georgia"
    # Wisconsin's recount +131 (WEC: 22,617 to
    # 22,748), Colorado's 64 of 65 targeted contests met (the state's round-3 file), Georgia's 54
    # unchanged counties (AJC via The Week), seven faithless electors in 2016 (Congress's count).
    assert answers["audits-wi-recount-change"] == 131
    assert answers["real-audits-co-targeted-met"] == 64
    assert (answers["real-audits-ga-unchanged"], answers["electoral-faithless-2016"]) == (54, 7)


numbers = st.integers(0, 10**8)


@given(numbers)
def test_a_count_is_right_in_the_forms_a_student_writes(n: int) -> None:
    q = Question("demo", "?", "number", n, "S", "s", "w", units=("votes",))
    for text in (str(n), f"{n:,}", f"{n:,}".replace(",", " "), f" {n:,} votes ", f"+{n}"):
        assert check(q, text).right is True, text
    assert check(q, str(n + 1)).right is False
    assert check(q, f"{n}%").right is None  # a percent sign on a count is not an answer


@given(st.floats(0, 100, allow_nan=False), st.integers(0, 3))
def test_a_percentage_is_right_with_or_without_its_sign(x: float, digits: int) -> None:
    answer = round(x, digits)
    q = Question("demo", "?", "number", answer, "S", "s", "w", tolerance=0.5 / 10**digits,
                 percent=True)  # fmt: skip
    text = f"{answer:.{digits}f}"
    assert check(q, text).right is True and check(q, text + "%").right is True
    assert check(q, text + " %").right is True
    off = f"{answer + 2 / 10**digits:.{digits}f}"
    assert check(q, off).right is False


@pytest.mark.parametrize(
    "text",
    ["", "many", "1,2,3", "12,34", "1.2.3", "--5", "5-", "%", "e5", "0,009", "01,234", "votes"],
)
def test_text_that_is_not_a_number_asks_for_one(text: str) -> None:
    q = Question("demo", "?", "number", 5, "S", "s", "w")
    assert parse_number(text) is None
    assert check(q, text) == practice.Verdict(None, "Write a number, for example 1,234.")


def test_unit_words_and_percent_in_words_are_read() -> None:
    assert parse_number("627 cards") == parse_number("627 ballots") == 627.0
    assert parse_number("0.009 percent", percent=True) == 0.009
    assert parse_number("0.009 per cent", percent=True) == 0.009
    assert parse_number("0.009 percent") is None  # a percentage where a count is asked
    assert parse_number("1163 municipalities", units=("municipalities",)) == 1163.0
    assert parse_number("1163 towns") is None  # an unknown word: "write a number"


def test_a_wrong_answer_points_to_its_section() -> None:
    q = Question("demo", "?", "number", 5, "Step 1: who voted on what", "step-1", "w")
    assert check(q, "6").message == "Not quite. Hint: see the section “Step 1: who voted on what”."
    assert check(q, "\u22125").right is False  # a typographic minus is a minus
    c = Question("pick", "?", "choice", "B", "S", "s", "w", choices=("A", "B"))
    assert check(c, "B").right is True and check(c, "A").right is False
    assert check(c, "C") == practice.Verdict(None, "Pick one of the answers.")


def test_a_malformed_question_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"key must be lower-case words joined by hyphens"):
        Question("Bad Key", "?", "number", 1, "S", "s", "w")
    with pytest.raises(TypeError, match=r"a number question's answer must be a number"):
        Question("k", "?", "number", "1", "S", "s", "w")
    with pytest.raises(ValueError, match=r"answer and tolerance must be finite numbers"):
        Question("k", "?", "number", math.inf, "S", "s", "w")
    with pytest.raises(ValueError, match=r"tolerance must be zero or more"):
        Question("k", "?", "number", 1, "S", "s", "w", tolerance=-1)
    with pytest.raises(ValueError, match=r"answer 'C' is not one of the choices"):
        Question("k", "?", "choice", "C", "S", "s", "w", choices=("A", "B"))
    with pytest.raises(ValueError, match=r"kind must be 'number' or 'choice'"):
        Question("k", "?", "essay", 1, "S", "s", "w")
    with pytest.raises(TypeError, match=r"text must be a string"):
        parse_number(5)  # type: ignore[arg-type]


def test_an_unknown_chapter_or_key_is_refused() -> None:
    with pytest.raises(ValueError, match=r"chapter must be one of .*'margins'"):
        practice.questions("glossary")
    with pytest.raises(ValueError, match=r"key must be one of .* for 'margins', got 'nope'"):
        practice.question("margins", "nope")


def test_the_form_carries_the_question_for_the_page() -> None:
    q = practice.question("margins", "margins-wi-switch")
    html = q._repr_html_()
    assert 'class="cc-practice"' in html and 'role="status"' in html
    assert "&quot;answer&quot;: 11375" in html
    assert '<label for="cc-q-margins-wi-switch-input">' in html
    # The worked answer is hidden until asked for, and printed only in the teacher's edition.
    assert 'aria-controls="cc-q-margins-wi-switch-answer">Show the answer</button>' in html
    assert '<p class="cc-practice-answer" id="cc-q-margins-wi-switch-answer" hidden>' in html
    choice = practice.question("margins", "margins-closest-2020")._repr_html_()
    assert "<fieldset><legend>Your answer</legend>" in choice


def test_the_jupyter_panel_gives_the_same_verdict() -> None:
    box = practice.panel("margins")
    first = box.children[1]
    _, field, button, result = first.children
    field.value = "11,375 voters"
    button.click()
    assert result.value == "Right."
    field.value = "11,000"
    button.click()
    assert result.value.startswith("Not quite. Hint: see the section")
