"""Reading Vietnamese and English number formats; ambiguity is reported, never guessed."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from analysis.data.numbers import Convention, classify, parse, parse_column


def vietnamese(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"  # English grouping first
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=3))
def test_vietnamese_grouped_decimals_round_trip(whole, decimals):
    value = whole / 10**decimals
    text = vietnamese(value, decimals)
    assert classify(text) in ("vi", "neutral", "ambiguous") or text.count(".") > 1
    assert abs(parse(text, Convention.VIETNAMESE) - value) < 1e-6


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=3))
def test_english_grouped_decimals_round_trip(whole, decimals):
    value = whole / 10**decimals
    assert abs(parse(f"{value:,.{decimals}f}", Convention.ENGLISH) - value) < 1e-6


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_one_dot_group_alone_is_ambiguous(thousands, units):
    text = f"{thousands}.{units:03d}"
    assert classify(text) == "ambiguous"
    column = parse_column([text], file_evidence=set())
    assert column.ambiguous == [0] and column.values == [None]
    assert parse_column([text], file_evidence={"vi"}).values == [thousands * 1000 + units]
    assert parse_column([text], file_evidence={"en"}).values == [pytest.approx(thousands + units / 1000)]


def test_a_column_follows_its_own_cells_before_the_file():
    assert parse_column(["1.234", "3,5"], file_evidence={"en"}).values == [1234.0, 3.5]


def test_invalid_cells_are_listed():
    column = parse_column(["12", "mười", "1,2,3,4", ""], file_evidence=set())
    assert column.invalid == [1, 2]
    assert column.values == [12.0, None, None, None]


def test_negative_numbers_and_spaces():
    assert parse("−1 234,5", Convention.VIETNAMESE) == -1234.5
    assert parse("1\u00a0234", None) == 1234.0
