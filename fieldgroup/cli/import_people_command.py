"""`fieldgroup import-people`: the sign-in list import of the People page, from the command line."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Filled in below."""
