"""Benchmarks of DESIGN §9: FieldGroup side by side with what the bare libraries do on the same machine."""
