"""The ``codepath`` command line: the same core as the app, one clear line on any error."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, time
from pathlib import Path
from typing import Any, NoReturn

from planner import __version__

EXIT_USAGE = 2
EXIT_FAILURE = 1


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status ``code``."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose errors are one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UserError(f"{self.prog}: {message} (see '{self.prog} --help')", EXIT_USAGE)


def validation_text(exc: Any) -> str:
    """The first problem of a pydantic ValidationError, in plain words."""
    from planner.core.base import validation_message

    return validation_message(exc)


def one_line(message: str) -> str:
    """The message on one line: control characters (from arguments or paths) are escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)


def _fail(message: str) -> None:
    print(one_line(message), file=sys.stderr)


def today() -> date:
    """Today's date; CODEPATH_TODAY (YYYY-MM-DD, 1990-2100) overrides it for tests and demos."""
    override = os.environ.get("CODEPATH_TODAY")
    if override:
        try:
            value = date.fromisoformat(override)
        except ValueError as exc:
            raise UserError(
                f"codepath: CODEPATH_TODAY is not a date (YYYY-MM-DD): {override!r}", EXIT_USAGE
            ) from exc
        if not 1990 <= value.year <= 2100:
            raise UserError(
                f"codepath: CODEPATH_TODAY must fall between 1990 and 2100 (got {override})",
                EXIT_USAGE,
            )
        return value
    return date.today()


def _text(text: str) -> str:
    """An argparse type: text that is valid UTF-8 (undecodable bytes arrive as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise argparse.ArgumentTypeError(
            f"'{shown}' is not valid UTF-8 text (check the terminal's encoding)"
        ) from None
    return text


def _path(text: str) -> Path:
    """An argparse type: a file path, which must not be empty (any bytes are allowed)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty (give a file name)")
    return Path(text)


