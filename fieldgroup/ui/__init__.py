"""The PySide6 desktop application: windows, pages, dialogs and item models."""

from fieldgroup.ui.feature_scan import skip_feature_scan

skip_feature_scan()  # before any module of the application is imported (see feature_scan)
