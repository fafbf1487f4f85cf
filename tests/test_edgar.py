"""SEC EDGAR (issue 15): a listed company's current reports as first-party events, read from
hand-written answers (fixtures/listed) on the local server and from a recording; the contact the
SEC's fair-access rules ask for; and each way EDGAR fails, told apart."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from typer.testing import CliRunner

import research
from research.cli import app
from research.plan.filers import filer_key, matching_filers
from sources import EmptyResponse, HttpClient, HttpLimits, Malformed
from sources.models import Filer
from sources.parse.filings import (
    acquisition_headline,
    agreement_headline,
    exhibit_links,
    item_text,
    press_release,
)
from sources.providers.edgar import parse_submissions, sec_user_agent
from sources.providers.endpoints import (
    edgar_document_url,
    edgar_filing_index_url,
    edgar_submissions_url,
    edgar_tickers_url,
)

from .helpers import RECORDED_AT
from .server import Reply, TestServer

LISTED = Path(__file__).resolve().parent.parent / "fixtures" / "listed"
CONTACT = "Ann Smith ann@example.com"
SEC_HOSTS = ("www.sec.gov", "data.sec.gov")
ONLY_EDGAR = {"builtin": False, "sources": ["sec-edgar"], "now": RECORDED_AT}
KINDS = {
    "Halvorsen Instruments signs a master supply agreement with Redwater Energy Partners LLC": (
        "new_account"
    ),
    "Halvorsen Instruments completes acquisition of Brightline Optics Corp": "acquisition",
    "Halvorsen Instruments Launches the FlowSense 9 Ultrasonic Meter": "launch",
    "Halvorsen Instruments Wins 2026 Precision Engineering Award for Its Ultrasonic Flow Meter": (
        "award"
    ),
    "Halvorsen Instruments Reports Record Third Quarter Revenue": "growth",
}
runner = CliRunner()


def recorded() -> list[dict[str, str]]:
    return json.loads((LISTED / "index.json").read_text())["responses"]


def serve_edgar(server: TestServer, monkeypatch: pytest.MonkeyPatch, contact: bool = True) -> str:
    """Serve the recording's EDGAR answers (both SEC hosts on one server); return its origin."""
    for response in recorded():
        parts = urlsplit(response["url"])
        if parts.hostname in SEC_HOSTS:
            body = (LISTED / response["body"]).read_bytes()
            server.route(parts.path, Reply(200, body, {"Content-Type": "text/html"}))
    monkeypatch.setenv("RESEARCH_EDGAR_URL", server.url(""))
    if contact:
        monkeypatch.setenv("RESEARCH_EDGAR_CONTACT", CONTACT)
    return server.url("")


def page(name: str) -> str:
    return (LISTED / name).read_text(encoding="utf-8")


# --- addresses ---------------------------------------------------------------------------------


def test_the_addresses_are_the_documented_formats() -> None:
    assert edgar_tickers_url() == "https://www.sec.gov/files/company_tickers.json"
    assert edgar_submissions_url(320193) == "https://data.sec.gov/submissions/CIK0000320193.json"
    assert (
        edgar_submissions_url(1234567890) == "https://data.sec.gov/submissions/CIK1234567890.json"
    )
    assert edgar_filing_index_url(320193, "0000320193-26-000012") == (
        "https://www.sec.gov/Archives/edgar/data/320193/000032019326000012/"
        "0000320193-26-000012-index.htm"
    )
    assert edgar_document_url(320193, "0000320193-26-000012", "ex99-1.htm") == (
        "https://www.sec.gov/Archives/edgar/data/320193/000032019326000012/ex99-1.htm"
    )
    assert edgar_submissions_url(7, "http://127.0.0.1:9/") == (
        "http://127.0.0.1:9/submissions/CIK0000000007.json"
    )


@pytest.mark.parametrize(
    ("cik", "accession", "document"),
    [
        (0, "0000320193-26-000012", "a.htm"),
        (10**10, "0000320193-26-000012", "a.htm"),
        (320193, "320193-26-12", "a.htm"),
        (320193, "0000320193-26-000012", "../../secret"),
        (320193, "0000320193-26-000012", "a/b.htm"),
    ],
)
def test_a_filing_address_from_bad_data_is_refused(cik: int, accession: str, document: str) -> None:
    with pytest.raises(ValueError):
        edgar_document_url(cik, accession, document)


# --- reading EDGAR's answers -------------------------------------------------------------------


