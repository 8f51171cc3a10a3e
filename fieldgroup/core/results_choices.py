"""The results framework's choices as schema.py, reports and the GUI read them (defined in core/choices.py)."""

from __future__ import annotations

from fieldgroup.core.choices import ACTIVITY_STATUS, AUDIENCE, FUNDER_SYSTEM, HORIZON, RESULT_TYPE

HORIZONS, HORIZON_LABELS = HORIZON.values, HORIZON.labels()
RESULT_TYPES, RESULT_TYPE_LABELS = RESULT_TYPE.values, RESULT_TYPE.labels()
ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS = ACTIVITY_STATUS.values, ACTIVITY_STATUS.labels()
AUDIENCES, AUDIENCE_LABELS = AUDIENCE.values, AUDIENCE.labels()
FUNDER_SYSTEMS = FUNDER_SYSTEM.values
# An activity in one of these is still expected to finish: past its end date it is late.
ACTIVITY_OPEN = ("planned", "in_progress", "postponed")
