"""One module per screen. The app maps each to a mode (``MODES``), mirroring the CLI commands."""
