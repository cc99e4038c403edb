"""R11 Access to the electronic control card (eC3.2): how the worker logs in, and what to do first.

Source (ONEM, "Info - Travailleurs frontaliers eC3.2",
https://www.onem.be/page/info---travailleurs-frontaliers-ec3.2):

    « Les travailleurs frontaliers ne peuvent pas utiliser itsme et doivent donc utiliser une
      autre méthode proposée par le menu de connexion de CSAM.
      Les Pays-Bas, l'Allemagne et le Luxembourg (et plusieurs autres pays européens) utilisent
      déjà eIDAS (Electronic Identification And Trust Services). Les travailleurs frontaliers de
      ces nationalités peuvent se connecter aux applications publiques belges en utilisant le
      moyen d'identification électronique de leur pays d'origine. Les autres travailleurs
      frontaliers peuvent obtenir une clé numérique en s'enregistrant à distance via le lien
      suivant belgianID.be – Request a digital key, ou en prenant rendez-vous dans un bureau de
      l'ONEM. […]
      Étant donné que la France n'utilise pas eIDAS, il s'agit avant tout des travailleurs
      frontaliers français. […]
      Vous devez activer la clé numérique dans les 14 jours après l’enregistrement en indiquant
      le code d’activation sur le lien d’activation. »

and RVA T71 (https://www.rva.be/bladzijde/tijdelijke-werkloosheid---de-elektronische-controlekaart-ec3.2),
which lists the ways in: « via uw eID ...; de itsme-app; via een unieke beveiligingscode die per
e-mail wordt verzonden; via een beveiligingscode via een mobiele applicatie; een elektronische
identificatie erkend op Europees niveau ».

Rulebook R11 reads them so: a worker living in Belgium logs in with the Belgian eID or itsme; a
worker living elsewhere (a cross-border worker) cannot use itsme, whatever they hold, but can use
a Belgian eID if they hold one; then eIDAS with the country's own means of identification where
the country is connected; otherwise, and always as the way of last resort, a digital key (a code
by e-mail or from an authenticator app), got by a video interview booked at belgianID.be or at an
ONEM office. Which countries are connected is a dated fact with its confidence
(``parameters/facts/ec32_access.toml``): the Netherlands, Germany and Luxembourg (ONEM, official),
France not (ONEM, official), and an undated list of nineteen countries (secondary); a well-formed
country code that no source names is "not known to be connected", never guessed either way. The
notice for a cross-border worker without eIDAS is given from the day the electronic card became
mandatory (``control_card.electronic_mandatory_from``, 1 January 2025); before it the paper card
was the rule and the step alone tells the route.

eIDAS goes by the country that issued the means of identification (« le pays où l'identifiant
électronique a été émis »; « les travailleurs frontaliers de ces nationalités »), not by
residence. The library knows the country of residence only: it answers for it, and the notice for
a country without a known connection says that a Belgian eID or an identification issued by a
connected country spares the worker the digital key (``has_belgian_eid`` is the only holding the
function takes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from ..core.errors import input_error
from ..core.identifiers import BELGIUM, is_country_code
from ..core.sources import LegalSource, pages
from ..core.vocabulary import CONTROL_CARD_FORMS, Confidence, ControlCard
from ..explain.catalogue import Language
from ..explain.step import Notice, Phrase, Step
from ..parameters.facts import Facts, FactVersion

__all__ = [
    "BELGIUM",
    "CARD",
    "FACTS",
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "DigitalKey",
    "Ec32Access",
    "EidasConnection",
    "EidasLogin",
    "Route",
    "ec32_access",
]

RULE = "R11"

STEPS: tuple[str, ...] = ("ec32.access",)
NOTICES: tuple[str, ...] = ("ec32.no_eidas", "ec32.eidas_not_known")

PARAMETERS: tuple[str, ...] = ()

FACTS: tuple[str, ...] = (
    "ec32_access.resident_routes",
    "ec32_access.closed_to_cross_border",
    "ec32_access.eidas_connected",
    "ec32_access.eidas_listed",
    "ec32_access.eidas_not_connected",
    "ec32_access.eidas_schemes",
    "ec32_access.eidas_requires",
    "ec32_access.eidas_first_login_needs",
    "ec32_access.digital_key_remote",
    "ec32_access.onem_contact_centre",
    "ec32_access.office_bring",
    "ec32_access.activation_days",
    "ec32_access.activation_with",
    "ec32_access.authenticators",
    "ec32_access.authenticator_app_examples",
    "control_card.electronic_mandatory_from",
)

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "ONEM: Info - Travailleurs frontaliers eC3.2",
        "https://www.onem.be/page/info---travailleurs-frontaliers-ec3.2",
    ),
    LegalSource(
        "RVA T71: Tijdelijke werkloosheid - de elektronische controlekaart eC3.2",
        "https://www.rva.be/bladzijde/tijdelijke-werkloosheid---de-elektronische-controlekaart-ec3.2",
    ),
    LegalSource(
        "ONEM: Connectez-vous avec un moyen d'identification reconnu en Europe",
        "https://www.onem.be/page/connectez-vous-avec-un-moyen-d-identification-reconnu-en-europe",
    ),
    LegalSource("BOSA loginhelp: Token", "https://www.loginhelp.be/25-Token.html"),
    LegalSource("myBelgianID: eIDAS countries", "https://mybelgianid.be"),
)

CARD = CONTROL_CARD_FORMS[ControlCard.ELECTRONIC]
"""The electronic control card's name (a value of the texts, which hold no digits)."""


