"""The command line, ``chomage-rules`` (also ``python -m chomage_rules``): see docs/cli.md.

- ``compute CASE.json`` computes and explains one month of a case file (``-``: standard input),
  as text, Markdown or JSON, in English, French or Dutch; ``example`` writes a case to start from;
- ``parameters`` shows the figures in force on a day, one parameter's dated history, or the
  monthly review list; ``schema`` prints the JSON Schema of a case file or of a result;
- ``simulate POPULATION`` computes a month for every row of a Parquet or CSV file.

The top layer of the package: it imports the others, none imports it, and ``import
chomage_rules`` does not load it. It uses argparse only (no third-party package).
"""

from .app import main

__all__ = ["main"]
