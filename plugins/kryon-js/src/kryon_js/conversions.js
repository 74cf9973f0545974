// BigInt() and String.prototype.repeat as Node 20 words their errors, which name the
// value ("Cannot convert x to a BigInt", "Invalid count value: -1"): QuickJS's say
// "invalid BigInt literal" and "invalid repeat count", and its error does not hold the
// value.  Each calls QuickJS's own and rewords only its failure.  The prelude
// evaluates this factory once per VM with the global object, after it took BigInt.
(function (global) {
"use strict";
const NativeBigInt = BigInt, nativeRepeat = String.prototype.repeat, apply = Reflect.apply;
const define = Object.defineProperty, text = String;
const SyntaxErrorCtor = SyntaxError, RangeErrorCtor = RangeError, TypeErrorCtor = TypeError;

// (a named function expression: a declaration named BigInt would shadow the global)
const BigIntFn = function BigInt(value) {
  if (new.target !== undefined) throw new TypeErrorCtor("BigInt is not a constructor");
  try {
    return NativeBigInt(value);
  } catch (e) {
    const kind = typeof value;
    if (e instanceof SyntaxErrorCtor && kind === "string") {
      throw new SyntaxErrorCtor("Cannot convert " + value + " to a BigInt");
    }
    if (e instanceof RangeErrorCtor && kind === "number") {
      throw new RangeErrorCtor("The number " + text(value) +
                               " cannot be converted to a BigInt because it is not an integer");
    }
    if (e instanceof TypeErrorCtor && (value === undefined || value === null)) {
      throw new TypeErrorCtor("Cannot convert " + value + " to a BigInt");
    }
    throw e;
  }
};
define(BigIntFn, "prototype", { value: NativeBigInt.prototype, writable: false });
define(NativeBigInt.prototype, "constructor",
  { value: BigIntFn, writable: true, enumerable: false, configurable: true });
for (const name of ["asUintN", "asIntN"]) {
  define(BigIntFn, name, { value: NativeBigInt[name], writable: true, configurable: true });
}
define(global, "BigInt", { value: BigIntFn, writable: true, enumerable: false, configurable: true });

define(String.prototype, "repeat", {
  value: {
    repeat(count) {
      try {
        return apply(nativeRepeat, this, [count]);
      } catch (e) {
        if (e instanceof RangeErrorCtor && e.message === "invalid repeat count") {
          throw new RangeErrorCtor("Invalid count value: " + text(+count));
        }
        throw e;
      }
    },
  }.repeat,
  writable: true, enumerable: false, configurable: true,
});
})