class Route(StrEnum):
    """A way to log in to the eC3.2."""

    EID = "eid"  # the Belgian electronic identity card
    ITSME = "itsme"
    EIDAS = "eidas"  # the means of identification of another European country
    DIGITAL_KEY = "digital_key"  # a CSAM key: a code by e-mail or from an authenticator app


class EidasConnection(StrEnum):
    """What the sources say of the country's connection to CSAM through eIDAS."""

    CONNECTED = "connected"  # named as connected by an official source
    LISTED = "listed"  # named only on an undated list (secondary)
    NOT_CONNECTED = "not_connected"  # an official source says it is not
    NOT_KNOWN = "not_known"  # a well-formed code no source names: not known to be connected
    NOT_NEEDED = "not_needed"  # the worker lives in Belgium


_CODES: Mapping[str, frozenset[str]] = {
    "resident_routes": frozenset({"eid", "itsme"}),
    "closed_to_cross_border": frozenset({"eid", "itsme"}),
    "eidas_requires": frozenset({"national_register_or_bis_number"}),
    "eidas_first_login_needs": frozenset({"european_eid", "email_address", "phone_number"}),
    "office_bring": frozenset(
        {
            "in_person",
            "photo_identity_document",
            "national_register_or_bis_number",
            "personal_email_address",
        }
    ),
    "activation_with": frozenset({"activation_code_on_paper", "activation_link_by_email"}),
    "authenticators": frozenset({"authenticator_app", "email_code"}),
}
"""The codes each list of the facts may hold: each has its phrase in the message catalogue."""
_HOW = frozenset({"smartphone_app", "repeat_each_login"})


@dataclass(frozen=True, slots=True)
class EidasLogin:
    """eIDAS for the worker's country: whether it is connected, and how."""

    country: str
    connection: EidasConnection
    scheme: str | None
    """The country's means of identification where a source names it (``DigiD``, ``nPA``)."""
    how: str | None
    """How it is used where a source says: ``smartphone_app`` (DigiD in the app) or
    ``repeat_each_login`` (the German identity card, scanned again at every login)."""
    requires: tuple[str, ...]
    """What eIDAS needs at all (a national register or BIS number)."""
    first_login_needs: tuple[str, ...]
    """What the first login needs (the European eID, an e-mail address, a phone number)."""


@dataclass(frozen=True, slots=True)
class DigitalKey:
    """How to get a digital key, and what it takes."""

    remote_site: str
    """Where the video interview is booked (``belgianID.be``)."""
    remote_provider: str
    """Who holds it (``SIGEDIS``)."""
    contact_centre: str
    """The ONEM contact centre's number, for an appointment at an ONEM office."""
    bring: tuple[str, ...]
    """What the appointment needs (codes: in person, a photo identity document …)."""
    activation_days: int
    """Days after the registration within which the key must be activated."""
    activation_with: tuple[str, ...]
    """What the activation uses (the code received on paper, the link sent by e-mail)."""
    authenticators: tuple[str, ...]
    """The second factor to choose (an authenticator app, or a code by e-mail at each login)."""
    app_examples: tuple[str, ...]
    """Authenticator apps the ONEM names as examples."""


