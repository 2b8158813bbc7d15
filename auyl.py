"""The Django project package.

Its modules live in ``site/`` (the layout's name), but ``site`` is a standard-library
module that Python imports at start-up, so they are imported as ``auyl.*``: a module
that sets ``__path__`` is a package, and this one's path is ``site/``.
"""

from pathlib import Path

__path__ = [str(Path(__file__).resolve().parent / "site")]
