"""The rulebook (design.md §3), one module per rule family.

Each module opens with the passage of the source it implements, then small pure functions over exact
integers (cents, hundredths of hours, half units). The same functions run on single values
(``compute_month``) and on numpy int64 columns (``compute_population``): they only use ``+ - * //``,
comparisons and the three operations of :mod:`chomage_rules.rules.ops`.
"""
