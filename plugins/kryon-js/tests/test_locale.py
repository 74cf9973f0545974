"""localeCompare and toLocaleString give what Node (ICU, en-US) gives: QuickJS alone
compares code points and has no grouping (expected values are Node 20's)."""

from __future__ import annotations

from typing import Any


def test_locale_compare_sorts_as_icu(js: Any) -> None:
    script = js.load(
        "function f() {\n"
        "  const words = ['b', 'a', 'C', 'é', 'f', 'Zoë', 'zoe', 'item10', 'item2', 'ß', 'st',"
        " '_x', '-x'];\n"
        "  const natural = (a, b) => a.localeCompare(b, undefined,"
        " { numeric: true, sensitivity: 'base' });\n"
        "  return [words.sort((a, b) => a.localeCompare(b)),"
        " ['item10', 'item2', 'Item1'].sort(natural)];\n"
        "}"
    )
    assert js.call(script, "f") == [
        ["_x", "-x", "a", "b", "C", "é", "f", "item10", "item2", "ß", "st", "zoe", "Zoë"],
        ["Item1", "item2", "item10"],
    ]


def test_to_locale_string_formats_as_en_us(js: Any) -> None:
    script = js.load(
        "function f() { return [(1234567.891).toLocaleString(),"
        " (1.005).toLocaleString('en-US', { maximumFractionDigits: 2 }),"
        " (-5).toLocaleString('en-US', { style: 'currency', currency: 'USD' }),"
        " (0.256).toLocaleString('en-US', { style: 'percent', maximumFractionDigits: 1 }),"
        " 12345678901234567890n.toLocaleString(), [1234, 5678.9].toLocaleString()]; }"
    )
    assert js.call(script, "f") == [
        "1,234,567.891",
        "1.01",
        "-$5.00",
        "25.6%",
        "12,345,678,901,234,567,890",
        "1,234,5,678.9",
    ]


def test_dates_in_locale_forms_as_node_gives_them(js: Any) -> None:
    script = js.load(
        "function f() {\n"
        "  const d = new Date(Date.UTC(2024, 11, 5, 15, 5, 9)), utc = { timeZone: 'UTC' };\n"
        "  const z = new Date(Date.UTC(2024, 0, 1, 0, 0, 7));\n"
        "  return [d.toLocaleString('en-US', utc), d.toLocaleDateString(undefined, utc),\n"
        "          d.toLocaleTimeString('en-US', utc), z.toLocaleTimeString([], utc),\n"
        "          d.toLocaleString('en-GB', utc), new Date(NaN).toLocaleDateString(),\n"
        "          new Date(Date.UTC(-1199, 1, 15)).toLocaleDateString('en-US', utc)];\n"
        "}\n"
        "function zone() {\n"
        "  const d = new Date(0);\n"
        "  return [d.getTimezoneOffset(), String(d), d.toTimeString()];\n"
        "}\n"
    )
    assert js.call(script, "f") == [
        "12/5/2024, 3:05:09 PM",
        "12/5/2024",
        "3:05:09 PM",
        "12:00:07 AM",
        "05/12/2024, 15:05:09",
        "Invalid Date",
        "2/15/1200",
    ]
    offset, text, time = js.call(script, "zone")
    if offset == 0:  # the zone's name is known for UTC only
        assert text == "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"
        assert time == "00:00:00 GMT+0000 (Coordinated Universal Time)"


def test_intl_number_format_collator_and_plural_rules(js: Any) -> None:
    script = js.load(
        "function f() {\n"
        "  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });\n"
        "  const ordinal = new Intl.PluralRules('en-US', { type: 'ordinal' });\n"
        "  return [usd.format(1234.5), [1, 22.333].map(Intl.NumberFormat().format),\n"
        "          ['b', 'a', 'C'].sort(new Intl.Collator().compare),\n"
        "          [1, 2, 3, 4, 11, 12, 22, 113].map((n) => ordinal.select(n)),\n"
        "          new Intl.PluralRules().select(1), Object.prototype.toString.call(usd)];\n"
        "}\n"
    )
    assert js.call(script, "f") == [
        "$1,234.50",
        ["1", "22.333"],
        ["a", "b", "C"],
        ["one", "two", "few", "other", "other", "other", "two", "other"],
        "one",
        "[object Intl.NumberFormat]",
    ]


