"""Explanations: steps and notices as data, the message catalogue (English, French, Dutch) and the
renderings (text, Markdown, JSON).

``step`` and ``catalogue`` sit below the rules (a rule builds its own steps); ``render`` is only
used above them, by the result (``tests/test_layers.py`` checks that no rule imports it).
"""
