"""The schedule builder: the five phases' dated milestones, warnings and sources."""

from __future__ import annotations

import math
from datetime import date, timedelta

from planner.core.catalog import Background, Body, Certification, EligibilityKind
from planner.core.costs import Costs
from planner.core.credentials import CredentialTimeline
from planner.core.dates import add_months, add_weeks, add_years, at_fraction
from planner.core.draft import exam_title, inline_name
from planner.core.plan_model import (
    PHASE_NAMES,
    Milestone,
    MilestoneKind,
    Phase,
    Plan,
    PlanError,
    Step,
)
from planner.core.reminders import ceu_milestones, codeset_reminders, record_ceu_rules
from planner.core.scheduling import (
    APPLY_LEAD_DAYS,
    EARLY_TEST_BEFORE_END_DAYS,
    TARGET_SLACK_DAYS,
    apply_date,
    avoid_switchover,
    duration_end,
    prep_for,
    prep_hours,
    start_before,
)
from planner.core.specialize import SpecializePhase


class ScheduleBuilder(SpecializePhase):
    """Drafts the five phases' milestones, warnings and sources (the plan before its outlook)."""

    def build(self) -> tuple[Plan, CredentialTimeline]:
        p1_end, p1_hours = self._phase1(self.inputs.start)
        first_cert, p2_end, p2_hours = self._phase2(p1_end)
        p3_end = self._phase3(p2_end, first_cert)
        p4_end, p4_hours = self._phase4(p3_end, first_cert)
        p5_end = max(self.horizon, add_years(p4_end, 1))
        self._phase5(p4_end, p5_end)
        self._codesets(p2_end, p5_end)
        self._warnings_general()
        timeline = self._timeline_so_far(first_cert, p5_end)
        self._ceus(timeline, p2_end, p5_end)

        bounds = [self.inputs.start, p1_end, p2_end, p3_end, p4_end, p5_end]
        hours = [p1_hours, p2_hours, 0.0, p4_hours, 0.0]
        phases = self._assemble(bounds, hours)
        schedule = Plan(
            certification=self.cert.id,
            certification_name=self.cert.name,
            specialty=self.spec.id,
            specialty_name=self.spec.name,
            inputs=self.inputs,
            phases=phases,
            exam_credential=first_cert.id,
            exam_date=p2_end,
            certified_date=self._target_certified_date(first_cert),
            certified_as=self._certified_as(first_cert),
            working_from=self._due(Step.FIRST_JOB),
            specialized_date=p4_end,
            salary=(),
            costs=Costs(
                items=(), upfront_low=0, upfront_high=0, upfront_planned=0, total_planned=0
            ),
            warnings=(),
            sources=(),
            schedule_warnings=tuple(self.warnings),
            schedule_sources=self.src.sorted(),
        )
        # CEU reminders do not change which credentials are held: the timeline made before
        # adding them is the finished plan's (what credential_timeline would derive again)
        return schedule, timeline

    def _assemble(self, bounds: list[date], hours: list[float]) -> tuple[Phase, ...]:
        whys = (
            "Master ICD-10-CM, CPT, HCPCS Level II and medical terminology: every later step "
            "rests on them.",
            "A respected credential is what employers screen for; uncertified coders earn less.",
            "Coding speed, audit accuracy and payer knowledge come only from real work; most "
            "remote roles ask for it.",
            "Specialised coders earn more and are the hardest to replace with automation.",
            "Management, consulting, HIM leadership and education build on years of coding.",
        )
        buckets: list[list[Milestone]] = [[] for _ in range(5)]
        order = {m.id: i for i, m in enumerate(self.draft.milestones)}
        for milestone in sorted(self.draft.milestones, key=lambda m: (m.due, order[m.id])):
            explicit = self.draft.phase_of.get(milestone.id)
            if explicit is not None:
                index = explicit - 1
            else:
                # by date; a milestone on a boundary belongs to the phase it concludes
                index = next((i for i in range(5) if milestone.due <= bounds[i + 1]), 4)
            buckets[index].append(milestone)
        return tuple(
            Phase(
                number=i + 1,
                name=PHASE_NAMES[i],
                start=bounds[i],
                end=bounds[i + 1],
                why=whys[i],
                study_hours=round(hours[i], 1),
                milestones=tuple(buckets[i]),
            )
            for i in range(5)
        )

    def _phase1(self, start: date) -> tuple[date, float]:
        training = self.catalog.training
        elig = self.cert.eligibility
        if elig.kind is EligibilityKind.PROGRAM and elig.required_program:
            final_term, graduation = self._degree(
                self.cert, start, (Step.FINAL_TERM, "p1-enrol", Step.GRADUATE), phase=1
            )
            self.graduation = graduation
            self.draft.add(
                "p1-coding-systems",
                "Complete the coding courses (ICD-10-CM, ICD-10-PCS, CPT, HCPCS)",
                at_fraction(start, final_term, 0.5),
                "The RHIT exam covers coding, data quality and health information management.",
            )
            self.src.rule(f"{self.cert.id} eligibility", elig.summary, elig.source, elig.as_of)
            return final_term, 0.0

        background = training.backgrounds[self.inputs.background]
        first = self._first_credential()
        program_id = background.program
        if first.body is not Body.AAPC and background.ahima_program is not None:
            program_id = background.ahima_program  # AAPC's CPC course is not for AHIMA exams
        if program_id is None:
            end = add_weeks(start, 1)
            codes = (
                "ICD-10-CM, ICD-10-PCS, CPT and HCPCS"
                if self.inpatient
                else ("ICD-10-CM, CPT and HCPCS")
            )
            self.draft.add(
                "p1-review",
                f"Review this year's {codes} changes",
                end,
                background.summary,
            )
            return end, 0.0
        program = self.catalog.program(program_id)
        if program.hours is None:
            raise PlanError(f"programme '{program.id}' has no study hours in the data")
        hours = self.src.use(f"{program.name}: study hours", program.hours).planning
        end = add_weeks(start, max(1, math.ceil(hours / self.hpw)))
        if self.inputs.background is Background.NONE:
            self.draft.add(
                "p1-terminology",
                "Medical terminology, anatomy and physiology",
                at_fraction(start, end, 0.25),
                "Coders read clinical notes: the language of medicine comes first.",
            )
        self.draft.add(
            "p1-icd10cm",
            "ICD-10-CM diagnosis coding and its guidelines",
            at_fraction(start, end, 0.5),
            "Every claim needs a diagnosis code; ICD-10-CM is on every coding exam.",
        )
        self.draft.add(
            "p1-cpt-hcpcs",
            "CPT and HCPCS Level II procedure coding, modifiers",
            at_fraction(start, end, 0.75),
            "Procedures and supplies are billed with CPT and HCPCS codes.",
        )
        if self.inpatient:
            self.draft.add(
                "p1-icd10pcs",
                "ICD-10-PCS procedure coding and inpatient coding (MS-DRG)",
                at_fraction(start, end, 0.85),
                "Hospital inpatient stays are coded with ICD-10-CM and ICD-10-PCS and grouped "
                "into MS-DRGs; the CCS exam's inpatient cases test exactly this.",
            )
        self.draft.add(
            "p1-course",
            f"Finish the {inline_name(program.name)}",
            end,
            background.summary,
            MilestoneKind.CREDENTIAL,
        )
        return end, hours

    def _phase2(self, start: date) -> tuple[Certification, date, float]:
        self.p2_start = start
        first = self._first_credential()
        by_degree = self.graduation is not None
        if by_degree:
            assert self.graduation is not None
            hours = 0.0
            ready = max(start, self.graduation - timedelta(days=EARLY_TEST_BEFORE_END_DAYS))
        else:
            prep = self.src.use(f"{first.id} exam preparation", prep_for(first, self.catalog))
            hours = prep_hours(prep, self.inputs.background) if prep.unit == "hours" else 0.0
            ready = duration_end(start, prep, self.hpw, hours)
        exam = avoid_switchover(ready, self.catalog)
        target = self.inputs.target_exam_date
        if target is not None:
            if target >= ready:
                exam = avoid_switchover(target, self.catalog)
                if exam != target:
                    self.warnings.append(
                        f"Your target exam date {target.isoformat()} falls in the weeks around "
                        f"a code-set switch-over; the plan uses {exam.isoformat()} (a planner "
                        "rule, not an exam-body rule)."
                    )
                earliest = avoid_switchover(ready, self.catalog)
                if (target - earliest).days > TARGET_SLACK_DAYS:
                    self.warnings.append(
                        f"Your target exam date {target.isoformat()} is much later than your "
                        f"study needs at {self.hpw:g} h/week: the exam could be on "
                        f"{earliest.isoformat()}. The plan keeps your date; the Progress page "
                        "offers the earliest realistic date."
                    )
            else:
                self.warnings.append(
                    f"Your target exam date {target.isoformat()} is earlier than the plan "
                    f"allows at {self.hpw:g} h/week; the plan keeps {exam.isoformat()}."
                )
        if exam != ready:
            self._blackout_rule()
        if first.body is Body.AAPC:
            if self.coder:
                title = "Join AAPC (professional membership)"
                why = (
                    "AAPC membership is required to sit AAPC exams and to keep the credential. "
                    "Student membership is for learners in training, not for working coders."
                )
            else:
                title = "Join AAPC (student membership)"
                why = (
                    "AAPC membership is required to sit AAPC exams; once certified you renew "
                    "as a professional member."
                )
            rules = self.catalog.bodies.get(Body.AAPC)
            if rules is not None and rules.membership_dues is not None:
                self.src.use("AAPC membership dues", rules.membership_dues)
            self.draft.add(Step.MEMBERSHIP, title, start, why, phase=2)
        else:
            window = self.catalog.training.application_window_days
            title = (
                f"Apply to {first.body.value} for early testing (final term)"
                if by_degree
                else f"Apply to {first.body.value} for the {first.id} exam"
            )
            self.draft.add(
                Step.APPLY,
                title,
                apply_date(exam, start, self.catalog),
                f"{first.body.value} approves the application first; the exam must then be sat "
                f"within {window} days, so the plan applies about "
                f"{window - APPLY_LEAD_DAYS} days before the exam.",
                phase=2,
            )
            self._window_rule()
        self.draft.add(
            Step.PRACTICE_EXAM,
            "Take a full timed practice exam",
            at_fraction(start, exam, 0.75),
            "Timed practice shows whether you are ready; record your score to track readiness.",
        )
        self.draft.add(
            Step.FIRST_EXAM, exam_title(first), exam, self._exam_why(first), MilestoneKind.EXAM
        )
        designation = first.apprentice.designation if first.apprentice is not None else first.id
        self.draft.add(
            Step.FIRST_CREDENTIAL,
            f"Earn the {designation} credential",
            exam,
            f"{first.name} ({first.body.value})."
            + (
                " Passing without two years of verified coding work gives the apprentice 'A'."
                if first.apprentice is not None
                else ""
            ),
            MilestoneKind.CREDENTIAL,
        )
        if first.exam is not None:
            self.src.use(f"{first.id} exam questions", first.exam.questions)
            self.src.use(f"{first.id} exam minutes", first.exam.minutes)
            if first.exam.passing is not None:
                self.src.use(f"{first.id} passing mark", first.exam.passing)
        return first, exam, hours

    def _phase3(self, start: date, first: Certification) -> date:
        secured = self._retake(start, Step.RETAKE_WINDOW, first, phase=3)
        training = self.catalog.training
        if self.coder:
            first_job = start
            self.draft.add(
                Step.FIRST_JOB,
                "Keep a record of your coding work (dates, employer letters)",
                first_job,
                "Employer letters prove your experience for credentials and promotions.",
                MilestoneKind.CAREER,
                phase=3,
            )
        else:
            search = training.job_search_months
            months = 0
            text = ""
            if search is not None:
                search = self.src.use("Job search (planner rule)", search)
                months = math.ceil(search.planning)
                text = f" (a job search of about {search.describe()})"
            ready = max(secured, self.graduation or secured)
            first_job = add_months(ready, months)
            self.draft.add(
                Step.FIRST_JOB,
                f"Start in an entry-level coding role{text}",
                first_job,
                "Employers prefer experience and many ask for 1-2 years even for entry-level "
                "roles; entry-level jobs exist but take persistence to find. The search time is "
                "a planner assumption: no measured time-to-first-job was found.",
                MilestoneKind.CAREER,
                phase=3,
            )
        office = training.office_before_remote or training.default_experience_years
        office = self.src.use("Time on site before remote work", office)
        self.draft.add(
            Step.REMOTE_READY,
            "Remote roles become realistic",
            add_years(first_job, office.planning),
            f"Most coders work on site for {office.describe()} in their first coding job "
            "before going remote (counted from that job).",
            MilestoneKind.CAREER,
        )
        self._apprentice(secured, first)  # after a possible retake: the exam is passed
        end = max(secured, first_job + timedelta(days=1))
        if first is not self.cert:
            end = max(end, self._target_after_entry(first, first_job))
        lane = self._lane_years()
        if lane is not None:
            end = max(end, add_years(first_job, lane.planning))
        if self.graduation is not None:
            end = max(end, self.graduation)
        return end

    def _target_after_entry(self, first: Certification, first_job: date) -> date:
        """The target exam after the entry credential: 'CCA plus one year' of work."""
        elig = self.cert.eligibility
        needed = elig.recommended_experience_years
        work_years = 1.0
        if needed is not None:
            work_years = self.src.use(f"{self.cert.id} recommended experience", needed).lo
        exam = avoid_switchover(add_years(first_job, work_years), self.catalog)
        prep = self.src.use(f"{self.cert.id} exam preparation", prep_for(self.cert, self.catalog))
        hours = prep_hours(prep, self.inputs.background) if prep.unit == "hours" else 0.0
        prepare = max(first_job, start_before(exam, prep, self.hpw, hours))
        self.draft.add(
            Step.TARGET_PREPARE,
            f"Start preparing for the {self.cert.id} ({prep.describe()} alongside work)",
            prepare,
            f"The {self.cert.id} is a harder exam than the {first.id}: plan a preparation "
            "block while you work.",
            phase=3,
        )
        if self.cert.body is Body.AHIMA:
            self._apply_step(Step.TARGET_APPLY, self.cert, exam, prepare, phase=3)
        self.draft.add(
            Step.TARGET_EXAM,
            exam_title(self.cert),
            exam,
            f"{elig.summary} {self._exam_why(self.cert)}",
            MilestoneKind.EXAM,
            phase=3,
        )
        self.draft.add(
            Step.TARGET_CREDENTIAL,
            f"Earn the {self.cert.id} credential",
            exam,
            f"{self.cert.name} ({self.cert.body.value}).",
            MilestoneKind.CREDENTIAL,
            phase=3,
        )
        self.warnings.append(
            f"{self.cert.id}: {self.cert.body.value} recommends coding experience first, so the "
            f"plan takes the {first.id} in phase 2 and sits the {self.cert.id} "
            f"{work_years:g} year(s) after your first coding job (AHIMA's '{first.id} plus one "
            "year' counts work, not time since the exam)."
        )
        return self._retake(exam, "p3-target-retake", self.cert, phase=3)

    def _apprentice(self, start: date, first: Certification) -> None:
        rule = first.apprentice
        if rule is None:
            return
        routes = {r.id: r for r in rule.routes}
        employed = self.coder and "employment" in routes
        route = routes["employment"] if employed else routes.get("education", rule.routes[0])
        due = start
        if rule.processing_weeks is not None:
            processing = self.src.use("Apprentice removal processing", rule.processing_weeks)
            due = add_weeks(start, processing.hi)
        if employed:
            title = f"Send employer letters to remove the apprentice 'A' ({route.title})"
            why = (
                "Coding work before and after the exam counts: submit signed employer letters "
                "for two years of coding work."
            )
            warning = (
                f"{rule.designation}: the exam gives the {rule.designation} until AAPC has your "
                "employer letters; if you have fewer than two years of coding work, the 'A' "
                "stays until you reach them (or use AAPC's course and Practicode routes)."
            )
        else:
            self.draft.add(
                "p2-practicode",
                "Complete Practicode (AAPC practice on real redacted records)",
                at_fraction(self.p2_start, self._due(Step.FIRST_EXAM), 0.9),
                "Practicode takes one year off the apprentice requirement and can be done "
                "during exam training.",
                phase=2,
            )
            title = f"Remove the apprentice 'A' ({route.title})"
            why = (
                "An 80-contact-hour coding course plus Practicode fulfils the two-year "
                "requirement without employment."
            )
            warning = (
                f"{rule.designation}: passing the exam without experience makes you a "
                f"{rule.designation} until AAPC's apprentice rules are met. The plan uses the "
                f"'{route.title}' route: the 'A' goes "
                "a few weeks after the exam; without it, it takes two years of coding work."
            )
        self.draft.add(Step.APPRENTICE_REMOVED, title, due, why, MilestoneKind.CREDENTIAL)
        self.warnings.append(warning)
        self.src.rule(
            f"{rule.designation} removal routes",
            "; ".join(r.title for r in rule.routes),
            rule.source,
            rule.as_of,
        )

    def _phase5(self, start: date, end: date) -> None:
        roles = (
            ", ".join(self.spec.roles) if self.spec.roles else "management, consulting, education"
        )
        self.draft.add(
            "p5-expand",
            "Look at senior, lead or auditing roles",
            add_years(start, 1),
            "Experienced coders with several credentials earn the most.",
            MilestoneKind.CAREER,
        )
        self.draft.add(
            "p5-scope",
            f"Consider the next step: {roles}",
            at_fraction(start, end, 0.6),
            "Management, auditing and education roles can exceed $100,000 (seed article).",
            MilestoneKind.CAREER,
        )

    def _ceus(self, timeline: CredentialTimeline, from_day: date, until: date) -> None:
        """One reminder per CEU cycle, from the credentials held on its due date."""
        for reminder in ceu_milestones(timeline, self.cert.id, self.catalog, from_day, until):
            self.draft.add(reminder.id, reminder.title, reminder.due, reminder.why, reminder.kind)
        record_ceu_rules(timeline, self.catalog, self.src, from_day, until)

    def _certified_as(self, first: Certification) -> str:
        apprentice = self.cert.apprentice
        if first is self.cert and apprentice is not None:
            return apprentice.designation
        return self.cert.id

    def _target_certified_date(self, first: Certification) -> date:
        return self._due(Step.FIRST_EXAM if first is self.cert else Step.TARGET_EXAM)

    def _codesets(self, from_day: date, until: date) -> None:
        reminders = codeset_reminders(
            self.catalog, self.src, inpatient=self.inpatient, from_day=from_day, until=until
        )
        for reminder in reminders:
            self.draft.add(reminder.id, reminder.title, reminder.due, reminder.why, reminder.kind)

    def _warnings_general(self) -> None:
        self.warnings.append(
            "Job market: many employers want 1-2 years of experience even for entry-level "
            "roles, and entry-level remote jobs are rare: expect to work on site at first "
            "(seed; codingclarified.com, May 2024; Journal of AHIMA)."
        )
        self.src.rule(
            "Entry-level job market",
            "employers prefer experience; entry-level jobs exist but are hard to find",
            "https://codingclarified.com/cpc-guide/",
            "2024-05-28",
        )
        if self.inputs.state is not None and self.inputs.state not in self.catalog.salary.states:
            self.warnings.append(
                f"No state wage figure for {self.inputs.state} in the data: the salary outlook "
                "uses national figures."
            )
        if self.hpw > 40:
            self.warnings.append(
                f"{self.hpw:g} hours a week is more than a full-time job: the plan assumes you "
                "keep it up every week."
            )
