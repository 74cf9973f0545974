"""Web globals Node has that QuickJS lacks, written in JavaScript inside the VM: URL and
URLSearchParams (url.js), EventTarget and AbortController (events.js).  Whole programs
compared with Node are node_programs/69_url.js and 70_events.js."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import kryon_run


def test_an_invalid_url_throws_nodes_type_error_with_its_code(js: Any) -> None:
    script = js.load(
        "function main(input, base) {\n"
        "  try { new URL(input, base); return 'parsed'; }\n"
        "  catch (e) { return [e instanceof TypeError, e.message, e.code, e.input, e.base]; }\n"
        "}\n"
    )
    assert js.call(script, "main", "nope") == [True, "Invalid URL", "ERR_INVALID_URL", "nope", None]
    assert js.call(script, "main", "x", "also bad") == [
        True,
        "Invalid URL",
        "ERR_INVALID_URL",
        "x",
        "also bad",
    ]
    assert js.call(script, "main", "http://a:70000/")[1:3] == ["Invalid URL", "ERR_INVALID_URL"]


def test_missing_arguments_are_named_as_node_names_them(js: Any) -> None:
    script = js.load(
        "function main() { return [() => new URL(), () => URL.canParse(),\n"
        "  () => new URLSearchParams().get(), () => new URLSearchParams().append('a')]\n"
        "  .map((f) => { try { f(); } catch (e) { return e.code + ' ' + e.message; } }); }\n"
    )
    assert js.call(script, "main") == [
        'ERR_MISSING_ARGS The "url" argument must be specified',
        'ERR_MISSING_ARGS The "url" argument must be specified',
        'ERR_MISSING_ARGS The "name" argument must be specified',
        'ERR_MISSING_ARGS The "name" and "value" arguments must be specified',
    ]


def test_relative_urls_resolve_against_the_base_as_the_standard_says(js: Any) -> None:
    script = js.load("function main(u, b) { return new URL(u, b).href; }\n")
    base = "http://a/b/c/d;p?q"
    cases = {
        "g": "http://a/b/c/g",
        "./g": "http://a/b/c/g",
        "g/": "http://a/b/c/g/",
        "/g": "http://a/g",
        "//g": "http://g/",
        "?y": "http://a/b/c/d;p?y",
        "#s": "http://a/b/c/d;p?q#s",
        "": "http://a/b/c/d;p?q",
        "..": "http://a/b/",
        "../../../g": "http://a/g",
        "g;x=1/../y": "http://a/b/c/y",
        "http:g": "http://a/b/c/g",
    }
    for relative, expected in cases.items():
        assert js.call(script, "main", relative, base) == expected, relative


def test_hosts_are_normalized_and_default_ports_dropped(js: Any) -> None:
    script = js.load("function main(u) { const x = new URL(u); return [x.host, x.origin]; }\n")
    assert js.call(script, "main", "HTTPS://Ex.COM:443/") == ["ex.com", "https://ex.com"]
    assert js.call(script, "main", "http://0x7f.1:8080") == [
        "127.0.0.1:8080",
        "http://127.0.0.1:8080",
    ]
    assert js.call(script, "main", "http://[0:0::1]/") == ["[::1]", "http://[::1]"]
    assert js.call(script, "main", "http://bücher.de/") == [
        "xn--bcher-kva.de",
        "http://xn--bcher-kva.de",
    ]
    assert js.call(script, "main", "file:///tmp/x") == ["", "null"]


def test_search_params_are_live_both_ways(js: Any) -> None:
    script = js.load(
        "function main() {\n"
        "  const u = new URL('https://h.com/p?a=1&a=2');\n"
        "  const p = u.searchParams;\n"
        "  p.set('a', 'x y'); p.append('é', '&');\n"
        "  const first = u.href;\n"
        "  u.search = '?k=v';\n"
        "  const second = [p.get('k'), p.has('a'), p.size];\n"
        "  p.delete('k');\n"
        "  return [first, second, u.href, u.searchParams === p];\n"
        "}\n"
    )
    assert js.call(script, "main") == [
        "https://h.com/p?a=x+y&%C3%A9=%26",
        ["v", False, 1],
        "https://h.com/p",
        True,
    ]


def test_url_objects_hold_no_state_a_script_can_reach(js: Any) -> None:
    script = js.load(
        "function main() {\n"
        "  const u = new URL('http://x/');\n"
        "  return [Reflect.ownKeys(u).length, Reflect.ownKeys(u.searchParams).length,\n"
        "          String(URL).startsWith('class URL')];\n"
        "}\n"
    )
    assert js.call(script, "main") == [0, 0, True]


def test_a_listeners_error_ends_the_program_after_the_dispatch_as_in_node(tmp_path: Path) -> None:
    done = kryon_run(
        tmp_path,
        "listener.js",
        "const t = new EventTarget();\n"
        "t.addEventListener('x', () => { throw new Error('in listener'); });\n"
        "t.addEventListener('x', () => console.log('second listener'));\n"
        "console.log(t.dispatchEvent(new Event('x')));\n",
    )
    assert done.stdout == "second listener\ntrue\n"
    assert done.returncode == 70
    assert "listener.js:2:39: Error: in listener" in done.stderr


def test_a_timeout_signal_alone_keeps_no_program_alive(tmp_path: Path) -> None:
    done = kryon_run(
        tmp_path,
        "weak.js",
        "const s = AbortSignal.timeout(50);\n"
        "s.onabort = () => console.log('aborted', s.reason.name);\n"
        "setTimeout(() => console.log('kept', s.aborted), 10);\n",
    )
    assert (done.returncode, done.stdout) == (0, "kept false\n")
    done = kryon_run(
        tmp_path,
        "kept.js",
        "const s = AbortSignal.timeout(5);\n"
        "s.onabort = () => console.log('aborted', s.reason.name, s.reason.code);\n"
        "setTimeout(() => console.log('later', s.aborted), 10);\n",
    )
    assert done.stdout == "aborted TimeoutError 23\nlater true\n"


def test_abort_signals_cannot_be_made_directly_and_remove_listeners(js: Any) -> None:
    script = js.load(
        "function main() {\n"
        "  const out = [];\n"
        "  try { new AbortSignal(); } catch (e) { out.push(e.name, e.code); }\n"
        "  const ac = new AbortController(), t = new EventTarget();\n"
        "  t.addEventListener('e', () => out.push('heard'), { signal: ac.signal });\n"
        "  t.dispatchEvent(new Event('e')); ac.abort(); t.dispatchEvent(new Event('e'));\n"
        "  out.push(ac.signal.reason.name, Reflect.ownKeys(ac).length);\n"
        "  return out;\n"
        "}\n"
    )
    assert js.call(script, "main") == [
        "TypeError",
        "ERR_ILLEGAL_CONSTRUCTOR",
        "heard",
        "AbortError",
        0,
    ]


def test_buffer_encodes_and_decodes_as_node_does(js: Any) -> None:
    script = js.load(
        "function main(s) {\n"
        "  const b = Buffer.from(s);\n"
        "  return [b.length, b.toString('hex'), b.toString('base64'), b.toString('base64url'),\n"
        "          Buffer.from(b.toString('base64'), 'base64').equals(b),\n"
        "          Buffer.from(b.toString('hex'), 'hex').toString(), Buffer.byteLength(s)];\n"
        "}\n"
    )
    assert js.call(script, "main", "a€😀?") == [
        9,
        "61e282acf09f98803f",
        "YeKCrPCfmIA/",
        "YeKCrPCfmIA_",
        True,
        "a€😀?",
        9,
    ]


def test_buffer_slices_share_memory_and_stay_buffers(js: Any) -> None:
    script = js.load(
        "function main() {\n"
        "  const b = Buffer.from('hello'), s = b.slice(1, 3);\n"
        "  s[0] = 0x45;\n"
        "  return [b.toString(), Buffer.isBuffer(s), Buffer.isBuffer(new Uint8Array(1)),\n"
        "          Buffer.concat([b, s]).toString(), Buffer.alloc(3, 'ab').toString()];\n"
        "}\n"
    )
    assert js.call(script, "main") == ["hEllo", True, False, "hElloEl", "aba"]
