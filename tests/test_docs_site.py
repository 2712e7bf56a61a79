"""The documentation site, built as CI builds it (``mkdocs build --strict``), read back.

- **Offline.** No page, style or script of the built site loads anything from another
  host: no ``src=``, ``srcset``, ``<link href>`` of a stylesheet or an icon, ``<object
  data>``, CSS ``url(...)`` or ``@import``, and no URL of another host in a script
  (``import``, ``fetch``, a script or worker loaded by URL: any string that is such a
  URL). Links a reader follows (``<a href="https://www.gov.cn/...">``) stay.
- **The lifecycle diagram** is drawn as SVG in the page, in both languages, with no
  ``.mermaid`` element left for a script to fetch Mermaid for.
- **The API reference** shows doctest examples as code, not as quotes, and no Sphinx
  role as literal text.
- **Both languages**: Chinese at the root, English under ``en/``, each page in the
  other language's switcher.

Runs where the ``docs`` extra and Graphviz are installed; in CI (``CI`` set) a missing
one is a failure, not a skip: ``.ci/run`` installs both.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _missing() -> list[str]:
    packages = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocstrings_handlers.python")
    absent = [name for name in packages if importlib.util.find_spec(name.split(".")[0]) is None]
    missing = [f"the docs extra ({', '.join(absent)})"] if absent else []
    if shutil.which("dot") is None:
        missing.append("Graphviz (dot)")
    return missing


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = _missing()
    if missing:
        message = f"cannot build the documentation: missing {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must build it (.ci/run installs them)")
        pytest.skip(message)
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stderr[-5000:]}"
    return out


# -- what counts as loading from another host ------------------------------------------

#: A URL of another host: http(s) or protocol-relative.
_EXTERNAL = re.compile(r"^\s*(?:https?:)?//", re.I)
#: XML namespaces are names, never fetched.
_NAMESPACE = re.compile(r"^https?://www\.w3\.org/", re.I)
#: In CSS: ``url(...)`` and ``@import "..."``.
_CSS_URL = re.compile(r"""url\(\s*["']?(?P<url>[^"')\s]+)|@import\s+["'](?P<imp>[^"']+)""", re.I)
#: In a script: a string that starts with a URL of another host (not an escaped quote
#: inside another string: the search index holds the pages' text).
_JS_URL = re.compile(
    r"""(?<!\\)(?P<q>["'`])(?P<url>(?:https?:)?//(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}[^"'`\s]*"""
    r"""|https?://\$\{[^"'`]*)(?P=q)"""
)
#: Attributes whose URL a browser fetches by itself, on any element.
_FETCHED = {"src", "srcset", "imagesrcset", "poster", "data", "background", "xlink:href"}
#: ``<link rel=...>`` that only names a page (not fetched as the page loads).
_LINK_NAMES = {"canonical", "alternate", "next", "prev", "author", "license", "search"}


def _external(url: str) -> bool:
    return bool(_EXTERNAL.match(url)) and not _NAMESPACE.match(url.strip())


def css_loads(css: str) -> list[str]:
    found = []
    for match in _CSS_URL.finditer(css):
        url = match["url"] or match["imp"]
        if _external(url):
            found.append(url)
    return found


def script_loads(script: str) -> list[str]:
    return [m["url"] for m in _JS_URL.finditer(script) if not _NAMESPACE.match(m["url"])]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self.links: list[str] = []
        self.mermaid = 0
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "mermaid" in values.get("class", "").split():
            self.mermaid += 1
        for name, value in values.items():
            if name in ("srcset", "imagesrcset"):
                candidates = [part.split()[0] for part in value.split(",") if part.split()]
            else:
                candidates = [value]
            if name in _FETCHED or (tag in ("image", "use") and name == "href"):
                self.loads += [f"<{tag} {name}={u}>" for u in candidates if _external(u)]
            if name == "style":
                self.loads += [f"<{tag} style> {u}" for u in css_loads(value)]
            if name == "content" and values.get("http-equiv", "").lower() == "refresh":
                target = value.partition("=")[2]
                if _external(target):
                    self.loads.append(f"<meta refresh> {value}")
        if tag == "link" and _external(values.get("href", "")):
            rel = set(values.get("rel", "").lower().split())
            if not rel or not rel <= _LINK_NAMES:
                self.loads.append(f"<link rel={values.get('rel')} href={values['href']}>")
        if tag == "a" and _external(values.get("href", "")):
            self.links.append(values["href"])
        if tag in ("script", "style"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.loads += [f"<script> {u}" for u in script_loads(data)]
        elif self._in == "style":
            self.loads += [f"<style> {u}" for u in css_loads(data)]


def _read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


# -- the scanner itself ----------------------------------------------------------------


def test_the_scanner_finds_what_loads_from_another_host() -> None:
    page = _Page()
    page.feed(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>'
        '<link rel="icon" href="//cdn.example.org/favicon.png">'
        '<script src="https://unpkg.com/mermaid@11/dist/mermaid.min.js"></script>'
        '<img srcset="a.png 1x, https://cdn.example.org/b.png 2x">'
        "<iframe src='https://www.example.org/embed'></iframe>"
        '<div style="background: url(https://cdn.example.org/x.png)"></div>'
        "<style>@import 'https://cdn.example.org/a.css';</style>"
        "<script>fetch('https://api.github.com/repos/a/b')</script>"
        '<pre class="mermaid"><code>stateDiagram-v2</code></pre>'
        # what stays: page links, local files, namespaces, data: URLs
        '<a href="https://www.gov.cn/zhengce/">通知</a><img src="assets/a.png">'
        '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
        "<div style=\"background: url('data:image/svg+xml;utf8,<svg "
        "xmlns=&quot;http://www.w3.org/2000/svg&quot;/>')\"></div>"
    )
    assert len(page.loads) == 9, page.loads
    assert page.links == ["https://www.gov.cn/zhengce/"]
    assert page.mermaid == 1
    assert script_loads('import("https://esm.sh/x");e.src=`https://${h}/api`;') == [
        "https://esm.sh/x",
        "https://${h}/api",
    ]
    assert script_loads('var __index = {"text": "网站 \\"http://www.example.gov.cn\\""}') == []
    assert css_loads("a{background:url(../img/a.png)}@import url(//fonts.example.org/c.css);")


# -- the built site --------------------------------------------------------------------


def _files(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in suffixes and p.is_file())


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    pages = _files(site, ".html")
    assert len(pages) > 20
    found = {str(p.relative_to(site)): _read_page(p).loads for p in pages}
    assert {page: loads for page, loads in found.items() if loads} == {}


def test_no_style_or_script_loads_anything_from_another_host(site: Path) -> None:
    styles, scripts = _files(site, ".css"), _files(site, ".js")
    assert styles
    assert scripts
    found = {
        str(p.relative_to(site)): (css_loads if p.suffix == ".css" else script_loads)(
            p.read_text(encoding="utf-8")
        )
        for p in styles + scripts
    }
    assert {name: urls for name, urls in found.items() if urls} == {}


def test_links_to_sources_stay(site: Path) -> None:
    page = _read_page(site / "en" / "calendar.html")
    assert "https://pypi.org/project/chinese-calendar/" in page.links


def test_the_site_works_from_the_disk(site: Path) -> None:
    """The offline plugin: links to files, not folders, and the search index as a script."""
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="quickstart.html"' in index
    assert (
        (site / "search" / "search_index.js")
        .read_text(encoding="utf-8")
        .startswith("var __index =")
    )
    assert "iframe-worker-shim.js" in index


_LOCAL = re.compile(
    r'<(?:script|img)\b[^>]*\ssrc="(?P<src>[^"]+)"|<link\b[^>]*\shref="(?P<href>[^"]+)"'
)


def test_every_file_a_page_loads_is_in_the_site(site: Path) -> None:
    """Relative links, so that the site opened from the disk finds its own files (the
    404 page is for a web server, which serves it at any depth: its links are absolute)."""
    missing = []
    for page in _files(site, ".html"):
        if page.name == "404.html":
            continue
        for match in _LOCAL.finditer(page.read_text(encoding="utf-8")):
            url = (match["src"] or match["href"]).split("#")[0].split("?")[0]
            if not url or _external(url) or url.startswith("data:"):
                continue
            if not (page.parent / url).resolve().exists():
                missing.append(f"{page.relative_to(site)}: {url}")
    assert missing == []


@pytest.mark.parametrize("language", ["", "en/"])
def test_the_lifecycle_diagram_is_svg_in_the_page(site: Path, language: str) -> None:
    html = (site / language / "lifecycle.html").read_text(encoding="utf-8")
    page = _read_page(site / language / "lifecycle.html")
    assert page.mermaid == 0, "a .mermaid element would make the theme fetch Mermaid"
    drawing = re.search(r'<div class="df-diagram__drawing"><svg .*?</svg>', html, re.S)
    assert drawing, "the lifecycle page must show the diagram as inline SVG"
    svg = drawing.group()
    for state in ("new", "awaiting_correction", "waiting", "in_proceeding", "archived"):
        assert f"<title>{state}</title>" in svg
    assert "办理中" in svg
    full = re.search(r'<figcaption><a href="(?P<href>[^"]+\.svg)">', html)
    assert full, "the drawing links to itself as a file"
    alone = (site / language / full["href"]).resolve()
    assert alone.read_text(encoding="utf-8").startswith('<?xml version="1.0"')
    assert "<title>in_proceeding</title>" in alone.read_text(encoding="utf-8")
    assert "stateDiagram-v2" in html  # the source, folded under the drawing


@pytest.mark.parametrize("language", ["", "en/"])
def test_the_reference_shows_doctests_as_code_and_roles_as_links(site: Path, language: str) -> None:
    html = (site / language / "reference.html").read_text(encoding="utf-8")
    for role in (":class:", ":func:", ":meth:", ":data:", ":attr:", ":mod:"):
        assert role not in html, f"{role} shown as text"
    quotes = re.findall(r"<blockquote>.*?</blockquote>", html, re.S)
    assert not [q for q in quotes if "&gt;&gt;&gt;" in q or ">>>" in q]
    examples = re.findall(r'<div class="language-pycon highlight">.*?</div>', html, re.S)
    assert len(examples) > 20
    assert all('<span class="gp">&gt;&gt;&gt; </span>' in e for e in examples)
    rest = re.sub(r'<div class="language-pycon highlight">.*?</div>', "", html, flags=re.S)
    assert "&gt;&gt;&gt;" not in rest, "a doctest prompt outside a code block"
    # the reference is in English in both sites, its section titles too
    assert '<span class="doc-section-title">Attributes:</span>' in html
    assert "属性：" not in html
    # :class:`DisclosureFlowError` in the errors module links to the class's entry
    assert re.search(
        r'<a class="autorefs autorefs-internal"[^>]*'
        r'href="#disclosure_flow\.errors\.DisclosureFlowError"><code>DisclosureFlowError</code>',
        html,
    )


def test_both_languages(site: Path) -> None:
    zh = (site / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh
    assert '<html lang="en"' in en
    assert "仅有英文" in zh
    for page in ("quickstart", "calendar", "lifecycle", "integration", "report", "glossary"):
        chinese = (site / f"{page}.html").read_text(encoding="utf-8")
        english = (site / "en" / f"{page}.html").read_text(encoding="utf-8")
        assert re.search(r"<h1[^>]*>[^<]*[\u4e00-\u9fff]", chinese), page
        assert 'hreflang="en"' in chinese, page
        assert 'hreflang="zh"' in english, page
    # a page in English only is in both sites, in English
    assert "Concepts" in (site / "concepts.html").read_text(encoding="utf-8")
