"""Paper from the locale, exports into Documents with the right extension, calendar choices,
CSV tables, recent profiles and a first-run wizard that asks before quitting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import TODAY, MakeController
from icalendar import Calendar
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from planner.core.catalog import Catalog
from planner.core.demo import demo_profile
from planner.core.fileio import with_suffix
from planner.core.storage import ProfileStore
from planner.gui import dialogs, exports
from planner.gui.exports import CalendarOptionsDialog, paper_for
from planner.gui.main_window import MainWindow
from planner.gui.print_dialogs import create_preview_dialog
from planner.gui.recent import RECENT_LIMIT, RecentProfiles
from planner.gui.wizard import SetupWizard
from planner.report.calendar import CalendarOptions, DoneSteps, StudyDays

Country = QLocale.Country
English = QLocale.Language.English


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(exports, "documents_folder", lambda: folder)
    return folder


@pytest.fixture
def locale_of() -> Iterator[Any]:
    before = QLocale()

    def use(language: QLocale.Language, country: QLocale.Country) -> None:
        QLocale.setDefault(QLocale(language, country))

    yield use
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("language", "country", "paper"),
    [
        (English, Country.UnitedStates, "letter"),
        (QLocale.Language.French, Country.Canada, "letter"),
        (English, Country.UnitedKingdom, "a4"),
        (QLocale.Language.German, Country.Germany, "a4"),
    ],
)
def test_paper_follows_the_locale(
    language: QLocale.Language, country: QLocale.Country, paper: str
) -> None:
    assert paper_for(QLocale(language, country)) == paper


def test_print_preview_starts_on_the_locale_paper(
    qtbot: QtBot, window: MainWindow, locale_of: Any
) -> None:
    locale_of(English, Country.UnitedStates)
    dialog = create_preview_dialog(window, window.controller.state)
    qtbot.addWidget(dialog)
    assert dialog._printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter  # type: ignore[attr-defined]
    locale_of(QLocale.Language.German, Country.Germany)
    dialog = create_preview_dialog(window, window.controller.state)
    qtbot.addWidget(dialog)
    assert dialog._printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4  # type: ignore[attr-defined]


def test_print_preview_offers_letter_or_a4(
    qtbot: QtBot, window: MainWindow, locale_of: Any
) -> None:
    locale_of(English, Country.UnitedStates)
    dialog = create_preview_dialog(window, window.controller.state)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "previewPaper")
    assert combo is not None and combo.currentText() == "Letter"
    combo.setCurrentIndex(combo.findData("a4"))
    assert dialog._printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4  # type: ignore[attr-defined]


def test_suffix_is_added_only_when_missing() -> None:
    assert with_suffix(Path("/x/milestones"), ".ics") == Path("/x/milestones.ics")
    assert with_suffix(Path("/x/plan.ICS"), ".ics") == Path("/x/plan.ICS")
    assert with_suffix(Path("/x/plan.v2"), ".pdf") == Path("/x/plan.v2.pdf")


def test_calendar_export_adds_ics_opens_in_documents_and_asks(
    window: MainWindow, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested: list[Path] = []

    def ask(_parent: Any, start: Path, *_args: Any) -> Path:
        suggested.append(start)
        return documents / "milestones"

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    chosen = CalendarOptions(done=DoneSteps.OMIT, weekly_study=True)
    monkeypatch.setattr(exports, "ask_calendar_options", lambda _parent, _hours: chosen)
    window.actions_by_name["export_ics"].trigger()
    assert suggested == [documents / "coding-path-milestones.ics"]
    written = documents / "milestones.ics"
    calendar = Calendar.from_ical(written.read_bytes())
    assert any("RRULE" in event for event in calendar.walk("VEVENT"))
    assert "milestones.ics" in window.statusBar().currentMessage()


def test_cancelled_calendar_options_write_nothing(
    window: MainWindow, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: documents / "m.ics")
    monkeypatch.setattr(exports, "ask_calendar_options", lambda *a: None)
    window.actions_by_name["export_ics"].trigger()
    assert list(documents.iterdir()) == []


def test_calendar_options_dialog(qtbot: QtBot) -> None:
    dialog = CalendarOptionsDialog(12)
    qtbot.addWidget(dialog)
    assert dialog.options() == CalendarOptions()
    assert "12 h a week" in dialog.weekly.text()
    dialog.omit.setChecked(True)
    dialog.weekly.setChecked(True)
    assert dialog.options() == CalendarOptions(
        done=DoneSteps.OMIT, weekly_study=True, study_days=StudyDays.WEEKDAYS
    )


def test_pdf_export_offers_the_paper_and_adds_pdf(
    window: MainWindow, documents: Path, monkeypatch: pytest.MonkeyPatch, locale_of: Any
) -> None:
    locale_of(English, Country.UnitedStates)
    asked: list[tuple[Path, dict[str, str], str]] = []

    def ask(_parent: Any, start: Path, _title: str, filters: dict[str, str], selected: str) -> Any:
        asked.append((start, filters, selected))
        return documents / "roadmap", "a4"

    monkeypatch.setattr(dialogs, "ask_save_path_and_filter", ask)
    window.actions_by_name["export_pdf"].trigger()
    start, filters, selected = asked[0]
    assert start.parent == documents and selected == "letter"
    assert set(filters) == {"letter", "a4"} and "A4" in filters["a4"]
    data = (documents / "roadmap.pdf").read_bytes()
    assert b"/MediaBox [0 0 595.000000 842.000000]" in data  # the A4 the user picked


def test_csv_tables_from_the_file_menu(
    window: MainWindow, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_folder", lambda _parent, start, _title: start)
    window.actions_by_name["export_csv"].trigger()
    names = sorted(p.name for p in documents.iterdir())
    assert names == ["ceus.csv", "practice-scores.csv", "study-log.csv"]
    log = (documents / "study-log.csv").read_text(encoding="utf-8-sig").splitlines()
    assert log[0] == "Date,Hours,Topic,Note"
    assert len(log) == len(window.controller.profile.study_log) + 1


def test_recent_profiles_are_kept_in_settings(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    recent = RecentProfiles(settings)
    for number in range(RECENT_LIMIT + 2):
        recent.add(tmp_path / f"p{number}.json")
    recent.add(tmp_path / "p3.json")
    again = RecentProfiles(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    paths = again.paths()
    assert paths[0] == tmp_path / "p3.json" and len(paths) == RECENT_LIMIT
    assert len(set(paths)) == len(paths)


def test_open_recent_opens_the_other_profile(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    other = tmp_path / "other" / "second.json"
    other.parent.mkdir()
    second = demo_profile(TODAY)
    second.name = "Second learner"
    ProfileStore(other).save(second)
    RecentProfiles(settings).add(other)
    window = MainWindow(make_controller(), settings=settings)
    qtbot.addWidget(window)
    first_path = window.controller.path
    window._fill_recent_menu()
    action = window.recent_menu.findChild(type(window.actions_by_name["open"]), "action_recent_1")
    assert action is not None and "second.json" in action.text()
    action.trigger()
    assert window.controller.path == other and window.controller.profile.name == "Second learner"
    assert RecentProfiles(settings).paths()[:2] == [other, first_path.absolute()]


def test_first_run_wizard_asks_before_quitting(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [False, True]
    monkeypatch.setattr(dialogs, "confirm_quit_setup", lambda _parent: answers.pop(0))
    wizard = SetupWizard(catalog, date(2026, 3, 2), first_run=True)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.reject()  # "Back to the set-up"
    assert wizard.isVisible() and answers == [True]
    wizard.reject()  # "Quit"
    assert not wizard.isVisible() and wizard.result() == SetupWizard.DialogCode.Rejected
    later = SetupWizard(catalog, date(2026, 3, 2))  # File > New: Cancel just cancels
    qtbot.addWidget(later)
    later.show()
    later.reject()
    assert not later.isVisible() and answers == []
