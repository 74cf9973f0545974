"""Core library functions checked against what Clojure answers for them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

OUTPUT_CASES = [
    # alter-var-root changes the global every reader sees; bounded-count, ident?
    (
        "(def counter 0) (defn f [] counter) (alter-var-root #'counter + 5)"
        " (prn counter (f) (bounded-count 5 (range)) (bounded-count 2 [1 2 3])"
        ' (ident? :a) (ident? "a"))',
        "5 5 5 3 true false\n",
    ),
    # Java's Formatter refuses an argument of the wrong class
    (
        '(defn t [f & xs] (try (apply format f xs) (catch Exception e (str (type e) ": "'
        ' (ex-message e))))) (prn (t "%d" 3.0) (t "%.2f" 5) (t "%d" 1/2) (t "%c" 65))',
        '"class java.util.IllegalFormatConversionException: d != java.lang.Double"'
        ' "class java.util.IllegalFormatConversionException: f != java.lang.Long"'
        ' "class java.util.IllegalFormatConversionException: d != clojure.lang.Ratio"'
        ' "class java.util.IllegalFormatConversionException: c != java.lang.Long"\n',
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
    # sorted collections tell keys apart by their comparator, as Clojure's trees do
    (
        "(prn (sorted-set 1 1.0) (assoc (sorted-map 1 :a 2 :b) 1.0 :c) (get (sorted-map 1 :a) 1.0)"
        ' (sorted-set-by #(compare (count %1) (count %2)) "a" "b" "cc")'
        " (disj (sorted-set 1 2) 2.0) (contains? (sorted-set 1) 1.0) (type (sorted-map))"
        " (type (sorted-set)))",
        '#{1} {1 :c, 2 :b} :a #{"a" "cc"} #{1} true clojure.lang.PersistentTreeMap'
        " clojure.lang.PersistentTreeSet\n",
    ),
    (
        "(prn (try (sorted-set 1 :a) (catch ClassCastException e :cce))"
        " (= {1 2} (sorted-map 1 2)) (= #{1 2} (sorted-set 2 1))"
        " (reduce-kv (fn [a k v] (conj a k v)) [] (sorted-map 3 :c 1 :a)))",
        ":cce true true [1 :a 3 :c]\n",
    ),
    (
        "(def s (sorted-set 1 3 5 7 9)) (def m (sorted-map :a 1 :c 3 :e 5))"
        " (prn (subseq s > 3) (subseq s <= 5) (subseq s >= 2 < 8) (subseq s > 9)"
        " (rsubseq s < 5) (rsubseq s > 5) (rsubseq s > 2 <= 7) (subseq m >= :b) (rsubseq m < :e))",
        "(5 7 9) (1 3 5) (3 5 7) nil (3 1) (9 7) (7 5 3) ([:c 3] [:e 5]) ([:c 3] [:a 1])\n",
    ),
    # vars of core functions belong to clojure.core; namespaces as values
    (
        "(ns my.app (:require [clojure.string :as str])) (defn foo [] 1) (defn- bar [] 2)"
        " (prn (resolve 'println) #'println (resolve 'foo) (resolve 'nope) (resolve 'str/join)"
        " (ns-resolve 'clojure.string 'upper-case) ((ns-resolve *ns* 'foo))"
        " (ns-publics 'my.app) (sort (keys (ns-interns 'my.app))) (str (the-ns 'my.app))"
        " (ns-name (the-ns 'clojure.string)) (type (the-ns 'my.app)))",
        "#'clojure.core/println #'clojure.core/println #'my.app/foo nil #'clojure.string/join"
        " #'clojure.string/upper-case 1 {foo #'my.app/foo} (bar foo) \"my.app\" clojure.string"
        " clojure.lang.Namespace\n",
    ),
    (
        '(prn (vec (char-array "ab")) (vec (char-array 3 \\x)) (apply str (char-array 3 "ab"))'
        ' (alength (char-array 2)) (aget (char-array "xyz") 1) (String. (char-array "hi")))',
        '[\\a \\b] [\\x \\x \\x] "ab\x00" 2 \\y "hi"\n',
    ),
    # class values: one per Java name, so multimethods dispatch on class
    (
        '(defmulti greet class) (defmethod greet String [x] (str "s:" x))'
        ' (defmethod greet Long [x] (str "l:" x))'
        ' (prn (greet "a") (greet 1) (= (class "a") String) (= (type 1) Integer)'
        ' (type nil) (str (type [])) ({String :s} (class "x")) (instance? Integer 1))',
        '"s:a" "l:1" true false nil "class clojure.lang.PersistentVector" :s true\n',
    ),
    # the unchecked operations wrap around as Java's longs do
    (
        "(prn (unchecked-add Long/MAX_VALUE 1) (unchecked-multiply 4294967296 4294967296)"
        " (unchecked-dec Long/MIN_VALUE) (unchecked-negate Long/MIN_VALUE) (unchecked-inc 1))",
        "-9223372036854775808 0 9223372036854775807 -9223372036854775808 2\n",
    ),
]


@pytest.mark.parametrize(("source", "expected"), OUTPUT_CASES)
def test_output(output: Callable[[str], str], source: str, expected: str) -> None:
    assert output(source) == expected
