"""The glossary (resources/glossary.yaml): the field's jargon in plain words, found in text."""

from __future__ import annotations

import difflib
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, field_validator

from planner.core import resource_cache, resource_files
from planner.core.base import FrozenModel
from planner.core.catalog import CatalogError

GLOSSARY_FILE = "glossary.yaml"
MAX_TOOLTIP_TERMS = 6  # a tooltip explains at most this many terms (the rest are in Help)


class GlossaryError(CatalogError):
    """The glossary file is missing, not YAML, or an entry is invalid."""


class GlossaryEntry(FrozenModel):
    """One term: its plain meaning, where it matters in the plan, and where that comes from."""

    term: str = Field(min_length=1, max_length=60)
    aliases: tuple[str, ...] = ()
    meaning: str = Field(min_length=1)
    in_plan: str = Field(min_length=1)
    source: str = Field(min_length=1)
    as_of: str = Field(min_length=1)

    @field_validator("as_of", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        return str(value) if value is not None else value

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its aliases."""
        return (self.term, *self.aliases)

    def describe(self) -> str:
        """The entry as a few plain lines (CLI, tooltips' long form)."""
        return (
            f"{self.term}: {self.meaning}\n"
            f"In your plan: {self.in_plan}\n"
            f"Source: {self.source} (as of {self.as_of})"
        )


def normalized(text: str) -> str:
    """A spelling-free key: 'ICD10CM', 'icd-10-cm' and 'ICD 10 CM' are the same term."""
    return re.sub(r"[^0-9a-z&/]", "", text.casefold())


def _pattern(name: str) -> str:
    # an acronym (no lower-case letter) matches only in capitals; words match in any case
    escaped = re.escape(name).replace(r"\ ", r"\s+")
    return escaped if name == name.upper() else f"(?i:{escaped})"


@dataclass(frozen=True)
class Glossary:
    """All entries, found by term or alias in any spelling."""

    entries: tuple[GlossaryEntry, ...]

    @functools.cached_property
    def _by_key(self) -> dict[str, GlossaryEntry]:
        return {normalized(name): entry for entry in self.entries for name in entry.names}

    @functools.cached_property
    def _finder(self) -> re.Pattern[str]:
        names = sorted(
            {name for entry in self.entries for name in entry.names}, key=lambda n: (-len(n), n)
        )
        alternatives = "|".join(_pattern(name) for name in names)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def lookup(self, text: str) -> GlossaryEntry | None:
        """The entry for a term or alias, ignoring case, spaces and hyphens; None if unknown."""
        return self._by_key.get(normalized(text))

    def close_matches(self, text: str, limit: int = 5) -> list[str]:
        """Terms spelled like ``text`` (for "did you mean")."""
        key = normalized(text)
        keys = {normalized(name): entry.term for entry in self.entries for name in entry.names}
        found = difflib.get_close_matches(key, list(keys), n=limit * 2, cutoff=0.6)
        starts = [k for k in keys if key and (k.startswith(key) or key.startswith(k))]
        terms: list[str] = []
        for k in [*found, *starts]:
            if keys[k] not in terms:
                terms.append(keys[k])
        return terms[:limit]

    def matches(self, text: str) -> list[tuple[int, int, GlossaryEntry]]:
        """Where terms occur in ``text``: (start, end, entry), left to right.

        Whole words only, the longest term first ("CPC-A" is not also "CPC").
        """
        found: list[tuple[int, int, GlossaryEntry]] = []
        for match in self._finder.finditer(text):
            entry = self.lookup(match.group(0))
            if entry is not None:
                found.append((match.start(), match.end(), entry))
        return found

    def find_terms(self, text: str) -> list[GlossaryEntry]:
        """Entries whose term appears in ``text``, in order of first appearance, each once."""
        found: list[GlossaryEntry] = []
        for _start, _end, entry in self.matches(text):
            if entry not in found:
                found.append(entry)
        return found

    def tooltip(self, text: str) -> str:
        """Short plain-text explanations of the terms in ``text`` ('' when there are none)."""
        entries = self.find_terms(text)
        lines = [f"{e.term}: {_first_sentence(e.meaning)}" for e in entries[:MAX_TOOLTIP_TERMS]]
        if len(entries) > MAX_TOOLTIP_TERMS:
            lines.append("More terms: Help > Glossary")
        return "\n".join(lines)


def _first_sentence(text: str) -> str:
    head, dot, _rest = text.partition(". ")
    return head + ("." if dot else "")


def load_glossary(folder: Path | None = None) -> Glossary:
    """Load and validate the glossary from the installed package (or from ``folder``)."""
    label, raw = resource_files.read_yaml(GLOSSARY_FILE, folder, GlossaryError)
    entries: list[GlossaryEntry] = []
    seen: dict[str, str] = {}
    for index, item in enumerate(resource_files.top_list(label, raw, "terms", GlossaryError)):
        entry = resource_files.entry_model(
            label, item, index, GlossaryEntry, GlossaryError, name_field="term", kind="term"
        )
        for spelling in entry.names:
            key = normalized(spelling)
            if seen.get(key, entry.term) != entry.term:
                raise GlossaryError(
                    f"{label}: '{spelling}' of '{entry.term}' is already '{seen[key]}'"
                )
            seen[key] = entry.term
        entries.append(entry)
    return Glossary(tuple(entries))


@functools.cache
def default_glossary() -> Glossary:
    """The glossary shipped with the app (loaded once per process, from the cache when valid)."""
    return resource_cache.cached_resource(
        "glossary", (GLOSSARY_FILE,), [sys.modules[__name__]], load_glossary, Glossary
    )


def glossary_tooltip(text: str) -> str:
    """The glossary lines for the terms in ``text`` (views call this for their tooltips)."""
    return default_glossary().tooltip(text)


def with_glossary(text: str) -> str:
    """``text`` followed by the glossary lines of its terms (a tooltip for a title or a note)."""
    extra = glossary_tooltip(text)
    return f"{text}\n\n{extra}" if extra else text
