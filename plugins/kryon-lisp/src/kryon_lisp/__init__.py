"""Kryon Lisp: a Clojure-flavoured Lisp compiled to Python code objects.

The engine lives in :mod:`kryon_lisp.engine`; nothing heavy is imported here.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
