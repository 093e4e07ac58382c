"""``python -m nazif.cli``: the ``nazif`` command."""

from nazif.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
