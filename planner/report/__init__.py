"""Qt-free rendering: salary chart on a matplotlib Axes, roadmap document, calendar."""
