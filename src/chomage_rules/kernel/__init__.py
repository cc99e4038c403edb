"""The kernel: the rules chained once (``chain.py``), the inputs and outputs they pass along
(``inputs.py``), and the explanation each rule gives of its part (``explanation.py``)."""

from .chain import compute_kernel
from .explanation import explain_kernel
from .inputs import KernelInputs, KernelOutputs, MonthFigures, Shown, month_figures

__all__ = [
    "KernelInputs",
    "KernelOutputs",
    "MonthFigures",
    "Shown",
    "compute_kernel",
    "explain_kernel",
    "month_figures",
]
