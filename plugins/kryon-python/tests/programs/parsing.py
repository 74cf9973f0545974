import fnmatch
import ipaddress
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, unquote, urlencode, urljoin, urlparse


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())


page = '<html><body><h1>Title &amp; more</h1><p>See <a href="/a?x=1">A</a> and <a href="https://b.org/">B</a>.</p></body></html>'
collector = LinkCollector()
collector.feed(page)
print(collector.links, collector.text)
u = urlparse("https://user@example.com:8080/path/to/page.html?q=search+term&lang=en#frag")
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.query, u.fragment)
print(parse_qs(u.query), urlencode({"a": 1, "b": "x y"}), quote("a b/c"), unquote("%E2%9C%93"))
print(urljoin("https://example.com/a/b", "../c"), urljoin("https://example.com/a/b", "/root"))
doc = ET.fromstring("""<library><book id="1" year="1851"><title>Moby Dick</title><author>Melville</author></book>
<book id="2" year="1813"><title>Pride and Prejudice</title><author>Austen</author></book></library>""")
for book in sorted(doc.findall("book"), key=lambda b: int(b.get("year"))):
    print(book.get("id"), book.get("year"), book.findtext("title"), book.find("author").text)
new = ET.SubElement(doc, "book", id="3")
ET.SubElement(new, "title").text = "Dune"
print(len(doc), ET.tostring(new, encoding="unicode"))
print([e.tag for e in doc.iter()][:6])
net = ipaddress.ip_network("192.168.1.0/28")
print(
    net.num_addresses,
    list(net.hosts())[:3],
    ipaddress.ip_address("10.0.0.1") in ipaddress.ip_network("10.0.0.0/8"),
)
print(
    ipaddress.ip_address("::1").is_loopback,
    ipaddress.IPv4Address("1.2.3.4") + 1,
    ipaddress.ip_interface("10.1.2.3/24").network,
)
files = ["main.py", "test_main.py", "README.md", "data.csv", "setup.cfg", "Test_X.PY"]
print(
    fnmatch.filter(files, "*.py"),
    fnmatch.fnmatch("Test_X.PY", "test_*"),
    fnmatch.fnmatchcase("a.PY", "*.py"),
    fnmatch.translate("*.md"),
)
