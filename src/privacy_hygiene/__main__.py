"""``python -m privacy_hygiene`` runs the command-line interface."""

from privacy_hygiene.cli import main

if __name__ == "__main__":
    main()
