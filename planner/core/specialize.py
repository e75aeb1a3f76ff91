"""Phase 4 of the schedule: the specialty's add-on credential, or the move into its lane."""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.catalog import Body, Certification, EligibilityKind
from planner.core.credentials import earliest_eligible, unmet
from planner.core.dates import HORIZON_YEARS, add_months, add_years
from planner.core.draft import BuilderBase, exam_title, inline_name
from planner.core.plan_model import MilestoneKind, Step
from planner.core.scheduling import (
    EARLY_TEST_BEFORE_END_DAYS,
    avoid_switchover,
    duration_end,
    prep_for,
    prep_hours,
    start_before,
)


class SpecializePhase(BuilderBase):
    """Drafts phase 4 (specialize) on top of the shared builder state."""

    def _lane_move(self, start: date, why: str) -> tuple[date, float]:
        end = add_months(start, 3)
        self.draft.add(
            Step.LANE_MOVE, f"Move into {self.spec.name} work", end, why, MilestoneKind.CAREER
        )
        self.src.rule(
            "Phase 4 without an add-on credential (planner rule)",
            "three months to move into the new role",
            "planner rule",
            "2026-11-30",
        )
        return end, 0.0

    def _unreachable(self, start: date, addon: Certification, why: str) -> tuple[date, float]:
        # drop the steps toward it already drafted (enrolment, membership, lane work)
        for milestone in self.draft.milestones[self.phase4_from :]:
            self.draft.phase_of.pop(milestone.id, None)
        del self.draft.milestones[self.phase4_from :]
        elig = addon.eligibility
        if elig.prerequisites:
            titles = [r.title for r in elig.prerequisites]
            routes = "; or ".join([titles[0]] + [inline_name(t) for t in titles[1:]])
            if not elig.verified:
                routes += " (not confirmed on an AHIMA page: check it)".replace(
                    "AHIMA", addon.body.value
                )
        else:
            routes = elig.summary.rstrip(".")
        self.draft.add(
            Step.ROUTE,
            f"Realistic route to the {addon.id}: {routes}",
            start,
            addon.route_note or elig.summary,
            MilestoneKind.CAREER,
            phase=4,
        )
        self.warnings.append(f"The {addon.id} is not scheduled: {why}. Realistic route: {routes}.")
        self.src.rule(f"{addon.id} eligibility", elig.summary, elig.source, elig.as_of)
        return self._lane_move(start, self.spec.description)

    def _phase4(self, start: date, first: Certification) -> tuple[date, float]:
        addon_id = self.spec.credential
        if addon_id is None or addon_id == self.cert.id:
            return self._lane_move(start, self.spec.description)
        addon = self.catalog.certifications[addon_id]
        elig = addon.eligibility
        self.phase4_from = len(self.draft.milestones)
        if elig.required_program:
            program = self.catalog.program(elig.required_program)
            held = set(self._timeline_so_far(first, start).catalog_ids_on(start))
            if program.for_holders and not held & set(program.for_holders):
                return self._unreachable(
                    start,
                    addon,
                    f"the {inline_name(program.name)} is for {' or '.join(program.for_holders)} "
                    "holders, and the length of a full bachelor's is not in the sourced data",
                )
        if not elig.schedulable:
            return self._unreachable(
                start, addon, f"its eligibility is not confirmed on an {addon.body.value} page"
            )
        if addon.body is Body.AAPC and first.body is not Body.AAPC:
            self.draft.add(
                Step.ADDON_MEMBERSHIP,
                "Join AAPC (professional membership)",
                start,
                "AAPC membership is required to sit AAPC exams and to keep AAPC credentials; "
                "its dues come on top of AHIMA's.",
                phase=4,
            )
        if self.spec.lane_work:
            role = self.spec.roles[0] if self.spec.roles else "a role in the lane"
            self.draft.add(
                Step.LANE_START,
                f"Start {self.spec.lane_work} work ({role})",
                start,
                f"The {addon.id} counts years of {self.spec.lane_work} work, not coding in "
                "general.",
                MilestoneKind.CAREER,
                phase=4,
            )
        hours = 0.0
        if elig.kind is EligibilityKind.PROGRAM and elig.required_program:
            final_term, graduation = self._degree(
                addon, start, (Step.ADDON_FINAL_TERM, "p4-program", "p4-program-done"), phase=4
            )
            study_start = final_term
            ready = max(final_term, graduation - timedelta(days=EARLY_TEST_BEFORE_END_DAYS))
        else:
            prep = self.src.use(f"{addon.id} exam preparation", prep_for(addon, self.catalog))
            hours = prep_hours(prep, self.inputs.background) if prep.unit == "hours" else 0.0
            ready = duration_end(start, prep, self.hpw, hours)
            study_start = start
        timeline = self._timeline_so_far(first, self.horizon)
        eligible = earliest_eligible(addon, ready, timeline, self.horizon)
        if eligible is None:
            why = unmet(addon, self.horizon, timeline) or "its prerequisites are not met in time"
            if unmet(addon, add_years(self.horizon, 50), timeline) is None:
                why = f"its prerequisites are met only after this plan's {HORIZON_YEARS} years"
            return self._unreachable(start, addon, why)
        if eligible > ready:
            self.src.rule(f"{addon.id} eligibility", elig.summary, elig.source, elig.as_of)
            if not elig.prerequisites or elig.kind is not EligibilityKind.PROGRAM:
                prep = prep_for(addon, self.catalog)
                study_start = max(start, start_before(eligible, prep, self.hpw, hours))
        exam = avoid_switchover(eligible, self.catalog)
        if exam != eligible:
            self._blackout_rule()
        self.draft.add(
            "p4-prepare",
            f"Start preparing for the {addon.id}",
            study_start,
            f"{addon.name}: {addon.best_for}",
            phase=4,
        )
        if addon.body is Body.AHIMA:
            self._apply_step(Step.ADDON_APPLY, addon, exam, study_start, phase=4)
        self.draft.add(
            Step.ADDON_EXAM, exam_title(addon), exam, self._exam_why(addon), MilestoneKind.EXAM
        )
        self.draft.add(
            Step.ADDON_CREDENTIAL,
            f"Earn the {addon.id} credential",
            exam,
            f"Leads to {self.spec.name} roles."
            + (
                ""
                if elig.verified
                else f" Check the {addon.id} eligibility with {addon.body.value}."
            ),
            MilestoneKind.CREDENTIAL,
        )
        if not elig.verified:
            self.warnings.append(
                f"{addon.id}: the plan schedules it by the commonly stated eligibility "
                f"({'; or '.join(r.title for r in elig.prerequisites)}), which is not confirmed on "
                f"an {addon.body.value} page: check it before applying."
            )
        return exam, hours
