"""A profile's file text made entry by entry, byte for byte what ``model_dump_json`` writes.

pydantic serialises and validates a whole profile in one call that holds Python's global
lock: a worker thread writing 100,000 study entries would stop the window for a second.
Made one entry at a time, the work is cut into small calls and the window's thread runs in
between. The result is the same text (tests/test_chunked_json.py checks it).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from pydantic import BaseModel

from planner.core.profile import Profile

LONG_LISTS = ("study_log", "scores", "ceus")  # the lists that grow with the years
INDENT = 2
YIELD_EVERY = 50  # entries between two chances for the window's thread to run


def _entry_text(entry: BaseModel, depth: int) -> str:
    """An entry's JSON, indented as it stands in a list ``depth`` levels down."""
    pad = " " * (INDENT * depth)
    # JSON strings hold no raw newline, so every newline is the layout's own
    return pad + entry.model_dump_json(indent=INDENT).replace("\n", "\n" + pad)


def profile_json(profile: Profile, check: Callable[[bytes], object] | None = None) -> str:
    """``profile.model_dump_json(indent=2)``, the long lists serialised entry by entry.

    With ``check``, the text is checked piece by piece as it is made: ``check`` gets the
    profile's text without its long lists (the storage parses it as it parses a file), and
    each entry is read back from its own text (pydantic's ValidationError if one does not).
    """
    long = {name: getattr(profile, name) for name in LONG_LISTS if getattr(profile, name)}
    skeleton = profile.model_copy(update={name: [] for name in long}).model_dump_json(indent=INDENT)
    if check is not None:
        check(skeleton.encode("utf-8"))
    for name, entries in long.items():
        empty = f'\n{" " * INDENT}"{name}": []'  # a top-level key: nothing else is this shallow
        if skeleton.count(empty) != 1:
            raise ValueError(f"unexpected layout of the profile's {name}")
        pieces = []
        for index, entry in enumerate(entries):
            if index % YIELD_EVERY == 0:
                # Let the window's thread take the interpreter lock now: a repaint calls back
                # into Python many times, and waiting the 5 ms switch interval for each call
                # froze it for 150-300 ms behind a long save (the convoy effect).
                time.sleep(0)
            piece = _entry_text(entry, 2)
            if check is not None:
                type(entry).model_validate_json(piece)
            pieces.append(piece)
        items = ",\n".join(pieces)
        skeleton = skeleton.replace(empty, f'\n{" " * INDENT}"{name}": [\n{items}\n{" " * INDENT}]')
    return skeleton
