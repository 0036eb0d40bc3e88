"""``python -m korpol``: the command line (see :mod:`korpol._cli`)."""

from korpol._cli import main

if __name__ == "__main__":  # not when a test runner imports the module for its doctests
    raise SystemExit(main())
