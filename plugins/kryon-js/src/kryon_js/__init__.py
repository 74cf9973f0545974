"""Kryon Script's JavaScript engine: QuickJS-ng through the ``quickjs`` binding.

Installing the ``kryon-js`` distribution registers the ``js`` engine (files
``.js`` and ``.mjs``) with Kryon through the ``kryon`` entry point.  Nothing
here imports the binding: it is loaded when the first engine is created.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
