"""Names vulture (make lint) reports that are used all the same: Qt and reportlab call them, pytest injects them."""

# ruff: noqa

# Qt calls these overrides and passes these arguments
_.closeEvent
_.filterAcceptsRow
source_parent
disambiguation
_.isEmpty
_.paintEvent
_.mousePressEvent
_.createEditor
option
_.setEditorData
_.setModelData

# reportlab reads these attributes and calls draw()
_.draw
_.drawDirectly  # reportlab.graphics DirectDraw (reports/graphics.py ShapedLabel)
_.valueSteps
_.keepWithNext
_.initialFontName
_.strokeWidth
_.categoryNames
_.valueMax
_.labelTextFormat
_.maximumTicks
_.strokeColor
_.strokeDashArray

# Babel and logging read these attributes; a dataclass field reported to callers
skipped
_.frac_prec
_.msg

# Named positions (tab and column indexes) kept for readers of the code
LAST
ACTIONS_TAB
ATTENDANCE_TAB
HISTORY
PASSPHRASE

# pytest injects fixtures and collects test classes
indicator_with_values
indicator_without_values
TestConvergence
TestTypedNamesConverge
quiet_app
fast_age

# logging.FileHandler calls _open() to create the log file (ours: private, 0600)
_._open
# pytest reads a module's marks from this name
pytestmark
_.contextMenuEvent


# Diversity tags (issue 18): read by name through getattr(person, tag) for the totals
indigenous
youth
disability
affected_community
# Export writers are named as "module:function" strings in fieldgroup/exports/__init__.py (imported on use)
write_data_value_set
write_adx
write_iati
write_xlsx
write_csv
write_ics
# openpyxl reads these cell and sheet attributes; Qt calls mouseMoveEvent (timeline tooltips)
_.number_format
_.freeze_panes
_.mouseMoveEvent

# Empty-state hints (issue 16): kept as attributes so the page holds its hint; Qt draws them
empty_hint
empty_orgs

# reportlab's axis Label reads these hooks to draw each label as a Paragraph (Burmese shaped like body text)
_.ddfKlass
_.ddf

# Qt calls these QLayout overrides (the wrapping button row, ui/widgets/button_flow.py)
_.itemAt
_.expandingDirections
_.hasHeightForWidth
_.heightForWidth

# importlib calls a meta-path finder's hooks (ui/feature_scan.py)
find_spec
invalidate_caches

# built on first use: a module-level __getattr__ (PEP 562) and Store attributes made lazily by name (core/api.py)
__getattr__
IncidentRegister
SyncAccess
