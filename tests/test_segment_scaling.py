"""Segmenting time grows linearly with the input (issue 21: a file of 200 lines of ~1 MB took minutes).

Each layout is segmented at two sizes, the larger four times the smaller, and the larger's time per
character may be at most MAX_GROWTH times the smaller's. A cost that grows with the square of the
input (a walk to the dump's end at every headline, a paragraph rebuilt and classified again at
every wrapped line it joins) passes that by far; timing noise on a busy machine does not reach it,
as the best of three runs, with the garbage collector off, is what counts.
"""

from __future__ import annotations

import gc
import itertools
import textwrap
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caucasus_nlp.date_grammar import FULL_DATE, full_dates
from caucasus_nlp.records import Dump
from caucasus_nlp.segment import segment_dump

MAX_GROWTH = 2.5
SENTENCES = (
    "Officials in the border district said the road to the village was open again.",
    "The ceasefire held through the night, according to the statement of the ministry.",
    "Talks between the two foreign ministers resumed on 11 December 2023 in the capital.",
    "Residents of three villages were left without water after the bridge was damaged.",
    "The parliament voted on the agreement after a long debate, with 15 members against it.",
    "International observers visited the region and met local officials and soldiers.",
    "The power station in the northern city was repaired within a week.",
)


def prose(n_chars: int, offset: int = 0) -> str:
    """Sentences, one after another, to about n_chars characters; `offset` varies where they start."""
    parts, size = [], 0
    for sentence in itertools.islice(itertools.cycle(SENTENCES), offset % len(SENTENCES), None):
        if size >= n_chars:
            return " ".join(parts)
        parts.append(sentence)
        size += len(sentence) + 1


def long_lines(n: int) -> str:
    """The issue's layout: paragraphs of 200,000 characters on lines of their own."""
    return "\n".join(prose(200_000, k) for k in range(n)) + "\n"


def headline_date_lines(n: int) -> str:
    """Headlines each under a date, no bodies: every headline's metadata block runs to the dump's end."""
    return "".join(f"Headline {k} of the region\nDecember {k % 28 + 1}, 2023\n\n" for k in range(n))


def wrapped_list_item(n: int) -> str:
    """One list item of n sentences hard-wrapped at 72 columns: thousands of lines joined into one."""
    return "Headline of the list\n\n" + textwrap.fill("• " + prose(n * 80), 72) + "\n"


def seconds_per_char(text: str) -> float:
    dump = Dump(path="scaling.txt", name="scaling.txt", sha256="", encoding="utf-8", text=text, n_bytes=len(text))
    runs = []
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            segment_dump(dump)
            runs.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(runs) / len(text)


@pytest.mark.parametrize(("layout", "small"), [(long_lines, 1), (headline_date_lines, 500), (wrapped_list_item, 600)],
                         ids=["long lines", "headline and date lines", "hard-wrapped list item"])
def test_segmenting_time_per_character_does_not_grow_with_the_input(layout, small):
    growth = seconds_per_char(layout(4 * small)) / seconds_per_char(layout(small))
    assert growth <= MAX_GROWTH, f"time per character grew {growth:.1f}x when the input grew 4x"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "Wednesday", "Monday,", "September.", "Sept", "dec", "May", "30th", "3rd", "11", "2023", "12023", "2023-12-11",
    "12023-12-11-05", "٢٠٢٣", "on", "x", ",", ".", "-", " ", "   ", "\n", "\t\t", "\u3000",
]), max_size=60))
def test_full_dates_finds_what_finditer_finds(pieces):
    """full_dates searches near runs of digits only: it must miss no date and find no other,
    whatever the spaces between a date's parts."""
    text = "".join(pieces)
    assert [(m.span(), m.groupdict()) for m in full_dates(text)] == [(m.span(), m.groupdict()) for m in FULL_DATE.finditer(text)]
