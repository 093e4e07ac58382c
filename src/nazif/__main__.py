"""``python -m nazif``: the ``nazif`` command (see :mod:`nazif.cli`)."""

from nazif.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
