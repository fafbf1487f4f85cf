"""What a replay uses instead of the store, and what a recording keeps besides the responses.

A replay never reads or writes the store or the cache, so the same recording gives the same
answer on any machine. The company is what the caller typed, unless the recording holds that
company as the recorded run resolved it (its saved profile and typed aliases): ``--record``
keeps each one, so a profile's aliases, feeds and domain are asked again exactly.
"""

from __future__ import annotations

from pathlib import Path

from sources import Recorder, Recording, SourceError, load_recording

from ..errors import InvalidInput
from ..models import Company
from ..plan.company import resolve_company
from .encoding import company_from_data, company_to_data


class RecordedCompanies:
    """The companies a recording holds, looked up by slug as the store's profiles are."""

    def __init__(self, recording: Recording) -> None:
        self._companies = {
            slug: _recorded_company(slug, data, recording)
            for slug, data in recording.companies.items()
        }

    def company(self, slug: str) -> Company | None:
        return self._companies.get(slug)


def _recorded_company(slug: str, data: object, recording: Recording) -> Company:
    """A recorded company, checked as a typed name and aliases would be."""
    where = f"the company {slug[:60]!r} in {recording.directory}"
    try:
        company = company_from_data(data)
    except (ValueError, TypeError, AttributeError) as exc:
        raise InvalidInput(f"{where} is malformed: {exc}") from exc
    if company.slug != slug:
        raise InvalidInput(f"{where} has the slug {company.slug[:60]!r}; they must agree")
    resolve_company(company.name, company.aliases)  # the limits on names and aliases
    return company


def open_recording(replay: Path | str) -> Recording:
    """The recording to replay; InvalidInput says what is wrong with the folder."""
    try:
        return load_recording(Path(replay))
    except SourceError as exc:
        raise InvalidInput(exc.message) from exc


def keep_company(recorder: Recorder, company: Company) -> None:
    """Write the company as this run resolved it into the recording, for its replay."""
    try:
        recorder.keep_company(company.slug, company_to_data(company))
    except OSError as exc:
        raise InvalidInput(f"cannot record into {recorder.directory}: {exc}") from exc
