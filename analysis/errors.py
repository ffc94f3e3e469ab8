"""One error type for bad input: :class:`DataError`, carrying every problem found.

A planner who feeds the workbench a file with five mistakes should learn about all five
at once, each with the file, the row as a spreadsheet shows it, the column, what is wrong
and what to do. Messages are written in Vietnamese first, with the English beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pandas as pd

__all__ = ["DataError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file.

    ``row`` is the row number a person sees in the file (the header is row 1 in a CSV
    or a sheet; in a YAML file it is the line number); ``None`` when the problem
    concerns the whole file or a whole column.
    """

    file: str
    row: int | None
    column: str | None
    message_vi: str
    message_en: str
    fix_vi: str
    fix_en: str

    def where(self, lang: str = "vi") -> str:
        """Say where the problem is, in words.

        >>> Problem("a.csv", 3, "year", "", "", "", "").where("en")
        'a.csv, row 3, column "year"'
        >>> Problem("a.csv", None, None, "", "", "", "").where()
        'a.csv'
        """
        row_word, column_word = ("dòng", "cột") if lang == "vi" else ("row", "column")
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{row_word} {self.row}")
        if self.column is not None:
            parts.append(f'{column_word} "{self.column}"')
        return ", ".join(parts)

    def describe(self, lang: str = "vi") -> str:
        """One line: where, what is wrong, what to do."""
        if lang == "vi":
            return f"{self.where('vi')}: {self.message_vi} Cách sửa: {self.fix_vi}"
        return f"{self.where('en')}: {self.message_en} Fix: {self.fix_en}"


class DataError(ValueError):
    """Raised when input files cannot be used; lists every problem found.

    >>> err = DataError([Problem("x.csv", 2, "value", "không phải số.", "not a number.",
    ...                          "ghi một số.", "write a number.")])
    >>> print(err)
    Dữ liệu có 1 lỗi / The data has 1 problem:
    1. x.csv, dòng 2, cột "value": không phải số. Cách sửa: ghi một số.
       x.csv, row 2, column "value": not a number. Fix: write a number.
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__(self._text())

    def _text(self) -> str:
        n = len(self.problems)
        plural = "" if n == 1 else "s"
        lines = [f"Dữ liệu có {n} lỗi / The data has {n} problem{plural}:"]
        for i, problem in enumerate(self.problems, start=1):
            lines.append(f"{i}. {problem.describe('vi')}")
            lines.append(" " * (len(str(i)) + 2) + problem.describe("en"))
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """The problems as a table (file, row, column, message, fix), for a notebook."""
        return pd.DataFrame(
            [
                {
                    "file": p.file,
                    "row": p.row,
                    "column": p.column,
                    "message_vi": p.message_vi,
                    "fix_vi": p.fix_vi,
                    "message_en": p.message_en,
                    "fix_en": p.fix_en,
                }
                for p in self.problems
            ]
        )
