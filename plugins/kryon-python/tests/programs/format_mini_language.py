values = [3.14159, -2.5, 1234567.891, 0.000123, 42]
for v in values:
    print(f"{v:>10.3f}|{v:<10.2e}|{v:^12,.1f}|{v:+08.2f}|{v:g}")
print("{:,}".format(1234567890), "{:_}".format(1234567890), f"{1234567890:_x}")
print("%-5s|%5s|%05d|%.3f|%x|%o|%e|%%" % ("ab", "cd", 42, 2.0 / 3, 255, 8, 12345.678))
print("%(name)s is %(age)d" % {"name": "Zed", "age": 7})
print(f"{'left':<10}|{'right':>10}|{'center':^10}|{'fill':*^10}")
print(f"{255:#x} {255:#o} {255:#b} {255:08b} {65:c} {0.25:%} {0.125:.1%}")
print(f"{-0.0:.1f} {float('inf'):f} {float('nan'):>6} {1e100:.3g} {123456789:e}")
print(format(3.5, ".0f"), format(2.5, ".0f"), round(2.675, 2), round(-0.5), round(1.5))
name, width = "pad", 9
print(f"[{name:>{width}}] [{name!r:^{width}}] [{3.14159:{width}.{2}f}]")
print(f"{'é':>3}|{'日本':<4}|", len("日本"))
print(str(1e16), str(1e15), repr(0.1 + 0.2), 1 / 3, 2 / 3, 10 / 4, 1e-5, 1.0e-4)
print(str(123.0), 5e-324, 1.7976931348623157e308, -1e-7, 100.0**0.5)
import decimal

print(f"{decimal.Decimal('1234.5678'):,.2f}", format(decimal.Decimal("0.1"), "e"))
print("{0}{1}{0}".format("ab", "cd"), "{x.real}".format(x=3 + 4j), "{[1]}".format([9, 8]))
print("{:>8}".format(None.__class__.__name__), "{!s:>6}{!a}".format("s", "ü"))
table = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
print(f"{'item':<8}{'price':>8}{'qty':>5}{'total':>9}")
for item, price, qty in table:
    print(f"{item:<8}{price:>8.2f}{qty:>5d}{price * qty:>9.2f}")
print(f"{sum(p * q for _, p, q in table):>30.2f}")
print(f"{12:{'>'}{5}}", f"{3 + 4j}", f"{complex(1, -1):.1f}", f"{True:d}", f"{True}")
x = 10
print(f"{x = }", f"{x*2 = :>5}", f"{'ab'}")
print(int("ff", 16), int("0b101", 0), float("  2.5e3 "), int(" -12 "), hex(-255), bin(5), oct(64))
print(ascii("naïve ☃"), repr("tab\there"), repr('quote"s'), repr("it's"), repr("both'\""))
