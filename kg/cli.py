"""The ``kg`` command line: one thin command per stage.

Data goes to stdout, progress and errors to stderr. Library errors
(``KgError``) become one line ``Error: ...`` and exit code 1; usage errors
exit 2. ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from kg.errors import InputError, KgError, QueryParamError

if TYPE_CHECKING:  # the commands import what they need when they run
    from kg.captions import Captions
    from kg.settings import Settings
    from kg.store import Store

app = typer.Typer(
    name="kg",
    help="German diplomacy news -> knowledge graph: build, query, view.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])

StoreOpt = Annotated[Path | None, typer.Option("--store", help="Triplestore folder (default: build/store).")]
EndpointOpt = Annotated[str | None, typer.Option("--endpoint", help="SPARQL query endpoint URL of a server to use instead of the built-in store.")]
QueriesDirOpt = Annotated[Path | None, typer.Option("--queries-dir", help="Folder of named .rq queries.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]


def _err(message: str) -> None:
    typer.echo(message, err=True)


def handles_errors(func: F) -> F:
    """Turn library errors into one line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            if kwargs.get("debug"):
                raise
            _err(f"Error: {exc}")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _settings(**overrides: Any) -> Settings:
    from kg.settings import Settings

    return Settings.from_pyproject(**overrides)


def _open_store(store: Path | None, endpoint: str | None, settings: Settings) -> Store:
    from kg.store import OxigraphStore
    from kg.store_http import SparqlEndpointStore

    if endpoint:
        return SparqlEndpointStore(endpoint)
    return OxigraphStore.open_existing(store or settings.store_path)


class Switch(str, Enum):
    on = "on"
    off = "off"


@app.command()
@handles_errors
def build(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html, .htm, .jsonl, .jsonl.gz).")],
    store: StoreOpt = None,
    build_dir: Annotated[Path | None, typer.Option("--build-dir", help="Folder for exports (default: build).")] = None,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Skip the statistical NER (gazetteer and rules only).")] = False,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Skip unreadable files and records instead of stopping.")] = False,
    lang_check: Annotated[Switch, typer.Option("--lang-check", help="Warn about articles that are not German.")] = Switch.on,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Processes for NLP and extraction (default 2; 1 = none).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Build the knowledge graph of a folder of articles into the store.

    Example: kg build seeds/
    """
    settings = _settings(store_dir=store, build_dir=build_dir, use_ner=False if no_ner else None,
                         skip_bad_input=True if skip_bad else None,
                         lang_check=False if lang_check is Switch.off else None, workers=workers)

    from kg.progress import ProgressBar

    bar = ProgressBar(sys.stderr)

    def warn(message: str) -> None:
        if bar.open:
            _err("")
        _err(f"warning: {message}")

    try:
        from kg.pipeline import build as run_build

        result = run_build(paths, settings, progress=None if quiet else bar, warn=warn)
    except KeyboardInterrupt:
        if bar.open:
            _err("")
        # the store is replaced atomically, with Ctrl-C held off meanwhile
        _err("interrupted; the store is unchanged")
        raise typer.Exit(130) from None
    for message in result.skipped:
        _err(f"skipped: {message}")
    s = result.summary()
    typer.echo(f"articles  {s['articles']}")
    typer.echo(f"entities  {s['entities']}")
    typer.echo(f"claims    {s['claims']}")
    facts: dict[str, int] = s["facts"]  # type: ignore[assignment]
    typer.echo(f"facts     {sum(facts.values())}  (" + ", ".join(f"{k} {v}" for k, v in facts.items()) + ")")
    typer.echo(f"triples   {s['triples']}")
    typer.echo(f"store     {s['store']}")
    typer.echo(f"exports   {', '.join(str(p) for p in result.exports)}")


@app.command("queries")
@handles_errors
def list_queries(queries_dir: QueriesDirOpt = None, debug: DebugOpt = False) -> None:
    """List the named queries with their summaries.

    Example: kg queries
    """
    from kg.queries import discover

    settings = _settings(queries_dir=queries_dir)
    found = discover(settings.queries_dir)
    width = max(len(n) for n in found) if found else 0
    for name, q in sorted(found.items()):
        params = f"  [params: {', '.join(p for p, _ in q.params)}]" if q.params else ""
        typer.echo(f"{name:<{width}}  {q.summary}{params}")


@app.command()
@handles_errors
def query(
    name: Annotated[str | None, typer.Argument(help="Name of a query in queries/ (see 'kg queries').")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Run your own .rq file instead.")] = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="SELECT: table (default), json (SPARQL 1.1 Results JSON), csv or tsv; ASK: true/false (json: Results JSON); CONSTRUCT/DESCRIBE: turtle (default) or ntriples.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="k=v, for a query that declares params.")] = None,
    iri: Annotated[bool, typer.Option("--iri", help="Table: also show the fact/entity IRI column.")] = False,
    queries_dir: QueriesDirOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Run a named query (or --file) and print its results: SELECT, ASK, CONSTRUCT or DESCRIBE.

    Example: kg query facts_about --param label=russland
    """
    from kg.queries import FORMATS, discover, find_query, load_query_file, run_query, serialize

    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}'; use {', '.join(FORMATS)}", param_hint="--format")
    if (name is None) == (file is None):
        raise typer.BadParameter("give a query NAME or --file FILE (one of them)")
    settings = _settings(queries_dir=queries_dir)
    named = load_query_file(file) if file is not None else find_query(discover(settings.queries_dir), name or "")
    params = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise QueryParamError(f"--param {item!r} is not key=value; e.g. --param since=2024-06-01")
        params[key.strip()] = value
    db = _open_store(store, endpoint, settings)
    try:
        result = run_query(db, named, params)
    finally:
        db.close()
    sys.stdout.write(serialize(result, fmt, iri=iri))


