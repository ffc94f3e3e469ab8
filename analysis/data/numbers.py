"""Reading numbers written as text, in Vietnamese or English convention.

Vietnamese writes ``1.234,5`` (dot for thousands, comma for decimals); English writes
``1,234.5``. Some cells tell which convention they use (``12,5`` can only be Vietnamese,
``3.61`` only English); others cannot (``1.234`` is a thousand and more in Vietnamese but
one and a bit in English). A column is read in the convention its cells show; when its own
cells show none, the convention shown by the file's other number columns is used; when
nothing in the file shows one, the ambiguous cells are reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from array import array
from dataclasses import dataclass, field
from enum import Enum

import numpy as np

__all__ = ["Convention", "classify", "parse", "decide_convention", "ParsedColumn", "parse_column",
           "NumberColumnReader", "format_number"]


class Convention(Enum):
    VIETNAMESE = "vi"
    ENGLISH = "en"


_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_INTEGER = re.compile(r"^\d+$")
_DOT_GROUPS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_COMMA_GROUPS = re.compile(r"^\d{1,3}(,\d{3})+$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d+$")
_COMMA_DECIMAL = re.compile(r"^\d+,\d+$")
_VI_FULL = re.compile(r"^\d{1,3}(\.\d{3})+,\d+$")
_EN_FULL = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$")


def _strip(text: str) -> tuple[str, str]:
    body = _SPACES.sub("", text)
    sign = ""
    if body and body[0] in "+-\u2212":
        sign = "-" if body[0] in "-\u2212" else ""
        body = body[1:]
    return sign, body


def classify(text: str) -> str:
    """What a cell says about its convention: ``"neutral"``, ``"vi"``, ``"en"``,
    ``"ambiguous"`` or ``"invalid"``.

    >>> [classify(t) for t in ["1234", "12,5", "3.61", "1.234", "1.234.567", "1.234,5", "abc"]]
    ['neutral', 'vi', 'en', 'ambiguous', 'vi', 'vi', 'invalid']
    >>> classify("0.125"), classify("12,500"), classify("1,234,567")
    ('en', 'ambiguous', 'en')
    """
    _, body = _strip(text)
    if not body:
        return "invalid"
    if _INTEGER.match(body):
        return "neutral"
    if _VI_FULL.match(body):
        return "vi"
    if _EN_FULL.match(body):
        return "en"
    if _DOT_GROUPS.match(body):
        # "0.125" cannot be a thousands grouping; two or more groups cannot be decimals.
        if body.count(".") > 1:
            return "vi"
        return "en" if body.startswith("0") else "ambiguous"
    if _COMMA_GROUPS.match(body):
        if body.count(",") > 1:
            return "en"
        return "vi" if body.startswith("0") else "ambiguous"
    if _DOT_DECIMAL.match(body):
        return "en"
    if _COMMA_DECIMAL.match(body):
        return "vi"
    return "invalid"


def parse(text: str, convention: Convention | None) -> float:
    """Parse one cell in ``convention`` (``None`` only for cells that need none).

    >>> parse("1.234,5", Convention.VIETNAMESE), parse("1,234.5", Convention.ENGLISH)
    (1234.5, 1234.5)
    >>> parse("1.234", Convention.VIETNAMESE), parse("1.234", Convention.ENGLISH)
    (1234.0, 1.234)
    >>> parse("- 12,5", Convention.VIETNAMESE)
    -12.5
    """
    sign, body = _strip(text)
    kind = classify(text)
    if kind == "invalid":
        raise ValueError(f"not a number: {text!r}")
    if kind == "neutral":
        return float(sign + body)
    if convention is None:
        raise ValueError(f"the convention of {text!r} is needed to read it")
    if convention is Convention.VIETNAMESE:
        body = body.replace(".", "").replace(",", ".")
    else:
        body = body.replace(",", "")
    return float(sign + body)


def evidence(texts: list[str]) -> set[str]:
    """The conventions that some cell in ``texts`` shows ({'vi'}, {'en'}, both or none)."""
    return {kind for kind in map(classify, texts) if kind in ("vi", "en")}


def decide_convention(column_evidence: set[str], file_evidence: set[str]) -> Convention | None:
    """The convention to read a column in, or ``None`` when nothing shows one.

    A column's own cells decide; a column whose cells show none follows the file.

    >>> decide_convention({"vi"}, {"vi", "en"})
    <Convention.VIETNAMESE: 'vi'>
    >>> decide_convention(set(), {"en"})
    <Convention.ENGLISH: 'en'>
    >>> decide_convention(set(), {"vi", "en"}) is None
    True
    """
    for shown in (column_evidence, file_evidence):
        if len(shown) == 1:
            return Convention(next(iter(shown)))
        if len(shown) > 1:
            return None
    return None


def format_number(value: float, lang: str = "vi") -> str:
    """A number as a person would write it back, in ``lang``'s convention: no trailing
    zeros, thousands grouped (used to echo figures in problem messages).

    >>> format_number(104.5), format_number(104.5, "en"), format_number(1288.0), format_number(1288.0, "en")
    ('104,5', '104.5', '1.288', '1,288')
    >>> format_number(-40.0), format_number(0.125), format_number(float("nan"))
    ('-40', '0,125', '')
    >>> format_number(12345678.9), format_number(1e15, "en")  # twelve significant digits: no binary residue
    ('12.345.678,9', '1,000,000,000,000,000')
    """
    if value is None or math.isnan(value):
        return ""
    if math.isinf(value):
        return str(value)
    whole_digits = len(str(int(abs(value)))) if abs(value) >= 1 else 0
    text = f"{value:,.{max(0, min(10, 12 - whole_digits))}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


@dataclass
class ParsedColumn:
    """The numbers of one column, with the positions of cells that could not be read.

    ``numbers`` holds the numbers as an array (NaN where there is none); ``values`` the same
    as a list with ``None``. ``dates`` are cells that a spreadsheet stored as a date or time.
    """

    numbers: np.ndarray
    invalid: list[int]
    ambiguous: list[int]
    mixed: bool
    convention: Convention | None
    dates: list[int] = field(default_factory=list)
    examples: dict[str, tuple[int, str]] = field(default_factory=dict)
    """The first cell showing each convention (``"vi"``, ``"en"``): its position and text."""
    blank: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Positions of blank cells."""
    inferred: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Positions of cells that could be read either way ("1.120") and were read in the
    convention other cells show: right for a rate, but a count of workers is never 1,12."""
    alternative: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """For each position: the reading in the other convention (NaN where there is none)."""

    @property
    def values(self) -> list[float | None]:
        return [None if v != v else float(v) for v in self.numbers.tolist()]


_BLANK, _NUMBER, _VI, _EN, _AMBIGUOUS, _INVALID, _DATE = range(7)
_KIND_CODE = {"neutral": _NUMBER, "vi": _VI, "en": _EN, "ambiguous": _AMBIGUOUS, "invalid": _INVALID}
_DATE_TYPES = (dt.date, dt.time, dt.timedelta)
_NAN = float("nan")
_CACHE_LIMIT = 100_000


def date_text(cell: object) -> str:
    """A date or time from a spreadsheet cell as the person who typed it would write it.

    >>> date_text(dt.datetime(2024, 12, 31)), date_text(dt.datetime(2024, 12, 31, 8, 30)), date_text(dt.time(8, 5))
    ('31/12/2024', '31/12/2024 08:30', '08:05')
    """
    if isinstance(cell, dt.datetime):  # Excel keeps a time with every date
        return cell.strftime("%d/%m/%Y" if cell.time() == dt.time() else "%d/%m/%Y %H:%M")
    if isinstance(cell, dt.date):
        return cell.strftime("%d/%m/%Y")
    if isinstance(cell, dt.time):
        return cell.strftime("%H:%M")
    return str(cell)


class NumberColumnReader:
    """Reads a number column one cell at a time, keeping numbers rather than text.

    The convention of the column is only known once every cell has been seen (and, for a
    column whose cells show none, once the file's other columns have been seen), so each
    cell is kept read both ways where that matters; :meth:`finish` picks. This lets a file
    of a million rows be checked without holding its text in memory.

    >>> reader = NumberColumnReader()
    >>> for cell in ["1.234", "", 7, "mười"]:
    ...     reader.add(cell)
    >>> column = reader.finish(file_evidence={"vi"})
    >>> column.values, column.invalid
    ([1234.0, None, 7.0, None], [3])
    """

    def __init__(self) -> None:
        self._kinds = array("b")
        self._first = array("d")
        """The number; for an ambiguous cell, read the Vietnamese way."""
        self._english = array("d")
        """For an ambiguous cell, the number read the English way (NaN otherwise)."""
        self.texts: dict[int, str] = {}
        """The text of cells that could not be read at once (invalid, ambiguous, dates)."""
        self._shown: dict[str, tuple[int, str]] = {}
        self._cache: dict[str, tuple[int, float, float]] = {}

    def __len__(self) -> int:
        return len(self._kinds)

    def add(self, cell: object) -> None:
        """Take the next cell: a number (from a spreadsheet), text, a date, or blank."""
        if cell is None:
            kind, first, english = _BLANK, _NAN, _NAN
        elif isinstance(cell, str):
            kind, first, english = self._read_text(cell)
        elif isinstance(cell, bool):
            kind, first, english = _INVALID, _NAN, _NAN
            self.texts[len(self._kinds)] = str(cell)
        elif isinstance(cell, (int, float)):
            number = float(cell)
            kind, first, english = (_BLANK if number != number else _NUMBER), number, _NAN
        elif isinstance(cell, _DATE_TYPES):
            kind, first, english = _DATE, _NAN, _NAN
            self.texts[len(self._kinds)] = date_text(cell)
        else:
            kind, first, english = _INVALID, _NAN, _NAN
            self.texts[len(self._kinds)] = str(cell)
        self._kinds.append(kind)
        self._first.append(first)
        self._english.append(english)

    def _read_text(self, cell: str) -> tuple[int, float, float]:
        known = self._cache.get(cell)
        if known is None:
            text = cell.strip()
            if not text:
                known = (_BLANK, _NAN, _NAN)
            else:
                kind = _KIND_CODE[classify(text)]
                if kind == _NUMBER:
                    known = (kind, parse(text, None), _NAN)
                elif kind == _VI:
                    known = (kind, parse(text, Convention.VIETNAMESE), _NAN)
                elif kind == _EN:
                    known = (kind, parse(text, Convention.ENGLISH), _NAN)
                elif kind == _AMBIGUOUS:
                    known = (kind, parse(text, Convention.VIETNAMESE), parse(text, Convention.ENGLISH))
                else:
                    known = (kind, _NAN, _NAN)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[cell] = known
        kind = known[0]
        position = len(self._kinds)
        if kind in (_AMBIGUOUS, _INVALID):
            self.texts[position] = cell.strip()
        elif kind == _VI and "vi" not in self._shown:
            self._shown["vi"] = (position, cell.strip())
        elif kind == _EN and "en" not in self._shown:
            self._shown["en"] = (position, cell.strip())
        return known

    @property
    def evidence(self) -> set[str]:
        """The conventions that some cell of the column shows."""
        return set(self._shown)

    def finish(self, file_evidence: set[str]) -> ParsedColumn:
        """The column's numbers, read in the convention its cells (or else the file) show."""
        kinds = np.frombuffer(self._kinds, dtype=np.int8) if len(self._kinds) else np.zeros(0, np.int8)
        numbers = np.array(self._first, dtype=float) if len(self._first) else np.zeros(0)
        own = self.evidence
        mixed = len(own) > 1
        convention = None if mixed else decide_convention(own, file_evidence)
        ambiguous: list[int] = []
        inferred = np.zeros(0, dtype=np.int64)
        alternative = np.full(len(numbers), np.nan)
        if convention is not None and not mixed:
            inferred = np.flatnonzero(kinds == _AMBIGUOUS)
            if inferred.size:
                english = np.array(self._english, dtype=float)
                alternative[inferred] = (english if convention is Convention.VIETNAMESE else numbers)[inferred]
        if mixed:
            numbers[(kinds == _VI) | (kinds == _EN) | (kinds == _AMBIGUOUS)] = np.nan
        elif convention is Convention.ENGLISH:
            english = np.array(self._english, dtype=float)
            take = kinds == _AMBIGUOUS
            numbers[take] = english[take]
        elif convention is None:
            take = kinds == _AMBIGUOUS
            numbers[take] = np.nan
            ambiguous = np.flatnonzero(take).tolist()
        return ParsedColumn(
            numbers=numbers,
            invalid=np.flatnonzero(kinds == _INVALID).tolist(),
            ambiguous=ambiguous,
            mixed=mixed,
            convention=convention,
            dates=np.flatnonzero(kinds == _DATE).tolist(),
            examples=dict(self._shown),
            blank=np.flatnonzero(kinds == _BLANK),
            inferred=inferred,
            alternative=alternative,
        )


def parse_column(cells: list[object], file_evidence: set[str]) -> ParsedColumn:
    """Parse a column whose cells are numbers (from Excel), text, or blank (``None``/"").

    >>> col = parse_column(["12,5", "1.234", "", 7.0], file_evidence=set())
    >>> col.values, col.convention
    ([12.5, 1234.0, None, 7.0], <Convention.VIETNAMESE: 'vi'>)
    >>> parse_column(["1.234", "2.500"], file_evidence=set()).ambiguous
    [0, 1]
    >>> parse_column(["12,5", "3.61"], file_evidence=set()).mixed
    True
    """
    reader = NumberColumnReader()
    for cell in cells:
        reader.add(cell)
    return reader.finish(file_evidence)
