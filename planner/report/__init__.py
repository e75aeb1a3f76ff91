"""Qt-free report content: the roadmap document and its SVG charts, the calendar (.ics)."""
