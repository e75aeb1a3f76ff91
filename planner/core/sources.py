"""The list of sourced figures and planner rules a plan used, for its "sources" section."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.base import Figure, FrozenModel


class SourceRef(FrozenModel):
    """A figure the plan used, with where it comes from."""

    what: str
    value: str
    source: str
    as_of: str
    confidence: str


@dataclass
class Sources:
    """Collects every figure and rule a computation reads, first use wins."""

    refs: dict[str, SourceRef] = field(default_factory=dict)

    def use(self, what: str, figure: Figure) -> Figure:
        """Record ``figure`` under ``what`` and hand it back."""
        self.refs.setdefault(
            what,
            SourceRef(
                what=what,
                value=figure.describe(),
                source=figure.source,
                as_of=figure.as_of,
                confidence=figure.confidence.value,
            ),
        )
        return figure

    def rule(self, what: str, summary: str, source: str, as_of: str) -> None:
        """Record a rule (not a number) the computation applied."""
        self.refs.setdefault(
            what, SourceRef(what=what, value=summary, source=source, as_of=as_of, confidence="rule")
        )

    def merged(self, other: Sources) -> Sources:
        """These references plus those of ``other`` that are not here yet."""
        return Sources({**other.refs, **self.refs})

    def sorted(self) -> tuple[SourceRef, ...]:
        """All references in a stable order (by what they describe)."""
        return tuple(sorted(self.refs.values(), key=lambda r: r.what))


def source_note(source: str, as_of: str) -> str:
    """'Source: SOURCE, AS_OF.' for a line of text (no doubled full stop after the date)."""
    return f"Source: {source}, {as_of.rstrip('.')}."
