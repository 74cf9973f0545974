import math
import sys

f500 = math.factorial(500)
print(len(str(f500)), str(f500)[:30], f500 % (10**9 + 7), f500.bit_length())
print(2**521 - 1, (2**521 - 1) % 1000003)
print(pow(3, 10**18, 10**9 + 7), pow(2, -1, 101), pow(-7, 3), (-7) ** 2, -(7**2))
big = 123456789**20
print(
    big,
    hex(big)[:20],
    oct(big)[-10:],
    bin(big).count("1"),
    big.to_bytes((big.bit_length() + 7) // 8, "big")[:6],
)
print(
    int.from_bytes(b"\xff" * 16, "big"),
    int.from_bytes(b"\xff\xfe", "little", signed=True),
    (-1).to_bytes(4, "big", signed=True),
)
print(
    -(2**100) // 7,
    -(2**100) % 7,
    divmod(-(2**100), 7),
    (2**100) >> 90,
    -(2**100) >> 98,
    (-(2**70)) & 0xFFFF,
    ~(2**65),
    (2**64) ^ (2**63),
)
print(math.isqrt(10**40), math.isqrt(2 * 10**30), math.gcd(2**100, 6**50), math.lcm(2**40, 3**20))
print(
    10**30 / 3,
    10**30 // 3,
    float(2**1023),
    2**1023 * 1.0 == float(2**1023),
    int(1e22),
    int(2.5e-3 * 10**20),
)
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    2.0**10000
except OverflowError as e:
    print("OverflowError:", e)
print(
    f"{2**100:,}",
    f"{2**64:_x}",
    f"{-(10**20):>30}",
    f"{10**25:.3e}",
    f"{2**70:b}"[:10],
    format(3**50, "030d"),
)
print(sum(int(d) for d in str(2**1000)), str(7**77)[::-1][:10], int(str(3**200)[::-1]) % 97)
digits = sys.get_int_max_str_digits()
print(digits)
try:
    str(10 ** (digits + 1))
except ValueError as e:
    print("ValueError:", str(e)[:60])
try:
    int("9" * (digits + 1))
except ValueError as e:
    print("ValueError:", str(e)[:60])
sys.set_int_max_str_digits(10000)
print(len(str(10**5000)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(digits)
print(len(hex(10**10000)), (10**10000).bit_length())


def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * ((b << 1) - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)


print(fib_pair(1000)[0] % 10**20, len(str(fib_pair(3000)[0])))
print(
    round(2**100 / 3),
    round(10**20 + 0.5),
    int(-3.999),
    int("-0"),
    int("+42"),
    int("0o777", 0),
    int("z", 36),
)
print(
    abs(-(2**200)) == 2**200,
    max(2**100, 2**99 * 3),
    min(-(2**100), 0),
    sorted([2**65, -(2**65), 0, 2**64]),
)
print(hash(2**61 - 1), hash(-1), hash(2**61), (2**200).__sizeof__() > (2**10).__sizeof__())
print(
    complex(2**50, 1) * 2,
    2**0.5 * 2**0.5 == 2,
    (10**16 + 1) * 1.0,
    9007199254740993 == 9007199254740993.0,
)
