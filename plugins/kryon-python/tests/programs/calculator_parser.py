import re
import operator

TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")
OPS = {
    "+": (1, operator.add),
    "-": (1, operator.sub),
    "*": (2, operator.mul),
    "/": (2, operator.truediv),
    "^": (3, operator.pow),
}


def tokenize(text):
    for number, op in TOKEN.findall(text):
        if number:
            yield float(number) if "." in number else int(number)
        elif op.strip():
            yield op


class Parser:
    def __init__(self, text):
        self.tokens = list(tokenize(text))
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expr(self, min_prec=1):
        left = self.atom()
        while (op := self.peek()) in OPS and OPS[op][0] >= min_prec:
            prec, fn = OPS[self.take()]
            right = self.expr(prec + (0 if op == "^" else 1))
            left = fn(left, right)
        return left

    def atom(self):
        tok = self.take()
        if tok == "(":
            value = self.expr()
            if self.take() != ")":
                raise SyntaxError("expected )")
            return value
        if tok == "-":
            return -self.atom()
        if isinstance(tok, (int, float)):
            return tok
        raise SyntaxError(f"unexpected token {tok!r}")


for text in [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "10 / 4 - 1",
    "-(3 - 5) * 2.5",
    "7 - 2 - 1",
    "2 * (3 + ",
    "1 / 0",
    "4 $ 4",
]:
    try:
        print(f"{text:>16} = {Parser(text).expr()}")
    except SyntaxError as e:
        print(f"{text:>16} ! syntax: {e}")
    except ZeroDivisionError as e:
        print(f"{text:>16} ! {type(e).__name__}: {e}")
print(list(tokenize("3.5*(2+x)")))
