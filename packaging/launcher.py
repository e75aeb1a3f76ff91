"""Entry script for the PyInstaller bundle: the same as the ``codepath`` console script."""

from planner.cli import main

raise SystemExit(main())
