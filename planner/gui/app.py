"""Starting the desktop app: the QApplication, settings, the window, and screenshot mode."""

from __future__ import annotations

import contextlib
import gc
import importlib.resources
import os
import signal
import socket
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner import __version__
from planner.core.storage import HOME_ENV

if TYPE_CHECKING:
    from planner.core.catalog import Catalog
    from planner.gui.main_window import MainWindow

SCREENSHOT_SIZE = (1200, 800)
SETTINGS_FILE = "codepath-gui.ini"
ORGANIZATION = "codepath"
APPLICATION = "Coding Path Planner"


class GuiError(Exception):
    """A problem reported as one line on stderr (exit status 1)."""


def resume_collector() -> None:
    """Turn the garbage collector back on after start-up (the command line pauses it).

    What start-up made lives as long as the window: frozen, the collector never walks it again,
    so neither the first collection nor later full ones pay for it.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def make_qapp() -> QApplication:
    """The one QApplication, with names and icon set before anything uses QSettings."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("org.codepathplanner.Planner")  # the .desktop file
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    icon = QIcon()
    folder = importlib.resources.files("planner.resources").joinpath("icons")
    for size in (16, 32, 48, 64, 128, 256):
        resource = folder.joinpath(f"codepath-{size}.png")
        try:
            data = resource.read_bytes()
        except OSError:
            continue
        pixmap = QPixmap()
        if pixmap.loadFromData(data, "PNG"):
            icon.addPixmap(pixmap)
    return icon


def make_settings() -> QSettings:
    """Window settings: ``$CODEPATH_HOME/codepath-gui.ini`` when set, else the user's config."""
    home = os.environ.get(HOME_ENV, "").strip()
    if home:
        return QSettings(str(Path(home).expanduser() / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, "codepath-gui"
    )


def run_gui(
    profile_path: Path | None = None,
    screenshot: Path | None = None,
    page: str = "timeline",
    *,
    today: date,
    theme: str | None = None,
    size: str = "1200x800",
) -> int:
    """Open the app (or, with ``screenshot``, render one page to a PNG); the exit status.

    ``theme`` (system, light, dark) colours this run; ``size`` ('1400x900') is the screenshot's.
    """
    from planner.gui.main_window import PAGE_NAMES

    try:
        if page not in PAGE_NAMES:
            raise GuiError(f"unknown page '{page}' (pages: {', '.join(PAGE_NAMES)})")
        _check_display(screenshot=screenshot is not None)
        if screenshot is not None:
            return _screenshot(profile_path, screenshot, page, today, theme, _size(size))
        return _interactive(profile_path, page, today, theme)
    except GuiError as exc:
        _error_line(str(exc))
        return 1
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        from planner.core.catalog import CatalogError
        from planner.core.plan import PlanError
        from planner.core.profile import ProfileError

        if isinstance(exc, ProfileError | CatalogError | PlanError):
            _error_line(str(exc))
        else:
            _error_line(f"unexpected error: {type(exc).__name__}: {exc}")
        return 1


def _size(text: str) -> tuple[int, int]:
    """'1400x900' as (1400, 900); a GuiError for anything else."""
    width, _x, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and min(int(width), int(height)) >= 100):
        raise GuiError(f"--size wants WIDTHxHEIGHT in pixels, e.g. 1400x900, not '{text}'")
    return int(width), int(height)


def _error_line(message: str) -> None:
    """One line on stderr, as the command line reports errors."""
    sys.stderr.write("codepath: " + " ".join(message.split()) + "\n")


