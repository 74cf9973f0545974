# A Python script (run isolated in a worker process under the sandboxed policy).
import kryon


def greet(name):
    return f"Hello from Python, {name}!"


def shout(text):
    kryon.log(f"shouting {text!r}")
    return text.upper() + "!"


def word_lengths(sentence):
    return {word: len(word) for word in sentence.split()}