@app.command()
@handles_errors
def view(
    name: Annotated[str | None, typer.Argument(help="A query to draw (default: all fact queries).")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("build/views/graph.html"),
    actors: Annotated[bool, typer.Option("--actors", help="Actor network: entities joined by the facts they share.")] = False,
    focus: Annotated[str | None, typer.Option("--focus", help="Only this entity (label) and its neighbourhood.")] = None,
    hops: Annotated[int, typer.Option("--hops", help="With --focus: how many facts away.")] = 1,
    kind: Annotated[str | None, typer.Option("--kind", help="Only these fact queries, e.g. visits,meetings.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only facts dated on or after (2024, 2024-06, 2024-06-20).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only facts dated on or before.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Draw the N entities in most facts; the rest are counted.")] = 300,
    lang: Annotated[str, typer.Option("--lang", help="Captions and tooltips in de (default) or en, from the ontology's labels.")] = "de",
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    queries_dir: QueriesDirOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write an interactive network view (self-contained HTML, works offline).

    Only entities that take part in facts are drawn.

    Example: kg view --actors --focus Putin --hops 2 -o build/views/putin.html
    """
    from kg.captions import captions
    from kg.viewcut import actor_network, cut, find_entity
    from kg.viz import write_html

    cap = captions(lang)
    full = _fact_graph(name, store, endpoint, queries_dir, cap)
    kinds = [k.strip() for k in (kind or "").split(",") if k.strip()]
    shown = cut(full, kinds=kinds, since=since, until=until, focus=focus, hops=hops, limit=limit)
    graph = actor_network(shown.graph) if actors else shown.graph
    note = cap.text("hidden", entities=shown.hidden_entities, facts=shown.hidden_facts) \
        if shown.hidden_entities or shown.hidden_facts else ""
    output.parent.mkdir(parents=True, exist_ok=True)
    centre = find_entity(shown.graph, focus) if focus else None
    title = f"diplomacy-kg: {name or cap.text('all_facts')}" + (f" ({cap.text('actors')})" if actors else "") \
        + (f", {centre}" if centre else "")
    write_html(graph, output, title=title, note=note, captions=cap, focus=centre)
    typer.echo(f"{output}  ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
               f"{shown.hidden_entities} entities and {shown.hidden_facts} facts not drawn)")


@app.command()
@handles_errors
def stats(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    top: Annotated[int, typer.Option("--top", help="How many actors, communities and pairs to list.")] = 10,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    queries_dir: QueriesDirOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Graph analytics: central actors, communities, the pairs with most facts, facts per month and kind.

    Example: kg stats --format json
    """
    from kg.graphstats import graph_stats

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"unknown format '{fmt}'; use table or json", param_hint="--format")
    result = graph_stats(_fact_graph(None, store, endpoint, queries_dir, with_evidence=False), top=top)
    sys.stdout.write(result.to_json() + "\n" if fmt == "json" else result.to_table())


def _fact_graph(name: str | None, store: Path | None, endpoint: str | None, queries_dir: Path | None,
                captions: Captions | None = None, *, with_evidence: bool = True) -> Any:
    """The entity-fact graph of one named query, or of all fact queries (with the facts' evidence)."""
    from kg.queries import LIBRARY_DIR, discover, find_query, load_query_file, rows, run_query
    from kg.viz import evidence_by_fact, to_networkx

    settings = _settings(queries_dir=queries_dir)
    found = discover(settings.queries_dir)
    # all fact queries: not entities, not those that need parameters
    # (facts_about) nor the disagreements between sources (conflicts)
    names = [find_query(found, name).name] if name else [
        n for n in sorted(found) if n not in ("entities", "conflicts") and not found[n].required]
    db = _open_store(store, endpoint, settings)
    try:
        results = {n: rows(run_query(db, found[n], {})) for n in [*names, "entities"] if n in found}
        evidence = evidence_by_fact(rows(run_query(db, load_query_file(LIBRARY_DIR / "fact_evidence.rq"), {}))) \
            if with_evidence else {}
    finally:
        db.close()
    return to_networkx(results, evidence=evidence, captions=captions)


@app.command()
@handles_errors
def validate(store: StoreOpt = None, debug: DebugOpt = False) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl.

    Example: kg validate
    """
    from kg.validate import validate_store

    settings = _settings()
    db = _open_store(store, None, settings)
    try:
        report = validate_store(db, settings.ontology_dir / "shapes.ttl")
    finally:
        db.close()
    for line in report.lines():
        typer.echo(line)
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
@handles_errors
def load(
    endpoint: Annotated[str, typer.Option("--endpoint", help="Graph Store Protocol URL of the server, e.g. http://127.0.0.1:7878/store")],
    store: StoreOpt = None,
    add: Annotated[bool, typer.Option("--add", help="Keep the server's other graphs (default: the server then holds exactly this build).")] = False,
    debug: DebugOpt = False,
) -> None:
    """Copy the built graph into a SPARQL server (one named graph per article).

    Afterwards the server holds exactly this build: graphs of articles that
    are not in it are removed, unless --add is given.

    Example: kg load --endpoint http://127.0.0.1:7878/store
    """
    from kg.store import OxigraphStore
    from kg.store_http import SparqlEndpointStore

    settings = _settings()
    local = OxigraphStore.open_existing(store or settings.store_path)
    try:
        data = local.dump_nquads()
    finally:
        local.close()
    remote = SparqlEndpointStore.from_graph_store_url(endpoint)
    removed = remote.load(data, add=add)
    quads = data.count(b"\n")
    note = f"; removed {len(removed)} graph{'' if len(removed) == 1 else 's'} not in this build" if removed else ""
    typer.echo(f"loaded {quads} quads into {endpoint}{note}")


@app.command("train-ner")
@handles_errors
def train_ner(
    data: Annotated[Path, typer.Option("--data", help="GermEval 2014 folder (dev.tsv, test.tsv).")] = Path("../shared/data/germeval2014"),
    output: Annotated[Path | None, typer.Option("--output", help="Model folder (default: the shipped model).")] = None,
    max_steps: Annotated[int | None, typer.Option("--max-steps", help="Training steps.")] = None,
    debug: DebugOpt = False,
) -> None:
    """Retrain the German NER on GermEval 2014 and report held-out scores.

    Example: kg train-ner --data ../shared/data/germeval2014
    """
    from kg.ner import default_model_dir
    from kg.training.ner import train_ner as run_train

    if max_steps is not None:
        report = run_train(data, output or default_model_dir(), log=_err, max_steps=max_steps)
    else:
        report = run_train(data, output or default_model_dir(), log=_err)
    typer.echo(report.to_markdown())


@app.command()
@handles_errors
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold YAML file (format: ../shared/eval/README.md).")],
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List missed and spurious facts.")] = False,
    queries_dir: QueriesDirOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Score the graph against a gold file: precision, recall, attributes, provenance.

    Example: kg evaluate ../shared/eval/seeds.gold.yaml --show-errors
    """
    from kg.evaluation.report import evaluate_store, format_report

    settings = _settings(queries_dir=queries_dir)
    db = _open_store(store, endpoint, settings)
    try:
        report = evaluate_store(db, gold, settings.queries_dir)
    finally:
        db.close()
    typer.echo(format_report(report, show_errors=show_errors))


@app.command()
@handles_errors
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="trig (default), nquads, jsonld (keep the named graphs) or turtle (all graphs merged).")] = "trig",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
    store: StoreOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write the graph in the store as TriG, N-Quads, JSON-LD or Turtle.

    Example: kg export --format turtle -o build/graph.ttl
    """
    from kg.store import EXPORT_FORMATS, OxigraphStore, export_dataset

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}'; use {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    settings = _settings()
    db = OxigraphStore.open_existing(store or settings.store_path)
    try:
        nquads = db.dump_nquads()
    finally:
        db.close()
    data = export_dataset(nquads, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}; pass another -o FILE") from None
    quads = nquads.count(b"\n")
    _err(f"wrote {quads} quads as {fmt} to {output}")


@app.command()
@handles_errors
def explain(
    target: Annotated[str, typer.Argument(help="A fact IRI, an entity IRI, or an entity's name (case and accents ignored).")],
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Who says so: a fact (or every fact of an entity) with each claim's article, offsets and sentence.

    Example: kg explain putin
    """
    from kg.explain import explain as run_explain
    from kg.explain import format_explained

    settings = _settings()
    db = _open_store(store, endpoint, settings)
    try:
        facts = run_explain(db, target)
    finally:
        db.close()
    sys.stdout.write(format_explained(facts))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
