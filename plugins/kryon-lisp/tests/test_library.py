"""Core library functions checked against what Clojure answers for them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

OUTPUT_CASES = [
    # Java's Formatter refuses an argument of the wrong class
    (
        '(defn t [f & xs] (try (apply format f xs) (catch Exception e (str (type e) ": "'
        ' (ex-message e))))) (prn (t "%d" 3.0) (t "%.2f" 5) (t "%d" 1/2) (t "%c" 65))',
        '"java.util.IllegalFormatConversionException: d != java.lang.Double"'
        ' "java.util.IllegalFormatConversionException: f != java.lang.Long"'
        ' "java.util.IllegalFormatConversionException: d != clojure.lang.Ratio"'
        ' "java.util.IllegalFormatConversionException: c != java.lang.Long"\n',
    ),
    (
        '(prn (format "%d|%5s|%c|%-3C|" nil nil \\a \\b)'
        ' (try (format "%d") (catch IllegalArgumentException e (ex-message e)))'
        ' (try (format "%q" 1) (catch Exception e (ex-message e)))'
        ' (try (format "%e" 1) (catch java.util.IllegalFormatConversionException e :ifce)))',
        '"null| null|a|B  |" "Format specifier \'%d\'" "Conversion = \'q\'" :ifce\n',
    ),
    # clojure.set/join matches on select-keys: nil is not a missing key
    (
        "(require '[clojure.set :as s]) (prn (s/join #{{:a 1 :b nil}} #{{:a 1 :c 2}})"
        " (s/join #{{:a 1 :b nil}} #{{:a 1}}) (s/join #{{:a nil}} #{{:y 1}} {:a :x})"
        " (s/join #{{:q 1}} #{{:y 1}} {:a :x}) (s/join #{{:a nil}} #{{:x nil}} {:a :x}))",
        "#{{:a 1, :b nil, :c 2}} #{{:a 1, :b nil}} #{} #{{:q 1, :y 1}} #{{:a nil, :x nil}}\n",
    ),
]


@pytest.mark.parametrize(("source", "expected"), OUTPUT_CASES)
def test_output(output: Callable[[str], str], source: str, expected: str) -> None:
    assert output(source) == expected
