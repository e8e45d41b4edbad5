"""closecalls_build.readability: the prose a student reads in each chapter, and how hard it is."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from closecalls_build.pages import chapters
from closecalls_build.readability import NUMBER, TARGET_GRADE, Readability, chapter, measure, prose
from explainers import paths

ROOT = paths.ROOT
CHAPTERS = ["intro", *chapters()]


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# --- prose(): what is dropped --------------------------------------------------------------------


def test_front_matter_code_cells_and_cell_markers_are_dropped() -> None:
    source = md(
        """
        ---
        jupytext:
          text_representation:
            format_name: myst
        kernelspec:
          name: python3
        ---

        # Margins

        Before the code.

        ```{code-cell} ipython3
        :tags: [hide-cell]

        fl = contests.contest(2000, "FL")  # a comment. With a full stop.
        ```

        +++

        After the code.
        """
    )
    assert prose(source) == "Margins.\nBefore the code.\nAfter the code."


def test_a_code_cell_with_yaml_metadata_is_dropped() -> None:
    source = md(
        """
        ```{code-cell} ipython3
        ---
        mystnb:
          figure:
            caption: 'A caption that the page shows under the chart.'
        tags: [hide-input]
        ---
        charts.margin_comparison_chart()
        ```

        Text.
        """
    )
    assert prose(source) == "Text."


def test_a_remove_cell_markdown_cell_is_dropped_up_to_the_next_marker() -> None:
    source = md(
        """
        Kept before.

        +++ {"tags": ["remove-cell"]}

        **Reading this notebook in JupyterLab?** Run *All* first.

        Still in the removed cell.

        +++

        Kept after the marker.
        """
    )
    assert prose(source) == "Kept before.\nKept after the marker."


def test_a_remove_cell_markdown_cell_ends_at_the_next_code_cell() -> None:
    source = md(
        """
        +++ {"tags": ["remove-cell"]}

        Removed.

        ```{code-cell} ipython3
        x = 1
        ```

        Kept after the code cell.
        """
    )
    assert prose(source) == "Kept after the code cell."


def test_other_cell_tags_keep_the_cell() -> None:
    source = '+++ {"tags": ["hide-cell"]}\n\nShown when opened.\n\n+++ {"tags": "bad json\n\nKept.'
    assert prose(source) == "Shown when opened.\nKept."


def test_tables_comments_math_targets_and_plain_fences_are_dropped() -> None:
    source = md(
        """
        (counts-change)=
        ## Counts change

        <!-- An editor's note. -->
        | State | Margin |
        | --- | ---: |
        | WI | 22,748 |

        Text <!-- inline note --> goes on.

        <!--
        A comment over
        several lines.
        -->

        $$
        n = \\frac{2 \\gamma \\ln(1/\\alpha)}{m}
        $$

        ```text
        A plain code block. It has sentences.
        ```

        % A MyST comment.
        End.
        """
    )
    assert prose(source) == "Counts change.\nText goes on.\nEnd."


# --- prose(): what is kept ------------------------------------------------------------------------


def test_admonitions_exercises_and_solutions_keep_their_text_not_their_options() -> None:
    source = md(
        """
        ```{admonition} Learning objectives
        :class: tip
        After this chapter you will be able to

        1. compute a margin;
        2. place a contest by closeness.
        ```

        ```{exercise}
        :label: margins-ex-ratio

        How many times larger was it?
        ```

        ```{solution} margins-ex-ratio
        :class: dropdown

        About **twenty** times.
        ```

        :::{note}
        A colon fence.
        :::
        """
    )
    assert prose(source).splitlines() == [
        "Learning objectives.",
        "After this chapter you will be able to.",
        "compute a margin.",
        "place a contest by closeness.",
        "How many times larger was it?",
        "About twenty times.",
        "A colon fence.",
    ]


def test_eval_becomes_the_number_word_and_cite_disappears() -> None:
    source = (
        "Bush received {eval}`count(fl.winner_votes)` votes {cite}`fec2001,medsl2017president`. "
        "Trump led by **{eval}`count(mi.margin)`** ({cite}`fec2017`)."
    )
    assert prose(source) == f"Bush received {NUMBER} votes. Trump led by {NUMBER}."
    assert measure(NUMBER).words == 1
    # One word of one syllable, as textstat counts a printed number such as "22,748".
    assert measure(f"It was {NUMBER} votes.") == measure("It was 22,748 votes.")


def test_roles_keep_the_text_they_show() -> None:
    source = (
        "An {term}`elector <faithless elector>` votes; see {ref}`below <counts-change>`, "
        "{doc}`margins`, {doc}`the audits chapter <audits>`, {ref}`counts-change` and "
        "{numref}`fig-margins`, or [the next chapter](electoral.md)."
    )
    assert prose(source) == (
        "An elector votes; see below, chapter, the audits chapter, section and "
        f"Figure {NUMBER}, or the next chapter."
    )
    assert prose("A {term}`recount`.") == "A recount."


def test_emphasis_and_backticks_go_inline_code_keeps_its_text() -> None:
    source = "Run `make lab`, then *Run All*; `margins.votes_to_add` is __exact__."
    # The dot inside the code is a one-dot leader (U+2024): it does not end a sentence.
    assert prose(source) == "Run make lab, then Run All; margins\u2024votes_to_add is exact."
    assert measure(prose(source)).sentences == 1
    assert prose("Set it to 0.1% and go on.") == "Set it to 0\u20241% and go on."


def test_headings_and_list_items_end_as_sentences() -> None:
    source = md(
        """
        ## How close, against every contest

        Each answers a different question:

        - in votes: how many ballots separated them;
        - as a share of all votes cast
        - as a share of the two-party vote.
        - What would it take?
        1. **Margins.** How close? ({doc}`margins`)

        ### Done!
        """
    )
    assert prose(source).splitlines() == [
        "How close, against every contest.",
        "Each answers a different question.",
        "in votes: how many ballots separated them.",
        "as a share of all votes cast.",
        "as a share of the two-party vote.",
        "What would it take?",
        "Margins. How close? (chapter).",
        "Done!",
    ]


def test_a_list_item_runs_over_its_continuation_lines() -> None:
    source = "- Reversing a margin takes half of it\n  plus one switching voters\n- Next"
    assert prose(source) == "Reversing a margin takes half of it plus one switching voters.\nNext."


def test_a_paragraph_joins_its_lines() -> None:
    assert prose("One sentence runs\nover two lines.") == "One sentence runs over two lines."


# --- measure() -----------------------------------------------------------------------------------


def test_measure_matches_textstat_on_its_own_test_texts() -> None:
    # textstat's test suite (tests/backend/resources.py, SHORT_TEXT) expects a Flesch-Kincaid grade
    # of 2.88 and a reading ease of 83.32 (tests/backend/metrics/test_flesch_kincaid_grade.py,
    # test_flesch_reading_ease.py). By hand: 5 words, 1 sentence, 7 syllables (sun-glass-es), so
    # 0.39 x 5 + 11.8 x 7/5 - 15.59 = 2.88 and 206.835 - 1.015 x 5 - 84.6 x 7/5 = 83.32.
    short = measure("Cool dogs wear da sunglasses.")
    assert (short.words, short.sentences) == (5, 1)
    assert short.flesch_kincaid_grade == pytest.approx(2.88)
    assert short.flesch_reading_ease == pytest.approx(83.32)
    # tests/backend/counts/test_count_words.py: contractions are one word each.
    assert measure("They're here, and they're there.").words == 5


def test_sentences_are_split_at_full_stops_and_short_pieces_are_not_counted() -> None:
    # textstat's EASY_TEXT (tests/backend/resources.py) has 11 sentences, one ending with "!"
    # (tests/backend/counts/test_count_sentences.py).
    easy = (
        "Anna and her family love doing puzzles. Anna is best at little puzzles. Anna and her "
        "brother work on medium size puzzles together. Anna's Brother likes puzzles with cars in "
        "them. When the whole family does a puzzle, they do really big puzzles. It can take them a "
        "week to finish a really big puzzle. Last year they did a puzzle with 500 pieces! Anna "
        "tries to finish one small puzzle a day by her. Her puzzles have about 50 pieces. They all "
        "glue their favorite puzzles together and frame them. The puzzles look so nice on the wall."
    )
    assert measure(easy).sentences == 11
    # Pieces of two words or fewer ("U.", "S.") are not sentences for textstat.
    assert measure("The U.S. House chose the president in 1825.").sentences == 1


def test_short_plain_sentences_score_lower_than_long_polysyllabic_ones() -> None:
    plain = measure("The count was close. Both sides asked for a recount. The judge said no.")
    hard = measure(
        "Notwithstanding considerable administrative complications, the Commission's "
        "certification of the statewide canvass necessitated extraordinarily meticulous "
        "reconciliation of provisional ballots, absentee ballots and municipal tabulations."
    )
    assert plain.flesch_kincaid_grade < hard.flesch_kincaid_grade
    assert plain.flesch_reading_ease > hard.flesch_reading_ease
    assert plain.grade_band == "elementary school (grades 1–5)" and plain.meets_target
    assert hard.grade_band == "graduate school" and not hard.meets_target


def test_grade_bands_and_target_share_their_bounds() -> None:
    at_target = Readability(
        words=20, sentences=1, flesch_kincaid_grade=TARGET_GRADE, flesch_reading_ease=50.0
    )
    above = Readability(
        words=20, sentences=1, flesch_kincaid_grade=TARGET_GRADE + 0.1, flesch_reading_ease=50.0
    )
    assert at_target.meets_target and at_target.grade_band == "high school (grades 9–12)"
    assert not above.meets_target and above.grade_band == "college"
    assert Readability(20, 2, 7.0, 70.0).grade_band == "middle school (grades 6–8)"
    assert Readability(20, 2, 7.0, 70.0).words_per_sentence == 10


@pytest.mark.parametrize("text", ["", "   \n", "... -- !?", "<!-- -->"])
def test_measure_refuses_text_without_words(text: str) -> None:
    with pytest.raises(ValueError, match=r"^no words to measure in .*: the text is empty or holds"):
        measure(text)


def test_chapter_of_a_source_without_prose_says_so(tmp_path: Path) -> None:
    source = tmp_path / "empty.md"
    source.write_text("```{code-cell} ipython3\nx = 1\n```\n", "utf-8")
    with pytest.raises(ValueError, match="no words to measure"):
        chapter(source)


def test_textstat_needs_no_network() -> None:
    # Run in a fresh interpreter whose sockets all fail, so the import, the syllable dictionary's
    # first load and the first measurement all happen offline (textstat 0.7.9 and later would try
    # to download NLTK's cmudict here).
    code = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise OSError("no network in this test")

        socket.socket.connect = socket.socket.connect_ex = refuse
        socket.create_connection = socket.getaddrinfo = refuse
        from closecalls_build.readability import measure

        print(measure("Wisconsin recounted every ballot in December.").words)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "6"


# --- the book's chapters -------------------------------------------------------------------------


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_has_prose_and_no_markup_left(name: str) -> None:
    source = ROOT / "book" / f"{name}.md"
    text = prose(source.read_text("utf-8"))
    for markup in ("{eval}", "{cite}", "{numref}", "{doc}", "```", ":::", "+++", "`", "<!--"):
        assert markup not in text, f"{markup!r} left in the prose of {name}"
    assert not re.search(r"^:[\w-]+:", text, re.MULTILINE), f"a directive option in {name}"
    assert "import " not in text and "render.enable()" not in text  # no code
    result = chapter(source)
    assert result.words > 100 and result.sentences > 5
    assert result == measure(text)


def test_the_remove_cell_note_for_jupyterlab_is_not_measured() -> None:
    source = (ROOT / "book" / "margins.md").read_text("utf-8")
    assert "Reading this notebook in JupyterLab?" in source
    assert "Reading this notebook in JupyterLab?" not in prose(source)


# --- properties ----------------------------------------------------------------------------------

_MYST_PIECES = st.sampled_from(
    [
        "{eval}`count(x)`",
        "{cite}`a,b`",
        "{term}`word <target>`",
        "{doc}`margins`",
        "`code.name`",
        "``",
        "`",
        "{",
        "}",
        "**",
        "_",
        "```",
        "```{code-cell} ipython3",
        ":::",
        "+++",
        '+++ {"tags": ["remove-cell"]}',
        "- ",
        "# ",
        "| ",
        "<!--",
        "-->",
        "$$",
        ":class: tip",
        "\n",
        "\n\n",
        " ",
        ".",
        "word",
    ]
)


@given(st.lists(st.one_of(_MYST_PIECES, st.text(max_size=8)), max_size=40).map("".join))
def test_prose_never_raises_and_leaves_no_backtick(source: str) -> None:
    # No backtick, so no role ({eval}`x`) and no code span is left; a role's name may remain only
    # as the text of a code span that shows it (`{eval}` in Markdown is code, not a role).
    assert "`" not in prose(source)


@given(
    st.lists(
        st.lists(st.from_regex(r"[a-z]{1,12}", fullmatch=True), min_size=3, max_size=12),
        min_size=1,
        max_size=6,
    )
)
def test_plain_sentences_pass_through_unchanged(sentences: list[list[str]]) -> None:
    text = " ".join(" ".join(words).capitalize() + "." for words in sentences)
    assert prose(text) == text
    assert measure(prose(text)).sentences == len(sentences)
