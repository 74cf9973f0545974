# ruff: noqa: B007 - a plain-CPython twin of the Wren program, kept literal
class Toggle:
    def __init__(self, start_state):
        self.bool = start_state

    def value(self):
        return self.bool

    def activate(self):
        self.bool = not self.bool
        return self


class NthToggle(Toggle):
    def __init__(self, start_state, max_counter):
        Toggle.__init__(self, start_state)
        self.count_max = max_counter
        self.counter = 0

    def activate(self):
        self.counter += 1
        if self.counter >= self.count_max:
            super().activate()
            self.counter = 0
        return self


n = 40000
val = True
toggle = Toggle(val)
for i in range(n):
    val = toggle.activate().value()
    val = toggle.activate().value()
    val = toggle.activate().value()
    val = toggle.activate().value()
    val = toggle.activate().value()
print("true" if toggle.value() else "false")

val = True
ntoggle = NthToggle(val, 3)
for i in range(n):
    val = ntoggle.activate().value()
    val = ntoggle.activate().value()
    val = ntoggle.activate().value()
    val = ntoggle.activate().value()
    val = ntoggle.activate().value()
print("true" if ntoggle.value() else "false")
