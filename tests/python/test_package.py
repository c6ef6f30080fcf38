"""The package as a user meets it: help(), type hints, installing."""

import os
import subprocess
import sys

import newsdex


def test_help_shows_signatures_and_docstrings():
    import inspect
    assert "Opens the Newsdex database" in newsdex.open.__doc__
    assert str(inspect.signature(newsdex.Database.search)).startswith(
        "(self, query: 'str', limit: 'int' = 10, offset: 'int' = 0, match: 'str' = 'all', sort: 'str' = 'relevance'")
    for name in ("search", "count", "facets", "timeline", "show", "stats", "suggest", "run", "kwic", "like",
                 "duplicates", "export"):
        assert getattr(newsdex.Database, name).__doc__, name
    assert newsdex.__version__ == newsdex.version.split()[1]
    assert newsdex.version.startswith("newsdex ") and "Xapian 1.4" in newsdex.version


def test_type_hints_ship_with_the_package():
    folder = os.path.dirname(newsdex.__file__)
    assert os.path.exists(os.path.join(folder, "py.typed"))
    with open(os.path.join(folder, "__init__.pyi")) as stub:
        text = stub.read()
    for name in newsdex.__all__:
        if name not in ("Hits", "__version__"):
            assert f"def {name}(" in text or f"class {name}(" in text or f"class {name}:" in text, name


def test_cmake_install_puts_it_where_python_finds_it(tmp_path):
    build = os.environ["NEWSDEX_BUILD"]
    subprocess.run(["cmake", "--install", build, "--prefix", str(tmp_path)], check=True, capture_output=True)
    found = [root for root, dirs, files in os.walk(tmp_path) if "__init__.py" in files and root.endswith("newsdex")]
    assert len(found) == 1
    site = os.path.dirname(found[0])
    assert site.startswith(str(tmp_path / "lib" / "python3"))
    done = subprocess.run([sys.executable, "-c", "import newsdex; print(newsdex.__file__)"],
                          env={**os.environ, "PYTHONPATH": site}, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == os.path.join(found[0], "__init__.py")
