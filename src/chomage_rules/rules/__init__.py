"""The rulebook, one module per rule.

Each module holds, in this order: the passage of the source it implements, quoted with its
address (``SOURCES``); the rulebook entry (``RULE``), the names of the dated parameters it reads
(``PARAMETERS``), the ids of the steps and the codes of the notices it explains itself with
(``STEPS``, ``NOTICES``); its computation, as small pure functions over exact integers (cents,
hundredths of an hour, half units) that run on one value and on numpy int64 columns alike
(:mod:`chomage_rules.core.ops`); and the functions that build its steps and notices from the
values it computed. Their texts are in the message catalogue (``explain/messages``); their tests
in ``tests/rules/test_<module>.py``.

:data:`RULEBOOK` lists the modules in the order the explanation reads them;
``docs/rules.md`` is generated from them (``scripts/rule_reference.py``).
"""

RULEBOOK: tuple[str, ...] = (
    "daily_wage",
    "rate",
    "minimum",
    "units",
    "allowance",
    "supplement",
    "energy_supplement",
    "construction",
    "withholding",
    "payment_status",
    "control_card",
    "ec32_access",
    "registration",
    "application",
    "reason_limits",
    "counters",
    "dated_figures",
)
"""The rule modules: R1 daily wage, R2 rate, R3 minimum, R4 units, R0 (2) allowance, R5
supplement (and the energy scheme's), R6 construction, R7 withholding, R8 payment status (and
its timing), R10 control card, R11 access to the eC3.2, R12 job-seeker registration, R13
applications, R14 limits by reason, the counters of R5 and R6, R9 dated figures."""