@dataclass(frozen=True, slots=True)
class Ec32Access:
    """How a worker logs in to the eC3.2 (rule R11), with the texts and their sources.

    ``routes`` lists the ways in, the one to use first first; ``digital_key`` is always given (it
    is the way in when the others fail); ``facts`` are the dated facts read, each with its
    ``confidence``, ``caveat`` and sources; ``confidence`` is that of the facts the first route
    rests on. ``step`` and ``notices`` are what ``compute_month`` shows; ``text(lang)`` writes
    them in English, French or Dutch.
    """

    residence_country: str
    resident: bool
    routes: tuple[Route, ...]
    eidas: EidasLogin
    digital_key: DigitalKey
    itsme_closed: bool
    """The worker lives outside Belgium: itsme is not open to them, whatever they hold."""
    has_belgian_eid: bool | None
    has_itsme: bool | None
    confidence: Confidence
    caveats: tuple[str, ...]
    facts: tuple[FactVersion, ...]
    step: Step
    notices: tuple[Notice, ...]

    @property
    def route(self) -> Route:
        """The way to log in first."""
        return self.routes[0]

    @property
    def sources(self) -> tuple[LegalSource, ...]:
        """The sources of every fact read, each once."""
        return self.step.sources

    def text(self, lang: Language = "en") -> str:
        """What to do, why, and the notices, in ``lang`` (``en``, ``fr`` or ``nl``)."""
        title, formula, result = self.step.text(lang)
        lines = [title, f"  {formula}", f"  → {result}"]
        lines += [f"  ! {notice.text(lang)}" for notice in self.notices]
        lines += [f"  [{n}] {s.title}, {s.url}" for n, s in enumerate(self.sources, 1)]
        return "\n".join(lines)


# --------------------------------------------------------------------------- the rule


def ec32_access(
    residence_country: str,
    *,
    has_belgian_eid: bool | None = None,
    has_itsme: bool | None = None,
    on: date | None = None,
    facts: Facts | None = None,
) -> Ec32Access:
    """How a worker living in ``residence_country`` logs in to the electronic control card.

    ``residence_country`` is an ISO 3166-1 alpha-2 code (``"BE"``, ``"FR"``); ``has_belgian_eid``
    and ``has_itsme`` say what the worker holds (``None``: not said). ``on`` reads the facts in
    force that day (``None``: the latest the library knows); ``facts`` defaults to the shipped
    ones. Raises ``pydantic.ValidationError`` naming the argument for a code not written as two
    capital letters, or a yes/no argument that is not ``True``, ``False`` or ``None``.
    """
    _check_arguments(residence_country, has_belgian_eid, has_itsme, on)
    read = _Reader(Facts.default() if facts is None else facts, on)
    resident = residence_country == BELGIUM
    eidas = _eidas(read, residence_country, resident)
    key = _digital_key(read)
    closed = () if resident else read.codes("closed_to_cross_border")
    routes = _routes(read, resident, eidas.connection, has_belgian_eid, has_itsme, closed)
    mandatory: date = read.value("control_card.electronic_mandatory_from")
    flags = (has_belgian_eid, has_itsme)
    values = _values(residence_country, routes, eidas, key, closed, flags, mandatory)
    sources = pages(*(version.sources for version in read.used.values()))
    step = Step("ec32.access", RULE, not resident, _MESSAGE[routes[0]], values, (), sources)
    notices = _notices(routes[0], resident, eidas, key, on is None or on >= mandatory, sources)
    return Ec32Access(
        residence_country=residence_country,
        resident=resident,
        routes=routes,
        eidas=eidas,
        digital_key=key,
        itsme_closed=Route.ITSME.value in closed,
        has_belgian_eid=has_belgian_eid,
        has_itsme=has_itsme,
        confidence=_confidence(read, routes[0], eidas.connection),
        caveats=_caveats(read.used, eidas.connection),
        facts=tuple(read.used.values()),
        step=step,
        notices=notices,
    )


