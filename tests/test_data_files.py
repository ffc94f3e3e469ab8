"""Data is declared, never edited: raw inputs keep their checksums and derived files are
exactly what the seeded, documented scripts produce."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import re
import sys
import zipfile

import pytest

from analysis.paths import DATA_DIR, PROJECT_ROOT

RAW = DATA_DIR / "raw"


def _md5_table() -> dict[str, str]:
    text = (RAW / "README.md").read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| (\S+) \| [^|]+ \| ([0-9a-f]{32}) \|$", text, re.M)}


def test_raw_inputs_are_unchanged():
    table = _md5_table()
    assert len(table) == 9
    for name, md5 in table.items():
        assert hashlib.md5((RAW / name).read_bytes()).hexdigest() == md5, name


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, PROJECT_ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("script, output", [
    ("build_published", "observations/published.csv"),
    ("make_illustrative_data", "observations/illustrative_communes.csv"),
])
def test_derived_csv_is_what_its_script_makes(script, output, tmp_path, monkeypatch):
    module = _script(script)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(module, "OUT", target)
    module.main()
    assert target.read_bytes() == (DATA_DIR / output).read_bytes(), f"run: python scripts/{script}.py"


def test_excel_template_is_what_its_script_makes():
    module = _script("make_excel_template")
    from analysis.export import reproducible_office_file

    made = reproducible_office_file(module.build())
    shipped = (DATA_DIR / "templates" / "mau_nhap_so_lieu.xlsx").read_bytes()
    assert made == shipped, "run: python scripts/make_excel_template.py"
    sheets = zipfile.ZipFile(io.BytesIO(shipped)).read("xl/workbook.xml").decode()
    for name in ("huong_dan", "du_lieu", "chi_tieu", "dia_ban"):
        assert f'name="{name}"' in sheets


def test_template_round_trip(tmp_path):
    """An office fills in the template's data sheet; the loader reads it back."""
    import openpyxl

    from analysis import DataError, load_observations

    template = DATA_DIR / "templates" / "mau_nhap_so_lieu.xlsx"
    with pytest.raises(DataError, match="không có dòng số liệu"):
        load_observations(template)
    book = openpyxl.load_workbook(template)
    sheet = book["du_lieu"]
    header = [c.value for c in sheet[1]]
    row = dict.fromkeys(header)
    row.update(indicator="right_age_attendance_primary", area_code="29446", group="khmer", year=2025,
               value="99,1", source="Phòng GD&ĐT, báo cáo tổng kết năm học 2024–2025")
    sheet.append([row[h] for h in header])
    book.save(tmp_path / "filled.xlsx")
    obs = load_observations(tmp_path / "filled.xlsx")
    assert obs[["indicator", "year", "value", "row"]].values.tolist() == [["right_age_attendance_primary", 2025, 99.1, 2]]
