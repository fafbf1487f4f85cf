"""Switching built-in sources on and off (issue 15): defaults, a profile's switches, a run's
``--source`` / ``--no-source``, in that order of precedence."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import research
from research.cli import app
from research.cli.common import SOURCE_NAMES
from research.models import Company
from research.plan.switches import DEFAULT_ON, Switches, switched_on, switches
from sources.providers.registry import SWITCHABLE

from .helpers import RECORDED_AT, serve_acme_search
from .server import TestServer

runner = CliRunner()
ACME = Company("acme-corp", "Acme Corp")


def test_the_defaults_and_edgar_once_a_contact_is_set() -> None:
    on, asked = switched_on(ACME, Switches(), builtin=True, contact=False)
    assert on == DEFAULT_ON == {"google-news", "bing-news", "gdelt", "wire"} and not asked
    on, _ = switched_on(ACME, Switches(), builtin=True, contact=True)
    assert on == DEFAULT_ON | {"sec-edgar"}


def test_a_profile_switches_over_the_defaults_and_a_run_over_the_profile() -> None:
    profile = Company("acme-corp", "Acme Corp", sources=("sec-edgar",), no_sources=("gdelt",))
    on, asked = switched_on(profile, Switches(), builtin=True, contact=False)
    assert "sec-edgar" in on and "gdelt" not in on and asked == {"sec-edgar"}
    on, asked = switched_on(
        profile, Switches(("gdelt",), ("sec-edgar",)), builtin=True, contact=True
    )
    assert "gdelt" in on and "sec-edgar" not in on and asked == {"gdelt"}


def test_builtin_false_leaves_only_what_is_named_and_the_company_s_own_wires() -> None:
    on, _ = switched_on(ACME, Switches(), builtin=False, contact=True)
    assert on == {"wire"}
    on, _ = switched_on(ACME, Switches(on=("gdelt",)), builtin=False, contact=True)
    assert on == {"wire", "gdelt"}


@pytest.mark.parametrize(
    ("on", "off", "message"),
    [
        (["gdlet"], [], "unknown source 'gdlet' in sources; the sources are google-news"),
        ([], ["feed"], "unknown source 'feed' in no_sources"),
        (["gdelt"], ["gdelt"], "'gdelt' is both switched on and off"),
        ("gdelt", [], "sources must be"),
    ],
)
def test_unknown_or_contradictory_switches_are_refused(
    on: object, off: object, message: str
) -> None:
    with pytest.raises(research.InvalidInput, match=message):
        switches(on, off)  # type: ignore[arg-type]


def test_the_cli_names_the_same_sources_as_the_registry() -> None:
    names = SOURCE_NAMES.replace(" or ", ", ").split(", ")
    assert names == list(SWITCHABLE)


def test_a_run_s_switches_decide_which_sources_are_asked(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    done = runner.invoke(app, ["acme-corp", "--no-source", "gdelt", "--no-source", "bing-news"])
    assert done.exit_code == 0, done.stderr
    assert server.hits_for("/google/rss/search") and not server.hits_for("/gdelt/doc")
    assert not server.hits_for("/bing/news/search")
    bad = runner.invoke(app, ["acme-corp", "--source", "yahoo-news"])
    assert bad.exit_code == 2 and "unknown source 'yahoo-news'" in bad.stderr
    nothing = runner.invoke(
        app, ["acme-corp", *[f"--no-source={n}" for n in ("google-news", "bing-news", "gdelt")]]
    )
    assert nothing.exit_code == 2 and "no sources" in nothing.stderr


def test_a_profile_keeps_its_switches_and_a_name_switched_one_way_leaves_the_other(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    add = ["company", "add", "acme-corp", "--name", "Acme Corp"]
    assert (
        runner.invoke(app, [*add, "--no-source", "gdelt", "--no-source", "bing-news"]).exit_code
        == 0
    )
    assert research.get_company("acme-corp").no_sources == ("gdelt", "bing-news")
    result = research.research("acme-corp", now=RECORDED_AT)
    assert not server.hits_for("/gdelt/doc") and not server.hits_for("/bing/news/search")
    assert result.sources_total == 1
    again = research.research("acme-corp", sources=["gdelt"], now=RECORDED_AT)  # the run wins
    assert len(server.hits_for("/gdelt/doc")) == 1 and again.sources_total == 2

    shown = runner.invoke(app, [*add, "--source", "gdelt"])
    assert shown.exit_code == 0
    assert "sources on: gdelt" in shown.stdout and "sources off: bing-news" in shown.stdout
    saved = research.get_company("acme-corp")
    assert (saved.sources, saved.no_sources) == (("gdelt",), ("bing-news",))


def test_a_digest_and_an_offline_run_take_the_switches_too(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    digest = runner.invoke(
        app, ["digest", "--company", "acme-corp", "--no-source", "gdelt", "--offline"]
    )
    assert "gdelt" not in digest.stderr
    research.research("acme-corp", now=RECORDED_AT)
    offline = research.research("acme-corp", offline=True, no_sources=["gdelt"], now=RECORDED_AT)
    assert offline.sources_total == 2 and not offline.failures
