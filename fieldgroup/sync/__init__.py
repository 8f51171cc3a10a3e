"""Bundles: write, read, verify, encrypt, merge, and folder sync."""
