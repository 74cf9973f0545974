"""The isolated worker: runs in a separate ``python -I -S`` process.

Everything in this package imports the standard library only (never
``kryon_core``), because the worker starts without site-packages.
"""
