"""The desktop app (with planner.render, the only packages that import PySide6)."""