def _check_display(*, screenshot: bool) -> None:
    """Without a display Qt would abort with a core dump: say so in one line instead.

    A screenshot needs no display: it renders offscreen when no platform was chosen.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    raise GuiError(
        "no display found (DISPLAY and WAYLAND_DISPLAY are not set); the command line works "
        "without one: codepath --help"
    )


def _profile_path(profile_path: Path | None) -> Path:
    from planner.core.storage import default_profile_path

    return Path(profile_path) if profile_path is not None else default_profile_path()


def _screenshot(
    profile_path: Path | None,
    out: Path,
    page: str,
    today: date,
    theme: str | None = None,
    size: tuple[int, int] = SCREENSHOT_SIZE,
) -> int:
    from planner.core.catalog import default_catalog
    from planner.core.storage import ProfileStore
    from planner.gui.controller import PlannerController
    from planner.gui.main_window import MainWindow
    from planner.gui.opening import load_checked
    from planner.gui.theme import Theme, apply_theme

    path = _profile_path(profile_path)
    store = ProfileStore(path)
    if not store.exists():
        raise GuiError(
            f"no profile at {path} (screenshot mode does not run the set-up wizard; "
            f"create one with: codepath plan --profile {path} ...)"
        )
    catalog = default_catalog()
    profile = load_checked(store, catalog)
    app = make_qapp()
    if theme is not None:
        apply_theme(Theme(theme))
    controller = PlannerController(profile, store, catalog, today, read_only=True)
    window = MainWindow(controller, settings=None, page=page)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.resize(*size)
    app.processEvents()
    resume_collector()
    if page == "salary":
        chart = window.salary_page.ensure_chart()
        app.processEvents()  # shown and painted: the chart's pending draw runs here
        if chart.draw_count == 0:
            chart.canvas.draw()
    if page == "compare":
        compare = window.compare_page.ensure_chart()
        app.processEvents()  # shown and painted: the chart's pending draw runs here
        if compare.figure.stale:  # not drawn yet (a draw leaves the figure not stale)
            compare.canvas.draw()
    app.processEvents()
    image = window.grab()
    out = Path(out)
    if not image.save(str(out), "PNG"):
        raise GuiError(f"cannot write the screenshot to {out}")
    window.close()
    return 0


def start_window(
    profile_path: Path | None,
    today: date,
    *,
    settings: QSettings | None = None,
    catalog: Catalog | None = None,
    page: str | None = None,
) -> MainWindow | None:
    """Open (or set up) the profile and build the main window; None when the user quits.

    A profile the wizard just created is saved before the window appears. ``page`` is shown
    first (default: the page shown last, else the timeline).
    """
    from planner.core.catalog import default_catalog
    from planner.gui.controller import PlannerController
    from planner.gui.main_window import MainWindow
    from planner.gui.opening import open_profile

    catalog = catalog if catalog is not None else default_catalog()
    opened = open_profile(_profile_path(profile_path), catalog, today)
    if opened is None:
        return None
    controller = PlannerController(
        opened.profile, opened.store, catalog, today, saved=opened.saved, read_only=opened.read_only
    )
    if not opened.saved:
        controller.saver.save_now()
    window = MainWindow(controller, settings=settings, page=page)
    controller.setParent(window)
    return window


def _interactive(profile_path: Path | None, page: str, today: date, theme: str | None) -> int:
    from planner.core.catalog import CatalogError, default_catalog
    from planner.gui.widgets import ask_message

    app = make_qapp()
    _apply_start_theme(theme)
    try:
        catalog = default_catalog()
    except CatalogError as exc:
        text = f"The career data cannot be loaded:\n{exc}"
        ask_message(None, QMessageBox.Icon.Critical, APPLICATION, text)
        raise
    if not _profile_path(profile_path).exists():
        resume_collector()  # the set-up wizard comes first: the user is in no hurry
    # the timeline is the default: then the page shown last comes back
    first = None if page == "timeline" else page
    window = start_window(
        profile_path, today, settings=make_settings(), catalog=catalog, page=first
    )
    if window is None:
        return 0
    app.aboutToQuit.connect(window.controller.saver.save_if_dirty)
    install_excepthook(lambda: window)
    quit_signals = QuitSignals(app, lambda signum: _quit_on_signal(app, window, signum))
    window.show()
    QTimer.singleShot(0, resume_collector)
    try:
        return app.exec() or quit_signals.status
    finally:
        quit_signals.restore()


def _apply_start_theme(theme: str | None) -> None:
    """The theme given on the command line, else the one View > Theme kept: before the first
    dialog (an unreadable profile, the set-up wizard) and the window appear."""
    from planner.gui.theme import Theme, apply_theme, saved_theme

    apply_theme(Theme(theme) if theme is not None else saved_theme(make_settings()))


def _quit_on_signal(app: QApplication, window: MainWindow, signum: int) -> None:
    """SIGTERM (a session logout) or Ctrl+C: save what is pending and quit, asking nothing."""
    saver = window.controller.saver
    saved = saver.save_if_dirty()
    if not saved:
        _error_line(
            f"quit on signal {signum}; your latest changes could not be saved: "
            f"{saver.last_save_error}"
        )
    saver.shutdown()
    window.save_state()
    app.exit(0 if saved else 1)


class QuitSignals(QObject):
    """Python signal handlers for SIGTERM and SIGINT that run while Qt's event loop waits.

    A signal writes a byte to a socket (``signal.set_wakeup_fd``); the socket notifier wakes
    the loop, the interpreter runs, and with it the handler, which schedules ``on_signal``.
    """

    def __init__(self, parent: QObject, on_signal: Callable[[int], None]) -> None:
        super().__init__(parent)
        self.status = 0
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        for sock in (self._reader, self._writer):
            sock.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._old = {
            signum: signal.signal(signum, self._handle)
            for signum in (signal.SIGINT, signal.SIGTERM)
        }

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(64)

    def _handle(self, signum: int, _frame: object) -> None:
        QTimer.singleShot(0, self, lambda: self._on_signal(signum))

    def restore(self) -> None:
        """Put the previous handlers back."""
        for signum, handler in self._old.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Show any exception that reaches the event loop in a dialog instead of losing it.

    PySide hands exceptions raised in slots and virtual overrides to ``sys.excepthook``;
    the app keeps running and the learner hears about it. Returns the hook installed.
    """

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        traceback.print_exception(exc_type, exc, tb)
        show_unexpected_error(parent(), f"{exc_type.__name__}: {exc}")

    sys.excepthook = hook
    return hook


_open_boxes: set[QMessageBox] = set()


def show_unexpected_error(parent: QWidget | None, problem: str) -> None:
    """A plain-text dialog for a bug: what happened and that the app goes on."""
    if _open_boxes:
        return  # one at a time: a failing paint handler would otherwise open one per frame
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        f"Unexpected error – {APPLICATION}",
        "Something went wrong inside the app. It keeps running; your saved profile is not "
        f"changed by this error.\n\n{problem}",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("unexpectedErrorBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    _open_boxes.add(box)  # without a parent, Python would delete it at once
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.show()
