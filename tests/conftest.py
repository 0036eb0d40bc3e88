"""Shared pytest configuration: bounded Hypothesis profiles.

``HYPOTHESIS_PROFILE=dev`` explores more; the default ``ci`` profile is small,
deterministic and has no deadline so that slow CI machines never flake.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=500, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
