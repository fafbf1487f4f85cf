"""Merging duplicate items: one story, every outlet that carried it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sources import Item, merge_items
from sources.parse.items import make_item
from sources.parse.urls import host_of

from .regen_golden import FEEDS, NOW

UTC = timezone.utc
T0 = datetime(2026, 11, 18, 14, 0, tzinfo=UTC)


def item(
    title: str,
    url: str | None,
    publisher: str,
    domain: str,
    published: datetime | None = T0,
    source: str = "google-news",
    summary: str = "",
) -> Item:
    return make_item(
        title=title,
        url=url,
        published=published,
        summary=summary,
        publisher=publisher,
        publisher_domain=domain,
        source=source,
    )


def test_same_canonical_url_from_google_and_bing_merges_listing_both_sources() -> None:
    google = item(
        "Acme Corp wins 2026 Edison Award for its HomeCell solar battery",
        "https://www.dailyledger.example/business/acme-wins",
        "The Daily Ledger",
        "dailyledger.example",
        T0,
    )
    bing = item(
        "Acme Corp takes home Edison honour",  # a different headline: only the URL matches
        "http://dailyledger.example/business/acme-wins/?utm_source=bing#top",
        "Daily Ledger",
        "dailyledger.example",
        T0 + timedelta(minutes=7),
        source="bing-news",
        summary="Acme Corp took home a 2026 Edison Award.",
    )
    (merged,) = merge_items([google, bing])
    assert merged.published == T0
    assert merged.summary == "Acme Corp took home a 2026 Edison Award."
    # Outlets are deduplicated by domain: one publisher, however many sources carried it.
    assert [o.domain for o in merged.outlets] == ["dailyledger.example"]


def test_near_identical_titles_from_different_outlets_merge() -> None:
    a = item(
        "Acme Corp wins 2026 Edison Award for HomeCell solar battery",
        "https://www.dailyledger.example/a",
        "The Daily Ledger",
        "dailyledger.example",
        T0 + timedelta(hours=2),
    )
    b = item(
        "ACME CORP WINS 2026 EDISON AWARD, FOR HOMECELL SOLAR BATTERY!",
        "https://www.harbortribune.example/b",
        "Harbor - Tribune",
        "harbortribune.example",
        T0,
    )
    c = item(
        "Acme Corp Wins 2026 Edison Award For Its HomeCell Solar Battery",
        "https://www.valleycourier.example/c",
        "Valley Courier",
        "valleycourier.example",
        None,
    )
    (merged,) = merge_items([a, b, c])
    assert merged.outlets[0].domain in {"dailyledger.example", "harbortribune.example"}
    assert sorted(o.domain for o in merged.outlets) == [
        "dailyledger.example",
        "harbortribune.example",
        "valleycourier.example",
    ]
    assert merged.published == T0


def test_same_title_twice_from_the_same_outlet_does_not_merge_by_title() -> None:
    first = item(
        "Acme Corp quarterly results beat expectations",
        "https://www.dailyledger.example/2026/q2",
        "The Daily Ledger",
        "dailyledger.example",
        T0 - timedelta(days=90),
    )
    second = item(
        "Acme Corp quarterly results beat expectations",
        "https://www.dailyledger.example/2026/q3",
        "The Daily Ledger",
        "dailyledger.example",
        T0,
    )
    merged = merge_items([first, second])
    assert [m.url for m in merged] == [first.url, second.url]
    assert [m.published for m in merged] == [first.published, second.published]


def test_clearly_different_headlines_sharing_words_do_not_merge() -> None:
    items = [
        item(
            "Acme Corp wins Edison Award for HomeCell solar battery",
            "https://a.example/1",
            "A",
            "a.example",
        ),
        item(
            "Acme Corp recalls HomeCell solar battery chargers over fire risk",
            "https://b.example/2",
            "B",
            "b.example",
        ),
        item(
            "Acme Corp HomeCell solar battery review: worth the price",
            "https://c.example/3",
            "C",
            "c.example",
        ),
        item(
            "Acme Corp shares rise after HomeCell solar battery wins Edison Award",
            "https://d.example/4",
            "D",
            "d.example",
        ),
    ]
    merged = merge_items(items)
    assert [m.title for m in merged] == [i.title for i in items]
    assert all(len(m.outlets) == 1 for m in merged)


def test_short_titles_need_to_be_identical() -> None:
    items = [
        item("Acme Corp wins", "https://a.example/1", "A", "a.example"),
        item("Acme Corp wins again", "https://b.example/2", "B", "b.example"),
        item("acme corp WINS", "https://c.example/3", "C", "c.example"),
    ]
    merged = merge_items(items)
    assert [len(m.outlets) for m in merged] == [2, 1]


def test_merged_item_takes_earliest_date_and_a_publisher_url() -> None:
    aggregator = item(
        "Acme Corp lands $400 million storage order from Pacific Crest Utilities",
        "https://news.google.com/rss/articles/CBMiQVVfeXFMopaque?oc=5",
        "Grid Weekly",
        "gridweekly.example",
        T0 - timedelta(hours=5),
        summary="A summary only the aggregator item has.",
    )
    publisher = item(
        "Acme Corp Lands $400 Million Storage Order From Pacific Crest Utilities",
        "https://www.energydeskdaily.example/utilities/acme-order",
        "Energy Desk Daily",
        "energydeskdaily.example",
        T0,
        source="bing-news",
    )
    for ordered in ([aggregator, publisher], [publisher, aggregator]):
        (merged,) = merge_items(ordered)
        assert merged.url == "https://www.energydeskdaily.example/utilities/acme-order"
        assert merged.published == T0 - timedelta(hours=5)
        assert merged.summary == "A summary only the aggregator item has."
        assert {o.domain for o in merged.outlets} == {
            "gridweekly.example",
            "energydeskdaily.example",
        }
        assert merged.outlets[0].domain == "energydeskdaily.example"


def test_merged_undated_and_dated_takes_the_known_date() -> None:
    a = item(
        "Acme Corp opens new Denver headquarters", "https://a.example/1", "A", "a.example", None
    )
    b = item("Acme Corp opens new Denver headquarters", "https://b.example/2", "B", "b.example", T0)
    (merged,) = merge_items([a, b])
    assert merged.published == T0


def test_aggregator_urls_never_merge_by_url() -> None:
    link = "https://news.google.com/rss/articles/CBMiQVVfeXFMsame?oc=5"
    a = item("Acme Corp opens Denver office", link, "Front Range", "frontrange.example")
    b = item("Beta Inc recalls toasters nationwide", link, "Consumer", "consumer.example")
    assert len(merge_items([a, b])) == 2


def test_outlets_deduplicated_by_domain_and_order_of_first_appearance_kept() -> None:
    items = [
        item("Acme Corp posts record revenue", "https://x.example/r", "X News", "x.example"),
        item("Beta Inc opens a new plant in Ohio", "https://y.example/p", "Y", "y.example"),
        item("Acme Corp posts record revenue", "https://www.x.example/r/", "X", "x.example"),
        item("Acme Corp posts record revenue!", "https://z.example/q", "Z", "z.example"),
    ]
    merged = merge_items(items)
    assert [m.title.rstrip("!") for m in merged] == [
        "Acme Corp posts record revenue",
        "Beta Inc opens a new plant in Ohio",
    ]
    assert [o.domain for o in merged[0].outlets] == ["x.example", "z.example"]


def test_real_google_and_bing_fixtures_merge_into_twenty_stories() -> None:
    import sources

    google, bing = sources.builtin_sources()
    google_items = google.parse(
        (FEEDS / "google-news-acme-corp.xml").read_bytes(), {}, url="https://g.example/", now=NOW
    ).items
    bing_items = bing.parse(
        (FEEDS / "bing-news-acme-corp.xml").read_bytes(), {}, url="https://b.example/", now=NOW
    ).items
    assert (len(google_items), len(bing_items)) == (14, 9)

    for ordered in ([*google_items, *bing_items], [*bing_items, *google_items]):
        merged = merge_items(ordered)
        assert len(merged) == 20
        edison = [m for m in merged if "Edison Award" in m.title]
        assert len(edison) == 1
        assert [o.name for o in edison[0].outlets] == ["The Daily Ledger", "Harbor - Tribune"]
        assert edison[0].url == (
            "https://www.dailyledger.example/business/2026/11/18/"
            "acme-corp-wins-edison-award-solar-battery"
        )
        assert edison[0].published == datetime(2026, 11, 18, 14, 5, tzinfo=UTC)

        brightwell = [m for m in merged if "Brightwell" in m.title]
        assert len(brightwell) == 1
        assert brightwell[0].published == datetime(2026, 11, 10, 13, 0, tzinfo=UTC)
        assert brightwell[0].url == (
            "https://www.freightwireweekly.example/news/"
            "acme-brightwell-fleet-electrification-partnership"
        )
        assert [o.domain for o in brightwell[0].outlets] == ["freightwireweekly.example"]

        # Same outlet, different stories: the two Metro Business Daily items stay apart.
        metro = [m for m in merged if m.publisher_domain == "metrobizdaily.example"]
        assert len(metro) == 2
        # Everything else is a story of its own.
        assert sum(len(m.outlets) for m in merged) == 21


def test_same_outlet_reached_through_an_aggregator_and_directly_merges() -> None:
    from datetime import datetime, timezone

    from sources import merge_items
    from sources.parse.items import make_item

    when = datetime(2026, 11, 18, tzinfo=timezone.utc)
    via_google = make_item(
        title="Acme Corp wins Edison Award",
        url="https://news.google.com/rss/articles/CBMiAU_yqLopaque?oc=5",
        published=when,
        summary="",
        publisher="The Daily Ledger",
        publisher_domain="dailyledger.example",
        source="google-news",
    )
    direct = make_item(
        title="Acme Corp wins Edison Award",
        url="https://www.dailyledger.example/acme-award",
        published=when,
        summary="",
        publisher="The Daily Ledger",
        publisher_domain="dailyledger.example",
        source="bing-news",
    )
    merged = merge_items([via_google, direct])
    assert len(merged) == 1
    assert merged[0].url == "https://www.dailyledger.example/acme-award"


def test_forty_outlets_of_each_headline_make_one_story_each_listing_all_forty() -> None:
    # Syndicated copies, mixed as a search answer mixes them: every fourth through Google News,
    # some in capitals, some with words added or dropped (at the edge of near-identical), beside
    # a headline that shares most of their words but tells another story.
    award = "Acme Corp wins 2026 Edison Award for its HomeCell solar battery"
    retelling = {
        3: award.upper(),
        5: "Acme Corp takes 2026 Edison Award for its HomeCell solar battery",
        7: "Acme Corp wins Edison Award for HomeCell solar battery",
        9: "Acme Corp reportedly wins 2026 Edison Award for its HomeCell solar battery today",
    }
    headlines = [
        award,
        "Acme Corp opens new Denver headquarters with 400 jobs",
        "Acme Corp wins 2026 Edison Award for its HomeCell solar inverter line",
    ]
    items = [
        item(
            retelling.get(outlet % 10, title) if title == award and outlet else title,
            f"https://news.google.com/rss/articles/CBMi{story}x{outlet}?oc=5"
            if outlet % 4 == 0
            else f"https://www.outlet{outlet}.example/{story}",
            f"Outlet {outlet}",
            f"outlet{outlet}.example",
            T0 + timedelta(minutes=outlet),
        )
        for outlet in range(40)
        for story, title in enumerate(headlines)
    ]
    merged = merge_items(items)
    # Each told by its shortest headline with a publisher's link, that publisher first.
    assert [(m.title, m.url) for m in merged] == [
        (retelling[7], "https://www.outlet7.example/0"),
        (headlines[1], "https://www.outlet1.example/1"),
        (headlines[2], "https://www.outlet1.example/2"),
    ]
    every_outlet = {f"outlet{n}.example" for n in range(40)}
    for told in merged:
        assert len(told.outlets) == 40
        assert {o.domain for o in told.outlets} == every_outlet
        assert told.outlets[0].domain == host_of(told.url)
        assert told.published == T0


def test_an_outlet_repeating_a_headline_others_carried_stays_a_story_of_its_own() -> None:
    title = "Acme Corp quarterly results beat expectations"
    first = item(title, "https://a.example/q2", "A", "a.example", T0 - timedelta(days=90))
    carried = item(title, "https://b.example/q2", "B", "b.example", T0 - timedelta(days=90))
    again = item(title, "https://b.example/q3", "B", "b.example", T0)
    merged = merge_items([first, carried, again])
    assert [([o.domain for o in m.outlets], m.published) for m in merged] == [
        (["a.example", "b.example"], T0 - timedelta(days=90)),
        (["b.example"], T0),
    ]
