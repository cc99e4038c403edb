"""R5 Employer supplement (from 2024-01-01).

Source (union FAQ, ../shared/sources):

    « Pour tenir compte de la baisse de 65 à 60 % des allocations de chômage temporaire, un
      supplément de 5,10 euros par jour de chômage temporaire est prévu.
      Vous avez droit à ce supplément de 5,10 euros par jour si votre salaire mensuel brut ne
      dépasse pas 4.000 euros. Si votre salaire mensuel brut dépasse 4.000 euros, vous recevrez ce
      supplément de 5,10 euros à partir du 27e jour de chômage temporaire au cours de la même année
      civile et chez le même employeur.
      Attention: les jours de chômage temporaire pour cause de force majeure ne sont pas pris en
      compte!
      Ce supplément s'ajoute aux autres suppléments prévus dans votre entreprise ou votre secteur et
      est payé par votre employeur. »

The amount (5.00, 5.10 from 2024-05-01, 5.20 from 2025-02-01) and the threshold (4,000; 4,155;
4,284) are dated parameters (``parameters/supplement.toml``). Not due where a company agreement
already guarantees as much (CAPAC, Easypay; fact sheet §5); paid by a sector fund where a generally
binding agreement says so. "Ne dépasse pas": a wage exactly at the threshold gets it from the first
unit.

Units, not days: the days covered by an allowance are counted with the P/Q formulas and the
quarter rounding of R4 (SPF Emploi via Partena, 25/01/2024), so the counter runs in half units.
"""

from __future__ import annotations

from ..core.money import Num
from ..core.ops import Ops
from ..explain import LegalSource
from .daily_wage import SIX_DAY_WEEK

__all__ = ["SOURCES", "paid_half_units", "wage_at_or_below_threshold"]

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): Supplément",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "Acerta, Indemnité supplémentaire pour chômage temporaire",
        "https://acerta.be/fr/inspiration/indemnite-supplementaire-pour-chomage-temporaire-pour-ouvriers-et-employes-dernier-etat-de-la-situation",
    ),
)


def wage_at_or_below_threshold(
    ops: Ops,
    *,
    monthly_wage_cents: Num,
    hourly_wage_cents: Num,
    paid_hourly: Num,
    weekly_hours_h: Num,
    threshold_cents: int,
    divisor: int,
) -> Num:
    """Whether the gross monthly wage, **uncapped**, does not exceed the threshold.

    Hourly-paid: the monthly wage is ``hourly × Q × 26 / 6``; compared without dividing:
    ``hourly × Q_h × 26 <= threshold × 600`` (Q in hundredths of an hour).
    """
    monthly = monthly_wage_cents <= threshold_cents
    hourly = hourly_wage_cents * weekly_hours_h * divisor <= threshold_cents * SIX_DAY_WEEK * 100
    return ops.where(paid_hourly, hourly, monthly)


def paid_half_units(
    ops: Ops, *, eligible: Num, prior: Num, free: int, at_or_below_threshold: Num
) -> Num:
    """Half units of the month that get the supplement.

    At or below the threshold: every eligible unit. Above it: only the units ranked after the first
    ``free`` (26) eligible units of the calendar year with this employer, i.e.
    ``clip(prior + eligible - free, 0, eligible)``.
    """
    late = ops.minimum(ops.maximum(prior + eligible - free, 0), eligible)
    return ops.where(at_or_below_threshold, eligible, late)
