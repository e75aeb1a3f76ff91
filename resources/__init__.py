"""Career data shipped with the app (YAML), installed as ``planner.resources``."""
