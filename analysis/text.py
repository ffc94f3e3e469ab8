"""Text handling: NFC normalisation and the bilingual labels used on tables and charts.

Vietnamese text can arrive decomposed (NFD) from some Excel files and macOS; decomposed
tone marks render badly and compare unequal to the same word typed on another machine,
so every piece of text that enters the package goes through :func:`nfc`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pandas as pd

__all__ = ["nfc", "nfc_frame", "fold", "label", "in_sentence", "LANGUAGES"]

LANGUAGES = ("vi", "en")


def nfc(value: Any) -> Any:
    """Return ``value`` NFC-normalised if it is text, unchanged otherwise.

    >>> # "Cầu" typed as C + â + a combining grave accent: 4 code points, 3 after NFC
    >>> len(nfc("C\u00e2\u0300u")), len("C\u00e2\u0300u")
    (3, 4)
    >>> nfc(12.5)
    12.5
    """
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def nfc_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` with every text cell and column name NFC-normalised."""
    out = frame.rename(columns=nfc)
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(nfc, na_action="ignore")
    return out


def fold(text: str) -> str:
    """Lower case without diacritics, so that "Xa Kim Hoa" matches "Xã Kim Hòa".

    >>> fold("Xã  Kim Hòa"), fold("Đảng viên")
    ('xa kim hoa', 'dang vien')
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())


def check_language(lang: str) -> str:
    """Return ``lang`` if supported, else raise ``ValueError`` naming the choices.

    >>> check_language("en")
    'en'
    """
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    return lang


def in_sentence(name: str, lang: str = "vi") -> str:
    """An area's name as it reads inside a sentence: "Huyện Cầu Ngang" → "huyện Cầu Ngang" in
    Vietnamese, "Former Cầu Ngang district" → "former Cầu Ngang district" in English, where a
    name like "Cầu Ngang district" keeps its capital.

    >>> in_sentence("Huyện Cầu Ngang"), in_sentence("Former Cầu Ngang district", "en")
    ('huyện Cầu Ngang', 'former Cầu Ngang district')
    >>> in_sentence("Cầu Ngang district", "en")
    'Cầu Ngang district'
    """
    if lang == "vi" and name or name.startswith("Former "):
        return name[0].lower() + name[1:]
    return name


_LABELS: dict[str, tuple[str, str]] = {}


def register_labels(labels: dict[str, tuple[str, str]]) -> None:
    """Add ``key -> (vietnamese, english)`` labels (used by the modules that draw or print)."""
    for key, (vi, en) in labels.items():
        _LABELS[key] = (nfc(vi), nfc(en))


def label(key: str, lang: str = "vi") -> str:
    """The label ``key`` in ``lang`` (Vietnamese by default).

    >>> register_labels({"illustrative": ("minh họa", "illustrative")})
    >>> label("illustrative"), label("illustrative", "en")
    ('minh họa', 'illustrative')
    """
    vi, en = _LABELS[key]
    return vi if check_language(lang) == "vi" else en