def _date(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None
    if not 1990 <= value.year <= 2100:
        raise argparse.ArgumentTypeError(f"'{text}' is outside 1990-2100")
    return value


def _clock_time(text: str) -> time:
    """An argparse type: a time of day as HH:MM (24-hour clock)."""
    hours, colon, minutes = text.strip().partition(":")
    digits = colon and hours.isdigit() and len(minutes) == 2 and minutes.isdigit()
    if digits and int(hours) <= 23 and int(minutes) <= 59:
        return time(int(hours), int(minutes))
    raise argparse.ArgumentTypeError(f"'{text}' is not a time of day (use HH:MM, e.g. 18:30)")


def _number(low: float, high: float, *, low_included: bool = False) -> Callable[[str], float]:
    """An argparse type: a number in [low, high] (or (low, high]); argparse names the option."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
        in_range = (low <= value if low_included else low < value) and value <= high
        if not in_range:  # also refuses nan and inf
            lowest = f"at least {low:g}" if low_included else f"more than {low:g}"
            raise argparse.ArgumentTypeError(f"must be {lowest} and at most {high:g} (got {text})")
        return value

    return parse


def _build_parser() -> _Parser:
    from planner.core.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK

    parser = _Parser(
        prog="codepath",
        description="Coding Path Planner: your plan to become a medical billing and coding "
        "professional. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"codepath {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def with_profile(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--profile",
            type=_path,
            help="profile file (default: your user data folder, or $CODEPATH_HOME)",
        )

    plan = sub.add_parser("plan", help="build your five-phase plan (and save it to a profile)")
    plan.add_argument("--cert", type=_text, help="target certification (see 'codepath certs')")
    plan.add_argument("--specialty", type=_text, help="specialty (see 'codepath specialties')")
    plan.add_argument("--start", type=_date, help="start date, YYYY-MM-DD")
    plan.add_argument(
        "--hours-per-week",
        type=_number(MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK, low_included=True),
        help=f"study hours per week ({MIN_HOURS_PER_WEEK:g} to {MAX_HOURS_PER_WEEK:g})",
    )
    plan.add_argument(
        "--background",
        choices=["none", "terminology", "healthcare", "coding"],
        help="none | terminology (medical terminology & anatomy done) | healthcare "
        "(working in healthcare) | coding (already coding)",
    )
    plan.add_argument("--state", type=_text, help="two-letter US state code, e.g. CA (optional)")
    plan.add_argument(
        "--current-income",
        type=_number(0, 10_000_000, low_included=True),
        help="your current yearly income in USD (optional; shows break-even)",
    )
    plan.add_argument(
        "--budget", type=_number(0, 10_000_000, low_included=True), help="training budget in USD"
    )
    plan.add_argument("--exam-date", type=_date, help="a target exam date you want to keep")
    plan.add_argument(
        "--retake-buffer",
        choices=["yes", "no"],
        help="keep a few weeks after each exam for a possible retake (default: yes)",
    )
    plan.add_argument(
        "--confirm-start",
        action="store_true",
        help="use a start date more than two years from today",
    )
    plan.add_argument("--name", type=_text, help="your name, for the printed roadmap (optional)")
    plan.add_argument("--format", choices=["text", "json"], default="text")
    with_profile(plan)
    plan.add_argument(
        "--save", action="store_true", help="save the inputs to the profile (implied by --profile)"
    )

    sub.add_parser("certs", help="list target certifications")
    sub.add_parser("specialties", help="list specialties")

    log = sub.add_parser("log", help="log study time")
    with_profile(log)
    log.add_argument("--hours", required=True, type=_number(0, 24))
    log.add_argument("--topic", required=True, type=_text)
    log.add_argument("--date", type=_date, help="default: today")
    log.add_argument("--note", default="", type=_text)

    for name, text in (("done", "mark a milestone done"), ("undone", "mark a milestone not done")):
        p = sub.add_parser(name, help=text)
        with_profile(p)
        p.add_argument("milestone", metavar="MILESTONE_ID", type=_text)
        if name == "done":
            p.add_argument("--date", type=_date, help="default: today")
            p.add_argument("--note", default=None, type=_text)

    score = sub.add_parser("score", help="record a practice-exam score")
    with_profile(score)
    score.add_argument("--exam", required=True, type=_text, help="credential id, e.g. CPC")
    score.add_argument("--percent", required=True, type=_number(0, 100, low_included=True))
    score.add_argument("--date", type=_date, help="default: today")

    ceu = sub.add_parser("ceu", help="record continuing-education credits")
    with_profile(ceu)
    ceu.add_argument("--credits", required=True, type=_number(0, 100))
    ceu.add_argument("--credential", type=_text, help="default: your target certification")
    ceu.add_argument("--provider", default="", type=_text)
    ceu.add_argument("--date", type=_date, help="default: today")

    cost = sub.add_parser("cost", help="list your plan's costs, or enter what one really costs you")
    with_profile(cost)
    cost.add_argument("id", nargs="?", type=_text, help="cost id from the list, e.g. program")
    cost.add_argument(
        "amount",
        nargs="?",
        type=_number(0, 10_000_000, low_included=True),
        help="USD: the whole cost of that row (replaces the estimate)",
    )
    cost.add_argument("--clear", action="store_true", help="go back to the estimate")

    status = sub.add_parser("status", help="progress, pace, projected dates, readiness")
    with_profile(status)
    status.add_argument("--format", choices=["text", "json"], default="text")

    replan = sub.add_parser("replan", help="accept the re-plan from your recent pace, or reset")
    with_profile(replan)
    replan.add_argument("--reset", action="store_true", help="go back to the original plan")

    restore = sub.add_parser("restore", help="restore the newest good backup of a profile")
    with_profile(restore)
    restore.add_argument(
        "--force",
        action="store_true",
        help="restore even though the profile loads (needed when not asked in a terminal)",
    )

    export = sub.add_parser("export", help="export the roadmap as PDF or the calendar as .ics")
    with_profile(export)
    export.add_argument("--pdf", type=_path, help="write the printable roadmap here")
    export.add_argument("--paper", choices=["letter", "a4"], default="letter")
    export.add_argument("--ics", type=_path, help="write the milestones calendar here")
    export.add_argument(
        "--done",
        choices=["dated", "omit"],
        default="dated",
        help="calendar: show steps already done on the day they were done, or leave them out",
    )
    export.add_argument(
        "--weekly-study",
        action="store_true",
        help="calendar: add weekly study blocks adding up to your planned hours a week",
    )
    export.add_argument(
        "--study-time",
        type=_clock_time,
        metavar="HH:MM",
        help="calendar: the time the study blocks start (default 18:00; implies --weekly-study)",
    )
    export.add_argument(
        "--study-days",
        choices=["weekdays", "every-day"],
        help="calendar: the days of the study blocks (default: weekdays up to 20 h a week, "
        "every day above; implies --weekly-study)",
    )
    export.add_argument(
        "--csv",
        type=_path,
        metavar="FOLDER",
        help="write study-log.csv, practice-scores.csv and ceus.csv into this folder",
    )

    compare = sub.add_parser("compare", help="compare 2-4 paths side by side")
    compare.add_argument(
        "--path",
        action="append",
        default=[],
        type=_text,
        help="CERT:SPECIALTY:HOURS, e.g. CPC:risk-adjustment:10 (give 2-4, or 1 with --profile)",
    )
    compare.add_argument("--start", type=_date, help="start date, YYYY-MM-DD (default: today)")
    compare.add_argument("--background", choices=["none", "terminology", "healthcare", "coding"])
    compare.add_argument("--state", type=_text, help="two-letter US state code (optional)")
    compare.add_argument(
        "--current-income",
        type=_number(0, 10_000_000, low_included=True),
        help="your current yearly income in USD (shows break-even and the 10-year gain)",
    )
    compare.add_argument("--format", choices=["text", "json"], default="text")
    compare.add_argument(
        "--profile", type=_path, help="a profile: its current plan is the first column"
    )

    glossary = sub.add_parser(
        "glossary", help="explain a term (CPC-A, CEU, MS-DRG...), or list all"
    )
    glossary.add_argument(
        "term", nargs="*", type=_text, help="the term to explain (any case, e.g. 'code set')"
    )

    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    with_profile(gui)
    gui.add_argument("--screenshot", type=_path, help="render the window to a PNG and exit")
    gui.add_argument(
        "--page",
        choices=["timeline", "milestones", "salary", "progress", "settings", "compare"],
        default="timeline",
    )
    gui.add_argument(
        "--theme",
        choices=["system", "light", "dark"],
        help="colours for this run (the app's View > Theme is kept for the next start)",
    )
    gui.add_argument(
        "--size",
        default="1200x800",
        metavar="WxH",
        help="the screenshot's size in pixels (default 1200x800)",
    )
    return parser


def _store(args: argparse.Namespace) -> Any:
    from planner.core.storage import ProfileStore, default_profile_path, ensure_folder

    if getattr(args, "profile", None):
        path = Path(args.profile)
    else:
        path = default_profile_path()
        ensure_folder(path.parent)  # the app's own folder; one line if CODEPATH_HOME is a file
    return ProfileStore(path, on_wait=_say_waiting, on_repair=_say_repaired)


_told: set[str] = set()


def _say_repaired(message: str) -> None:
    if message not in _told:  # a command may load the profile more than once
        _told.add(message)
        _fail(f"codepath: note: {message}")


def _say_waiting() -> None:
    print(
        "codepath: another Coding Path Planner window or command is saving this profile; "
        "waiting...",
        file=sys.stderr,
        flush=True,
    )


def _catalog() -> Any:
    from planner.core.catalog import default_catalog

    return default_catalog()


def _emit_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def cmd_certs(args: argparse.Namespace) -> int:
    for cert in _catalog().targets():
        print(f"{cert.id:<6} {cert.name} ({cert.body.value}): best for {cert.best_for}")
    return 0


def cmd_specialties(args: argparse.Namespace) -> int:
    for spec in _catalog().specialties.values():
        leads = f" -> {spec.credential}" if spec.credential else ""
        print(f"{spec.id:<22} {spec.name}{leads}: {spec.description}")
    return 0


def _inputs_from_args(args: argparse.Namespace, existing: Any) -> Any:
    from pydantic import ValidationError

    from planner.core.inputs import PlanInputs

    values: dict[str, Any] = existing.model_dump() if existing is not None else {}
    given = {
        "certification": args.cert.upper() if args.cert else None,
        "specialty": args.specialty.lower() if args.specialty else None,
        "start": args.start,
        "hours_per_week": args.hours_per_week,
        "background": args.background,
        "state": args.state,
        "current_income": args.current_income,
        "budget": args.budget,
        "target_exam_date": args.exam_date,
        "retake_buffer": {"yes": True, "no": False}.get(args.retake_buffer or ""),
    }
    values.update({k: v for k, v in given.items() if v is not None})
    missing = [
        flag
        for key, flag in (
            ("certification", "--cert"),
            ("specialty", "--specialty"),
            ("start", "--start"),
            ("hours_per_week", "--hours-per-week"),
        )
        if values.get(key) is None
    ]
    if missing:
        raise UserError(f"codepath plan: missing {', '.join(missing)}", EXIT_USAGE)
    catalog = _catalog()
    if values["certification"] not in {c.id for c in catalog.targets()}:
        valid = ", ".join(c.id for c in catalog.targets())
        raise UserError(
            f"codepath plan: unknown certification '{values['certification']}' (valid: {valid})",
            EXIT_USAGE,
        )
    if values["specialty"] not in catalog.specialties:
        valid = ", ".join(catalog.specialties)
        raise UserError(
            f"codepath plan: unknown specialty '{values['specialty']}' (valid: {valid})",
            EXIT_USAGE,
        )
    try:
        return PlanInputs.model_validate(values)
    except ValidationError as exc:
        raise UserError(f"codepath plan: {validation_text(exc)}", EXIT_USAGE) from exc


def cmd_plan(args: argparse.Namespace) -> int:
    from planner.core.plan import build_plan
    from planner.report.text import plan_to_text

    save = args.save or args.profile is not None
    existing = None
    store = _store(args) if save else None
    if store is not None and store.path.exists():
        existing = store.load().inputs
    inputs = _inputs_from_args(args, existing)
    from planner.core.progress import start_date_problem

    problem = start_date_problem(inputs.start, today()) if args.start is not None else None
    if problem is not None and not args.confirm_start:
        raise UserError(
            f"codepath plan: {problem} Run again with --confirm-start to use it.", EXIT_USAGE
        )
    plan = build_plan(inputs, _catalog())
    if store is not None:
        from planner.core.profile import Profile
        from planner.core.state import derive

        with store.update(default=lambda: Profile(inputs=inputs)) as profile:
            if profile.inputs != inputs:
                profile.inputs = inputs
                profile.replan = None  # a new plan starts a new baseline
            if args.name is not None:
                profile.name = args.name
        # an accepted re-plan stays in force
        plan = derive(profile, _catalog(), today(), baseline=plan, path=store.path).plan
    if args.format == "json":
        _emit_json(plan.model_dump(mode="json"))
    else:
        print(plan_to_text(plan))
        if store is not None:
            print(f"\nSaved to {store.path}")
    return 0


def _load(args: argparse.Namespace) -> tuple[Any, Any]:
    """The profile store and the state derived from its profile (the core's one rule)."""
    from planner.core.profile import ProfileUnknownDataError
    from planner.core.state import derive

    store = _store(args)
    profile = store.load()
    try:
        state = derive(profile, _catalog(), today(), path=store.path)
    except ProfileUnknownDataError as exc:
        choices = {"inputs.certification": "--cert CERT", "inputs.specialty": "--specialty ID"}
        flags = " ".join(choices[field] for field, _ in exc.unknown if field in choices)
        raise UserError(
            f"codepath: {store.path}: {exc.problem.rstrip('.')}. Choose another with: "
            f"codepath plan --profile {store.path} {flags or '--cert CERT'}"
        ) from exc
    return store, state


def cmd_log(args: argparse.Namespace) -> int:
    from planner.core.profile import StudyEntry

    topic = " ".join(args.topic.split())
    if not topic:
        raise UserError("codepath log: --topic must not be empty", EXIT_USAGE)
    store = _store(args)
    entry = StudyEntry(day=args.date or today(), hours=args.hours, topic=topic, note=args.note)
    now = today()
    with store.update() as profile:
        profile.study_log.append(entry)
        # the progress model's one rule: an entry dated after today counts from its day
        counted = sum(e.hours for e in profile.study_log if e.day <= now)
    later = f" It is dated after today and counts from {entry.day.isoformat()}." * (entry.day > now)
    print(
        f"Logged {args.hours:g} h on {entry.day.isoformat()} ({entry.topic}); "
        f"{counted:g} h up to today.{later}"
    )
    return 0


def cmd_done(args: argparse.Namespace, done: bool = True) -> int:
    from planner.core.profile import MilestoneProgress, MilestoneStatus

    _, state = _load(args)
    plan = state.plan
    milestone = plan.milestone(args.milestone)
    if milestone is None:
        ids = ", ".join(m.id for m in plan.milestones()[:8])
        raise UserError(
            f"codepath: no milestone '{args.milestone}' in this plan (for example: {ids}; "
            "see 'codepath status')",
            EXIT_USAGE,
        )
    from planner.core.profile import day_after_today

    day = getattr(args, "date", None)
    problem = day_after_today(day, today(), "The day it was done") if day else None
    if done and problem is not None:
        raise UserError(f"codepath done: {problem}", EXIT_USAGE)
    store = _store(args)
    with store.update() as profile:
        if done:
            previous = profile.milestones.get(milestone.id)
            note = args.note if args.note is not None else (previous.note if previous else "")
            profile.milestones[milestone.id] = MilestoneProgress(
                status=MilestoneStatus.DONE, done_on=args.date or today(), note=note
            )
        else:
            profile.milestones.pop(milestone.id, None)
        profile.milestones = dict(profile.milestones)
    state = "done" if done else "not done"
    print(f"{milestone.id}: {milestone.title}: {state}")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from planner.core.profile import ExamScore

    exam = args.exam.upper()
    if exam not in _catalog().certifications:
        raise UserError(f"codepath score: unknown exam '{args.exam}'", EXIT_USAGE)
    store = _store(args)
    entry = ExamScore(day=args.date or today(), exam=exam, percent=args.percent)
    with store.update() as profile:
        profile.scores.append(entry)
    print(f"Recorded {exam} practice score {args.percent:g}% on {entry.day.isoformat()}.")
    return 0


def cmd_ceu(args: argparse.Namespace) -> int:
    from planner.core.profile import CeuEntry

    store = _store(args)
    with store.update() as profile:
        credential = (args.credential or profile.inputs.certification).upper()
        if credential not in _catalog().certifications:
            raise UserError(f"codepath ceu: unknown credential '{credential}'", EXIT_USAGE)
        profile.ceus.append(
            CeuEntry(
                day=args.date or today(),
                credits=args.credits,
                provider=args.provider,
                credential=credential,
            )
        )
    unit = "CEU" if args.credits == 1 else "CEUs"
    print(f"Recorded {args.credits:g} {unit} for {credential}.")
    return 0


def cmd_cost(args: argparse.Namespace) -> int:
    from planner.core.inputs import ActualCost, PlanInputs

    store, state = _load(args)
    costs = state.plan.costs
    known = [item.id for item in costs.items] + list(costs.missing_ids)
    if args.id is None:
        print("Costs of your plan (id, estimate, yours); enter yours with: codepath cost ID AMOUNT")
        for item in costs.items:
            mine = f"  yours ${item.planned:,}" if item.entered else ""
            estimate = (
                f"${item.low:,}" if item.low == item.high else (f"${item.low:,}-${item.high:,}")
            )
            print(f"  {item.id:<28} {item.label}: {estimate}{mine}")
        for missing in costs.missing_ids:
            print(f"  {missing:<28} not in the data: enter yours")
        return 0
    cost_id = args.id.lower()
    if cost_id not in known:
        raise UserError(
            f"codepath cost: unknown cost id '{args.id}' (valid: {', '.join(known)})", EXIT_USAGE
        )
    if args.amount is None and not args.clear:
        raise UserError("codepath cost: give an AMOUNT in USD, or --clear", EXIT_USAGE)
    with store.update() as profile:
        kept = [c for c in profile.inputs.actual_costs if c.id != cost_id]
        if not args.clear:
            kept.append(ActualCost(id=cost_id, amount=args.amount))
        data = profile.inputs.model_dump(mode="json")
        data["actual_costs"] = [c.model_dump(mode="json") for c in kept]
        profile.inputs = PlanInputs.model_validate(data)
    if args.clear:
        print(f"The plan uses the estimate for {cost_id} again.")
    else:
        print(f"The plan uses your ${args.amount:,.0f} for {cost_id}.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from planner.core.progress import closed_ids
    from planner.report.text import progress_to_text

    _, state = _load(args)
    if args.format == "json":
        _emit_json(state.progress.model_dump(mode="json"))
    else:
        print(progress_to_text(state.plan, state.progress, frozenset(closed_ids(state.profile))))
        apprentice = state.apprentice_status()
        if apprentice is not None:
            print(f"Apprentice: {apprentice.summary()}")
        for notice in state.notices:
            print(f"Note: {notice}")
    return 0


def cmd_replan(args: argparse.Namespace) -> int:
    from planner.core.state import accepted_replan

    store, state = _load(args)
    if args.reset:
        with store.update() as fresh:
            fresh.replan = None
        print("Back on the original plan.")
        return 0
    accepted = accepted_replan(state)  # the same rule as the window's "Accept"
    days = state.progress.proposed_shift_days
    if accepted is None or not days:
        raise UserError(f"codepath replan: nothing to re-plan ({state.progress.status_text})")
    with store.update() as fresh:
        fresh.replan = accepted
    direction = "later" if days > 0 else "earlier"
    print(f"Accepted: open milestones move {abs(days)} days {direction}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store = _store(args)
    backup = store.newest_good_backup()
    if backup is not None and store.current_loads() and not args.force:
        if not sys.stdin.isatty():
            raise UserError(
                f"codepath restore: {store.path} loads fine; restoring would replace it with "
                f"the older {backup.name}. Add --force to restore anyway",
                EXIT_USAGE,
            )
        question = (
            f"{store.path} loads fine. Replace it with the older backup {backup.name}? "
            "(the current file is kept as a copy) [y/N] "
        )
        try:
            answer = input(one_line(question))
        except EOFError:
            answer = ""
        if answer.strip().lower() not in {"y", "yes"}:
            print("Nothing restored.")
            return EXIT_FAILURE
    used = store.restore(backup)
    kept = f"; the replaced file is kept as {store.last_kept.name}" if store.last_kept else ""
    print(f"Restored {store.path} from {used}{kept}.")
    if store.restored_files:
        print(f"Attached files brought back: {', '.join(store.restored_files)}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planner.core.fileio import with_suffix

    if args.pdf is None and args.ics is None and args.csv is None:
        raise UserError(
            "codepath export: give --pdf FILE, --ics FILE and/or --csv FOLDER", EXIT_USAGE
        )
    # a name without its extension gets it, as in the app ('milestones' → 'milestones.ics')
    if args.pdf is not None:
        args.pdf = with_suffix(args.pdf, ".pdf")
    if args.ics is not None:
        args.ics = with_suffix(args.ics, ".ics")
    if args.pdf is not None and args.ics is not None and args.pdf.resolve() == args.ics.resolve():
        raise UserError("codepath export: --pdf and --ics name the same file", EXIT_USAGE)
    store, state = _load(args)
    for target in (args.pdf, args.ics):
        if target is not None and store.owns(target):
            raise UserError(
                f"codepath export: {target} is your profile or one of its backups; "
                "choose another file name",
                EXIT_USAGE,
            )
    if args.ics is not None:
        from planner.report.calendar import CalendarOptions, DoneSteps, StudyDays, write_ics

        study_days = StudyDays(args.study_days) if args.study_days else None
        options = CalendarOptions(
            done=DoneSteps(args.done),
            weekly_study=args.weekly_study or bool(args.study_time or study_days),
            study_time=args.study_time or time(18, 0),
            study_days=study_days,
        )
        write_ics(state, args.ics, options=options)
        print(f"Wrote {args.ics}")
    if args.csv is not None:
        from planner.report.tables import write_csv_tables

        if not args.csv.is_dir():
            raise UserError(f"codepath export: {args.csv} is not a folder", EXIT_USAGE)
        for written in write_csv_tables(state.profile, args.csv):
            print(f"Wrote {written}")
    if args.pdf is not None:
        from planner.render.printing import export_pdf  # QtGui only: no widgets, no planner.gui

        export_pdf(state, args.pdf, paper=args.paper)
        print(f"Wrote {args.pdf}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from planner.core.compare import PathError, check_path_count, compare, parse_path
    from planner.core.inputs import PlanInputs
    from planner.report.compare import comparison_to_json, comparison_to_text

    catalog = _catalog()
    try:
        paths = [parse_path(text, catalog) for text in args.path]
        check_path_count(len(paths) + (args.profile is not None))
    except PathError as exc:
        raise UserError(f"codepath compare: {exc}", EXIT_USAGE) from exc
    current = _load(args)[1].profile if args.profile is not None else None
    values: dict[str, Any] = current.inputs.model_dump() if current is not None else {}
    given = {
        "start": args.start,
        "background": args.background,
        "state": args.state,
        "current_income": args.current_income,
    }
    values.update({k: v for k, v in given.items() if v is not None})
    values.setdefault("start", today())
    if paths:  # the base inputs take the first path's choices (any valid ones would do)
        first = paths[0]
        values.setdefault("certification", first.certification)
        values.setdefault("specialty", first.specialty)
        values.setdefault("hours_per_week", first.hours_per_week)
    try:
        base = PlanInputs.model_validate(values)
        results = compare(paths, base, catalog, today(), current=current)
    except (PathError, ValidationError) as exc:
        text = validation_text(exc) if isinstance(exc, ValidationError) else str(exc)
        raise UserError(f"codepath compare: {text}", EXIT_USAGE) from exc
    if args.format == "json":
        _emit_json(comparison_to_json(results))
    else:
        print(comparison_to_text(results))
    return 0


def cmd_glossary(args: argparse.Namespace) -> int:
    from planner.core.glossary import default_glossary

    glossary = default_glossary()
    term = " ".join(args.term).strip()
    if not term:
        for each in sorted(glossary.entries, key=lambda e: e.term.casefold()):
            meaning = each.meaning.partition(". ")[0].rstrip(".")
            print(f"{each.term:<16} {meaning}")
        return 0
    entry = glossary.lookup(term)
    if entry is None:
        close = glossary.close_matches(term)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise UserError(
            f"codepath glossary: no entry for '{term}'.{hint} "
            "('codepath glossary' lists every term)",
            EXIT_USAGE,
        )
    print(entry.describe())
    if entry.aliases:
        print(f"Also written: {', '.join(entry.aliases)}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    # Start-up makes a great many long-lived objects (modules, classes, schemas, widgets) and
    # next to no garbage: the collector's passes over them cost tens of ms before the first
    # paint. run_gui turns it back on once the window is shown.
    gc.disable()
    try:
        from planner.gui.app import run_gui

        path = getattr(args, "profile", None)
        return int(
            run_gui(
                profile_path=path,
                screenshot=getattr(args, "screenshot", None),
                page=getattr(args, "page", "timeline"),
                today=today(),
                theme=getattr(args, "theme", None),
                size=getattr(args, "size", "1200x800"),
            )
        )
    finally:
        gc.enable()


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "plan": cmd_plan,
    "certs": cmd_certs,
    "specialties": cmd_specialties,
    "log": cmd_log,
    "done": cmd_done,
    "undone": lambda a: cmd_done(a, done=False),
    "score": cmd_score,
    "ceu": cmd_ceu,
    "cost": cmd_cost,
    "status": cmd_status,
    "replan": cmd_replan,
    "restore": cmd_restore,
    "export": cmd_export,
    "compare": cmd_compare,
    "glossary": cmd_glossary,
    "gui": cmd_gui,
}


def _tolerant_output() -> None:
    """Text the terminal cannot show (an emoji on a cp1252 console) is escaped, never fatal.

    A command that has saved must not then fail while printing about it (a retry would save
    twice).
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _known_error(exc: Exception) -> int | None:
    """Report an error of the core as one line; its exit status, or None when not ours.

    The core is imported only here, after something failed: ``--version`` and ``--help``
    load nothing of it.
    """
    from pydantic import ValidationError

    from planner.core.catalog import CatalogError
    from planner.core.plan import PlanError
    from planner.core.profile import ProfileError

    if isinstance(exc, ProfileError | CatalogError):
        _fail(f"codepath: {exc}")
        return EXIT_FAILURE
    if isinstance(exc, PlanError):
        _fail(f"codepath: {exc}")
        return EXIT_USAGE
    if isinstance(exc, ValidationError):  # a value the profile model refuses (too long, ...)
        _fail(f"codepath: {validation_text(exc)}")
        return EXIT_USAGE
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``codepath``; returns the exit status."""
    _tolerant_output()
    try:
        args = _build_parser().parse_args(argv)
        command = args.command or "gui"
        return COMMANDS[command](args)
    except UserError as exc:
        _fail(str(exc))
        return exc.code
    except BrokenPipeError:  # `codepath plan | head`: the reader left, nothing to report
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter quiet
        return 0
    except KeyboardInterrupt:
        _fail("codepath: interrupted")
        return 130
    except OSError as exc:
        _fail(f"codepath: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return EXIT_FAILURE
    except Exception as exc:
        code = _known_error(exc)
        if code is None:
            raise
        return code


if __name__ == "__main__":
    sys.exit(main())
