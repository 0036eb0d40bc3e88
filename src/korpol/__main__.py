"""``python -m korpol``: the command line (see :mod:`korpol._cli`)."""

from korpol._cli import main

raise SystemExit(main())
