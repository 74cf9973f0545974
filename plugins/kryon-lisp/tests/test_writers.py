"""``*out*``, ``*err*``, ``System/out`` and ``System/err`` under ``kryon run``."""

from __future__ import annotations

from pathlib import Path

from .conftest import kryon_run


def test_binding_out_to_err_sends_prints_to_stderr(tmp_path: Path) -> None:
    result = kryon_run(
        tmp_path,
        '(binding [*out* *err*] (println "to stderr") (prn :e))\n'
        '(println "to stdout")\n'
        '(.println *err* "err method")\n'
        '(.println System/err "system err")\n'
        '(.write *out* "out method\\n")\n'
        '(prn (with-out-str (println "captured")))\n',
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == 'to stdout\nout method\n"captured\\n"\n'
    assert result.stderr == "to stderr\n:e\nerr method\nsystem err\n"
