"""The tools' parameters as an assistant sees them: a description each, and the library's limits
advertised in the input schemas (``maxLength``, ``maximum``, ``maxItems``) but not enforced there:
the library checks every argument and refuses in its own words, as on the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from pydantic import Field

from sources.providers.registry import SWITCHABLE

from .. import articles
from ..judge.topics import MAX_TOPIC_LENGTH, MAX_TOPICS
from ..limits import MAX_DAYS, MAX_FEEDS, MAX_LIMIT
from ..models import Tone
from ..plan.company import MAX_ALIASES, MAX_NAME_LENGTH
from ..write.congratulate import MAX_HEADLINE
from ..write.note import MAX_FIELD, Round

Company = Annotated[
    str,
    Field(
        description='The company: its name as people write it ("Acme Corp", "AT&T") or a slug '
        "(acme-corp). A profile the user saved under that slug adds its other names and feeds.",
        json_schema_extra={"minLength": 1, "maxLength": MAX_NAME_LENGTH},
    ),
]
Days = Annotated[
    int,
    Field(
        description="Look back this many days.",
        json_schema_extra={"minimum": 1, "maximum": MAX_DAYS},
    ),
]
Limit = Annotated[
    int,
    Field(
        description="Return at most this many events, best first.",
        json_schema_extra={"minimum": 1, "maximum": MAX_LIMIT},
    ),
]
Topics = Annotated[
    Sequence[str],
    Field(
        description='What the interview was about, e.g. "supply chain"; events touching a '
        "topic rank first.",
        json_schema_extra={
            "maxItems": MAX_TOPICS,
            "items": {"type": "string", "minLength": 1, "maxLength": MAX_TOPIC_LENGTH},
        },
    ),
]
Aliases = Annotated[
    Sequence[str],
    Field(
        description='Other names the company goes by, e.g. "Acme" for "Acme Corp".',
        json_schema_extra={
            "maxItems": MAX_ALIASES,
            "items": {"type": "string", "minLength": 1, "maxLength": MAX_NAME_LENGTH},
        },
    ),
]
Feeds = Annotated[
    Sequence[str],
    Field(
        description="Extra RSS, Atom or JSON Feed URLs to read besides the news searches: "
        "http(s) only; private network addresses are refused.",
        json_schema_extra={
            "maxItems": MAX_FEEDS,
            "items": {"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"},
        },
    ),
]
# The names the library's sources and no_sources take (research.plan.switches checks them).
_SOURCE_NAME = {"type": "string", "enum": list(SWITCHABLE)}
Sources = Annotated[
    Sequence[str],
    Field(
        description="Built-in sources to switch on for this run, by name, over the defaults and "
        "the company's saved profile, as `--source` does: google-news, bing-news, gdelt "
        "(on by default), sec-edgar (on once the user set a contact) or wire.",
        json_schema_extra={"items": _SOURCE_NAME},
    ),
]
NoSources = Annotated[
    Sequence[str],
    Field(
        description='Built-in sources to switch off for this run, by name, e.g. "gdelt", as '
        "`--no-source` does; a source cannot be both switched on and off.",
        json_schema_extra={"items": _SOURCE_NAME},
    ),
]
ToneArgument = Annotated[
    Tone,
    Field(description="formal (the default) or warm, which may address the reader."),
]
Headline = Annotated[
    str,
    Field(
        description="A news headline about the company, as published.",
        json_schema_extra={"minLength": 1, "maxLength": MAX_HEADLINE},
    ),
]
To = Annotated[
    str,
    Field(
        description='Who the note is for, e.g. "Jane Doe" or "Dr. Jane Doe".',
        json_schema_extra={"minLength": 1, "maxLength": MAX_FIELD},
    ),
]
Role = Annotated[
    str,
    Field(
        description="The role interviewed for, e.g. Analyst.",
        json_schema_extra={"minLength": 1, "maxLength": MAX_FIELD},
    ),
]
NoteTopic = Annotated[
    str | None,
    Field(
        description="What the interview was about; the note mentions it and prefers news "
        "touching it.",
        json_schema_extra={"maxLength": MAX_TOPIC_LENGTH},
    ),
]
ArticleTopic = Annotated[
    str,
    Field(
        description='What the interview touched, e.g. "supply chain visibility": the news '
        "searches are asked with it, and pieces rank by how closely they match it.",
        json_schema_extra={"minLength": 1, "maxLength": MAX_TOPIC_LENGTH},
    ),
]
ArticleCompany = Annotated[
    str | None,
    Field(
        description="The company talked to: pieces about it, or bad news for it, are skipped; "
        "its saved profile's source switches apply. Leave it out to skip nothing for a company.",
        json_schema_extra={"minLength": 1, "maxLength": MAX_NAME_LENGTH},
    ),
]
Competitors = Annotated[
    Sequence[str],
    Field(
        description="Companies whose names a piece must not carry, e.g. the company's rivals.",
        json_schema_extra={"maxItems": articles.MAX_COMPETITORS, "items": {"type": "string"}},
    ),
]
ArticleDays = Annotated[
    int,
    Field(
        description="Look back this many days.",
        json_schema_extra={"minimum": 1, "maximum": articles.MAX_DAYS},
    ),
]
ArticleLimit = Annotated[
    int,
    Field(
        description="Return at most this many pieces, best first.",
        json_schema_extra={"minimum": 1, "maximum": articles.MAX_LIMIT},
    ),
]
RoundArgument = Annotated[Round, Field(description="The conversation the note follows.")]
Week = Annotated[
    str | None,
    Field(
        description="An ISO week such as 2026-W47; leave it out for the newest saved digest.",
        json_schema_extra={"pattern": "^[0-9]{4}-?W[0-9]{2}$"},
    ),
]
