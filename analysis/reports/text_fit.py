"""Text fitted to a width: lines measured in the charts' font, balanced, never cut.

A chart's title, legend and footer are laid out before they are drawn: each line measured at
its font size (:func:`text_width`) and broken into as few lines of balanced lengths as the room
allows (:func:`fit_lines`), with "%" kept beside its number and a span of years ("/3 năm") whole.
"""

from __future__ import annotations

import functools
import re
import textwrap

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path

from .style import RC

__all__ = ["NBSP", "WIDTH_SAFETY", "balanced_wrap", "fit_lines", "text_width"]


NBSP = "\u00a0"
NAME_JOIN = "\u202f"
"""Joins the words of a place's name while a text is laid out: unlike :data:`NBSP`, it gives way
when the whole name is wider than a line."""


def _wrap(text: str, width: int) -> list[str]:
    """Lines of ``text`` at most ``width`` long that never leave "%" alone at a line's start, nor
    split a span of years ("/3 năm").

    >>> _wrap("+13,3 điểm %", 11), _wrap("−1 ấp/3 năm", 8), _wrap("−1 hamlet in 3 yrs", 12)
    (['+13,3', 'điểm %'], ['−1', 'ấp/3 năm'], ['−1 hamlet', 'in 3 yrs'])
    """
    lines = textwrap.wrap(_unbreakable(text), width, break_long_words=False)
    return [_spaced(line) for line in lines]


_COMPOUND_WORDS = ("trung học cơ sở", "trung học phổ thông", "nhà ở", "đất ở", "đất sản xuất", "trung học", "tiểu học",
                   "nông thôn")
_COMPOUNDS = re.compile(r"\b(?:" + "|".join(_COMPOUND_WORDS) + r")\b", re.IGNORECASE)
"""Words a line must not split: "đất ở" (residential land) broken after "đất" read as "đất" (land)
and "ở, đất sản xuất" in T11's title; "cấp trung / học cơ sở" and "cấp trung học / cơ sở" in T07's
("trung học" alone is secondary school, both levels)."""


def _unbreakable(text: str) -> str:
    """``text`` with no-break spaces where a line must not break: before "%", inside a span of
    years ("−1 ấp/3 năm", "−1 hamlet in 3 yrs"), inside a compound word (:data:`_COMPOUNDS`) and
    inside a place's name (:func:`_names_kept_whole`).

    >>> _unbreakable("về nhà ở, đất ở, đất sản xuất").count(NBSP), _unbreakable("Đất ở").count(NBSP)
    (4, 1)
    >>> _unbreakable("cấp trung học cơ sở, trung học phổ thông, nông thôn mới; nhà học").count(NBSP)
    7
    >>> _unbreakable("−1 hamlet in 3 yrs").split(" ")
    ['−1', 'hamlet', 'in\xa03\xa0yrs']
    """
    text = _names_kept_whole(_COMPOUNDS.sub(lambda m: m.group(0).replace(" ", NBSP), text))
    text = re.sub(r"\bin (\d+) yrs\b", lambda m: f"in{NBSP}{m.group(1)}{NBSP}yrs", text)
    return re.sub(r"(/\d+) ", lambda m: m.group(1) + NBSP, text.replace(" %", NBSP + "%"))


NAME_WORDS = 3
"""A place's name is at most this many capitalised words ("Thạnh Hòa Sơn"); in a longer run of
them ("Xã Hiệp Mỹ Đông") the last ones are the name."""


_CLOSING = ",;:.)"
"""Marks that end a name: the word after them starts another one ("Cầu Ngang, Mỹ Long")."""


def _is_name_word(word: str) -> bool:
    core = word.lstrip("(").rstrip(_CLOSING)
    return core.isalpha() and core[0].isupper() and (len(core) == 1 or core[1:].islower())


def _names_kept_whole(text: str) -> str:
    """``text`` with :data:`NAME_JOIN` inside each place's name: a run of capitalised words with no
    punctuation between them ("Mỹ Long", "Trà Vinh"), since a footer broken inside "Mỹ / Long"
    named two places that do not exist.

    >>> _names_kept_whole("UBND các xã Cầu Ngang, Mỹ Long; huyện Duyên Hải cũ").replace(NAME_JOIN, "_")
    'UBND các xã Cầu_Ngang, Mỹ_Long; huyện Duyên_Hải cũ'
    >>> _names_kept_whole("Xã Hiệp Mỹ Đông (Báo cáo)").replace(NAME_JOIN, "_")
    'Xã Hiệp_Mỹ_Đông (Báo cáo)'
    """
    words = text.split(" ")
    runs: list[list[int]] = []
    for i, word in enumerate(words):
        joins = (runs and runs[-1][-1] == i - 1 and not word.startswith("(")
                 and not words[i - 1].endswith(tuple(_CLOSING)))
        if not _is_name_word(word):
            continue
        if joins:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        for i in run[-NAME_WORDS:][:-1]:
            words[i] += NAME_JOIN
    return " ".join(words).replace(NAME_JOIN + " ", NAME_JOIN)


