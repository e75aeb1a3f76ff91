"""The roadmap's comparison page: the plan and the compared paths side by side, as blocks."""

from __future__ import annotations

from collections.abc import Sequence

from planner.core.catalog import BACKGROUND_LABELS, Catalog
from planner.core.compare import PLAN_LABEL, ROWS, PathError, PathResult, best_columns
from planner.core.dates import format_date
from planner.report.chart_svg import COMPARE_FIGSIZE, compare_pay_svg
from planner.report.compare import cells_of
from planner.report.document import Block, Cell, Chart, Column, Heading, Paragraph, Table, esc

BEST_MARK = "★"
TITLE = "The paths you compared"


def column_name(index: int) -> str:
    """The heading of a column: "Your plan", then "Path 2" to "Path 4" (page and print)."""
    return PLAN_LABEL if index == 0 else f"Path {index + 1}"


def legend_name(index: int, result: PathResult) -> str:
    """A chart legend entry: the column's heading and, for a compared path, what it is."""
    return column_name(index) if index == 0 else f"{column_name(index)}: {result.label}"


def _choices(result: PathResult, catalog: Catalog) -> dict[str, str]:
    inputs = result.plan.inputs
    lane = catalog.specialties.get(result.specialty)
    return {
        "Certification": esc(result.certification),
        "Specialty": esc(lane.name if lane is not None else result.specialty),
        "Hours per week": f"{result.hours_per_week:g}",
        "Background": esc(BACKGROUND_LABELS[inputs.background]),
        "Start": format_date(inputs.start),
    }


def comparison_blocks(results: Sequence[PathResult | PathError], catalog: Catalog) -> list[Block]:
    """A heading, the compared table (best values marked ★ with a word), break-even reasons,
    notes and the median-pay chart; nothing when fewer than two columns could be planned."""
    good = [(i, r) for i, r in enumerate(results) if isinstance(r, PathResult)]
    if len(good) < 2:
        return []
    planned = [r for _i, r in good]
    best = best_columns(planned)
    headers = [column_name(i) for i, _r in good]
    share = 0.78 / len(good)
    columns = (Column("", 0.22), *(Column(h, share) for h in headers))
    rows: list[tuple[Cell, ...]] = []
    choices = [_choices(r, catalog) for r in planned]
    for title in choices[0]:
        rows.append((esc(title), *(c[title] for c in choices)))
    cells = [cells_of(r) for r in planned]
    for row in ROWS:
        line: list[Cell] = [esc(row.title)]
        for n, column in enumerate(cells):
            text = esc(column[row.key])
            if n in best[row.key]:
                text = f"<b>{text}<br>{BEST_MARK} {esc(row.best_word)}</b>"
            line.append(f'<span class="small">{text}</span>')
        rows.append(tuple(line))
    blocks: list[Block] = [
        Heading(TITLE),
        Paragraph(
            "Your plan and the paths you compared on the Compare page, each from its own "
            f"plan with your start, background and income. {BEST_MARK} marks the best value "
            "of a row (earliest, cheapest, highest, fewest). In brackets after the 10-year "
            "income: the gain over staying at your current income.",
            small=True,
        ),
        Table(columns=columns, rows=tuple(rows), continued=TITLE, first_column_bold=True),
    ]
    labels = {id(r): column_name(i) for i, r in good}
    for result in planned:
        if result.break_even.low_month is None:
            blocks.append(
                Paragraph(
                    f"<b>Break-even, {esc(labels[id(result)])}:</b> "
                    f"{esc(result.break_even.reason)}",
                    small=True,
                )
            )
    for result in planned:
        if result.notes:
            notes = "<br>".join(f"• {esc(note)}" for note in result.notes)
            name = labels[id(result)]
            what = "" if name == result.label else f" ({esc(result.label)})"
            blocks.append(Paragraph(f"<b>Notes, {esc(name)}{what}:</b><br>{notes}", small=True))
    for index, outcome in enumerate(results):
        if isinstance(outcome, PathError):
            blocks.append(
                Paragraph(f"<b>{column_name(index)}</b> cannot be planned: {esc(str(outcome))}")
            )
    blocks.append(
        Chart(
            compare_pay_svg(planned, [legend_name(i, r) for i, r in good]),
            aspect=COMPARE_FIGSIZE[1] / COMPARE_FIGSIZE[0],
            alt="Median pay per plan year of " + ", ".join(legend_name(i, r) for i, r in good),
        )
    )
    return blocks
