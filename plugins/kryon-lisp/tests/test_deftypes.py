"""``deftype`` and ``reify``: fields, protocol and interface methods, printing."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from kryon_core import CompileError

from .conftest import run_lisp

RECT = """
(defprotocol Shape (area [s]) (perimeter [s]))
(deftype Rect [w h]
  Shape
  (area [this] (* w h))
  (perimeter [_] (* 2 (+ w h)))
  Object
  (toString [this] (str "Rect " w "x" h)))
"""


def test_protocol_methods_see_the_fields(output: Callable[[str], str]) -> None:
    assert output(RECT + "(let [r (->Rect 2 3)] (println (area r) (perimeter r)))") == "6 10\n"


def test_fields_are_read_with_dot_dash_and_dot_not_with_keywords(
    output: Callable[[str], str],
) -> None:
    source = RECT + "(def r (Rect. 2 3)) (prn (.-w r) (.h r) (:w r) (get r :w))"
    assert output(source) == "2 3 nil nil\n"


def test_an_unknown_field_is_clojures_error(output: Callable[[str], str]) -> None:
    source = RECT + "(try (.-z (->Rect 1 2)) (catch Exception e (println (ex-message e))))"
    assert output(source) == "No matching field found: z for class user.Rect\n"


def test_instance_and_satisfies(output: Callable[[str], str]) -> None:
    source = RECT + (
        "(deftype Other [])"
        "(def r (->Rect 1 1))"
        "(prn (instance? Rect r) (instance? Other r) (satisfies? Shape r)"
        " (satisfies? Shape (->Other)) (= (class r) Rect))"
    )
    assert output(source) == "true false true false true\n"


def test_to_string_is_str_and_the_printed_object_quotes_it(
    output: Callable[[str], str],
) -> None:
    printed = output(RECT + "(def r (->Rect 2 3)) (println (str r)) (prn r) (println r)")
    lines = printed.splitlines()
    assert lines[0] == "Rect 2x3"
    assert re.fullmatch(r'#object\[user\.Rect 0x[0-9a-f]+ "Rect 2x3"\]', lines[1])
    assert re.fullmatch(r"#object\[user\.Rect 0x[0-9a-f]+ Rect 2x3\]", lines[2])


def test_without_to_string_it_prints_as_java_object_deterministically() -> None:
    source = "(deftype P [x]) (def p (->P 1)) (prn p) (println (str p) (class p))"
    first, _ = run_lisp(source)
    again, _ = run_lisp(source)
    assert first == again
    match = re.fullmatch(
        r'#object\[user\.P 0x([0-9a-f]+) "user\.P@([0-9a-f]+)"\]\nuser\.P@([0-9a-f]+) user\.P\n',
        first,
    )
    assert match is not None and len(set(match.groups())) == 1, first


def test_instances_are_equal_by_identity_unless_equals_is_implemented(
    output: Callable[[str], str],
) -> None:
    source = """
    (deftype P [x])
    (deftype V [a b]
      Object
      (equals [_ o] (and (instance? V o) (= a (.-a o)) (= b (.-b o))))
      (hashCode [_] (hash [a b])))
    (def p (->P 1))
    (prn (= p p) (= p (->P 1)) (= (->V 1 2) (->V 1 2)) (count (set [(->V 1 2) (->V 1 2)]))
         (= (hash (->V 1 2)) (hash [1 2])))
    """
    assert output(source) == "true false true 1 true\n"


def test_mutable_fields_are_assigned_with_set(output: Callable[[str], str]) -> None:
    source = """
    (defprotocol Acc (add! [a k]))
    (deftype Total [^:unsynchronized-mutable total]
      Acc
      (add! [this k] (set! total (+ total k)) (println "now" total) this)
      clojure.lang.IDeref
      (deref [_] total))
    (def t (->Total 0))
    (add! t 2) (add! (add! t 3) 4)
    (println @t)
    """
    assert output(source) == "now 2\nnow 5\nnow 9\n9\n"


def test_an_immutable_field_cannot_be_set() -> None:
    with pytest.raises(CompileError, match="Cannot assign to non-mutable: n"):
        run_lisp("(deftype C [n] clojure.lang.IDeref (deref [this] (set! n 1)))")


def test_interfaces_the_core_library_calls(output: Callable[[str], str]) -> None:
    source = """
    (deftype Adder [k]
      clojure.lang.IFn
      (invoke [_ x] (+ x k))
      (invoke [_ x y] (+ x y k)))
    (deftype Ver [major minor]
      Comparable
      (compareTo [_ o] (compare [major minor] [(.-major o) (.-minor o)]))
      Object
      (toString [_] (str major "." minor)))
    (deftype Bag [items]
      clojure.lang.Counted
      (count [_] (count items))
      clojure.lang.ILookup
      (valAt [this k] (.valAt this k nil))
      (valAt [_ k nf] (get items k nf)))
    (def add5 (->Adder 5))
    (println (add5 1) (add5 1 2) (map add5 [1 2]))
    (println (map str (sort [(->Ver 2 0) (->Ver 1 5) (->Ver 1 10)])))
    (def b (->Bag {:a 1}))
    (println (count b) (get b :a) (get b :z :none) (:a b))
    """
    assert output(source) == "6 8 (6 7)\n(1.5 1.10 2.0)\n1 1 :none 1\n"


def test_a_type_without_an_interface_is_refused_its_use(output: Callable[[str], str]) -> None:
    source = """
    (deftype P [x])
    (try (count (->P 1)) (catch UnsupportedOperationException e (println "count")))
    (try (.frob (->P 1)) (catch IllegalArgumentException e (println (ex-message e))))
    """
    assert output(source) == "count\nNo matching method frob found taking 0 args for class user.P\n"


def test_extend_type_reaches_a_deftype(output: Callable[[str], str]) -> None:
    source = """
    (defprotocol Named (nm [x]))
    (deftype Dog [name])
    (extend-type Dog Named (nm [d] (str "dog " (.-name d))))
    (println (nm (->Dog "rex")) (satisfies? Named (->Dog "a")))
    """
    assert output(source) == "dog rex true\n"


def test_reify_implements_protocols_and_to_string(output: Callable[[str], str]) -> None:
    source = """
    (defprotocol Greeter (greet [g who]))
    (defn greeter [greeting]
      (reify
        Greeter
        (greet [_ who] (str greeting ", " who))
        Object
        (toString [_] (str "Greeter<" greeting ">"))))
    (def hi (greeter "Hi"))
    (println (greet hi "Ann") (greet (greeter "Yo") "Bob") (str hi))
    (println (satisfies? Greeter hi) (instance? Object hi))
    """
    assert output(source) == "Hi, Ann Yo, Bob Greeter<Hi>\ntrue true\n"


def test_reify_prints_with_its_form_name(output: Callable[[str], str]) -> None:
    printed = output('(prn (reify Object (toString [_] "x"))) (prn (class (reify)))')
    assert re.fullmatch(r'#object\[user\$reify__1 0x[0-9a-f]+ "x"\]\nuser\$reify__2\n', printed)


def test_reify_of_a_protocol_not_implemented_is_clojures_error(
    output: Callable[[str], str],
) -> None:
    source = """
    (defprotocol A (a [x]))
    (defprotocol B (b [x]))
    (def r (reify A (a [_] 1)))
    (println (a r) (satisfies? B r))
    (try (b r) (catch IllegalArgumentException e (println "no b")))
    """
    assert output(source) == "1 false\nno b\n"


def test_print_method_prints_deftypes_and_records(output: Callable[[str], str]) -> None:
    source = """
    (deftype P [x])
    (defmethod print-method P [p w] (.write w (str "#P<" (.-x p) ">")))
    (defrecord R [a])
    (defmethod print-method R [r w] (.write w "#R") (print-method (:a r) w))
    (prn (->P 1) [(->P 2)] (->R "x") {:k (->R [1 "y"])})
    (println (->P 3) (pr-str (->R 4)) (.startsWith (str (->R 5)) "user.R@"))
    (print-method "s" *out*) (newline)
    (remove-method print-method R)
    (prn (->R 1))
    """
    assert output(source) == (
        '#P<1> [#P<2>] #R"x" {:k #R[1 "y"]}\n#P<3> #R4 true\n"s"\n#user.R{:a 1}\n'
    )


def test_defrecord_implements_interfaces_and_arities_written_apart(
    output: Callable[[str], str],
) -> None:
    source = """
    (defrecord V [n] Comparable (compareTo [this o] (compare n (:n o))))
    (defrecord Adder [k]
      clojure.lang.IFn
      (invoke [_ x] (+ k x))
      (invoke [_ x y] (+ k x y)))
    (defprotocol P (m [x] [x y]))
    (defrecord R [a] P (m [_] a) (m [_ y] (+ a y)))
    (prn (map :n (sort [(->V 3) (->V 1) (->V 2)])) (compare (->V 1) (->V 2)))
    (prn ((->Adder 1) 1) ((->Adder 1) 1 2) (.invoke (->Adder 1) 5) (map (->Adder 10) [1 2]))
    (prn (m (->R 1)) (m (->R 1) 2))
    """
    assert output(source) == "(1 2 3) -1\n2 4 6 (11 12)\n1 3\n"
