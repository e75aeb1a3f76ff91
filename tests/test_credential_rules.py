"""One test per credential rule in docs/DATA.md (rows "Credentials: ..."): each builds a plan."""

from __future__ import annotations

from datetime import date, timedelta

from helpers.samples import START, sample_inputs

from planner.core.catalog import Body, default_catalog
from planner.core.credentials import required_credits
from planner.core.dates import add_years
from planner.core.plan import MilestoneKind, Plan, Step, build_plan

CATALOG = default_catalog()


def make(**changes: object) -> Plan:
    return build_plan(sample_inputs(**changes), CATALOG)


def ceu_reminders(plan: Plan) -> list[tuple[date, str, str]]:
    return [(m.due, m.title, m.why) for m in plan.milestones() if m.kind is MilestoneKind.CEU]


# -- continuing education follows the credentials held ------------------------------------


def test_aapc_ceus_follow_the_number_of_credentials_held() -> None:
    assert [
        required_credits(Body.AAPC, ids, CATALOG)
        for ids in (
            ("CPC",),
            ("CPC", "CRC"),
            ("CPC", "CRC", "CPMA"),
            ("CPC", "CRC", "CPMA", "CPCO"),
            ("CPC", "CRC", "CPMA", "CPCO", "CPB"),
            ("CPC", "CRC", "CPMA", "CPCO", "CPB", "CIC"),
        )
    ] == [36, 40, 44, 48, 52, 52]
    plan = make(specialty="risk-adjustment")
    crc = plan.milestone(Step.ADDON_CREDENTIAL)
    assert crc is not None
    after = [title for due, title, _ in ceu_reminders(plan) if due > crc.due]
    assert after[-1] == "Report 40 AAPC CEUs for the CPC and CRC"
    late = make(specialty="risk-adjustment", hours_per_week=4)  # the CRC after the first cycle
    crc = late.milestone(Step.ADDON_CREDENTIAL)
    assert crc is not None
    before = [title for due, title, _ in ceu_reminders(late) if due < crc.due]
    assert before and all("CRC" not in t and "for the CPC" in t for t in before)
    assert before[-1].endswith("for the CPC (first cycle, pro-rated from 36)")


def test_aapc_ceu_reminders_name_the_specific_parts() -> None:
    for specialty, part in (
        ("auditing", "16 auditing (CPMA)"),
        ("compliance", "16 compliance (CPCO)"),
        ("emergency-department", "8 specialty-specific (CEDC)"),
        ("surgical", "8 specialty-specific (CGSC)"),
    ):
        plan = make(specialty=specialty)
        last = ceu_reminders(plan)[-1]
        assert part in last[2], (specialty, last)


def test_aapc_first_cycle_is_prorated_and_due_at_the_membership_renewal() -> None:
    plan = make(specialty="education")
    joined = plan.milestone(Step.MEMBERSHIP)
    assert joined is not None
    first = plan.credentials.cycles[0]
    assert first.body is Body.AAPC
    assert (first.due.month, first.due.day) == (joined.due.month, joined.due.day)
    assert add_years(plan.exam_date, 1) <= first.due < add_years(plan.exam_date, 2)
    assert first.prorated and first.credits < 36
    assert "pro-rated" in ceu_reminders(plan)[0][1]
    second = plan.credentials.cycles[1]
    assert second.due == add_years(first.due, 2) and second.credits == 36


def test_ahima_ceus_add_ten_per_credential_up_to_fifty() -> None:
    plan = make(certification="CCS", specialty="cdi")
    cycles = [c for c in plan.credentials.cycles if c.body is Body.AHIMA]
    held = {c.credentials: c.credits for c in cycles}
    assert held[("CCS",)] == 20  # the CCA is left to lapse once the CCS is held (planner rule)
    assert held[("CCS", "CDIP")] == 40  # CDIP 30 + 10 for the CCS
    cca = next(h for h in plan.credentials.holdings if h.credential == "CCA")
    assert cca.until == plan.certified_date and "planner rule" in cca.ended_by
    assert required_credits(Body.AHIMA, ("RHIA", "CCS", "CDIP"), CATALOG) == 50  # capped
    coder = make(certification="CCS", specialty="compliance", background="coding")
    first = next(c for c in coder.credentials.cycles if c.body is Body.AHIMA)
    assert (first.credentials, first.credits) == (("CCS",), 20)