def test_the_submissions_list_gives_the_newest_current_reports_worth_reading() -> None:
    listed = parse_submissions(
        (LISTED / "submissions-CIK0009990001.json").read_bytes(), url="", now=RECORDED_AT
    )
    assert listed.title == "HALVORSEN INSTRUMENTS INC"
    assert [f.accession[-2:] for f in listed.filings] == ["47", "46", "45", "44", "43", "41"]
    first = listed.filings[0]
    assert (first.form, first.items, first.primary_document) == (
        "8-K",
        ("1.01", "9.01"),
        "halv-20261116.htm",
    )


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"", EmptyResponse),
        (b"<html>Undeclared automated tool</html>", Malformed),
        (b"[]", Malformed),
        (b'{"filings": {"recent": {"form": "8-K"}}}', Malformed),
    ],
)
def test_a_submissions_answer_of_another_shape_is_malformed(body: bytes, error: type) -> None:
    with pytest.raises(error):
        parse_submissions(body, url="", now=RECORDED_AT)


def test_a_filing_index_names_each_document_with_its_type() -> None:
    base = "https://www.sec.gov/Archives/edgar/data/9990001/000999000126000041/"
    found = exhibit_links(page("index-0009990001-26-000041.htm"), base + "x-index.htm")
    assert found == [
        ("8-K", base + "halv-20261102.htm"),
        ("EX-99.1", base + "ex991q32026.htm"),
        ("EX-99.2", base + "ex992q32026.htm"),
        ("EX-101.INS", base + "halv_htm.xml"),
    ]


def test_a_press_release_gives_its_headline_and_its_lead_without_the_dateline() -> None:
    headline, lead = press_release(page("ex991q32026.htm"))
    assert headline == "Halvorsen Instruments Reports Record Third Quarter Revenue"
    assert lead.startswith("Halvorsen Instruments Inc. (Nasdaq: HALV) today reported revenue")
    headline, lead = press_release(page("halv-ex991_20261106.htm"))
    assert headline.startswith("Halvorsen Instruments Wins 2026 Precision Engineering Award")
    assert lead.startswith("The Midstream Technology Council has named")
    assert press_release("<table><tr><td>1</td><td>2</td></tr></table>") == ("", "")


def test_a_report_s_items_give_headlines_for_deals_and_acquisitions_only() -> None:
    name = "Halvorsen Instruments"
    supply = item_text(page("halv-20261116.htm"), "1.01")
    assert supply.startswith("On November 16, 2026, Halvorsen Instruments Inc.")
    assert agreement_headline(name, supply) == (
        "Halvorsen Instruments signs a master supply agreement with Redwater Energy Partners LLC"
    )
    credit = item_text(page("halv-20261110.htm"), "1.01")
    assert "Credit Agreement" in credit and agreement_headline(name, credit) == ""
    acquired = item_text(page("halv-20261113.htm"), "2.01")
    assert acquisition_headline(name, acquired) == (
        "Halvorsen Instruments completes acquisition of Brightline Optics Corp"
    )
    assert item_text(page("halv-20261113.htm"), "1.01") == ""


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "On May 2, 2026, the Company entered into a License Agreement, dated May 1, 2026, by "
            "and between the Company and Contoso Pharma AG, pursuant to which ...",
            "Acme signs a license agreement with Contoso Pharma AG",
        ),
        ("On May 2, 2026, the Company entered into an Employment Agreement with Jo Lee.", ""),
        ("The Company entered into an Agreement and Plan of Merger with Beta Inc.", ""),
        ("The Company entered into a Collaboration Agreement.", ""),
    ],
)
def test_agreements_are_told_by_their_name_and_party(text: str, headline: str) -> None:
    assert agreement_headline("Acme", text) == headline


def test_a_sale_is_not_an_acquisition_to_congratulate_on() -> None:
    sold = "On May 2, 2026, the Company completed the sale of its valve unit to Beta Inc."
    assert acquisition_headline("Acme", sold) == ""


def test_filer_names_match_without_legal_form_state_or_case() -> None:
    assert filer_key("HALVORSEN HOLDINGS CORP /DE/") == "halvorsen holdings"
    assert filer_key("Nestlé S.A.") == filer_key("NESTLE SA") == "nestle"
    filers = [Filer(1, "A", "Acme Corp /NEW/"), Filer(2, "B", "ACME CORP"), Filer(3, "C", "Acme")]
    assert [f.cik for f in matching_filers(["Acme Corp"], filers)] == [1, 2, 3]
    assert matching_filers(["Beta Labs"], filers) == []


