"""The bottom layer: exact money, errors, identifiers, the vocabulary of the rules, legal sources.

Nothing here knows a figure or a rule; every other layer may import from it, and it imports from
none of them.
"""
