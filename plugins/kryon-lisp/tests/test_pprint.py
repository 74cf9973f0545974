"""clojure.pprint: Clojure's layout of data in a 72-column margin, and print-table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

REQUIRE = "(require '[clojure.pprint :refer [pprint print-table]])\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # what fits stays on one line, as prn writes it
        ("(pprint {:a 1 :b [1 2 3]})", "{:a 1, :b [1 2 3]}\n"),
        ('(clojure.pprint/pprint "str")', '"str"\n'),
        # a collection past the margin puts each element on its own line
        (
            '(pprint (into (sorted-map) (map (fn [i] [(keyword (str "k" i)) (* i 1000)])'
            " (range 10))))",
            "{:k0 0,\n :k1 1000,\n :k2 2000,\n :k3 3000,\n :k4 4000,\n :k5 5000,\n"
            " :k6 6000,\n :k7 7000,\n :k8 8000,\n :k9 9000}\n",
        ),
        ("(pprint (range 30))", "(" + "\n ".join(str(i) for i in range(30)) + ")\n"),
        (
            '(pprint {:name "A fairly long name for testing" :tags #{:x}'
            ' :nested {:deep [1 2 3 4 5 6 7 8 9 10] :more "text here"}})',
            '{:name "A fairly long name for testing",\n :tags #{:x},\n'
            ' :nested {:deep [1 2 3 4 5 6 7 8 9 10], :more "text here"}}\n',
        ),
        (
            '(pprint [{:id 1 :name "alpha" :score 10.5} {:id 2 :name "beta" :score 7}])',
            '[{:id 1, :name "alpha", :score 10.5} {:id 2, :name "beta", :score 7}]\n',
        ),
        (
            '(pprint [{:id 1 :name "alpha" :score 10.5} {:id 2 :name "beta" :score 7}'
            ' {:id 3 :name "gamma" :score 99}])',
            '[{:id 1, :name "alpha", :score 10.5}\n {:id 2, :name "beta", :score 7}\n'
            ' {:id 3, :name "gamma", :score 99}]\n',
        ),
        # a line must end before column 72: 71 characters fit, 72 do not
        (f"(pprint [{'1 ' * 34}1])", f"[{'1 ' * 34}1]\n"),
        (f"(pprint [{'1 ' * 35}1])", "[" + "\n ".join("1" * 36) + "]\n"),
        ("(prn (with-out-str (pprint {:x 1})))", '"{:x 1}\\n"\n'),
        (
            '(print-table [{:a 1 :b "two"} {:a 300 :b nil}])',
            "\n|  :a |  :b |\n|-----+-----|\n|   1 | two |\n| 300 |     |\n",
        ),
        ('(print-table [:b] [{:a 1 :b "two"}])', "\n|  :b |\n|-----|\n| two |\n"),
    ],
)
def test_pprint(output: Callable[[str], str], source: str, expected: str) -> None:
    assert output(REQUIRE + source) == expected