def test_rhia_replaces_rhit_in_holdings_and_ceus() -> None:
    plan = make(certification="RHIT", specialty="him", hours_per_week=25)
    rhia = plan.milestone(Step.ADDON_CREDENTIAL)
    assert rhia is not None and "RHIA" in rhia.title
    rhit = next(h for h in plan.credentials.holdings if h.credential == "RHIT")
    assert rhit.until == rhia.due and "RHIA" in rhit.ended_by
    after = [(t, w) for due, t, w in ceu_reminders(plan) if due > rhia.due]
    assert after and all(t == "Report 30 AHIMA CEUs for the RHIA" for t, _ in after)
    assert all("RHIT" not in t for t, _ in after)


def test_ahima_ceu_reminders_name_domain_and_own_shares_from_2025() -> None:
    recent = make(certification="CCS", specialty="inpatient-hospital")
    why = next(w for _d, t, w in ceu_reminders(recent) if "AHIMA" in t)
    assert "80% in the HIIM domains" in why
    assert "40% from AHIMA or its component state associations" in why
    old = make(certification="CCS", specialty="inpatient-hospital", start=date(2020, 1, 6))
    early = [w for d, t, w in ceu_reminders(old) if "AHIMA" in t and d < date(2025, 1, 1)]
    assert early and all("40%" not in w for w in early)


def test_ccs_holder_adding_an_aapc_credential_reports_aapc_ceus_and_pays_dues() -> None:
    plan = make(certification="CCS", specialty="inpatient-hospital")
    join = plan.milestone(Step.ADDON_MEMBERSHIP)
    cic = plan.milestone(Step.ADDON_CREDENTIAL)
    assert join is not None and cic is not None and "CIC" in cic.title
    aapc = [t for d, t, _ in ceu_reminders(plan) if "AAPC" in t]
    assert aapc and all("for the CIC" in t for t in aapc)
    dues = {d.body: d for d in plan.credentials.dues}
    assert dues[Body.AAPC].required and dues[Body.AAPC].start == join.due
    assert not dues[Body.AHIMA].required


def test_cpc_a_becomes_cpc_in_the_timeline() -> None:
    plan = make(background="none")
    removed = plan.milestone(Step.APPRENTICE_REMOVED)
    assert removed is not None
    assert plan.credentials.held_on(plan.exam_date) == ("CPC-A",)
    assert plan.credentials.held_on(removed.due) == ("CPC",)
    cpc_a = plan.credentials.holdings[0]
    assert cpc_a.until == removed.due and "'A' removed" in cpc_a.ended_by


# -- prerequisites as data ---------------------------------------------------------------


def test_cdip_waits_for_two_years_of_cdi_work_after_a_qualifying_credential() -> None:
    plan = make(certification="CCS", specialty="cdi")
    lane = plan.milestone(Step.LANE_START)
    exam = plan.milestone(Step.ADDON_EXAM)
    ccs = plan.milestone(Step.TARGET_CREDENTIAL)
    assert lane is not None and exam is not None and ccs is not None
    assert "CDI" in lane.title
    assert exam.due >= add_years(lane.due, 2) and ccs.due < lane.due
    assert any("CDIP" in w and "not confirmed" in w for w in plan.warnings)


def test_cpc_alone_does_not_qualify_for_the_cdip() -> None:
    plan = make(certification="CPC", specialty="cdi")
    assert plan.milestone(Step.ADDON_EXAM) is None
    route = plan.milestone(Step.ROUTE)
    assert route is not None and "RHIT, CCS or CCS-P" in route.title
    assert any(w.startswith("The CDIP is not scheduled") for w in plan.warnings)


def test_chda_is_not_scheduled_without_confirmed_eligibility() -> None:
    for cert in ("RHIT", "CCS"):
        plan = make(certification=cert, specialty="health-data-analytics")
        assert plan.milestone(Step.ADDON_EXAM) is None
        assert plan.milestone(Step.ROUTE) is not None
        assert any("CHDA is not scheduled" in w and "not confirmed" in w for w in plan.warnings)


def test_specialty_experience_is_sourced_or_a_labelled_planner_rule() -> None:
    for spec in CATALOG.specialties.values():
        years = spec.experience_years_before
        assert years is None or "remote" not in years.note.lower(), spec.id
    plan = make(specialty="risk-adjustment")
    whats = {s.what: s for s in plan.sources}
    assert whats["Work before specialising (planner rule)"].source == "planner rule"
    audit = make(specialty="auditing")
    assert (
        "bestaccreditedcolleges"
        in {s.what: s for s in audit.sources}["Experience before Coding auditing"].source
    )


# -- content and routes -------------------------------------------------------------------


