"""korpol."""
