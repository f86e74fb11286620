"""Reusable widgets of the terminal app; each carries its own ``DEFAULT_CSS``."""