def test_date_component_options_and_date_time_format(js: Any) -> None:
    script = js.load(
        "function f() {\n"
        "  const d = new Date(Date.UTC(2024, 11, 5, 15, 5, 9)), z = 'UTC';\n"
        "  const long = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };\n"
        "  return [d.toLocaleDateString('en-US', { ...long, timeZone: z }),\n"
        "    d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: z }),\n"
        "          d.toLocaleDateString(undefined, { year: 'numeric', month: '2-digit',\n"
        "                                            day: '2-digit', timeZone: z }),\n"
        "          d.toLocaleString('en-US', { dateStyle: 'medium', timeZone: z }),\n"
        "    new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeZone: z }).format(d),\n"
        "          new Intl.DateTimeFormat('en-US', { timeZone: z }).format(d),\n"
        "    d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', timeZone: z })];\n"
        "}\n"
    )
    assert js.call(script, "f") == [
        "Thursday, December 5, 2024",
        "Dec 5",
        "12/05/2024",
        "Dec 5, 2024",
        "12/5/24",
        "12/5/2024",
        "December 2024",
    ]


def test_time_component_options_and_time_styles(js: Any) -> None:
    # as Node 20's ICU gives them, its en-US quirks kept (hour12: false shows midnight
    # as 24; a minute alone has one digit)
    script = js.load(
        "function f() {\n"
        "  const ds = [new Date(Date.UTC(2024, 0, 15, 9, 5, 7)),\n"
        "    new Date(Date.UTC(2024, 6, 4, 0, 30))];\n"
        "  const rows = [{ hour: '2-digit', minute: '2-digit' }, { hour: 'numeric' },\n"
        "    { hour: '2-digit', minute: '2-digit', hour12: false }, { minute: '2-digit' },\n"
        "    { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }, { timeStyle: 'medium' },\n"
        "    { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },\n"
        "    { weekday: 'long', hour: 'numeric' }, { dateStyle: 'medium', timeStyle: 'short' }];\n"
        "  const out = rows.map((o) => ds.map((d) => d.toLocaleString('en-US',\n"
        "    { ...o, timeZone: 'UTC' })).join(' | '));\n"
        "  const o = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };\n"
        "  out.push(ds[0].toLocaleTimeString('en-US', o), ds[0].toLocaleDateString('en-US', o),\n"
        "    ds[1].toLocaleTimeString('en-GB', o),\n"
        "    new Intl.DateTimeFormat('en-US', o).format(ds[0]));\n"
        "  try { ds[0].toLocaleDateString('en-US', { timeStyle: 'short' }); } catch (e) {\n"
        "    out.push(e.name + ': ' + e.message); }\n"
        "  return out;\n"
        "}\n"
    )
    assert js.call(script, "f") == [
        "09:05 AM | 12:30 AM",
        "9 AM | 12 AM",
        "09:05 | 24:30",
        "5 | 30",
        "09:05 | 00:30",
        "9:05:07 AM | 12:30:00 AM",
        "Jan 15, 09:05 AM | Jul 4, 12:30 AM",
        "Monday 9 AM | Thursday 12 AM",
        "Jan 15, 2024, 9:05 AM | Jul 4, 2024, 12:30 AM",
        "9:05 AM",
        "1/15/2024, 9:05 AM",
        "0:30",
        "9:05 AM",
        "TypeError: Invalid option : timeStyle",
    ]


