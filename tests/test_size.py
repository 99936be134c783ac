"""Size limits (CONTRIBUTING, "Size"): no module over 600 lines except demo data and
migrations, and no function over 60 lines anywhere in the project package."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "wijkdialoog"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def is_demo_data_or_migration(path: Path) -> bool:
    return "migrations" in path.parts or path.stem == "demo" or path.stem.startswith("demo_")


def long_modules(paths, root: Path = PACKAGE) -> list[str]:
    found = []
    for path in paths:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES and not is_demo_data_or_migration(path):
            found.append(f"{path.relative_to(root.parent)}: {lines} lines")
    return found


def long_functions(paths, root: Path = PACKAGE) -> list[str]:
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    where = f"{path.relative_to(root.parent)}:{node.lineno}"
                    found.append(f"{where} {node.name}: {lines} lines")
    return found


def test_no_module_is_longer_than_600_lines_except_demo_data_and_migrations():
    assert long_modules(modules()) == []


def test_no_function_is_longer_than_60_lines():
    assert long_functions(modules()) == []


def test_the_checks_find_a_long_module_and_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    long = tmp_path / "wijkdialoog" / "app" / "long.py"
    long.parent.mkdir(parents=True)
    long.write_text("def f():\n" + body + "\n" + "\n" * MAX_MODULE_LINES)
    demo = tmp_path / "wijkdialoog" / "app" / "demo.py"
    demo.write_text("x = 1\n" * (MAX_MODULE_LINES + 1))

    root = tmp_path / "wijkdialoog"
    assert long_modules([long, demo], root) == ["wijkdialoog/app/long.py: 661 lines"]
    assert long_functions([long, demo], root) == ["wijkdialoog/app/long.py:1 f: 61 lines"]
