"""Wren 0.4 for Kryon Script, implemented in pure Python.

Wren source is parsed by a Pratt parser and compiled to Python source, which
CPython compiles to code objects; Wren methods become Python functions.  The
runtime (core classes, fibers, modules) lives in :mod:`kryon_wren.runtime`.
Nothing heavy is imported here so that plugin discovery stays fast.
"""

__version__ = "0.1.0"
WREN_VERSION = "0.4.0"
