"""Paints the report documents with QtGui and QtSvg only: PDF export, print pages."""