def balanced_wrap(text: str, width: int) -> str:
    """Wrap ``text`` into as few lines as ``width`` characters allow, of balanced lengths, so that
    no line holds a lone word ("2025" on its own line). For text of a known font size on a
    chart, :func:`fit_lines` measures instead of counting characters.

    >>> print(balanced_wrap("Đảng viên người Khmer chiếm từ 20 % trở lên — theo xã 2025", 40))
    Đảng viên người Khmer chiếm
    từ 20 % trở lên — theo xã 2025
    """
    lines = _wrap(text, width)
    if len(lines) <= 1:
        return text
    n = len(lines)
    for narrower in range(width, 0, -1):
        candidate = _wrap(text, narrower)
        if len(candidate) > n:
            break
        lines = candidate
    return "\n".join(lines)


WIDTH_SAFETY = 0.97
"""Share of the room a measured line may fill: the renderer's hinting makes text a little wider
than its outline measures."""


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float, weight: str = "normal") -> float:
    """The width of one line of ``text`` in points, in the charts' font at ``size`` points.

    >>> round(text_width("2025", 10)), text_width("2025", 10) < text_width("2025", 10, "bold")
    (25, True)
    """
    font = FontProperties(family=RC["font.family"], size=size, weight=weight)
    return text_to_path.get_text_width_height_descent(text, font, ismath=False)[0]


def _greedy(words: list[str], width: float, size: float, weight: str) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", size, weight) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _greedy_from_the_end(words: list[str], width: float, size: float, weight: str) -> list[str]:
    """Greedy lines filled from the last word back."""
    lines: list[str] = []
    for word in reversed(words):
        if lines and text_width(f"{word} {lines[0]}", size, weight) <= width:
            lines[0] = f"{word} {lines[0]}"
        else:
            lines.insert(0, word)
    return lines


def _within(word: str, width: float, size: float, weight: str) -> list[str]:
    """``word`` whole, or a place's name broken back into its words when it is wider than a line."""
    return [word] if NAME_JOIN not in word or text_width(word, size, weight) <= width else word.split(NAME_JOIN)


def _spaced(line: str) -> str:
    return line.replace(NBSP, " ").replace(NAME_JOIN, " ")


def fit_lines(text: str, width: float, size: float, weight: str = "normal", last_heavy: bool = False) -> list[str]:
    """``text`` in as few lines as fit ``width`` points at ``size`` points, of balanced lengths:
    no line is cut, no last line holds a lone word, "%" stays with its number. Line breaks in
    ``text`` are kept. ``last_heavy`` fills the lines from the end instead of balancing them (a
    short heading: "Cần" over "mỗi năm", not "năm" alone under "Cần mỗi").

    >>> fit_lines("Vì sao (2025): cần giảm 3,0 điểm % trong năm 2025; đạt 1/3 năm.", 200, 8.5)
    ['Vì sao (2025): cần giảm 3,0 điểm %', 'trong năm 2025; đạt 1/3 năm.']
    >>> fit_lines("Một dòng ngắn", 200, 8.5)
    ['Một dòng ngắn']
    >>> fit_lines("Cần mỗi năm", 50, 8, "bold"), fit_lines("Cần mỗi năm", 50, 8, "bold", last_heavy=True)
    (['Cần mỗi', 'năm'], ['Cần', 'mỗi năm'])
    """
    out: list[str] = []
    greedy = _greedy_from_the_end if last_heavy else _greedy
    for paragraph in text.split("\n"):
        words = [part for word in _unbreakable(paragraph).split(" ") if word
                 for part in _within(word, width, size, weight)]
        lines = greedy(words, width, size, weight)
        if len(lines) > 1 and not last_heavy:
            # the narrowest width that keeps the same number of lines balances them
            low, high = 0.0, width
            for _ in range(14):
                middle = (low + high) / 2
                if len(greedy(words, middle, size, weight)) <= len(lines):
                    high = middle
                else:
                    low = middle
            lines = greedy(words, high, size, weight)
        out += [_spaced(line) for line in lines] or [""]
    return out
