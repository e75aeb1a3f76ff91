from test_sizes import *
import pytest
@pytest.mark.parametrize("page", ["progress", "milestones"])
@pytest.mark.parametrize("size", SIZES)
def test_dbg(qtbot, make_controller, page, size):
    controller = make_controller(screenshot_profile())
    window = open_at(qtbot, controller, page, size)
    print("\n".join(["", page, str(size), *clipped_texts(window), *overlapping_siblings(window), *sideways_scrolling(window)]))
    window.grab().save(f"/tmp/sz/dbg-{page}-{size[0]}.png")