def test_ccs_training_covers_icd10pcs_and_ms_drg() -> None:
    plan = make(certification="CCS", specialty="inpatient-hospital")
    pcs = plan.milestone("p1-icd10pcs")
    assert pcs is not None and "ICD-10-PCS" in pcs.title and "MS-DRG" in pcs.title
    assert make().milestone("p1-icd10pcs") is None  # not on the physician (CPC) path
    coder = make(certification="CCS", specialty="inpatient-hospital", background="coding")
    review = coder.milestone("p1-review")
    assert review is not None and "ICD-10-PCS" in review.title


def test_ccs_after_cca_counts_the_year_from_the_first_job() -> None:
    plan = make(certification="CCS", specialty="auditing")
    job = plan.milestone(Step.FIRST_JOB)
    ccs = plan.milestone(Step.TARGET_EXAM)
    assert job is not None and ccs is not None
    assert ccs.due >= add_years(job.due, 1)
    assert any("first coding job" in w for w in plan.warnings)


def test_ccs_has_a_preparation_block_and_an_apply_step_inside_ahimas_window() -> None:
    plan = make(certification="CCS", specialty="inpatient-hospital")
    prepare = plan.milestone(Step.TARGET_PREPARE)
    apply = plan.milestone(Step.TARGET_APPLY)
    exam = plan.milestone(Step.TARGET_EXAM)
    assert prepare is not None and apply is not None and exam is not None
    assert prepare.due < apply.due < exam.due
    assert (exam.due - apply.due).days <= 120


def test_ahima_paths_do_not_use_aapcs_cpc_course() -> None:
    for background in ("terminology", "healthcare"):
        plan = make(certification="CCS", specialty="inpatient-hospital", background=background)
        course = plan.milestone("p1-course")
        assert course is not None and "AAPC" not in course.title, background
        assert make(background=background).milestone("p1-course").title.count("AAPC") == 1


def test_working_coder_path_is_consistent() -> None:
    plan = make(background="coding")
    titles = [m.title for m in plan.milestones()]
    assert "Earn the CPC credential" not in titles
    assert "Earn the CPC-A credential" in titles
    assert not any("student" in t.lower() for t in titles)
    removal = plan.milestone(Step.APPRENTICE_REMOVED)
    assert removal is not None and "employer letters" in removal.title


def test_rhit_exam_falls_in_the_final_term_and_length_follows_the_pace() -> None:
    full = make(certification="RHIT", specialty="him", hours_per_week=25)
    part = make(certification="RHIT", specialty="him", hours_per_week=8)
    for plan in (full, part):
        final = plan.milestone(Step.FINAL_TERM)
        graduate = plan.milestone(Step.GRADUATE)
        assert final is not None and graduate is not None
        assert final.due <= plan.exam_date <= graduate.due
        assert "early testing" in plan.milestone(Step.APPLY).title
    assert (full.milestone(Step.GRADUATE).due - START).days // 30 in range(23, 25)
    assert (part.milestone(Step.GRADUATE).due - START).days // 30 in range(40, 43)


def test_rhia_completion_takes_about_two_years_and_no_proviso_route() -> None:
    plan = make(certification="RHIT", specialty="him", hours_per_week=25)
    enrol = plan.milestone("p4-program")
    done = plan.milestone("p4-program-done")
    assert enrol is not None and done is not None
    assert 18 * 30 <= (done.due - enrol.due).days <= 30 * 31
    rhia = CATALOG.certifications["RHIA"]
    assert "possibly retired" in rhia.eligibility.summary
    assert all("Proviso" not in r.title for r in rhia.eligibility.prerequisites)


def test_rhia_completion_is_for_rhit_holders() -> None:
    plan = make(certification="CPC", specialty="him")
    assert plan.milestone(Step.ADDON_EXAM) is None and plan.milestone("p4-program") is None
    route = plan.milestone(Step.ROUTE)
    assert route is not None and "earn the RHIT first" in route.title
    assert any("is for RHIT holders" in w for w in plan.warnings)


# -- code-set reminders ---------------------------------------------------------------------


def test_icd10_release_on_october_1_2027_is_fy_2028() -> None:
    plan = make(certification="CCS", specialty="inpatient-hospital", start=date(2026, 1, 5))
    release = plan.milestone("codeset-icd-10-cm-2027")
    assert release is not None and release.title == "ICD-10-CM/PCS FY 2028 takes effect"
    cpt = make(start=date(2026, 1, 5)).milestone("codeset-icd-10-cm-2027")
    assert cpt is not None and cpt.title == "ICD-10-CM FY 2028 takes effect"


