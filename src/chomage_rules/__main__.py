"""``python -m chomage_rules``: the command line (``chomage-rules``)."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
