"""One worker-month: the models, the one adapter to the rules' inputs, ``compute_month`` and its
result."""
