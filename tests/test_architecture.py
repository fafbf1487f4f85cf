"""The shape of the code: the public surface, and which modules may do I/O."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

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
    "research/judge/patterns.py", "research/judge/bad_news.py", "research/judge/syntax.py", "research/judge/subject.py", "research/judge/reading.py",
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
    for heavy in ("feedparser", "bs4", "trafilatura", "sqlite3", "httpx", "logging"):
        assert heavy not in loaded, heavy


def test_the_library_logs_nowhere_until_a_program_says_where() -> None:
    """The modules that log make their logger through research.logs, which gives ``research`` a
    NullHandler: a program that configures no logging never sees our lines on its stderr."""
    code = (
        "import logging, research.plan.filers, research.store.profiles; "
        "print([type(h).__name__ for h in logging.getLogger('research').handlers])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["['NullHandler']"]
    for name, path in _module_files().items():
        if name.startswith("research."):
            assert "getLogger(__name__)" not in path.read_text(encoding="utf-8"), name


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
    newsroom discovery or page reading, no note, and neither the store nor the digest (it reads
    and writes no saved state)."""
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
                     "rich", "click", "research.store.research_db", "research.digest.data"):  # fmt: skip
        assert unneeded not in loaded, unneeded


# --- the layers of the tree ---------------------------------------------------------------------

PACKAGES = ("research", "sources")
MAX_MODULE_LINES = 400


def _module_files() -> dict[str, Path]:
    """Every module of both packages by dotted name (a package by its ``__init__.py``)."""
    modules: dict[str, Path] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _import_graph() -> dict[str, set[str]]:
    """Which of our modules each of our modules imports, at the top or inside a function (an
    import deferred to a call still ties the two modules together)."""
    modules = _module_files()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imports(path):
            if imported in modules:
                targets.add(imported)
            elif imported.rpartition(".")[0] in modules:  # a name imported from a module
                targets.add(imported.rpartition(".")[0])
        graph[name] = targets - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    assert _cycles(_import_graph()) == []


def test_no_module_is_over_400_lines() -> None:
    """Small rooms: a module that grows past this has more than one job."""
    long = {
        name: lines
        for name, path in _module_files().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def _importers_of(prefixes: tuple[str, ...], graph: dict[str, set[str]]) -> dict[str, set[str]]:
    return {
        name: {target for target in targets if target.startswith(prefixes)}
        for name, targets in graph.items()
        if any(target.startswith(prefixes) for target in targets)
    }


def test_the_library_never_imports_its_front_ends() -> None:
    """The command line and the MCP server are thin layers over the library, never under it."""
    graph = _import_graph()
    front_ends = ("research.cli", "research.mcp", "research.__main__")
    importers = _importers_of(front_ends, graph)
    assert {name for name in importers if not name.startswith(front_ends)} == set()


def test_parsing_never_reaches_the_network() -> None:
    """sources.parse reads bytes it is given; only sources.net talks to servers."""
    graph = _import_graph()
    network = ("sources.net", "sources.fetch", "sources.discover", "sources.providers")
    importers = _importers_of(network, graph)
    assert {name for name in importers if name.startswith("sources.parse")} == set()


def test_the_pure_stages_never_import_the_store() -> None:
    """Judging and writing decide from data: the store and the run's wiring sit above them."""
    graph = _import_graph()
    above = ("research.store", "research.api", "research.digest.weekly", "research.runner")
    importers = _importers_of(above, graph)
    pure = ("research.judge", "research.write")
    assert {name: sorted(t) for name, t in importers.items() if name.startswith(pure)} == {}


def test_httpx_command_line_still_runs_when_asked_for() -> None:
    """sources.net stands in for httpx's command-line module so importing httpx stays cheap; a
    program that calls httpx.main() still gets the real one."""
    pytest.importorskip("click")
    pytest.importorskip("rich")
    code = (
        "import sys, sources.net, httpx\n"
        "assert 'rich' not in sys.modules\n"
        "try:\n    httpx.main(['--help'])\nexcept SystemExit as stop:\n    print('exit', stop.code)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "exit 0"
    assert "Usage" in done.stdout
