"""The roadmap PDF: text, pages, footer, a vector chart, atomic writes and the CLI export."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.cli import PLAN
from helpers.cli import codepath as run_codepath
from helpers.samples import studied_profile
from pypdf import PdfReader

from planner.core.catalog import Catalog
from planner.core.plan import Plan
from planner.core.profile import Profile
from planner.core.state import PlanState, derive
from planner.render import printing
from planner.render.printing import export_pdf

TODAY = date(2027, 9, 1)
PAPERS = {"letter": (612, 792), "a4": (595, 842)}
PAGES = range(5, 12)  # expected page count, either paper


def squash(text: str) -> str:
    """Text without any whitespace or ligatures: line wrapping cannot break a comparison."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module", autouse=True)
def _shared_app(qapp: Any) -> None:
    """In-process exports run in pytest's one QApplication, the one the GUI tests need.

    Alone, an export starts a QGuiApplication (the command-line tests below check that);
    in a shared test process that would leave the widget tests without a QApplication.
    """


@pytest.fixture(scope="module")
def profile() -> Profile:
    return studied_profile()


@pytest.fixture(scope="module")
def state(profile: Profile, catalog: Catalog) -> PlanState:
    return derive(profile, catalog, TODAY)


@pytest.fixture(scope="module")
def plan(state: PlanState) -> Plan:
    return state.plan


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, state: PlanState) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    paths = {}
    for paper in PAPERS:
        path = folder / f"roadmap-{paper}.pdf"
        export_pdf(state, path, paper=paper)
        paths[paper] = path
    return paths


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.mark.parametrize("paper", list(PAPERS))
def test_pages_size_and_footer(pdfs: dict[str, Path], paper: str) -> None:
    reader = PdfReader(pdfs[paper])
    count = len(reader.pages)
    assert count in PAGES
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == PAPERS[paper]
        text = squash(page.extract_text())
        assert squash(f"Page {number} of {count}") in text
        assert squash("Generated on Sep 1, 2027") in text
    assert reader.metadata is not None
    assert "CPC roadmap" in str(reader.metadata.title)


@pytest.mark.parametrize("paper", list(PAPERS))
def test_all_content_is_in_the_text(pdfs: dict[str, Path], plan: Plan, paper: str) -> None:
    pages = page_texts(pdfs[paper])
    text = squash("".join(pages))
    for needle in ("Jordan Rivera", "Certified Professional Coder", plan.specialty_name):
        assert squash(needle) in text, needle
    for phase in plan.phases:
        assert squash(f"Phase {phase.number}: {phase.name}") in text
        assert squash(phase.why) in text
        for milestone in phase.milestones:
            assert squash(milestone.title) in text, milestone.title
    assert squash("Done Mar 8, 2027") in text
    assert squash("Chapter tests all above 80%") in text
    # the sources close the document
    heading = squash("Sources of every figure")
    first_source_page = next(i for i, t in enumerate(pages) if heading in squash(t))
    tail = squash("".join(pages[first_source_page:]))
    for ref in plan.sources:
        assert squash(ref.what) in tail and squash(ref.source) in tail, ref.what
    assert squash("Salaries are estimates from public surveys") in squash(pages[-1])


@pytest.mark.parametrize("paper", list(PAPERS))
def test_salary_chart_is_vector(pdfs: dict[str, Path], paper: str) -> None:
    reader = PdfReader(pdfs[paper])
    pages = [p for p in reader.pages if "Incomeoutlook" in squash(p.extract_text())]
    assert len(pages) >= 1
    page = pages[0]
    text = squash(page.extract_text())
    for label in ("Plan year", "$40k", "$80k", "Income per year (USD)", "Median"):
        assert squash(label) in text, label  # the chart's labels are text, not pixels
    content = page.get_contents()
    assert content is not None
    ops = content.get_data().decode("latin-1")
    assert len(re.findall(r"\b(re|l|c)\n", ops)) > 300  # drawn with paths
    assert re.search(r"\b[fSB]\*?\n", ops)


@pytest.mark.parametrize("paper", list(PAPERS))
def test_no_images_anywhere(pdfs: dict[str, Path], paper: str) -> None:
    def images(resources: Any) -> list[str]:
        found = []
        resources = resources.get_object() if resources is not None else {}
        for name, obj in (resources.get("/XObject") or {}).items():
            obj = obj.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append(name)
            found += images(obj.get("/Resources"))
        for obj in (resources.get("/Pattern") or {}).values():
            found += images(obj.get_object().get("/Resources"))
        return found

    for page in PdfReader(pdfs[paper]).pages:
        assert images(page.get("/Resources")) == []


