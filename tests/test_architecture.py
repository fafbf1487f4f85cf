"""The shape of the code: the public surface, and which modules may do I/O."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import research
import sources

ROOT = Path(__file__).resolve().parent.parent

PUBLIC_RESEARCH = {
    "Company", "ConfigError", "Event", "EventKind", "InvalidInput", "Outlet", "ResearchError",
    "Result", "Settings", "Skipped", "SourceFailure", "StoreBusy", "StoreError", "load_settings",
    "research", "research_async", "resolve_company", "result_to_dict", "slugify",
    "DiscoveryFailed", "UnknownCompany", "add_company", "discover_company",
    "discover_company_async", "get_company", "list_companies", "remove_company",
    "Classification", "classify", "NotCongratulable", "Snippet", "congratulate", "NoteDraft", "draft_note",
    "CompanySection", "Digest", "DigestFailure", "IsoWeek", "OutputError", "WatchEntry",
    "unwatch", "watch", "watched", "save_digest", "weekly_digest", "weekly_digest_async",
    "Signature", "SourcesFailed", "Tone", "Round", "Discovery", "damaged_companies",
    "Article", "Articles", "find_articles", "find_articles_async",
}  # fmt: skip


def test_research_exports_exactly_its_public_api() -> None:
    assert set(research.__all__) == PUBLIC_RESEARCH
    for name in research.__all__:
        assert getattr(research, name) is not None


def test_sources_exports_resolve() -> None:
    for name in sources.__all__:
        assert hasattr(sources, name), name


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(output.split())


def test_sources_never_imports_research() -> None:
    loaded = _modules_after_import("sources")
    assert not any(name == "research" or name.startswith("research.") for name in loaded)


PURE_MODULES = {
    "research/judge/rules.py", "research/write/phrase.py", "research/judge/rank.py", "research/plan/company.py",
    "research/write/render.py", "research/models.py", "research/errors.py", "research/judge/match.py",
    "research/plan/words.py", "research/judge/evaluate.py", "sources/parse/pages.py", "sources/parse/urls.py",
    "sources/net/robots.py", "research/write/snippets.py", "research/judge/topics.py", "research/judge/outlets.py", "research/judge/articles.py", "research/write/note.py",
    "sources/providers/endpoints.py", "sources/parse/text.py", "sources/parse/merge.py", "sources/parse/feeds.py",
    "sources/models.py", "sources/errors.py", "research/digest/data.py", "research/digest/render.py",
    "sources/net/addresses.py", "research/write/details.py", "research/write/signature.py",
    "sources/parse/filings.py", "sources/providers/gdelt.py", "sources/providers/wires.py", "research/plan/switches.py",
    "research/write/figures.py", "research/write/approvals.py", "research/write/share_issues.py",
    "research/write/kind_details.py", "research/write/verbs.py", "research/write/noun_phrases.py",
    "research/write/casing.py", "research/write/headline.py", "research/write/headline_shapes.py",
    "research/store/encoding.py", "research/limits.py",
    "sources/net/inflate.py", "sources/parse/items.py",
    "research/judge/patterns.py", "research/judge/syntax.py", "research/judge/subject.py", "research/judge/reading.py",
    "research/write/results_terms.py", "research/write/share_moves.py", "research/write/voices.py",
    "research/write/congratulate.py",
}  # fmt: skip
IO_MODULES = {"httpx", "sqlite3", "os", "socket", "asyncio", "pathlib", "time", "subprocess",
              "research.store.research_db", "research.api", "research.config", "sources.net.http",
              "sources.fetch", "sources.net.replay"}  # fmt: skip


def _imports(path: Path) -> set[str]:
    """Absolute module names a file imports (relative imports resolved against its package)."""
    package = path.parent.relative_to(ROOT).parts
    names: set[str] = set()
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []  # imports for type annotations only never run
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parent = package[: len(package) - (node.level - 1)]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_pure_modules_do_no_io() -> None:
    """Classify, rank, phrase, parse and render decide from data alone: no I/O, no clock."""
    for relative in sorted(PURE_MODULES):
        imported = _imports(ROOT / relative)
        assert not imported & IO_MODULES, (relative, imported & IO_MODULES)
        assert "datetime.now" not in (ROOT / relative).read_text(), relative


def test_pure_modules_load_no_network_or_storage_library() -> None:
    """The same, as Python sees it: importing a pure module pulls in no I/O library at all."""
    for relative in sorted(PURE_MODULES):
        module = relative.removesuffix(".py").replace("/", ".")
        loaded = _modules_after_import(module)
        assert not loaded & {"httpx", "sqlite3", "sources.net.http", "research.store.research_db"}, module


def test_help_does_not_import_heavy_libraries() -> None:
    loaded = _modules_after_import("research.cli")
    for heavy in ("feedparser", "bs4", "trafilatura", "sqlite3", "httpx"):
        assert heavy not in loaded, heavy


def test_cli_annotations_are_objects_not_text() -> None:
    """Typer reads each command's annotations at every start: as text they are compiled and
    evaluated again each time (see research/cli/common.py)."""
    modules = sorted((ROOT / "research/cli").glob("*.py"))
    assert len(modules) > 5
    for module in modules:
        tree = ast.parse(module.read_text())
        future = [
            n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == "__future__"
        ]
        assert not any(alias.name == "annotations" for node in future for alias in node.names), (
            module
        )


def test_a_replay_loads_only_what_it_needs(acme_replay: Path) -> None:
    """A replay brings its own transport and reads feeds: no connection guard (httpcore), no
    newsroom discovery or page reading, no note."""
    code = (
        "import sys; from research.cli import main; "
        f"sys.argv = ['research', 'acme-corp', '--replay', {str(acme_replay)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stderr.split())
    assert "research.judge.weights" in loaded  # it did judge
    for unneeded in ("httpcore", "sources.net.netguard", "sources.discover", "sources.parse.pages",
                     "sources.providers.newsroom", "research.write.note", "research.store.profiles", "trafilatura",
                     "rich", "click"):  # fmt: skip
        assert unneeded not in loaded, unneeded
