"""Coding Path Planner: a personal plan to become a medical billing and coding professional."""

__version__ = "0.1.0"
