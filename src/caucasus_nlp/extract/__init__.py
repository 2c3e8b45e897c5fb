"""Extractors: pure functions that turn an annotated Doc into table rows (textacy style)."""