NUMBER_FORMS = (
    "function f() {\n"
    "  const fmt = (v, o) => new Intl.NumberFormat('en-US', o).format(v);\n"
    "  return [\n"
    "    [1234, 1500, 99999, 999999, 1234567, 2.5e15, 0.001234, 99.5]\n"
    "      .map((v) => fmt(v, { notation: 'compact' })).join(' '),\n"
    "    fmt(1234567, { notation: 'compact', compactDisplay: 'long' }),\n"
    "    [1234, 0.001234, 99.5].map((v) => fmt(v, { maximumSignificantDigits: 3 })).join(' '),\n"
    "    [0, 12, 0.5].map((v) => fmt(v, { minimumSignificantDigits: 3 })).join(' '),\n"
    "    [12345678, 0.5, 0].map((v) => fmt(v, { notation: 'scientific' }) + '/' +\n"
    "      fmt(v, { notation: 'engineering' })).join(' '),\n"
    "    [0, -0, 5].map((v) => fmt(v, { signDisplay: 'always' }) + '/' +\n"
    "      fmt(v, { signDisplay: 'exceptZero' })).join(' '),\n"
    "    fmt(-5, { style: 'currency', currency: 'USD', currencySign: 'accounting' }),\n"
    "    fmt(-5, { style: 'currency', currency: 'USD', currencyDisplay: 'code' }),\n"
    "    fmt(1, { style: 'currency', currency: 'EUR', currencyDisplay: 'name',\n"
    "      maximumFractionDigits: 0 }) + '/' +\n"
    "      fmt(2, { style: 'currency', currency: 'USD', currencyDisplay: 'name' }),\n"
    "    (1234.5).toLocaleString('en-US', { maximumSignificantDigits: 2 }),\n"
    "  ];\n"
    "}\n"
)


def test_number_notations_significant_digits_and_signs(js: Any) -> None:
    # as Node 20's ICU gives them (the code's separator is a no-break space)
    assert js.call(js.load(NUMBER_FORMS), "f") == [
        "1.2K 1.5K 100K 1M 1.2M 2500T 0.0012 100",
        "1.2 million",
        "1,230 0.00123 99.5",
        "0.00 12.0 0.500",
        "1.235E7/12.346E6 5E-1/500E-3 0E0/0E0",
        "+0/0 -0/0 +5/+5",
        "($5.00)",
        "-USD\u00a05.00",
        "1 euro/2.00 US dollars",
        "1,200",
    ]


def test_list_and_relative_time_formats(js: Any) -> None:
    script = js.load(
        "function f() {\n"
        "  const lists = [[], ['a'], ['a', 'b'], ['a', 'b', 'c']];\n"
        "  const out = [{}, { type: 'disjunction' }, { style: 'short' }, { type: 'unit' }]\n"
        "    .map((o) => lists.map((l) => new Intl.ListFormat('en', o).format(l)).join('|'));\n"
        "  const rtf = new Intl.RelativeTimeFormat('en'), short = { style: 'short' };\n"
        "  const auto = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });\n"
        "  for (const [v, u] of [[-1, 'day'], [0, 'day'], [3, 'days'], [-1, 'month'],\n"
        "                        [1000, 'day'], [-2, 'hours'], [1, 'quarter']]) {\n"
        "    out.push([rtf.format(v, u), auto.format(v, u),\n"
        "      new Intl.RelativeTimeFormat('en', short).format(v, u)].join('|'));\n"
        "  }\n"
        "  return out;\n"
        "}\n"
    )
    assert js.call(script, "f") == [
        "|a|a and b|a, b, and c",
        "|a|a or b|a, b, or c",
        "|a|a & b|a, b, & c",
        "|a|a, b|a, b, c",
        "1 day ago|yesterday|1 day ago",
        "in 0 days|today|in 0 days",
        "in 3 days|in 3 days|in 3 days",
        "1 month ago|last month|1 mo. ago",
        "in 1,000 days|in 1,000 days|in 1,000 days",
        "2 hours ago|2 hours ago|2 hr. ago",
        "in 1 quarter|next quarter|in 1 qtr.",
    ]
