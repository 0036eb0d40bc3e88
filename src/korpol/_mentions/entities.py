"""The entity finders under their former path, while callers move to the new modules.

Places, companies, weapon systems and people each have a module of their own now
(:mod:`~korpol._mentions.places`, :mod:`~korpol._mentions.companies`,
:mod:`~korpol._mentions.systems`, :mod:`~korpol._mentions.people`); this module only
re-exports their public names for :mod:`korpol._mentions.scan`, which imports them from
here until it switches.  Delete it then.
"""

from __future__ import annotations

from korpol._mentions.companies import CompanyMention, find_companies, scan_companies
from korpol._mentions.people import PersonMention, find_people, scan_people
from korpol._mentions.places import PlaceMention, find_places, scan_places
from korpol._mentions.systems import SystemMention, find_systems, scan_systems

__all__ = [
    "CompanyMention",
    "PersonMention",
    "PlaceMention",
    "SystemMention",
    "find_companies",
    "find_people",
    "find_places",
    "find_systems",
    "scan_companies",
    "scan_people",
    "scan_places",
    "scan_systems",
]
