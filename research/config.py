"""Settings: explicit arguments, then RESEARCH_* environment variables, then defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from sources import HttpLimits, ParseLimits
from sources.net.addresses import ALLOW_PRIVATE_ENV, AllowList
from sources.parse.urls import is_http_url
from sources.providers.endpoints import BING_NEWS_SEARCH, GDELT_DOC_API, GOOGLE_NEWS_SEARCH

from . import arguments
from .errors import ConfigError, InvalidInput
from .store.config_file import check_contact

ENV_HOME = "RESEARCH_HOME"
ENV_CA_FILE = "RESEARCH_CA_FILE"
ENV_GOOGLE_NEWS_URL = "RESEARCH_GOOGLE_NEWS_URL"
ENV_BING_NEWS_URL = "RESEARCH_BING_NEWS_URL"
ENV_GDELT_URL = "RESEARCH_GDELT_URL"
ENV_EDGAR_URL = "RESEARCH_EDGAR_URL"
ENV_EDGAR_CONTACT = "RESEARCH_EDGAR_CONTACT"
ENV_ALLOW_PRIVATE = ALLOW_PRIVATE_ENV
STORE_FILE = "research.db"
CACHE_FILE = "cache.db"


def default_home() -> Path:
    """The platform's user data directory, e.g. ~/.local/share/research on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("research", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Where data lives and where the built-in sources point.

    ``edgar_url`` serves all of EDGAR from one place (a mirror, a test server) instead of the
    SEC's two hosts. ``edgar_contact`` is who calls EDGAR; None reads it from the config file
    (``research config set edgar.contact``) when EDGAR is about to be asked.
    """

    home: Path
    google_news_url: str = GOOGLE_NEWS_SEARCH
    bing_news_url: str = BING_NEWS_SEARCH
    http: HttpLimits = field(default_factory=HttpLimits)
    parse: ParseLimits = field(default_factory=ParseLimits)
    gdelt_url: str = GDELT_DOC_API
    edgar_url: str | None = None
    edgar_contact: str | None = None

    @property
    def store_path(self) -> Path:
        """Profiles, the watchlist and saved digests."""
        return self.home / STORE_FILE

    @property
    def cache_path(self) -> Path:
        """Fetched feeds and their validators: can always be fetched again."""
        return self.home / CACHE_FILE


def _url_setting(value: str, name: str) -> str:
    if not is_http_url(value) or "#" in value:
        raise ConfigError(
            f"{name} must be an http(s) URL without a #fragment, such as https://host/path; "
            f"got {value!r}"
        )
    return value.split("?", 1)[0] if value.endswith("?") else value


def parse_allow_private(value: str, name: str = ENV_ALLOW_PRIVATE) -> AllowList:
    """The private addresses to allow, from ``all`` or addresses and networks; ``name`` is the
    option or variable the value came from, for the error (the CLI passes ``--allow-private``)."""
    try:
        return AllowList.parse(value)
    except ValueError as exc:
        raise ConfigError(
            f"{name}: {exc}; give `all` or a comma-separated list of addresses and networks, "
            "such as 127.0.0.1,10.20.0.0/16"
        ) from None


def _ca_file(value: str) -> str:
    """An intranet's certificate authorities, added to the usual ones (never replacing them)."""
    path = Path(value).expanduser()
    if not path.is_file():
        raise ConfigError(
            f"{ENV_CA_FILE} must name a PEM file of certificate authorities; {value!r} is not a file"
        )
    return str(path)


def load_settings(
    environ: Mapping[str, str] | None = None,
    *,
    home: Path | str | None = None,
    google_news_url: str | None = None,
    bing_news_url: str | None = None,
    http: HttpLimits | None = None,
    allow_private: str | None = None,
    parse: ParseLimits | None = None,
    gdelt_url: str | None = None,
    edgar_url: str | None = None,
    edgar_contact: str | None = None,
) -> Settings:
    """Settings from the arguments, else the environment, else the defaults.

    ``allow_private`` (``all`` or addresses and networks) replaces the allow list in ``http``;
    RESEARCH_ALLOW_PRIVATE applies when neither argument allows anything.
    """
    if environ is not None and not isinstance(environ, Mapping):
        raise InvalidInput(
            "environ must be a mapping of names to values (like os.environ) or None; "
            f"got {arguments.shown(environ)}"
        )
    arguments.path("home", home)
    arguments.optional_text("google_news_url", google_news_url)
    arguments.optional_text("bing_news_url", bing_news_url)
    arguments.optional_text("allow_private", allow_private)
    arguments.optional_text("gdelt_url", gdelt_url)
    arguments.optional_text("edgar_url", edgar_url)
    arguments.optional_text("edgar_contact", edgar_contact)
    if http is not None:
        arguments.instance("http", http, HttpLimits, "HttpLimits or None")
    if parse is not None:
        arguments.instance("parse", parse, ParseLimits, "ParseLimits or None")
    env = os.environ if environ is None else environ
    home_value = home if home is not None else env.get(ENV_HOME) or None
    if home_value is not None and not str(home_value).strip():
        raise ConfigError(f"{ENV_HOME} is empty; set it to a folder path or unset it")
    google = google_news_url or env.get(ENV_GOOGLE_NEWS_URL) or GOOGLE_NEWS_SEARCH
    bing = bing_news_url or env.get(ENV_BING_NEWS_URL) or BING_NEWS_SEARCH
    limits = http or HttpLimits()
    if allow_private is not None:
        limits = replace(limits, allow_private=parse_allow_private(allow_private, "allow_private"))
    elif limits.allow_private == AllowList() and env.get(ENV_ALLOW_PRIVATE):
        limits = replace(limits, allow_private=parse_allow_private(env[ENV_ALLOW_PRIVATE]))
    if limits.ca_file is None and env.get(ENV_CA_FILE):
        limits = replace(limits, ca_file=_ca_file(env[ENV_CA_FILE]))
    gdelt = gdelt_url or env.get(ENV_GDELT_URL) or GDELT_DOC_API
    edgar = edgar_url or env.get(ENV_EDGAR_URL) or None
    contact = edgar_contact or env.get(ENV_EDGAR_CONTACT) or None
    if contact is not None:
        try:
            contact = check_contact(
                contact, (edgar_contact and "edgar_contact") or ENV_EDGAR_CONTACT
            )
        except InvalidInput as exc:
            raise ConfigError(str(exc)) from None
    return Settings(
        home=Path(home_value).expanduser() if home_value is not None else default_home(),
        google_news_url=_url_setting(
            google, (google_news_url and "google_news_url") or ENV_GOOGLE_NEWS_URL
        ),
        bing_news_url=_url_setting(bing, (bing_news_url and "bing_news_url") or ENV_BING_NEWS_URL),
        http=limits,
        parse=parse or ParseLimits(),
        gdelt_url=_url_setting(gdelt, (gdelt_url and "gdelt_url") or ENV_GDELT_URL),
        edgar_url=_url_setting(edgar, (edgar_url and "edgar_url") or ENV_EDGAR_URL).rstrip("/")
        if edgar
        else None,
        edgar_contact=contact,
    )


def checked_settings(value: object) -> Settings | None:
    """None, or Settings from :func:`research.load_settings`: checked here rather than in
    ``research.arguments``, which config itself uses (the check needs this module's class)."""
    if value is None:
        return None
    return arguments.instance(
        "settings", value, Settings, "Settings from research.load_settings() or None"
    )
