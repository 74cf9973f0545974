"""Python scripts for Kryon Script.

Two modes, chosen by the script's security policy:

* ``policy.sandbox == False`` (``trusted``): scripts run in the host process,
  each in its own module namespace.  Fast, fully featured, and **not a sandbox**.
* ``policy.sandbox == True`` (``sandboxed``, the default): scripts run in a
  worker subprocess under OS resource limits and an audit-hook guard; the
  ``kryon`` API calls back to the host over a pipe.

Nothing is imported here: the engine lives in :mod:`kryon_python.engine`.
"""

__version__ = "0.1.0"
