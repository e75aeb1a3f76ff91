"""The catalog loader builds plain data only: YAML object tags are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.core.catalog import CatalogError, load_catalog

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def test_python_object_tags_are_refused(tmp_path: Path) -> None:
    for name in ("certifications.yaml", "specialties.yaml", "salaries.yaml", "training.yaml"):
        shutil.copy(RESOURCES / name, tmp_path / name)
    marker = tmp_path / "ran"
    (tmp_path / "salaries.yaml").write_text(
        f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    with pytest.raises(CatalogError, match=r"salaries\.yaml: not valid YAML"):
        load_catalog(tmp_path)
    assert not marker.exists()
