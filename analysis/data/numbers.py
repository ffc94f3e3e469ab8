"""Reading numbers written as text, in Vietnamese or English convention.

Vietnamese writes ``1.234,5`` (dot for thousands, comma for decimals); English writes
``1,234.5``. Some cells tell which convention they use (``12,5`` can only be Vietnamese,
``3.61`` only English); others cannot (``1.234`` is a thousand and more in Vietnamese but
one and a bit in English). A column is read in the convention its cells show; when its own
cells show none, the convention shown by the file's other number columns is used; when
nothing in the file shows one, the ambiguous cells are reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

__all__ = ["Convention", "classify", "parse", "decide_convention", "ParsedColumn", "parse_column"]


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


@dataclass
class ParsedColumn:
    """The numbers of one column, with the positions of cells that could not be read."""

    values: list[float | None]
    invalid: list[int]
    ambiguous: list[int]
    mixed: bool
    convention: Convention | None


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
    texts = {i: c.strip() for i, c in enumerate(cells) if isinstance(c, str) and c.strip()}
    own = evidence(list(texts.values()))
    mixed = len(own) > 1
    convention = None if mixed else decide_convention(own, file_evidence)
    values: list[float | None] = []
    invalid: list[int] = []
    ambiguous: list[int] = []
    for i, cell in enumerate(cells):
        if cell is None or (isinstance(cell, float) and cell != cell):
            values.append(None)
        elif isinstance(cell, bool):
            values.append(None)
            invalid.append(i)
        elif isinstance(cell, (int, float)):
            values.append(float(cell))
        elif i not in texts:
            values.append(None)
        else:
            kind = classify(texts[i])
            if kind == "invalid":
                values.append(None)
                invalid.append(i)
            elif kind == "neutral" or (convention is not None and not mixed):
                values.append(parse(texts[i], convention))
            else:
                values.append(None)
                if not mixed:
                    ambiguous.append(i)
    return ParsedColumn(values, invalid, ambiguous, mixed, convention)
