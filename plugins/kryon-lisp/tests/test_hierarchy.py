"""Ad hoc hierarchies and multimethod dispatch through ``isa?``."""

from __future__ import annotations

from collections.abc import Callable


def test_derive_isa_and_relatives(lisp: Callable[[str], str]) -> None:
    assert lisp(
        "(derive ::rect ::shape) (derive ::square ::rect)"
        " [(isa? ::square ::shape) (isa? ::shape ::square) (parents ::square)"
        "  (ancestors ::square) (descendants ::rect) (isa? Long Number)"
        "  (isa? [::square Long] [::shape Number])]"
    ) == ("[true false #{:user/rect} #{:user/rect :user/shape} #{:user/square} true true]")


def test_hierarchy_values(lisp: Callable[[str], str]) -> None:
    assert lisp("(make-hierarchy)") == "{:parents {}, :descendants {}, :ancestors {}}"
    assert lisp(
        "(let [h (derive (make-hierarchy) :cat :animal)]"
        " [h (isa? h :cat :animal) (isa? :cat :animal) (underive h :cat :animal)])"
    ) == (
        "[{:parents {:cat #{:animal}}, :ancestors {:cat #{:animal}},"
        " :descendants {:animal #{:cat}}} true false"
        " {:parents {}, :descendants {}, :ancestors {}}]"
    )
    assert lisp("(try (derive :a :b) (catch AssertionError e (ex-message e)))") == (
        '"Assert failed: (namespace parent)"'
    )


def test_multimethods_dispatch_through_isa(output: Callable[[str], str]) -> None:
    assert (
        output(
            '(defmulti describe "doc" class)'
            ' (defmethod describe Number [x] (str "number " x))'
            ' (defmethod describe :default [x] "other")'
            " (derive ::square ::rect)"
            " (defmulti area :type :default :none)"
            " (defmethod area ::rect [r] (* (:w r) (:h r)))"
            " (defmethod area :none [_] 0)"
            " (println (describe 1) (describe 1.5) (describe :k)"
            "   (area {:type ::square :w 2 :h 3}) (area {}))"
        )
        == "number 1 number 1.5 other 6 0\n"
    )


def test_ambiguous_dispatch_and_prefer_method(output: Callable[[str], str]) -> None:
    assert output(
        "(derive ::a ::x) (derive ::a ::y)"
        " (defmulti m identity) (defmethod m ::x [_] :x) (defmethod m ::y [_] :y)"
        " (println (try (m ::a) (catch IllegalArgumentException e (ex-message e))))"
        " (prefer-method m ::y ::x) (println (m ::a))"
        " (remove-method m ::y) (println (m ::a) (count (methods m)))"
    ) == (
        "Multiple methods in multimethod 'm' match dispatch value: :user/a -> :user/y"
        " and :user/x, and neither is preferred\n:y\n:x 1\n"
    )
