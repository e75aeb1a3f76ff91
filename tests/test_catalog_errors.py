"""Broken copies of the catalog must fail with a CatalogError naming file, entry and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.core.catalog import CATALOG_FILES, CatalogError, load_catalog

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in CATALOG_FILES:
        shutil.copy(RESOURCES / name, tmp_path / name)
    return tmp_path


def _edit(folder: Path, name: str, change: Callable[[Any], Any]) -> None:
    """Load a copied file, apply ``change`` (which may return a replacement), write it back."""
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    result = change(data)
    path.write_text(yaml.safe_dump(data if result is None else result), encoding="utf-8")


def _entry(data: dict[str, Any], key: str, entry_id: str) -> dict[str, Any]:
    entry: dict[str, Any] = next(e for e in data[key] if e["id"] == entry_id)
    return entry


def _error(folder: Path) -> str:
    with pytest.raises(CatalogError) as info:
        load_catalog(folder)
    return str(info.value)


def test_untouched_copy_loads(folder: Path) -> None:
    catalog = load_catalog(folder)
    assert "CPC" in catalog.certifications


def test_unknown_credential_in_specialty(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        _entry(data, "specialties", "auditing")["credential"] = "NOPE"

    _edit(folder, "specialties.yaml", change)
    message = _error(folder)
    assert "specialties.yaml" in message
    assert "'auditing'" in message
    assert "'credential'" in message
    assert "NOPE" in message


def test_unknown_fit_in_specialty(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        _entry(data, "specialties", "him")["fits"] = ["RHIT", "XYZ"]

    _edit(folder, "specialties.yaml", change)
    message = _error(folder)
    assert "specialties.yaml" in message and "'him'" in message and "'fits'" in message


def test_negative_fee(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        _entry(data, "certifications", "CPC")["exam_fee"] = {
            "value": -5,
            "unit": "USD",
            "source": "test",
            "as_of": "n.d.",
            "confidence": "official",
        }

    _edit(folder, "certifications.yaml", change)
    message = _error(folder)
    assert "certifications.yaml" in message
    assert "'CPC'" in message
    assert "'exam_fee'" in message
    assert "negative" in message


def test_missing_source(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        exam = dict(_entry(data, "certifications", "CCS")["exam"])
        questions = dict(exam["questions"])
        del questions["source"]
        exam["questions"] = questions
        _entry(data, "certifications", "CCS")["exam"] = exam

    _edit(folder, "certifications.yaml", change)
    message = _error(folder)
    assert "certifications.yaml" in message
    assert "'CCS'" in message
    assert "exam.questions.source" in message


def test_empty_source_in_salaries(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        records = data["occupations"]["records"]
        records["p90"] = {**records["p90"], "source": ""}

    _edit(folder, "salaries.yaml", change)
    message = _error(folder)
    assert "salaries.yaml" in message and "'salary'" in message
    assert "'occupations.records.p90.source'" in message


def test_low_above_high(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["default_prep"] = {**data["default_prep"], "low": 9, "high": 3}

    _edit(folder, "training.yaml", change)
    message = _error(folder)
    assert "training.yaml" in message
    assert "'training'" in message
    assert "'default_prep'" in message
    assert "above" in message


def test_not_yaml(folder: Path) -> None:
    (folder / "certifications.yaml").write_text("certifications: [unclosed\n", encoding="utf-8")
    message = _error(folder)
    assert "certifications.yaml" in message
    assert "not valid YAML" in message


def test_missing_file(folder: Path) -> None:
    (folder / "training.yaml").unlink()
    message = _error(folder)
    assert "training.yaml" in message and "cannot read" in message


@pytest.mark.parametrize(
    ("name", "replacement", "expected"),
    [
        ("specialties.yaml", ["just", "a", "list"], "'specialties' list"),
        ("certifications.yaml", {"certifications": {"CPC": {}}}, "'certifications' list"),
        ("certifications.yaml", {"certifications": ["CPC"]}, "certifications[0]"),
    ],
)
def test_wrong_top_level_shape(folder: Path, name: str, replacement: Any, expected: str) -> None:
    _edit(folder, name, lambda _data: replacement)
    message = _error(folder)
    assert name in message
    assert expected in message


def test_salaries_not_a_mapping(folder: Path) -> None:
    _edit(folder, "salaries.yaml", lambda _data: [1, 2, 3])
    message = _error(folder)
    assert "salaries.yaml" in message and "'salary'" in message


def test_duplicate_id(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["certifications"].append(dict(_entry(data, "certifications", "CRC")))

    _edit(folder, "certifications.yaml", change)
    message = _error(folder)
    assert "certifications.yaml" in message
    assert "'CRC'" in message
    assert "twice" in message


def test_missing_required_field(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        del _entry(data, "certifications", "RHIT")["best_for"]

    _edit(folder, "certifications.yaml", change)
    message = _error(folder)
    assert "certifications.yaml" in message
    assert "'RHIT'" in message
    assert "'best_for'" in message
    assert "required" in message.lower()


def test_unknown_field_is_rejected(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        _entry(data, "specialties", "cdi")["salary"] = 1

    _edit(folder, "specialties.yaml", change)
    message = _error(folder)
    assert "specialties.yaml" in message and "'cdi'" in message and "'salary'" in message


def test_unknown_required_program(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        rhit = _entry(data, "certifications", "RHIT")
        rhit["eligibility"] = {**rhit["eligibility"], "required_program": "nowhere"}

    _edit(folder, "certifications.yaml", change)
    message = _error(folder)
    assert "'RHIT'" in message and "eligibility.required_program" in message
    assert "nowhere" in message


def test_unknown_background_programme(folder: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["backgrounds"]["none"] = {**data["backgrounds"]["none"], "program": "nowhere"}

    _edit(folder, "training.yaml", change)
    message = _error(folder)
    assert "training.yaml" in message and "none.program" in message and "nowhere" in message
