"""Help > Glossary, glossary tooltips on the pages, and the realities with their "more" links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.core.glossary import default_glossary
from planner.core.plan import Step
from planner.gui.glossary_dialog import GlossaryDialog
from planner.gui.main_window import MainWindow
from planner.gui.milestones_page import COL_NOTE, COL_TITLE


def open_from_help(window: MainWindow, qtbot: QtBot) -> GlossaryDialog:
    window.actions_by_name["glossary"].trigger()
    dialog = window.glossary_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_help_glossary_searches_and_shows_the_meaning(qtbot: QtBot, window: MainWindow) -> None:
    assert window.actions_by_name["glossary"].text() == "&Glossary"
    dialog = open_from_help(window, qtbot)
    total = len(default_glossary().entries)
    assert dialog.count.text() == f"{total} of {total} terms"
    qtbot.waitUntil(dialog.search.hasFocus)  # type at once

    qtbot.keyClicks(dialog.search, "ceu")
    assert dialog.visible_terms() == ["CEU"]
    assert dialog.current_term() == "CEU"
    text = dialog.text.toPlainText()
    assert "Continuing education unit: credits every credential holder must earn" in text
    assert "In your plan: AAPC asks 36 CEUs every 2 years" in text
    assert "Source: https://www.aapc.com/medical-coding-education/help/ (as of n.d.)" in text

    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # on to the list, by keyboard only
    qtbot.waitUntil(dialog.terms.hasFocus)

    dialog.search.setText("icd10cm")  # any spelling of a term or alias
    assert dialog.current_term() == "ICD-10-CM"
    dialog.search.setText("apprentice")  # words of a meaning find the term too
    assert "CPC-A" in dialog.visible_terms()
    dialog.search.setText("zzzz")
    assert dialog.visible_terms() == []
    assert dialog.count.text() == f"0 of {total} terms"
    assert dialog.text.toPlainText().startswith("No term matches 'zzzz'")


def test_a_term_shows_the_realities_that_link_to_it(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_from_help(window, qtbot)
    assert dialog.show_term("hipaa")
    text = dialog.text.toPlainText()
    assert text.startswith("HIPAA")
    assert "Working from home under HIPAA: Working remotely means securing your home" in text
    assert not dialog.show_term("astrology")


def test_milestone_rows_explain_their_terms_in_the_tooltip(window: MainWindow) -> None:
    page = window.milestones_page
    exam = page.item_for(Step.FIRST_EXAM.value)
    assert exam is not None
    tip = exam.toolTip(COL_TITLE)
    assert tip.startswith("Sit the CPC exam")
    assert "\n\nCPC: Certified Professional Coder (AAPC)" in tip
    credential = page.item_for(Step.FIRST_CREDENTIAL.value)
    assert credential is not None
    assert "CPC-A: The apprentice designation" in credential.toolTip(COL_TITLE)
    window.controller.set_milestone_note(Step.FIRST_EXAM.value, "<b>Book</b> after the CEU call")
    assert exam.toolTip(COL_NOTE) == (  # the learner's note stays literal text
        "<p style='white-space:pre-wrap'>&lt;b&gt;Book&lt;/b&gt; after the CEU call\n\nCEU: "
        "Continuing education unit: credits every credential holder must earn and report to "
        "keep the credential.</p>"
    )


def test_header_numbers_and_timeline_markers_explain_their_terms(window: MainWindow) -> None:
    page = window.timeline_page
    assert page.key_dates["exam"].toolTip().startswith("CPC: Certified Professional Coder")
    assert page.key_dates["certified"].toolTip().startswith("CPC-A: The apprentice")
    assert page.key_dates["break_even"].toolTip().startswith("break-even: The month when")
    assert "CPC: Certified Professional Coder" in page.title.toolTip()
    marker = next(m for m in page.view.markers() if m.id == Step.FIRST_EXAM.value)
    assert "\n\nCPC: Certified Professional Coder" in page.view._marker_text(marker)


def test_realities_show_where_they_matter_and_more_opens_the_glossary(
    qtbot: QtBot, window: MainWindow
) -> None:
    timeline = window.timeline_page.realities
    assert [r.id for r in timeline.shown] == [
        "ai-payer-judgment",
        "remote-entry-scarce",
        "pass-rate-cpc",
    ]
    assert "first-time pass rates are estimated at about 50-60 percent" in timeline.text()
    assert "glossary:CPC'>more</a>" in timeline.text()
    timeline.linkActivated.emit("glossary:remote-ready")
    assert timeline.dialog is not None
    qtbot.waitUntil(timeline.dialog.isVisible)
    assert timeline.dialog.current_term() == "remote-ready"

    salary = window.salary_page.realities
    assert [r.id for r in salary.shown] == ["ai-routine-entry", "ai-payer-judgment", "remote-share"]
    assert "55 percent of medical records specialists worked remotely" in salary.text()

    milestones = window.milestones_page
    milestones.select_milestone(Step.REMOTE_READY.value, focus=False)
    details = milestones.detail_realities
    assert not details.isHidden()
    assert [r.id for r in details.shown] == ["productivity", "remote-entry-scarce", "hipaa-home"]
    milestones.select_milestone(Step.FIRST_EXAM.value, focus=False)
    assert [r.id for r in details.shown] == ["pass-rate-cpc"]
    milestones.select_milestone("p1-terminology", focus=False)
    assert details.shown == () and details.isHidden()