def _check_arguments(country: object, eid: object, itsme: object, on: object) -> None:
    """ValidationError naming the argument, as the models do for their fields."""
    if not is_country_code(country):
        raise input_error(
            "ec32_access",
            ("residence_country",),
            "must be a two-letter ISO country code such as BE, FR or NL",
            country,
        )
    for name, flag in (("has_belgian_eid", eid), ("has_itsme", itsme)):
        if flag is not None and not isinstance(flag, bool):
            raise input_error("ec32_access", (name,), "must be true, false or left out", flag)
    if on is not None and type(on) is not date:
        raise input_error("ec32_access", ("on",), "must be a date (or left out)", on)


class _Reader:
    """The facts of the family read on a day (the latest versions for ``None``), each kept."""

    def __init__(self, facts: Facts, on: date | None) -> None:
        self.facts, self.on = facts, on
        self.used: dict[str, FactVersion] = {}

    def version(self, name: str) -> FactVersion:
        full = name if "." in name else f"ec32_access.{name}"
        fact = self.facts.fact(full)
        version = fact.versions[-1] if self.on is None else fact.version(self.on)
        self.used.setdefault(full, version)
        return version

    def value(self, name: str) -> Any:
        return self.version(name).value

    def codes(self, name: str) -> tuple[str, ...]:
        codes: tuple[str, ...] = self.value(name)
        allowed = _CODES.get(name)
        unknown = [code for code in codes if allowed is not None and code not in allowed]
        if unknown:
            raise ValueError(f"fact ec32_access.{name}: unknown code(s) {unknown}")
        return codes


def _eidas(read: _Reader, country: str, resident: bool) -> EidasLogin:
    """The country's eIDAS connection, from the official lists first, then the undated one."""
    connection = EidasConnection.NOT_NEEDED
    if not resident:
        if country in read.value("eidas_connected"):
            connection = EidasConnection.CONNECTED
        elif country in read.value("eidas_not_connected"):
            connection = EidasConnection.NOT_CONNECTED
        elif country in read.value("eidas_listed"):
            connection = EidasConnection.LISTED
        else:
            connection = EidasConnection.NOT_KNOWN
    scheme = how = None
    if connection in (EidasConnection.CONNECTED, EidasConnection.LISTED):
        schemes = read.value("eidas_schemes")
        if country in schemes:
            scheme, how = schemes[country]["scheme"], schemes[country]["how"]
            if how not in _HOW:
                raise ValueError(f"fact ec32_access.eidas_schemes: unknown how {how!r}")
    return EidasLogin(
        country,
        connection,
        scheme,
        how,
        read.codes("eidas_requires"),
        read.codes("eidas_first_login_needs"),
    )


def _digital_key(read: _Reader) -> DigitalKey:
    remote = read.value("digital_key_remote")
    return DigitalKey(
        remote_site=remote["site"],
        remote_provider=remote["provider"],
        contact_centre=read.value("onem_contact_centre"),
        bring=read.codes("office_bring"),
        activation_days=read.value("activation_days"),
        activation_with=read.codes("activation_with"),
        authenticators=read.codes("authenticators"),
        app_examples=read.value("authenticator_app_examples"),
    )


def _routes(
    read: _Reader,
    resident: bool,
    connection: EidasConnection,
    eid: bool | None,
    itsme: bool | None,
    closed: tuple[str, ...],
) -> tuple[Route, ...]:
    """The ways in, best first: the Belgian ones the worker may hold (all of them when not said,
    for a resident; the eID only when held, for a cross-border worker), eIDAS where the country
    is connected or listed, and the digital key last."""
    routes = []
    for code in read.codes("resident_routes"):
        held = {"eid": eid, "itsme": itsme}[code]
        if code in closed or held is False or (held is None and not resident):
            continue
        routes.append(Route(code))
    if connection in (EidasConnection.CONNECTED, EidasConnection.LISTED):
        routes.append(Route.EIDAS)
    routes.append(Route.DIGITAL_KEY)
    return tuple(routes)


_MESSAGE: Mapping[Route, str] = {
    Route.EID: "ec32.access.belgian",
    Route.ITSME: "ec32.access.belgian",
    Route.EIDAS: "ec32.access.eidas",
    Route.DIGITAL_KEY: "ec32.access.digital_key",
}


