"""Opening a profile: the first-run wizard, and what to do when a profile cannot be opened."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.core.catalog import Catalog
from planner.core.profile import Profile, ProfileError, ProfileUnknownDataError
from planner.core.state import check_usable
from planner.core.storage import ProfileStore
from planner.gui import dialogs
from planner.gui.dialogs import BackupUse, BadProfileChoice, BadProfileDialog, NewLocation
from planner.gui.widgets import ask_message
from planner.gui.wizard import SetupWizard


@dataclass
class Opened:
    """A profile ready for the controller; ``saved`` is False when it must still be written."""

    profile: Profile
    store: ProfileStore
    saved: bool
    read_only: bool = False


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A warning the user must acknowledge (tests replace this)."""
    ask_message(parent, QMessageBox.Icon.Warning, title, text)


def load_checked(store: ProfileStore, catalog: Catalog) -> Profile:
    """Load the profile and make sure it can be used (the core's one rule; ProfileError)."""
    profile = store.load()
    check_usable(profile, catalog, store.path)
    return profile


def backup_of(path: Path) -> Path | None:
    """The profile ``path`` is a backup of (``p.json`` for ``p.json.bak1``), or None."""
    match = re.fullmatch(r"(.+)\.bak[1-9][0-9]*", path.name)
    return path.with_name(match.group(1)) if match else None


def open_profile(
    path: Path, catalog: Catalog, today: date, parent: QWidget | None = None
) -> Opened | None:
    """Open ``path``: run the wizard when it does not exist, ask what to do when it is bad.

    Returns None when the user quits. Never overwrites a file it could not read: a new
    profile in its place is written only after the old file is kept as ``<name>.bad-N``.
    """
    while True:
        main = backup_of(path)
        if main is not None:
            use = dialogs.ask_backup_use(parent, path, main)
            if use is None:
                return None
            if use is BackupUse.READ_ONLY:
                try:
                    return Opened(
                        load_checked(ProfileStore(path), catalog), ProfileStore(path), True, True
                    )
                except ProfileError as exc:
                    show_error(parent, "Cannot open the backup", str(exc))
                    return None
            try:
                ProfileStore(main).restore(path)
            except ProfileError as exc:
                show_error(parent, "Cannot restore the backup", str(exc))
                return None
            path = main
        store = ProfileStore(path)
        if not store.exists():
            answer = SetupWizard.ask(catalog, today, parent)
            if answer is None:
                return None
            return Opened(answer.new_profile(), store, saved=False)
        try:
            return Opened(load_checked(store, catalog), store, saved=True)
        except ProfileError as exc:
            error = exc
        choice = BadProfileDialog.ask(
            error, has_backup=store.newest_good_backup() is not None, parent=parent
        )
        if choice is BadProfileChoice.QUIT:
            return None
        if choice is BadProfileChoice.RESTORE:
            try:
                store.restore()
            except ProfileError as exc:
                show_error(parent, "Cannot restore the backup", str(exc))
            continue
        if choice is BadProfileChoice.OPEN_OTHER:
            other = dialogs.ask_open_path(parent, path.parent)
            if other is not None:
                path = other
            continue
        if choice is BadProfileChoice.REPICK and isinstance(error, ProfileUnknownDataError):
            opened = _repick(error, store, catalog, today, parent)
            if opened is not None:
                return opened
            continue
        if choice is BadProfileChoice.NEW:
            opened = _start_new(path, store, catalog, today, parent)
            if opened is not None:
                return opened
            continue


def _repick(
    error: ProfileUnknownDataError,
    store: ProfileStore,
    catalog: Catalog,
    today: date,
    parent: QWidget | None,
) -> Opened | None:
    old = error.profile
    if old is None:
        return None
    answer = SetupWizard.ask(catalog, today, parent, initial=old.inputs, name=old.name)
    if answer is None:
        return None
    profile = old.model_copy(deep=True)
    profile.inputs = answer.inputs
    profile.name = answer.name
    profile.fit = answer.fit or profile.fit
    profile.replan = None
    # Saving rotates the old (valid) file into the backups, so it can still be restored.
    return Opened(profile, store, saved=False)


def _start_new(
    path: Path, store: ProfileStore, catalog: Catalog, today: date, parent: QWidget | None
) -> Opened | None:
    answer = SetupWizard.ask(catalog, today, parent)
    if answer is None:
        return None
    where = BadProfileDialog.ask_new_location(path, parent)
    if where is None:
        return None
    target = store
    if where is NewLocation.ELSEWHERE:
        chosen = dialogs.ask_save_path(
            parent, path.with_name("profile-new.json"), "Save the new profile as"
        )
        if chosen is None:
            return None
        if chosen.resolve() != path.resolve():
            target = ProfileStore(chosen)
        else:
            where = NewLocation.REPLACE
    if where is NewLocation.REPLACE:
        try:
            store.set_aside()
        except ProfileError as exc:
            show_error(parent, "Cannot keep the old file", str(exc))
            return None
    return Opened(answer.new_profile(), target, saved=False)