# --- end to end on the local server -------------------------------------------------------------


def test_a_listed_company_s_reports_become_first_party_events_of_the_right_kinds(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_edgar(server, monkeypatch)
    result = research.research("halvorsen-instruments", **ONLY_EDGAR)
    assert not result.failures
    assert {e.title: e.kind.value for e in result.events} == KINDS
    assert all(e.first_party and e.source == "sec-edgar" for e in result.events)
    assert all(e.publisher == "SEC EDGAR" for e in result.events)
    agents = {hit.headers.get("User-Agent") for hit in server.hits}
    assert agents == {sec_user_agent(CONTACT)} and CONTACT in sec_user_agent(CONTACT)
    # The 5.02, the 10-Q and the year-old report are not read; the credit agreement is read,
    # and gives nothing.
    assert not server.hits_for("/Archives/edgar/data/9990001/000999000126000048/x")
    assert server.hits_for("/Archives/edgar/data/9990001/000999000126000044/halv-20261110.htm")


def test_without_a_contact_edgar_is_never_asked_and_the_user_is_told_how_to_set_one(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_edgar(server, monkeypatch, contact=False)
    result = research.research("halvorsen-instruments", **ONLY_EDGAR)
    (failure,) = result.failures
    assert (failure.source, failure.reason) == ("sec-edgar", "missing_contact")
    assert 'research config set edgar.contact "Your Name you@example.com"' in failure.error
    assert server.hits == [] and result.all_failed

    done = runner.invoke(app, ["halvorsen-instruments", "--source", "sec-edgar"])
    assert "sec-edgar failed: SEC EDGAR was not asked" in done.stderr
    assert "research config set edgar.contact" in done.stderr
    assert server.hits == []

    saved = runner.invoke(app, ["config", "set", "edgar.contact", CONTACT])
    assert saved.exit_code == 0, saved.stderr
    again = research.research("halvorsen-instruments", **ONLY_EDGAR)
    assert not again.failures and len(again.events) == len(KINDS)


def test_edgar_is_on_by_default_once_a_contact_is_set_and_quiet_for_a_company_it_lacks(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_edgar(server, monkeypatch)
    listed = research.research("halvorsen-instruments", now=RECORDED_AT)
    assert {e.source for e in listed.events} == {"sec-edgar"}
    unlisted = research.research("Beta Labs", now=RECORDED_AT)
    assert "sec-edgar" not in {f.source for f in unlisted.failures}
    asked = research.research("Beta Labs", sources=["sec-edgar"], now=RECORDED_AT)
    (failure,) = [f for f in asked.failures if f.source == "sec-edgar"]
    assert failure.reason == "not_listed" and "--cik" in failure.error
    off = research.research("halvorsen-instruments", no_sources=["sec-edgar"], now=RECORDED_AT)
    assert "sec-edgar" not in {e.source for e in off.events}


def test_a_name_two_filers_share_asks_for_the_cik_and_a_profile_s_cik_is_used(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_edgar(server, monkeypatch)
    (failure,) = research.research("Twinpeak Sensors", **ONLY_EDGAR).failures
    assert failure.reason == "not_listed" and "several SEC filers" in failure.error
    assert "9990006" in failure.error and "9990007" in failure.error
    research.add_company("halvorsen", name="Halvorsen", cik="CIK0009990001")
    assert research.get_company("halvorsen").cik == 9990001
    result = research.research("halvorsen", **ONLY_EDGAR)
    assert not result.failures and len(result.events) == len(KINDS)


@pytest.mark.parametrize(
    ("path", "reply", "reason"),
    [
        ("/files/company_tickers.json", Reply(403, b"<html>Undeclared tool</html>"), "blocked"),
        (
            "/submissions/CIK0009990001.json",
            Reply(429, headers={"Retry-After": "600"}),
            "rate_limited",
        ),
        ("/submissions/CIK0009990001.json", Reply(200, b'{"filings": '), "malformed"),
        ("/files/company_tickers.json", Reply(200, b"{}"), "malformed"),
        ("/submissions/CIK0009990001.json", Reply(200, b""), "empty"),
        ("/submissions/CIK0009990001.json", Reply(200, b"{}", delay=2.0), "timed_out"),
    ],
    ids=["blocked", "rate-limited", "malformed", "no-filers", "empty", "slow"],
)
def test_each_way_edgar_fails_has_its_reason_and_the_other_sources_still_count(
    server: TestServer,
    monkeypatch: pytest.MonkeyPatch,
    fast_limits: HttpLimits,
    path: str,
    reply: Reply,
    reason: str,
) -> None:
    serve_edgar(server, monkeypatch)
    server.route(path, reply)
    feed = server.fixture("/feed.atom", "feeds/acme-newsroom.atom", "application/atom+xml")
    settings = research.load_settings(http=dataclasses.replace(fast_limits, retries=0))
    result = research.research(
        "halvorsen-instruments", feeds=[feed], days=365, settings=settings, **ONLY_EDGAR
    )
    assert [(f.source, f.reason) for f in result.failures] == [("sec-edgar", reason)]
    assert result.sources_answered == 1 and not result.all_failed  # the feed


def test_a_filing_that_cannot_be_read_is_a_warning_and_the_others_count(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_edgar(server, monkeypatch)
    broken = "/Archives/edgar/data/9990001/000999000126000043/0009990001-26-000043-index.htm"
    server.route(broken, Reply(404))
    result = research.research("halvorsen-instruments", **ONLY_EDGAR)
    assert not result.failures and len(result.events) == len(KINDS) - 1
    assert any("could not read the filing" in w and broken in w for w in result.warnings)


def test_the_list_of_filers_is_kept_for_a_week(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_edgar(server, monkeypatch)
    (never,) = research.research("halvorsen-instruments", offline=True, **ONLY_EDGAR).failures
    assert never.reason == "not_stored" and "run once without --offline" in never.error
    research.research("halvorsen-instruments", **ONLY_EDGAR)
    research.research(
        "halvorsen-instruments", **{**ONLY_EDGAR, "now": RECORDED_AT + timedelta(days=6)}
    )
    assert len(server.hits_for("/files/company_tickers.json")) == 1
    offline = research.research("halvorsen-instruments", offline=True, **ONLY_EDGAR)
    assert not offline.failures and len(offline.events) == len(KINDS)
    research.research(
        "halvorsen-instruments", **{**ONLY_EDGAR, "now": RECORDED_AT + timedelta(days=8)}
    )
    assert len(server.hits_for("/files/company_tickers.json")) == 2


def test_the_contact_never_follows_a_redirect_to_another_host() -> None:
    agents: dict[str, str] = {}

    def answer(request: httpx.Request) -> httpx.Response:
        agents[request.url.host] = request.headers["User-Agent"]
        if request.url.host == "data.sec.gov":
            return httpx.Response(302, headers={"Location": "https://elsewhere.example/x"})
        return httpx.Response(200, stream=httpx.ByteStream(b"{}"))

    async def fetch() -> None:
        async with HttpClient(transport=httpx.MockTransport(answer)) as http:
            await http.get("https://data.sec.gov/x", user_agent=sec_user_agent(CONTACT))

    asyncio.run(fetch())
    assert CONTACT in agents["data.sec.gov"] and CONTACT not in agents["elsewhere.example"]


# --- the replay ----------------------------------------------------------------------------------


def test_a_replay_of_edgar_answers_gives_the_listed_company_s_8k_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RESEARCH_EDGAR_URL")
    monkeypatch.delenv("RESEARCH_GDELT_URL")
    monkeypatch.delenv("RESEARCH_GOOGLE_NEWS_URL")
    monkeypatch.delenv("RESEARCH_BING_NEWS_URL")
    monkeypatch.setenv("RESEARCH_EDGAR_CONTACT", CONTACT)
    done = runner.invoke(app, ["halvorsen-instruments", "--replay", str(LISTED), "--json"])
    assert done.exit_code == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["failures"] == [] and document["sources_answered"] == 4
    edgar = {e["title"]: e["kind"] for e in document["events"] if e["source"] == "sec-edgar"}
    assert edgar == KINDS
    from_gdelt = [e for e in document["events"] if e["source"] == "gdelt"]
    assert [e["kind"] for e in from_gdelt] == ["launch"]


@pytest.mark.parametrize(
    "value", ["Ann Smith", "ann@", "Ann\nann@example.com", "Ånn ann@example.com"]
)
def test_a_contact_without_an_address_or_not_plain_ascii_is_refused(value: str) -> None:
    done = runner.invoke(app, ["config", "set", "edgar.contact", value])
    assert done.exit_code == 2 and "edgar.contact must be your name and email" in done.stderr
    with pytest.raises(research.ConfigError, match="RESEARCH_EDGAR_CONTACT"):
        research.load_settings({"RESEARCH_EDGAR_CONTACT": value})
