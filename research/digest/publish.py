"""Saving a week's digest: recorded in the store first, then written as files beside the Atom
feed of saved digests; and which weeks a daily timer should still write."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .. import arguments
from ..config import Settings, checked_settings, load_settings
from ..errors import InvalidInput
from ..models import Event
from ..store.files import write_atomic
from ..store.research_db import Store, WeekRecord
from .data import Digest, IsoWeek, SavedDigest, with_reported
from .render import digest_feed, digest_fragment, digest_summary

DIGEST_FORMATS = ("md", "html")
FEED_FILE = "feed.xml"


def digest_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The checked output formats (md, html), in the order given, without repeats."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in chosen if f not in DIGEST_FORMATS]
    if unknown or not chosen:
        raise InvalidInput(
            f"digest formats are {', '.join(DIGEST_FORMATS)} (comma-separated); "
            f"got {', '.join(formats) or 'none'}"
        )
    return chosen


def save_digest(
    digest: Digest,
    *,
    out: Path | str | None = None,
    formats: Sequence[str] = DIGEST_FORMATS,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> tuple[Path, ...]:
    """Record the digest, then write its files and the Atom feed of saved digests.

    What a week's digest reported stays in it, whoever writes last, and the files never show
    news the store does not hold:

    1. The store first, in one write transaction: the digest is merged with what the week holds
       as it is written (another process may have recorded news this digest did not see since
       it read the week), its events are marked reported, and the week is marked as having its
       files still to write, so it stays due (``--if-due``) until they are.
    2. Then, in a second write transaction (which makes writers of the files take turns), the
       digest is merged again with what the store now holds, and the files are written from
       that, each to a temporary file and renamed, so a crash or full disk never leaves half a
       file. The mark is cleared only when every file was written.

    A failure between the two (a full disk, a killed process) leaves the news recorded and the
    week due; the next run writes the files from the store. Files go to ``out`` (default:
    ``digests/`` under the data folder). Returns the paths written, the feed last.

    A replayed or offline digest is refused (InvalidInput): it is not the week's digest, and
    saving it would mark the week written. Write ``digest.to_markdown()`` where you like.
    """
    arguments.one_of("digest", digest, (Digest,), "a Digest from weekly_digest()")
    if digest.replayed or digest.offline:
        kind = "replayed" if digest.replayed else "offline"
        raise InvalidInput(
            f"a {kind} digest is not saved as the {digest.week} digest (that would mark the "
            "week written); write digest.to_markdown() or digest.to_html() where you like"
        )
    arguments.path("out", out)
    formats = arguments.items("formats", formats, "formats such as 'md'", item=arguments.text)
    checked_settings(settings)
    arguments.aware("now", now)
    chosen = digest_formats(formats)
    settings = settings or load_settings()
    now = now or datetime.now(timezone.utc)
    folder = Path(out).expanduser() if out is not None else settings.home / "digests"
    store = Store(settings.store_path)
    paths = [folder / f"{digest.week}.{extension}" for extension in chosen]
    feed = folder / FEED_FILE
    link = paths[chosen.index("html")].name if "html" in chosen else paths[0].name
    merged = digest

    def build(record: WeekRecord) -> tuple[SavedDigest, list[tuple[str, Event]]]:
        nonlocal merged
        merged = with_reported(digest, record.events, record.elsewhere)
        body = digest_fragment(merged)
        before = record.saved
        saved = SavedDigest(
            week=digest.week,
            updated=before.updated if before and before.body_html == body else now,
            summary=digest_summary(merged),
            body_html=body,
            link=link,
        )
        return saved, [(s.company.slug, e) for s in merged.sections for e in s.events]

    def publish(every: list[SavedDigest]) -> None:
        renderers = {"md": merged.to_markdown, "html": merged.to_html}
        for extension, path in zip(chosen, paths, strict=True):
            write_atomic(path, renderers[extension]())
        write_atomic(feed, digest_feed(every, updated=max(s.updated for s in every)))

    slugs = [s.company.slug for s in digest.sections]
    store.record_week(digest.week, slugs, now, build)
    store.record_week(digest.week, slugs, now, build, publish)
    return (*paths, feed)


def due_weeks(
    week: str | IsoWeek | None = None,
    *,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> list[IsoWeek | str]:
    """The digests a daily timer should write now.

    With no ``week``: this week's, if it was never written, and last week's, if its last
    writing came before the week ended (so it is completed once). With a ``week``: that week,
    if it was never written. A week whose files could not all be written counts as not
    written, so the next run writes them.
    """
    arguments.one_of(
        "week", week, (str, IsoWeek, type(None)), "an ISO week such as 2026-W14 or None"
    )
    checked_settings(settings)
    arguments.aware("now", now)
    now = now or datetime.now(timezone.utc)
    store = Store((settings or load_settings()).store_path)
    if week is not None:
        chosen = week if isinstance(week, IsoWeek) else IsoWeek.parse(week)
        return [] if store.digest_written(chosen) else [chosen]
    this_week = IsoWeek.of(now)
    last_week = IsoWeek.of(this_week.start - timedelta(days=1))
    due: list[IsoWeek | str] = []
    written = store.digest_written(last_week)
    if (written is not None and written < last_week.end) or store.digest_files_pending(last_week):
        due.append(last_week)
    if store.digest_written(this_week) is None:
        due.append(this_week)
    return due


__all__ = ["DIGEST_FORMATS", "due_weeks", "save_digest"]
