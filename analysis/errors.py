"""One error type for bad input: :class:`DataError`, carrying every problem found.

A planner who feeds the workbench a file with five mistakes should learn about all five
at once, each with the file, the row as a spreadsheet shows it, the column, what is wrong
and what to do. Messages are written in Vietnamese first, with the English beside them.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

__all__ = ["DataError", "Problem", "RefusedError", "PRINT_LIMIT"]

PRINT_LIMIT = 200
"""How many problems a :class:`DataError` prints; the rest are counted (a wrong export of a
million rows must not print a million lines). :meth:`DataError.write_csv` writes them all."""

_FRAME_COLUMNS = ["file", "row", "column", "message_vi", "fix_vi", "message_en", "fix_en"]


class Problem:
    """One thing wrong with an input file.

    ``row`` is the row number a person sees in the file (the header is row 1 in a CSV
    or a sheet; in a YAML file it is the line number); ``None`` when the problem
    concerns the whole file or a whole column. ``message_vi``, ``message_en``, ``fix_vi``
    and ``fix_en`` say what is wrong and what to do.

    Problems made by :func:`analysis.data.problems.problem` write their sentences only when
    they are read, so that a wrong export of a million rows does not hold four million
    sentences in memory. Problems are immutable and compare by their contents.
    """

    __slots__ = ("file", "row", "column", "_sentences", "_write", "_arguments")

    def __init__(self, file: str, row: int | None, column: str | None, message_vi: str, message_en: str,
                 fix_vi: str, fix_en: str):
        for name, value in (("file", file), ("row", row), ("column", column),
                            ("_sentences", (message_vi, message_en, fix_vi, fix_en)), ("_write", None),
                            ("_arguments", None)):
            object.__setattr__(self, name, value)

    @classmethod
    def deferred(cls, file: str, row: int | None, column: str | None, write: Callable[..., tuple[str, str, str, str]],
                 arguments: tuple) -> "Problem":
        """A problem whose sentences are ``write(*arguments)``, written when first read."""
        problem = cls.__new__(cls)
        for name, value in (("file", file), ("row", row), ("column", column), ("_sentences", None),
                            ("_write", write), ("_arguments", arguments)):
            object.__setattr__(problem, name, value)
        return problem

    def _text(self) -> tuple[str, str, str, str]:
        if self._sentences is not None:
            return self._sentences
        return self._write(*self._arguments)

    message_vi = property(lambda self: self._text()[0])
    message_en = property(lambda self: self._text()[1])
    fix_vi = property(lambda self: self._text()[2])
    fix_en = property(lambda self: self._text()[3])

    def _key(self) -> tuple:
        return (self.file, self.row, self.column, *self._text())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Problem cannot be changed")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        fields = ("file", "row", "column", "message_vi", "message_en", "fix_vi", "fix_en")
        return "Problem(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in fields) + ")"

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


def _thousands(n: int) -> str:
    """A count with the Vietnamese thousands dot (1.000), as both languages' lines show it."""
    return f"{n:,}".replace(",", ".")


def numbered_lines(problems: Iterable[Problem], limit: int | None = PRINT_LIMIT) -> list[str]:
    """Each problem on two lines (Vietnamese, then English), numbered, at most ``limit`` of them."""
    lines = []
    for i, problem in enumerate(problems, start=1):
        if limit is not None and i > limit:
            break
        lines.append(f"{i}. {problem.describe('vi')}")
        lines.append(" " * (len(str(i)) + 2) + problem.describe("en"))
    return lines


class DataError(ValueError):
    """Raised when input files cannot be used; lists every problem found.

    >>> err = DataError([Problem("x.csv", 2, "value", "không phải số.", "not a number.",
    ...                          "ghi một số.", "write a number.")])
    >>> print(err)
    Dữ liệu có 1 lỗi / The data has 1 problem:
    1. x.csv, dòng 2, cột "value": không phải số. Cách sửa: ghi một số.
       x.csv, row 2, column "value": not a number. Fix: write a number.

    Problems that are all about the command's options (``file`` "--year") are the command's,
    not the data's. Only the first :data:`PRINT_LIMIT` problems are printed; :attr:`problems`,
    :meth:`to_frame` and :meth:`write_csv` hold them all.
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__(self._text())

    @property
    def truncated(self) -> bool:
        """Whether the printed message leaves some problems out."""
        return len(self.problems) > PRINT_LIMIT

    def _text(self) -> str:
        n = len(self.problems)
        plural = "" if n == 1 else "s"
        if all(problem.file.startswith("--") for problem in self.problems):  # options of the command line
            lines = [f"Lệnh có {_thousands(n)} lỗi / The command has {n:,} problem{plural}:"]
        else:
            lines = [f"Dữ liệu có {_thousands(n)} lỗi / The data has {n:,} problem{plural}:"]
        lines += numbered_lines(self.problems, PRINT_LIMIT)
        if self.truncated:
            rest = n - PRINT_LIMIT
            lines.append(f"… và {_thousands(rest)} lỗi khác / … and {rest:,} more.")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """Every problem as a table (file, row, column, message, fix), for a notebook.

        Messages are whole; to show them whole in a notebook use
        :func:`analysis.data.coverage.show_problems`.
        """
        return problems_frame(self.problems)

    def write_csv(self, path: str | Path) -> Path:
        """Write every problem to ``path`` as a UTF-8 CSV that Excel opens (one row per
        problem), streamed to a temporary file renamed into place."""
        from .export import spreadsheet_text

        path = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(_FRAME_COLUMNS)
                for p in self.problems:
                    writer.writerow([spreadsheet_text(p.file), "" if p.row is None else p.row, p.column or "",
                                     p.message_vi, p.fix_vi, p.message_en, p.fix_en])
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """Problems as a table with the columns file, row, column, message_vi, fix_vi, message_en, fix_en."""
    problems = list(problems)
    frame = pd.DataFrame({
        "file": [p.file for p in problems],
        "row": pd.array([p.row for p in problems], dtype="Int64"),
        "column": [p.column for p in problems],
        "message_vi": [p.message_vi for p in problems],
        "fix_vi": [p.fix_vi for p in problems],
        "message_en": [p.message_en for p in problems],
        "fix_en": [p.fix_en for p in problems],
    }, columns=_FRAME_COLUMNS)
    return frame


class RefusedError(Exception):
    """A request the command line refuses to carry out (an ``--out`` folder that is not its
    own, say): one sentence in Vietnamese and English, nothing touched.

    >>> print(RefusedError("không ghi.", "will not write."))
    không ghi. / will not write.
    """

    def __init__(self, message_vi: str, message_en: str):
        self.message_vi, self.message_en = message_vi, message_en
        super().__init__(f"{message_vi} / {message_en}")
