"""The notebooks are thin, parameterised, bilingual, and committed run (nbval checks their outputs)."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
NAMES = ["00_bat_dau", "01_kiem_tra_so_lieu", "02_ngheo", "03_di_hoc", "04_dang_vien", "05_tat_ca_chi_tieu",
         "06_gia_dinh"]


def test_the_seven_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS] == NAMES


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def code_cells(book):
    return [c for c in book.cells if c.cell_type == "code"]


def test_every_code_cell_was_run_in_order(notebook):
    # nbval skips the comparison of a cell without stored outputs; a stripped notebook would pass silently.
    counts = [c.execution_count for c in code_cells(notebook)]
    assert counts == list(range(1, len(counts) + 1))


def test_no_errors_or_warnings_are_stored(notebook):
    for cell in code_cells(notebook):
        for output in cell.outputs:
            assert output.output_type != "error"
            assert not (output.output_type == "stream" and output.name == "stderr"), output.text


def test_cells_are_thin_calls_to_the_package(notebook):
    for cell in code_cells(notebook):
        source = "\n".join(line for line in cell.source.splitlines() if not line.startswith("%"))
        tree = ast.parse(source)
        assert not any(isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda, ast.For, ast.While))
                       for node in ast.walk(tree)), cell.source
        assert len(cell.source.splitlines()) <= 8


def test_a_tagged_parameters_cell_comes_first(notebook):
    first = code_cells(notebook)[0]
    assert "parameters" in first.metadata.get("tags", [])
    assert 'LANG = "vi"' in first.source and "DATA = None" in first.source


def test_vietnamese_first_with_english_alongside(notebook):
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert any(ch in text for ch in "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ")
    assert "*" in text  # English in italics beside the Vietnamese
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_only_the_widget_cell_is_exempt_from_output_checks():
    for path in NOTEBOOKS:
        book = nbformat.read(path, as_version=4)
        exempt = [c for c in code_cells(book) if {"nbval-ignore-output", "nbval-skip"} & set(c.metadata.get("tags", []))]
        if path.stem == "06_gia_dinh":
            assert [c.source for c in exempt] == ["wb.what_if_widget(TARGET, AREA)"]
        else:
            assert exempt == []
