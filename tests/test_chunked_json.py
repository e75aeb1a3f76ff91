"""A profile written entry by entry is byte for byte the profile written in one call."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.samples import studied_profile
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.chunked_json import profile_json
from planner.core.demo import demo_profile
from planner.core.profile import CeuEntry, ExamScore, MilestoneProgress, Profile, StudyEntry
from planner.core.storage import ProfileError, ProfileStore, parse_profile

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
DAY = st.dates(date(2020, 1, 1), date(2030, 12, 31))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(DAY, st.floats(0.25, 24), TEXT.filter(str.strip), TEXT), max_size=6),
    st.lists(st.tuples(DAY, st.floats(0, 100)), max_size=3),
    st.lists(st.tuples(DAY, st.floats(0.5, 100), TEXT), max_size=3),
    TEXT,
)
def test_entry_by_entry_text_equals_the_whole_dump(
    log: list[tuple[date, float, str, str]],
    scores: list[tuple[date, float]],
    ceus: list[tuple[date, float, str]],
    note: str,
) -> None:
    profile = studied_profile()
    profile.study_log = [StudyEntry(day=d, hours=h, topic=t[:200], note=n) for d, h, t, n in log]
    profile.scores = [ExamScore(day=d, exam="CPC", percent=p) for d, p in scores]
    profile.ceus = [CeuEntry(day=d, credits=c, provider=p, credential="CPC") for d, c, p in ceus]
    profile.milestones["p1-course"] = MilestoneProgress(note=note)
    profile.notes = note
    assert profile_json(profile, check=parse_profile) == profile.model_dump_json(indent=2)


def test_the_demo_profile_and_an_empty_one_are_written_the_same() -> None:
    for profile in (demo_profile(date(2026, 3, 2)), Profile(inputs=studied_profile().inputs)):
        assert profile_json(profile) == profile.model_dump_json(indent=2)


def test_a_store_writes_the_same_bytes_in_pieces(tmp_path: Path) -> None:
    profile = studied_profile()
    whole, pieces = ProfileStore(tmp_path / "a.json"), ProfileStore(tmp_path / "b.json")
    whole.save(profile)
    pieces.save(profile, in_pieces=True)
    assert whole.path.read_bytes() == pieces.path.read_bytes()
    assert pieces.holds_last_saved()
    pieces.path.write_bytes(pieces.path.read_bytes() + b" ")
    assert not pieces.holds_last_saved()


def test_an_entry_that_would_not_load_again_is_refused_in_pieces(tmp_path: Path) -> None:
    profile = studied_profile()
    bad = profile.study_log[0].model_copy(update={"hours": 99.0})  # unchecked: over 24 h
    profile.study_log = [*profile.study_log[1:], bad]
    store = ProfileStore(tmp_path / "p.json")
    with pytest.raises(ProfileError, match="refusing to save"):
        store.save(profile, in_pieces=True)
    assert not store.path.exists()


def test_a_long_write_gives_the_window_a_turn_every_few_entries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker lets go of the interpreter lock every YIELD_EVERY entries, so the window's
    many short calls into Python never queue behind a long save (the convoy effect)."""
    import planner.core.chunked_json as chunked

    turns: list[float] = []
    monkeypatch.setattr(chunked.time, "sleep", turns.append)
    profile = demo_profile(date(2026, 3, 2))
    profile.study_log = [
        StudyEntry(day=date(2026, 1, 1), hours=1, topic=f"t{n}") for n in range(1_000)
    ]
    text = profile_json(profile)
    lists = (profile.study_log, profile.scores, profile.ceus)
    expected = sum(-(-len(entries) // chunked.YIELD_EVERY) for entries in lists)
    assert expected >= 1_000 // chunked.YIELD_EVERY
    assert turns == [0] * expected
    assert text == profile.model_dump_json(indent=2)