def test_april_updates_and_pcs_naming_follow_the_path() -> None:
    plan = make(certification="RHIT", specialty="him")
    april = [m for m in plan.milestones() if m.id.startswith("codeset-icd-10-april-")]
    assert april and all(m.due.month == 4 and "Possible" in m.title for m in april)
    assert all("/PCS" in m.title for m in april)
    outpatient = make()
    assert all(
        "PCS" not in m.title for m in outpatient.milestones() if m.kind is MilestoneKind.CODESET
    )


def test_exam_blackout_is_labelled_a_planner_rule() -> None:
    plan = make(start=date(2026, 7, 20))  # the exam would land near October 1
    blackout = [s for s in plan.sources if "switch-over" in s.what]
    assert blackout and blackout[0].source == "planner rule"
    assert "previous year's books" in blackout[0].value
    april = make(start=date(2026, 1, 5))
    for exam in (april.exam_date,):
        assert abs((exam - date(exam.year, 4, 1)).days) >= 0  # April is not a blackout


# -- timing rules tied to their cause -------------------------------------------------------


def test_job_search_does_not_vary_by_specialty() -> None:
    gaps = set()
    for specialty in ("risk-adjustment", "auditing", "education", "revenue-cycle"):
        plan = make(specialty=specialty)
        window = plan.milestone(Step.RETAKE_WINDOW)
        assert window is not None
        gaps.add((plan.milestone(Step.FIRST_JOB).due - window.due).days)
    assert len(gaps) == 1


def test_remote_roles_counted_from_the_first_job() -> None:
    for specialty in ("auditing", "education"):
        plan = make(specialty=specialty)
        job = plan.milestone(Step.FIRST_JOB)
        remote = plan.milestone(Step.REMOTE_READY)
        assert job is not None and remote is not None
        assert abs((remote.due - add_years(job.due, 1.5)).days) <= 1


def test_ahima_apply_step_is_inside_the_120_day_window_with_a_target_date() -> None:
    plan = make(
        certification="CCS", specialty="inpatient-hospital", target_exam_date=date(2031, 3, 3)
    )
    apply = plan.milestone(Step.APPLY)
    assert plan.exam_date == date(2031, 3, 3) and apply is not None
    assert timedelta(0) <= plan.exam_date - apply.due <= timedelta(days=120)


# -- reachability, retakes, job market ------------------------------------------------------


def test_every_credential_is_reachable_or_says_why() -> None:
    reachable = {s.credential for s in CATALOG.specialties.values()} | {
        c.id for c in CATALOG.targets()
    }
    reachable |= {c.eligibility.entry_credential for c in CATALOG.certifications.values()}
    for cert in CATALOG.certifications.values():
        assert cert.id in reachable or cert.route_note, cert.id
    assert make(specialty="outpatient-facility").milestone(Step.ADDON_CREDENTIAL).title == (
        "Earn the COC credential"
    )
    assert make(specialty="documentation-outpatient").milestone(Step.ADDON_CREDENTIAL).title == (
        "Earn the CDEO credential"
    )
    assert not any(
        "remote_friendly" in name for name in type(CATALOG.specialties["cdi"]).model_fields
    )


def test_retake_buffer_is_on_by_default_and_can_be_switched_off() -> None:
    rate = CATALOG.training.first_time_pass_rate
    assert rate is not None and (rate.lo, rate.hi) == (50, 60)
    on = make()
    window = on.milestone(Step.RETAKE_WINDOW)
    assert window is not None and "50–60 percent" in window.why
    assert window.due > on.exam_date
    off = make(retake_buffer=False)
    assert off.milestone(Step.RETAKE_WINDOW) is None
    assert off.working_from < on.working_from


def test_job_market_note_has_its_source() -> None:
    plan = make()
    assert any(w.startswith("Job market:") for w in plan.warnings)
    market = {s.what: s for s in plan.sources}["Entry-level job market"]
    assert market.source.startswith("https://codingclarified.com")


def test_an_accepted_replan_rederives_holdings_and_ceu_reminders() -> None:
    from planner.core.profile import Profile, ReplanState
    from planner.core.progress import current_plan

    baseline = make()
    profile = Profile(
        inputs=sample_inputs(), replan=ReplanState(accepted_on=date(2027, 3, 1), shift_days=200)
    )
    moved = current_plan(baseline, profile, CATALOG)
    assert moved.exam_date > baseline.exam_date
    assert moved.credentials.held_on(moved.exam_date) == ("CPC-A",)
    dues = {c.due for c in moved.credentials.cycles}
    reminders = [m for m in moved.milestones() if m.kind is MilestoneKind.CEU]
    assert reminders and all(m.due in dues for m in reminders)
