"""The import graph of the project's packages: no cycle between apps or inside one, nothing imports home.

Every import counts, including those inside functions (a lazy import hides a cycle,
it does not remove it). Migrations are left out: Django loads them by name, they
import no app's code.
"""

import ast
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PACKAGES = ["cms_plugins", "home", "news", "grants", "trainings", "manuals", "surveys", "monitoring"]
DOMAIN_APPS = {"news", "grants", "trainings", "manuals", "surveys", "monitoring"}


def module_name(path):
    parts = list(path.relative_to(BASE_DIR).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules():
    """{module name: path} of every module of our packages, migrations left out."""
    modules = {}
    for package in PACKAGES:
        for path in (BASE_DIR / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imports_of(name, path, known):
    """The project modules ``name`` imports (absolute and relative, at any depth of the code)."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            # "from pkg import module" names a module; "from module import function" names the module
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def app_of(module):
    """The app a module belongs to: each cms_plugins sub-app is its own; plain plug-in modules are cms_plugins."""
    parts = module.split(".")
    if parts[0] == "cms_plugins" and len(parts) > 1 and (BASE_DIR / "cms_plugins" / parts[1]).is_dir():
        return ".".join(parts[:2])
    return parts[0]


def graph():
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(edges):
    """Strongly connected components with more than one node (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def app_edges(modules):
    edges = {}
    for module, targets in modules.items():
        for target in targets:
            if app_of(target) != app_of(module):
                edges.setdefault(app_of(module), set()).add(app_of(target))
    return edges


def test_the_graph_sees_relative_lazy_and_from_imports():
    """Protects the guards below from passing because the scan misses a kind of import."""
    modules = graph()
    assert "cms_plugins.places.models" in modules["news.models"]  # absolute, module level
    assert "home.coverage" in modules["home.models"]  # relative, inside a method
    assert "cms_plugins.pagecache.middleware" in modules["cms_plugins.pagecache"]  # from . import in a package
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_domain_app_imports_home():
    """Protects home's role as the one that reads the domains: news, grants, trainings never import it."""
    offenders = [
        f"{module} imports {target}"
        for module, targets in graph().items()
        if app_of(module) in DOMAIN_APPS
        for target in targets
        if app_of(target) == "home"
    ]
    assert not offenders, "\n".join(offenders)


def test_no_import_cycle_between_apps():
    """Protects each app's independence: the apps' import graph has no cycle."""
    assert cycles(app_edges(graph())) == []


def test_no_import_cycle_inside_an_app():
    """Protects readers of each app: its modules import one another in one direction only."""
    modules = graph()
    inside = {m: {t for t in targets if app_of(t) == app_of(m)} for m, targets in modules.items()}
    assert cycles(inside) == []