def test_fonts_are_embedded(pdfs: dict[str, Path]) -> None:
    reader = PdfReader(pdfs["letter"])
    fonts = {}
    for page in reader.pages:
        for name, font in (page["/Resources"].get_object().get("/Font") or {}).items():
            fonts[name] = font.get_object()
    assert fonts
    for font in fonts.values():
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()


def test_file_is_small(pdfs: dict[str, Path]) -> None:
    for path in pdfs.values():
        assert path.stat().st_size < 500_000


def test_a4_and_letter_paginate_differently_but_fully(pdfs: dict[str, Path]) -> None:
    letter, a4 = (squash("".join(page_texts(pdfs[p]))) for p in ("letter", "a4"))
    strip = re.compile(r"Page\d+of\d+")
    assert len(strip.sub("", letter)) == pytest.approx(len(strip.sub("", a4)), rel=0.02)


# ---------------------------------------------------------------- errors and atomic writes


def test_unwritable_path_raises_oserror_naming_it(tmp_path: Path, state: PlanState) -> None:
    target = tmp_path / "no-such-folder" / "x.pdf"
    with pytest.raises(OSError) as info:
        export_pdf(state, target)
    assert info.value.filename == str(target)
    with pytest.raises(IsADirectoryError):
        export_pdf(state, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_failed_export_keeps_the_old_file(
    tmp_path: Path, state: PlanState, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "roadmap.pdf"
    target.write_bytes(b"old")

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(printing, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        export_pdf(state, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["roadmap.pdf"]


def test_overwrites_atomically(tmp_path: Path, state: PlanState) -> None:
    target = tmp_path / "roadmap.pdf"
    target.write_bytes(b"old")
    export_pdf(state, target, paper="A4")
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["roadmap.pdf"]


def test_unknown_paper(tmp_path: Path, state: PlanState) -> None:
    with pytest.raises(ValueError, match="unknown paper"):
        export_pdf(state, tmp_path / "x.pdf", paper="legal")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the command line


def codepath(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user on a headless machine would: no display, no QT_QPA_PLATFORM."""
    return run_codepath(*args, home=home, today=TODAY.isoformat(), no_display=True)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("home")
    result = codepath(
        *PLAN,
        "--name",
        "Sam Lee",
        "--save",
        home=folder,
    )
    assert result.returncode == 0, result.stderr
    return folder


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_cli_export_writes_pdf_and_ics(home: Path, paper: str) -> None:
    pdf, ics = home / f"out-{paper}.pdf", home / f"out-{paper}.ics"
    result = codepath("export", "--pdf", str(pdf), "--ics", str(ics), "--paper", paper, home=home)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert f"Wrote {pdf}" in result.stdout and f"Wrote {ics}" in result.stdout
    reader = PdfReader(pdf)
    assert round(float(reader.pages[0].mediabox.width)) == PAPERS[paper][0]
    assert "Sam Lee" in reader.pages[0].extract_text().replace("\t", " ")
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_cli_unwritable_pdf_path(home: Path) -> None:
    line = one_line_error(codepath("export", "--pdf", "/nonexistent/dir/x.pdf", home=home))
    assert line.startswith("codepath:") and "/nonexistent/dir/x.pdf" in line


def test_cli_unwritable_ics_path(home: Path) -> None:
    line = one_line_error(codepath("export", "--ics", "/nonexistent/dir/x.ics", home=home))
    assert "/nonexistent/dir/x.ics" in line


def test_cli_missing_profile(tmp_path: Path) -> None:
    result = codepath(
        "export", "--profile", str(tmp_path / "none.json"), "--pdf", "x.pdf", home=tmp_path
    )
    line = one_line_error(result)
    assert "none.json" in line
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("paper", list(PAPERS))
def test_split_tables_repeat_their_header(pdfs: dict[str, Path], paper: str) -> None:
    headers = {
        "Phase": squash("Due Milestone Status and notes"),
        "Sources": squash("Figure Value Source As of Confidence"),
    }
    continued = 0
    for text in map(squash, page_texts(pdfs[paper])):
        for label in re.findall(r"(Phase\d|Sources)[^()]*\(continued\)", text):
            continued += 1
            key = "Phase" if label.startswith("Phase") else "Sources"
            after = text.split("(continued)", 1)[1]
            assert after.startswith(headers[key]), after[:80]
    assert continued >= 2  # the long phase 5 checklist and the sources table