def _phrases(prefix: str, codes: Iterable[str]) -> tuple[Phrase, ...]:
    return tuple((f"ec32.{prefix}.{code}", {}) for code in codes)


def _held(flag: bool | None) -> str:
    return "ec32.not_said" if flag is None else "ec32.held" if flag else "ec32.not_held"


def _values(
    country: str,
    routes: tuple[Route, ...],
    eidas: EidasLogin,
    key: DigitalKey,
    closed: tuple[str, ...],
    flags: tuple[bool | None, bool | None],
    mandatory: date,
) -> dict[str, Any]:
    """Every value the step's texts may show (each message uses some)."""
    eid, itsme = _held(flags[0]), _held(flags[1])
    situation: Phrase = (
        ("ec32.situation.resident", {"country": country, "eid": eid, "itsme": itsme})
        if country == BELGIUM
        else (
            "ec32.situation.cross_border",
            {
                "country": country,
                "closed": _phrases("route", closed),
                "eid": eid,
                "connection": f"ec32.eidas.{eidas.connection.value}",
                "mandatory": mandatory,
            },
        )
    )
    apps = tuple(("ec32.name", {"name": name}) for name in key.app_examples)
    return {
        "card": CARD,
        "country": country,
        "situation": situation,
        "routes": _belgian_routes(routes),
        "scheme": (
            ("ec32.scheme.none", {})
            if eidas.scheme is None
            else (f"ec32.scheme.{eidas.how}", {"scheme": eidas.scheme})
        ),
        "check": (
            ("ec32.check.listed", {"country": country})
            if eidas.connection is EidasConnection.LISTED
            else ("ec32.check.none", {})
        ),
        "needs": _phrases("needs", eidas.first_login_needs),
        "requires": _phrases("requires", eidas.requires),
        "site": key.remote_site,
        "provider": key.remote_provider,
        "phone": key.contact_centre,
        "bring": _phrases("bring", key.bring),
        "days": key.activation_days,
        "activation": _phrases("activation", key.activation_with),
        "authenticators": tuple(
            (f"ec32.authenticator.{code}", {"apps": apps}) for code in key.authenticators
        ),
    }


def _belgian_routes(routes: tuple[Route, ...]) -> Phrase:
    """The Belgian means of identification among the routes (the text of the first route when
    it is one of them)."""
    belgian = [route.value for route in routes if route in (Route.EID, Route.ITSME)]
    return ("ec32.routes." + ("_or_".join(belgian) or "none"), {})


def _notices(
    route: Route,
    resident: bool,
    eidas: EidasLogin,
    key: DigitalKey,
    card_mandatory: bool,
    sources: tuple[LegalSource, ...],
) -> tuple[Notice, ...]:
    """A cross-border worker whose country has no known eIDAS connection, from the day the
    electronic card is mandatory (before it, the paper card was the rule): a digital key."""
    if resident or route is not Route.DIGITAL_KEY or not card_mandatory:
        return ()
    code = (
        "ec32.no_eidas"
        if eidas.connection is EidasConnection.NOT_CONNECTED
        else "ec32.eidas_not_known"
    )
    values = {"country": eidas.country, "site": key.remote_site, "phone": key.contact_centre}
    return (Notice(code, values, RULE, sources),)


def _confidence(read: _Reader, route: Route, connection: EidasConnection) -> Confidence:
    """How sure the first route is: the confidence of the fact it rests on."""
    if route is Route.EIDAS:
        name = "eidas_connected" if connection is EidasConnection.CONNECTED else "eidas_listed"
    elif route is Route.DIGITAL_KEY:
        name = "digital_key_remote"
    else:
        name = "resident_routes"
    return read.version(name).confidence


def _caveats(used: Mapping[str, FactVersion], connection: EidasConnection) -> tuple[str, ...]:
    """The doubts the sources raise about what was read: the lists of countries' caveats for a
    country they leave in doubt (listed only, or not known)."""
    names = {
        EidasConnection.LISTED: ("ec32_access.eidas_listed", "ec32_access.eidas_connected"),
        EidasConnection.NOT_KNOWN: ("ec32_access.eidas_connected",),
    }.get(connection, ())
    return tuple(caveat for name in names if (caveat := used[name].caveat) is not None)
