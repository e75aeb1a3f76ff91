"""The main window: a page list, the pages (each built on first visit), menus, status bar, title."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.core.profile import ProfileError
from planner.core.storage import ProfileStore, default_profile_path
from planner.gui import dialogs, exports
from planner.gui.apprentice_page import add_apprentice_action
from planner.gui.controller import PlannerController
from planner.gui.dialogs import (
    HOW_TEXT,
    BadProfileChoice,
    BadProfileDialog,
    InfoDialog,
    about_html,
)
from planner.gui.glossary_dialog import GlossaryDialog, open_glossary
from planner.gui.number_input import AppUndoInSpinBoxes
from planner.gui.recent import RecentProfiles
from planner.gui.widgets import ask_message, named, plain_label, size_in_lines

if TYPE_CHECKING:
    from planner.core.plan import Plan
    from planner.gui.compare_page import ComparePage
    from planner.gui.milestones_page import MilestonesPage
    from planner.gui.progress_page import ProgressPage
    from planner.gui.salary_page import SalaryPage
    from planner.gui.settings_page import SettingsPage
    from planner.gui.timeline_page import TimelinePage

APP_NAME = "Coding Path Planner"
PAGES: tuple[tuple[str, str], ...] = (
    ("timeline", "&Timeline"),
    ("milestones", "&Milestones"),
    ("salary", "&Salary and costs"),
    ("progress", "&Progress"),
    ("settings", "Plan s&ettings"),
    ("compare", "&Compare"),
)
PAGE_NAMES = tuple(name for name, _ in PAGES)


def _timeline_page(controller: PlannerController) -> QWidget:
    from planner.gui.timeline_page import TimelinePage

    return TimelinePage(controller)


def _milestones_page(controller: PlannerController) -> QWidget:
    from planner.gui.milestones_page import MilestonesPage

    return MilestonesPage(controller)


def _salary_page(controller: PlannerController) -> QWidget:
    from planner.gui.salary_page import SalaryPage

    return SalaryPage(controller)


def _progress_page(controller: PlannerController) -> QWidget:
    from planner.gui.progress_page import ProgressPage

    return ProgressPage(controller)


def _settings_page(controller: PlannerController) -> QWidget:
    from planner.gui.settings_page import SettingsPage

    return SettingsPage(controller)


def _compare_page(controller: PlannerController) -> QWidget:
    from planner.gui.compare_page import ComparePage

    return ComparePage(controller)


# Each page's module is imported and the page built on its first visit (or first access):
# the first window costs only the page it shows.
PAGE_FACTORIES: dict[str, Callable[[PlannerController], QWidget]] = {
    "timeline": _timeline_page,
    "milestones": _milestones_page,
    "salary": _salary_page,
    "progress": _progress_page,
    "settings": _settings_page,
    "compare": _compare_page,
}


class LazyPages(MutableMapping[str, QWidget]):
    """The pages by name; a page is built the first time it is looked up."""

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, name: str) -> QWidget:
        page = self._built.get(name)
        if page is None:
            if name not in PAGE_FACTORIES:
                raise KeyError(name)
            page = self._built[name] = self._build(name)
        return page

    def __setitem__(self, name: str, page: QWidget) -> None:
        self._built[name] = page

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __contains__(self, name: object) -> bool:
        return name in PAGE_FACTORIES or name in self._built

    def __iter__(self) -> Iterator[str]:
        yield from PAGE_NAMES
        yield from (name for name in self._built if name not in PAGE_FACTORIES)

    def __len__(self) -> int:
        return len(PAGE_NAMES) + sum(name not in PAGE_FACTORIES for name in self._built)

    def is_built(self, name: str) -> bool:
        return name in self._built


class MainWindow(QMainWindow):
    """Shows what the controller holds; every edit goes through the controller."""

    def __init__(
        self,
        controller: PlannerController,
        *,
        settings: QSettings | None = None,
        page: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``page``: the page shown first (default: the one shown last, else the timeline)."""
        super().__init__(parent)
        if page is not None and page not in PAGE_FACTORIES:
            raise ValueError(f"unknown page {page!r} (pages: {', '.join(PAGE_NAMES)})")
        self.controller = controller
        self._settings = settings
        self._save_error_box: QMessageBox | None = None
        self.info_dialog: InfoDialog | None = None
        self.glossary_dialog: GlossaryDialog | None = None
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_NAME)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.nav = named(
            QListWidget(), "pageList", "Pages", f"Choose a page; Ctrl+1 to Ctrl+{len(PAGES)}"
        )
        for _name, text in PAGES:
            self.nav.addItem(text.replace("&", ""))
        self.nav.setSpacing(3)
        self.nav.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        width = max(self.nav.sizeHintForColumn(0), 60) + 3 * self.nav.frameWidth() + 16
        self.nav.setFixedWidth(width)
        layout.addWidget(self.nav)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # one empty holder per page in the stack; the page goes in on its first visit
        self._page_holders: dict[str, tuple[QWidget, QVBoxLayout]] = {}
        for name in PAGE_NAMES:
            holder = QWidget()
            holder.setObjectName(f"{name}PageHolder")
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self._page_holders[name] = (holder, holder_layout)
            self.stack.addWidget(holder)
        self._spin_undo = AppUndoInSpinBoxes(self)  # each page's spin boxes, when it is built
        self.pages = LazyPages(self._build_page)

        self.save_label = plain_label()
        self.save_label.setObjectName("saveStatus")
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().setObjectName("statusBar")

        self.actions_by_name: dict[str, QAction] = {}
        self.recent = RecentProfiles(settings)
        self.recent.add(controller.path)
        self._build_menus()

        self.nav.currentRowChanged.connect(self._on_view_nav_row)
        controller.savedStateChanged.connect(self._on_model_saved_state)
        controller.saveStatusChanged.connect(self._on_model_save_status)
        controller.storeChanged.connect(self._on_model_store_changed)
        controller.profileChanged.connect(self._on_model_profile_changed)
        controller.errorOccurred.connect(self._on_model_error)
        controller.saveFailed.connect(self._on_model_save_failed)
        saver = controller.saver
        saver.fileUnreadable.connect(self._on_saver_file_unreadable)
        saver.fileMissing.connect(self._on_saver_file_missing)
        saver.noticeGiven.connect(self._on_saver_notice)

        # only the first page shown is built now
        self.nav.setCurrentRow(PAGE_NAMES.index(page or self._remembered_page() or PAGE_NAMES[0]))
        self.setTabOrder(self.nav, self.stack)
        self.resize(self._default_size())
        self._restore_geometry()
        self.update_title()
        self._on_model_save_status("Saved" if not controller.dirty else "Not saved yet")

    def _default_size(self) -> QSize:
        """About 1200 x 800 at normal font size, never more than 90% of the screen."""
        return size_in_lines(self, 86, 57)

    # ------------------------------------------------------------------ menus

    def _action(
        self,
        name: str,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(
                shortcut if not isinstance(shortcut, str) else QKeySequence(shortcut)
            )
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.actions_by_name[name] = action
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menuBar")
        file_menu = bar.addMenu("&File")
        file_menu.setObjectName("menuFile")
        file_menu.addAction(
            self._action("new", "&New profile…", self.new_profile, QKeySequence.StandardKey.New)
        )
        file_menu.addAction(
            self._action("open", "&Open…", self.open_other, QKeySequence.StandardKey.Open)
        )
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("menuRecent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(
            self._action("save_as", "Save &As…", self.save_as, QKeySequence.StandardKey.SaveAs)
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action("print_preview", "Print Pre&view…", self.print_preview))
        file_menu.addAction(
            self._action("print", "&Print…", self.print_plan, QKeySequence.StandardKey.Print)
        )
        export = file_menu.addMenu("&Export")
        export.setObjectName("menuExport")
        export.addAction(self._action("export_pdf", "&PDF…", self.export_pdf))
        export.addAction(self._action("export_ics", "&Calendar (.ics)…", self.export_ics))
        export.addAction(
            self._action("export_csv", "&Study log, scores and CEUs (.csv)…", self.export_csv)
        )
        export.addSeparator()
        include = self._action(
            "print_comparison",
            "Include compared pat&hs",
            lambda _checked=False: None,
            tip="Print and export the page comparing your paths (Compare page)",
        )
        include.setCheckable(True)
        include.setChecked(True)
        export.addAction(include)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = bar.addMenu("&Edit")
        edit_menu.setObjectName("menuEdit")
        stack = self.controller.undo_stack
        undo = stack.createUndoAction(self, "&Undo")
        undo.setObjectName("action_undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = stack.createRedoAction(self, "&Redo")
        redo.setObjectName("action_redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.actions_by_name["undo"] = undo
        self.actions_by_name["redo"] = redo

        view_menu = bar.addMenu("&View")
        view_menu.setObjectName("menuView")
        group = QActionGroup(self)
        group.setExclusive(True)
        for index, (name, text) in enumerate(PAGES):
            action = self._action(
                f"page_{name}",
                text,
                lambda _checked=False, n=name: self.show_page(n, focus=True),
                f"Ctrl+{index + 1}",
            )
            action.setCheckable(True)
            group.addAction(action)
            view_menu.addAction(action)
        self.actions_by_name["apprentice"] = add_apprentice_action(self, view_menu, self.controller)
        view_menu.addSeparator()
        self._add_theme_menu(view_menu)

        help_menu = bar.addMenu("&Help")
        help_menu.setObjectName("menuHelp")
        help_menu.addAction(
            self._action(
                "how",
                "&How the plan is computed",
                self.show_how,
                QKeySequence.StandardKey.HelpContents,
            )
        )
        help_menu.addAction(
            self._action(
                "glossary", "&Glossary", self.show_glossary, tip="Plain meanings of the terms"
            )
        )
        help_menu.addAction(self._action("about", f"&About {APP_NAME}", self.show_about))
        help_menu.addSeparator()
        help_menu.addAction(self._action("fit", "Check your &fit…", self.check_fit))
        help_menu.addAction(
            self._action("programme", "Check a training &programme…", self.check_programme)
        )

    def _add_theme_menu(self, view_menu: QMenu) -> None:
        """View > Theme: System, Light, Dark (kept in the settings like the window state)."""
        from planner.gui.theme import Theme, current_theme

        menu = view_menu.addMenu("T&heme")
        menu.setObjectName("menuTheme")
        group = QActionGroup(self)
        group.setExclusive(True)
        for theme in Theme:
            action = self._action(
                f"theme_{theme.value}",
                theme.label,
                lambda _checked=False, t=theme: self.set_theme(t),
                tip=f"{theme.label.replace('&', '')} colours for the whole app",
            )
            action.setCheckable(True)
            action.setChecked(theme is current_theme())
            group.addAction(action)
            menu.addAction(action)

    def set_theme(self, theme: str, *, remember: bool = True) -> None:
        """Colour the whole app in ``theme`` (a ``Theme``: system, light or dark); ``remember``
        keeps the choice in the settings, for the next start."""
        from planner.gui.theme import THEME_KEY, Theme, apply_theme

        chosen = Theme(theme)
        apply_theme(chosen)
        self.actions_by_name[f"theme_{chosen.value}"].setChecked(True)
        if remember and self._settings is not None:
            self._settings.setValue(THEME_KEY, chosen.value)
            self._settings.sync()

    # ------------------------------------------------------------------ pages

    def _build_page(self, name: str) -> QWidget:
        page = PAGE_FACTORIES[name](self.controller)
        self._spin_undo.watch(page)
        if name == "timeline":
            page.milestoneActivated.connect(self.show_milestone)  # type: ignore[attr-defined]
            page.whatIfChanged.connect(self._on_what_if)  # type: ignore[attr-defined]
            shown = None if self._settings is None else self._settings.value("timeline/range")
            if isinstance(shown, str):
                page.set_range_mode(shown)  # type: ignore[attr-defined]
        if name == "milestones":
            page.apprenticeRequested.connect(  # type: ignore[attr-defined]
                self.actions_by_name["apprentice"].trigger
            )
        if name == "salary" and self.pages.is_built("timeline"):
            page.set_what_if(self.timeline_page.ghost)  # type: ignore[attr-defined]
        holder, layout = self._page_holders[name]
        layout.addWidget(page)
        if holder.isVisible():
            page.show()
        return page

    def _on_what_if(self, plan: Plan | None) -> None:
        if self.pages.is_built("salary"):
            self.salary_page.set_what_if(plan)

    @property
    def timeline_page(self) -> TimelinePage:
        return self.pages["timeline"]  # type: ignore[return-value]

    @property
    def milestones_page(self) -> MilestonesPage:
        return self.pages["milestones"]  # type: ignore[return-value]

    @property
    def salary_page(self) -> SalaryPage:
        return self.pages["salary"]  # type: ignore[return-value]

    @property
    def progress_page(self) -> ProgressPage:
        return self.pages["progress"]  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.pages["settings"]  # type: ignore[return-value]

    @property
    def compare_page(self) -> ComparePage:
        return self.pages["compare"]  # type: ignore[return-value]

    def show_page(self, name: str, *, focus: bool = False) -> None:
        """Show a page; with ``focus`` (keyboard shortcuts) put the focus on its first control."""
        if name not in self.pages:
            raise ValueError(f"unknown page {name!r} (pages: {', '.join(PAGE_NAMES)})")
        self.nav.setCurrentRow(PAGE_NAMES.index(name))
        if focus:
            page = self.pages[name]
            focus_first = getattr(page, "focus_first", None)
            if callable(focus_first):  # a page that knows where work starts (milestone list)
                focus_first()
                return
            widget = page.nextInFocusChain()
            while widget is not None and widget is not page:
                if (
                    page.isAncestorOf(widget)
                    and widget.isVisible()
                    and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                ):
                    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                    break
                widget = widget.nextInFocusChain()

    def current_page(self) -> str:
        return PAGE_NAMES[self.stack.currentIndex()]

    def _on_view_nav_row(self, row: int) -> None:
        if row < 0:
            return
        name = PAGE_NAMES[row]
        self.pages[name]  # built before it is shown
        self.stack.setCurrentIndex(row)
        action = self.actions_by_name.get(f"page_{name}")
        if action is not None:
            action.setChecked(True)

    def show_milestone(self, milestone_id: str) -> None:
        """Open the Milestones page with ``milestone_id`` selected."""
        self.show_page("milestones")
        self.milestones_page.select_milestone(milestone_id)

    # ------------------------------------------------------------------ title and status

    def update_title(self) -> None:
        controller = self.controller
        who = controller.profile.name or controller.path.stem
        marker = "• " if controller.dirty and not controller.read_only else ""
        unsaved = " (unsaved)" if controller.dirty and not controller.read_only else ""
        self.setWindowTitle(f"{marker}{who} – {controller.path.name}{unsaved} – {APP_NAME}")
        self.setWindowFilePath(str(controller.path))

    def _on_model_saved_state(self, _saved: bool) -> None:
        self.update_title()

    def _on_model_store_changed(self, _path: object) -> None:
        self.recent.add(self.controller.path)
        self.update_title()

    def _on_model_profile_changed(self, _profile: object) -> None:
        self.update_title()

    def _on_model_save_status(self, text: str) -> None:
        symbol = {"Saved": "✓ ", "Saving…": "… "}.get(text, "⚠ ")
        self.save_label.setText(f"{symbol}{text}")
        self.save_label.setAccessibleName(f"Save status: {text}")
        if text == "Saved" and self._save_error_box is not None:
            self._save_error_box.hide()

    def _on_model_error(self, message: str) -> None:
        self.statusBar().showMessage(f"⚠ {message}", 15_000)

    def _on_model_save_failed(self, problem: str) -> None:
        if self._save_error_box is not None and self._save_error_box.isVisible():
            return  # one box per run of failures, not one per retry
        box = self._save_error_box or QMessageBox(self)
        box.setObjectName("saveErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle("Your changes are not saved yet")
        box.setText("Your latest changes could not be saved. They are kept in this window.")
        box.setInformativeText(f"{problem}\n\nThe app tries again by itself, and when you quit.")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.NonModal)
        self._save_error_box = box
        box.show()

    def _on_saver_file_unreadable(self, error: ProfileError) -> None:
        # not inside the save (it may run in closeEvent): once the event loop is back
        QTimer.singleShot(0, self, lambda: self._offer_unreadable(error))

    def _offer_unreadable(self, error: ProfileError) -> None:
        """The file on disk cannot be read, so nothing was saved: the "cannot be opened" choices."""
        if not self.isVisible():
            return
        store = self.controller.store
        choice = BadProfileDialog.ask(
            error, has_backup=store.newest_good_backup() is not None, parent=self
        )
        if choice is BadProfileChoice.RESTORE:
            try:
                store.restore()
            except ProfileError as exc:
                self._on_model_error(str(exc))
                return
            self.controller.saver.save_whole()  # this window holds the newest state
        elif choice is BadProfileChoice.OPEN_OTHER:
            self.open_other()
        elif choice is BadProfileChoice.NEW:
            self.new_profile()
        elif choice is BadProfileChoice.QUIT:
            self.close()

    def _on_saver_file_missing(self, path: Path) -> None:
        QTimer.singleShot(0, self, lambda: self._offer_write_back(path))

    def _offer_write_back(self, path: Path) -> None:
        saver = self.controller.saver
        if not saver.file_missing or not self.isVisible():
            return  # back already (a program that deletes, then writes)
        if dialogs.ask_write_back(self, path):
            saver.write_back()

    def _on_saver_notice(self, text: str) -> None:
        self.statusBar().showMessage(f"⚠ {text}", 30_000)
        dialogs.show_notice(self, "Your profile file changed", text)

    # ------------------------------------------------------------------ window state

    def restore_state(self) -> None:
        self._restore_geometry()
        page = self._remembered_page()
        if page is not None:
            self.show_page(page)

    def _restore_geometry(self) -> None:
        if self._settings is None:
            return
        geometry = self._settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))

    def _remembered_page(self) -> str | None:
        page = None if self._settings is None else self._settings.value("mainWindow/page")
        return page if isinstance(page, str) and page in PAGE_FACTORIES else None

    def save_state(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue("mainWindow/geometry", self.saveGeometry())
        self._settings.setValue("mainWindow/page", self.current_page())
        if self.pages.is_built("timeline"):  # else the remembered choice stays as it was
            self._settings.setValue("timeline/range", self.timeline_page.range_mode())
        self._settings.sync()

    def settle_unsaved(self) -> bool:
        """Save pending edits; if that fails ask Retry / Discard / Cancel. False: cancelled."""
        saver = self.controller.saver
        if saver.save_if_dirty():
            return True
        while True:
            answer = dialogs.ask_quit_unsaved(self, saver.last_save_error or "")
            if answer == QMessageBox.StandardButton.Retry:
                if saver.save_now():
                    return True
                continue
            return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            settled = self.settle_unsaved()
        except Exception:  # noqa: BLE001 - must not leave a Qt virtual; the edits are kept
            sys.excepthook(*sys.exc_info())
            settled = False
        if not settled:
            event.ignore()
            return
        self.controller.saver.shutdown()
        self.save_state()
        if self._save_error_box is not None:
            self._save_error_box.close()
        event.accept()

    # ------------------------------------------------------------------ file actions

    def _folder(self) -> Path:
        """Where Open… starts: the profile's folder, or Documents for the app's hidden one."""
        folder = self.controller.path.parent
        if folder.absolute() == default_profile_path().parent.absolute():
            return exports.documents_folder()
        return folder

    def new_profile(self) -> None:
        from planner.gui.wizard import SetupWizard

        if not self.settle_unsaved():
            return
        answer = SetupWizard.ask(self.controller.catalog, self.controller.today, self)
        if answer is None:
            return
        path = dialogs.ask_save_path(
            self, exports.documents_folder() / "new-profile.json", "Save the new profile as"
        )
        if path is None:
            return
        self.controller.switch_to(answer.new_profile(), ProfileStore(path), saved=False)
        self.show_page("timeline")

    def open_other(self) -> None:
        if not self.settle_unsaved():
            return
        path = dialogs.ask_open_path(self, self._folder())
        if path is None:
            return
        self.open_path(path, settled=True)

    def open_path(self, path: Path, *, settled: bool = False) -> None:
        """Open the profile at ``path`` (File > Open and Open Recent)."""
        from planner.gui.opening import open_profile

        if not settled and not self.settle_unsaved():
            return
        opened = open_profile(path, self.controller.catalog, self.controller.today, self)
        if opened is None:
            return
        self.controller.switch_to(
            opened.profile, opened.store, saved=opened.saved, read_only=opened.read_only
        )
        self.show_page("timeline")

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        current = self.controller.path.absolute()
        shown = [p for p in self.recent.paths() if p != current]
        for number, path in enumerate(shown[:9], start=1):
            action = menu.addAction(f"&{number} {path.name}  ({path.parent})")
            action.setObjectName(f"action_recent_{number}")
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not shown:
            empty = menu.addAction("No other profiles yet")
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("&Clear the list", self.recent.clear)

    def export_csv(self) -> None:
        from planner.report.tables import write_csv_tables

        folder = dialogs.ask_folder(
            self, exports.documents_folder(), "Export the study log, scores and CEUs into"
        )
        if folder is None:
            return
        try:
            written = write_csv_tables(self.controller.profile, folder)
        except OSError as exc:
            ask_message(
                self,
                QMessageBox.Icon.Warning,
                "Export tables",
                f"Could not write into {folder}: {exc.strerror or exc}",
            )
            return
        names = ", ".join(p.name for p in written)
        self.statusBar().showMessage(f"Exported {names} to {folder}", 8000)

    def save_as(self) -> None:
        suggested = exports.documents_folder() / self.controller.path.name
        path = dialogs.ask_save_path(self, suggested, "Save the profile as")
        if path is not None and self.controller.saver.save_as(path):
            self.statusBar().showMessage(f"Saved as {path}", 8000)

    def print_preview(self) -> None:
        from planner.gui.print_dialogs import print_preview

        print_preview(self, self.controller.state, comparison=self._print_comparison())

    def print_plan(self) -> None:
        from planner.gui.print_dialogs import print_dialog

        print_dialog(self, self.controller.state, comparison=self._print_comparison())

    def _print_comparison(self) -> bool:
        """The File > Export choice to print the compared paths (used when there are some)."""
        return self.actions_by_name["print_comparison"].isChecked()

    def export_pdf(self) -> None:
        answer = dialogs.ask_save_path_and_filter(
            self,
            exports.documents_folder() / "coding-path-roadmap.pdf",
            "Export the roadmap as PDF",
            exports.PDF_FILTERS,
            exports.paper_for(),
        )
        if answer is None:
            return
        path, paper = answer
        try:
            c = self.controller
            path = exports.export_pdf(
                c.state, c.store, path, paper=paper, comparison=self._print_comparison()
            )
        except OSError as exc:
            ask_message(
                self,
                QMessageBox.Icon.Warning,
                "Export PDF",
                f"Could not write {path}: {exc.strerror or exc}",
            )
            return
        self.statusBar().showMessage(f"Exported {path}", 8000)

    def export_ics(self) -> None:
        path = dialogs.ask_save_path(
            self,
            exports.documents_folder() / "coding-path-milestones.ics",
            "Export the milestones as a calendar",
            "Calendar files (*.ics)",
        )
        if path is None:
            return
        hours = self.controller.plan.inputs.hours_per_week
        options = exports.ask_calendar_options(self, hours)
        if options is None:
            return
        try:
            path = exports.export_ics(self.controller.state, self.controller.store, path, options)
        except OSError as exc:
            ask_message(
                self,
                QMessageBox.Icon.Warning,
                "Export calendar",
                f"Could not write {path}: {exc.strerror or exc}",
            )
            return
        self.statusBar().showMessage(f"Exported {path}", 8000)

    # ------------------------------------------------------------------ help

    def show_about(self) -> InfoDialog:
        dialog = InfoDialog(
            f"About {APP_NAME}", about_html(self.controller.plan), "aboutDialog", self
        )
        self.info_dialog = dialog
        dialog.open()
        return dialog

    def show_glossary(self) -> GlossaryDialog:
        dialog = open_glossary(self)
        self.glossary_dialog = dialog
        return dialog

    def show_how(self) -> InfoDialog:
        dialog = InfoDialog("How the plan is computed", HOW_TEXT, "howDialog", self)
        self.info_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ fit and programme checks

    def check_fit(self) -> QDialog:
        """Open the fit check with the profile's earlier answers; its answers are kept."""
        from planner.gui.fit_dialog import FitDialog

        controller = self.controller
        dialog = FitDialog(
            controller.catalog, controller.profile.fit, self, on_compare=self.compare_paths
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def keep_answers() -> None:
            answers = dialog.kept_answers()
            if answers is not None and not controller.read_only:
                controller.set_fit_answers(answers)

        dialog.finished.connect(keep_answers)
        dialog.open()
        return dialog

    def compare_paths(self, paths: list[tuple[str, str, float]]) -> None:
        """Show suggested paths beside the plan on the Compare page (one undo step)."""
        self.compare_page.set_paths(paths)
        self.show_page("compare", focus=True)

    def check_programme(self) -> QDialog:
        """Open the programme check on the profile's checked programmes."""
        from planner.gui.programme_dialog import ProgrammeDialog

        dialog = ProgrammeDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
