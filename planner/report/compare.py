"""A comparison of paths as an aligned text table and as a stable JSON list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.core.compare import ROWS, PathResult, Range, best_columns
from planner.core.dates import format_date
from planner.report.text import money


def _range(value: Range) -> str:
    return (
        money(value.low) if value.low == value.high else f"{money(value.low)}-{money(value.high)}"
    )


def _break_even(result: PathResult) -> str:
    low, high = result.break_even.low_month, result.break_even.high_month
    if low is None:
        return "none"
    return f"month {low}" + ("" if high == low else f"-{high}" if high else " (high end: beyond)")


def cells_of(result: PathResult) -> dict[str, str]:
    """Each row's value as text, by row key (ROWS), as the table and the Compare page show it."""
    gain = result.ten_year_gain
    ceu = ", ".join(f"{c.credits:g} {c.body}/{c.cycle_years} yr" for c in result.ceu_per_cycle)
    cells = {
        "first_exam": format_date(result.first_exam),
        "first_credential": f"{format_date(result.first_credential)} "
        f"({result.first_credential_name})",
        "first_job": format_date(result.first_job),
        "specialized": format_date(result.specialized),
        "study_hours": "degree programme"
        if result.study_hours is None
        else f"{result.study_hours:,.0f} h",
        "up_front": _range(result.up_front),
        "total_cost": _range(result.total_cost),
        "break_even": _break_even(result),
        "ten_year": money(result.ten_year_income)
        + ("" if gain is None else f" ({'+' if gain >= 0 else '-'}{money(abs(gain))})"),
        "ceu": ceu or "none",
        "dues": _range(result.yearly_dues),
    }
    for pay in result.median_pay:
        cells[f"pay_{pay.year}"] = f"{money(pay.median)} ({money(pay.low)}-{money(pay.high)})"
    return cells


def comparison_to_text(results: Sequence[PathResult]) -> str:
    """Rows by columns, the best value of each row marked in words ("<- earliest")."""
    best = best_columns(results)
    columns = [cells_of(r) for r in results]
    header = ["", *(r.label for r in results)]
    table: list[list[str]] = [
        header,
        ["Hours per week", *(f"{r.hours_per_week:g}" for r in results)],
    ]
    for row in ROWS:
        line = [row.title]
        for index, cells in enumerate(columns):
            mark = f" <- {row.best_word}" if index in best[row.key] else ""
            line.append(cells[row.key] + mark)
        table.append(line)
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for result in results:
        if result.break_even.low_month is None:
            lines.append(f"\nBreak-even, {result.label}: {result.break_even.reason}")
    if any(r.staying_income is not None for r in results):
        lines.append(
            "\n10-year income: the median over ten plan years (in brackets: against staying "
            "at the current income)."
        )
    for result in results:
        if result.notes:
            lines.append(f"\nNotes, {result.label}:")
            lines.extend(f"  - {note}" for note in result.notes)
    return "\n".join(lines)


def comparison_to_json(results: Sequence[PathResult]) -> list[dict[str, Any]]:
    """One object per path, in the order given; keys are stable (see README)."""
    best = best_columns(results)
    out: list[dict[str, Any]] = []
    for index, r in enumerate(results):
        break_even: dict[str, Any] = (
            {"reason": r.break_even.reason}
            if r.break_even.low_month is None
            else {"low_month": r.break_even.low_month, "high_month": r.break_even.high_month}
        )
        out.append(
            {
                "label": r.label,
                "certification": r.certification,
                "specialty": r.specialty,
                "hours_per_week": r.hours_per_week,
                "first_exam": r.first_exam.isoformat(),
                "first_credential": r.first_credential.isoformat(),
                "first_credential_name": r.first_credential_name,
                "first_job": r.first_job.isoformat(),
                "specialized": r.specialized.isoformat(),
                "study_hours": r.study_hours,
                "up_front": {"low": r.up_front.low, "high": r.up_front.high},
                "total_cost": {"low": r.total_cost.low, "high": r.total_cost.high},
                "break_even": break_even,
                "median_pay": {str(p.year): p.median for p in r.median_pay},
                "pay_band": {str(p.year): {"low": p.low, "high": p.high} for p in r.median_pay},
                "ten_year_income": r.ten_year_income,
                "ten_year_gain": r.ten_year_gain,
                "ceu_per_cycle": [
                    {"body": c.body, "credits": c.credits, "cycle_years": c.cycle_years}
                    for c in r.ceu_per_cycle
                ],
                "yearly_dues": {"low": r.yearly_dues.low, "high": r.yearly_dues.high},
                "notes": list(r.notes),
                "best": [row.key for row in ROWS if index in best[row.key]],
            }
        )
    return out
