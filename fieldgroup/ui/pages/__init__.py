"""The pages of the main window, one per file, each built as Page(ctx, parent)."""
