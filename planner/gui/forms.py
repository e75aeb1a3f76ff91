"""Plan-input pickers shared by the set-up wizard and the Plan settings page."""

from __future__ import annotations

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.core.catalog import Background, Catalog
from planner.core.inputs import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK, US_STATES
from planner.gui.widgets import named

MONEY_LIMIT = 10_000_000
INCOME_WHY = (
    "Optional. With your current yearly income the plan shows the break-even point: the month "
    "when the extra pay has repaid what the training costs."
)
BUDGET_WHY = (
    "Optional. With a training budget the plan checks whether the up-front costs (course, "
    "books, exam, membership) fit it."
)


def fill_certifications(combo: QComboBox, catalog: Catalog) -> None:
    """Target certifications, with the issuing body; item data is the id."""
    combo.clear()
    for cert in catalog.targets():
        combo.addItem(f"{cert.id} – {cert.name} ({cert.body.value})", cert.id)
        combo.setItemData(combo.count() - 1, cert.best_for, Qt.ItemDataRole.ToolTipRole)


def fill_specialties(combo: QComboBox, catalog: Catalog, cert_id: str) -> None:
    """Specialties for ``cert_id``: the fitting ones first, then a heading, then the others."""
    combo.clear()
    fitting = [s for s in catalog.specialties_for(cert_id) if cert_id in s.fits]
    others = [s for s in catalog.specialties_for(cert_id) if cert_id not in s.fits]
    for group, specs in (("suits " + cert_id, fitting), ("other specialties", others)):
        if not specs:
            continue
        combo.addItem(f"— {group.capitalize()} —", None)
        model = combo.model()
        if isinstance(model, QStandardItemModel):
            heading = model.item(combo.count() - 1)
            if heading is not None:
                heading.setEnabled(False)
        for spec in specs:
            leads = f" → {spec.credential}" if spec.credential else ""
            combo.addItem(f"{spec.name}{leads}", spec.id)
            combo.setItemData(combo.count() - 1, spec.description, Qt.ItemDataRole.ToolTipRole)


def specialty_text(catalog: Catalog, spec_id: str, cert_id: str) -> str:
    """One line under the specialty picker: what it is and which credential it leads to."""
    spec = catalog.specialties.get(spec_id)
    if spec is None:
        return ""
    parts = [spec.description.strip()]
    if spec.credential:
        credential = catalog.certifications.get(spec.credential)
        name = f" ({credential.name})" if credential is not None else ""
        parts.append(f"Leads to the add-on credential {spec.credential}{name}.")
    if cert_id not in spec.fits:
        parts.append(f"Usually chosen with {', '.join(spec.fits)}.")
    return " ".join(parts)


def select_data(combo: QComboBox, value: object) -> bool:
    index = combo.findData(value)
    if index < 0:
        return False
    combo.setCurrentIndex(index)
    return True


def fill_backgrounds(combo: QComboBox) -> None:
    combo.clear()
    for background in Background:
        combo.addItem(background.label, background.value)


def fill_states(combo: QComboBox) -> None:
    combo.clear()
    combo.addItem("Not set (national figures)", None)
    for code, name in US_STATES:
        combo.addItem(f"{code} – {name}", code)


def hours_spin(object_name: str = "hoursPerWeek") -> QDoubleSpinBox:
    spin = named(QDoubleSpinBox(), object_name, "Study hours per week")
    spin.setRange(MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK)
    spin.setSingleStep(0.5)
    spin.setDecimals(1)
    spin.setSuffix(" h/week")
    spin.setKeyboardTracking(False)  # one change when the number is complete, not per key
    return spin


def date_edit(object_name: str, accessible: str) -> QDateEdit:
    """A date picker limited to the years a profile accepts (1990-2100)."""
    edit = named(QDateEdit(), object_name, accessible)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("MMM d, yyyy")
    edit.setDateRange(QDate(1990, 1, 1), QDate(2100, 12, 31))
    return edit


def money_edit(object_name: str, accessible: str, placeholder: str) -> QLineEdit:
    """A dollar amount or nothing (empty means "not set")."""
    edit = named(QLineEdit(), object_name, accessible)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    pattern = QRegularExpression(r"^\s*\$?\s*[0-9][0-9,]{0,11}(\.[0-9]{0,2})?\s*$|^\s*$")
    edit.setValidator(QRegularExpressionValidator(pattern, edit))
    return edit


def parse_money(text: str) -> float | None:
    """'$32,000' → 32000.0; '' → None; ValueError for anything else or out of range."""
    cleaned = text.replace("$", "").replace(",", "").strip()
    if not cleaned:
        return None
    value = float(cleaned)
    if not 0 <= value <= MONEY_LIMIT:
        raise ValueError(f"must be between $0 and ${MONEY_LIMIT:,}")
    return value


def money_text(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def with_note(field: QWidget, note: QLabel) -> QWidget:
    """A field with its explanation right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(note)
    return box


def left_aligned(field: QWidget) -> QWidget:
    """A field at its natural width, not stretched across the form."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    layout.addStretch(1)
    return box
