"""FieldGroup: the working group's record, kept on the coordinator's laptop."""

__version__ = "0.1.0"
