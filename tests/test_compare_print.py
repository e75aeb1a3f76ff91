"""The roadmap's comparison page: present when chosen and paths were compared, with their values."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.samples import sample_inputs
from pypdf import PdfReader

from planner.core.catalog import Catalog
from planner.core.compare import PathResult, PathSpec, compared_results
from planner.core.profile import Profile
from planner.core.state import PlanState, derive
from planner.render.printing import export_pdf
from planner.report.compare import cells_of
from planner.report.compare_page import TITLE
from planner.report.document import Chart, Heading, Table
from planner.report.roadmap import build_roadmap

TODAY = date(2027, 1, 4)
PATHS = (PathSpec("CCS", "inpatient-hospital", 10), PathSpec("RHIT", "him", 15))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def state(catalog: Catalog) -> PlanState:
    profile = Profile(
        inputs=sample_inputs(current_income=32_000),
        compared=[path.stored() for path in PATHS],
    )
    return derive(profile, catalog, TODAY)


def test_the_comparison_page_is_printed_when_chosen(state: PlanState) -> None:
    with_page = build_roadmap(state, comparison=True)
    text = with_page.text()
    assert TITLE.upper() in text
    results = [r for r in compared_results(state) if isinstance(r, PathResult)]
    assert len(results) == 3
    table = next(b for b in with_page.blocks if isinstance(b, Table) and b.continued == TITLE)
    assert [c.title for c in table.columns] == ["", "Your plan", "Path 2", "Path 3"]
    for result in results:
        cells = cells_of(result)
        for key in ("first_exam", "total_cost", "pay_10", "dues"):
            assert cells[key] in text
    assert "★ earliest" in text and "★ cheapest" in text and "★ highest" in text
    chart = next(b for b in with_page.blocks if isinstance(b, Chart) and "Median pay" in b.alt)
    assert "Path 2: CCS:inpatient-hospital:10" in chart.alt
    assert b"<svg" in chart.svg


def test_no_comparison_page_when_not_chosen_or_nothing_compared(
    state: PlanState, catalog: Catalog
) -> None:
    without = build_roadmap(state)
    assert TITLE.upper() not in without.text()
    assert not any(isinstance(b, Heading) and b.text == TITLE for b in without.blocks)
    never = derive(Profile(inputs=state.profile.inputs), catalog, TODAY)
    assert TITLE.upper() not in build_roadmap(never, comparison=True).text()
    assert build_roadmap(never, comparison=True) == build_roadmap(never)


@pytest.fixture(scope="module", autouse=True)
def _shared_app(qapp: Any) -> None:
    """The PDF is painted in pytest's one QApplication (see test_export_pdf)."""


def test_the_pdf_has_the_comparison_page_only_when_chosen(tmp_path: Path, state: PlanState) -> None:
    chosen, plain = tmp_path / "with.pdf", tmp_path / "without.pdf"
    export_pdf(state, chosen, comparison=True)
    export_pdf(state, plain)
    with_text = [squash(p.extract_text()) for p in PdfReader(chosen).pages]
    without_text = squash("".join(p.extract_text() for p in PdfReader(plain).pages))
    assert squash(TITLE) not in without_text
    page = next(t for t in with_text if squash(TITLE) in t)
    assert squash("CCS:inpatient-hospital:10") in squash("".join(with_text))
    assert squash("★cheapest") in page
    assert len(with_text) > len(PdfReader(plain).pages)
