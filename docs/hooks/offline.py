"""An MkDocs hook: the built site's scripts load nothing from another host.

The pages of this site load only their own files (``mkdocs.yml``: no web fonts, the
offline plugin, the iframe-worker shim shipped in ``docs/assets``, diagrams drawn at
build time). The theme's script bundle still holds a few loaders of other hosts'
files, for features this site does not use: Mermaid from a CDN (for ``.mermaid``
elements; ``docs/hooks/diagrams.py`` leaves none), a ResizeObserver polyfill from a CDN
(for browsers before 2020), and the GitHub or GitLab API (for ``repo_url``, not set).

After the build, this hook makes every such loader inert: each string in a script of
the site that is the URL of another host becomes a ``data:`` URL of nothing, which no
browser fetches from the network. A feature that needed one fails in the browser as it
would offline; nothing reaches out. Each rewrite is logged; ``tests/test_docs_site.py``
checks the built site for any URL of another host a page, a style or a script could
load.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.offline")

#: A string literal (quoted or a template) that starts with a URL of another host; the
#: namespaces of XML (SVG, XLink, XHTML, MathML) are names, never fetched.
EXTERNAL_LITERAL = re.compile(
    r"""(?<!\\)(?P<quote>["'`])(?P<url>(?:https?:)?//(?!www\.w3\.org/)"""
    r"""(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}[^"'`\s]*|https?://\$\{[^"'`]*)(?P=quote)"""
)
INERT = "data:,"


def neutralize(script: str) -> tuple[str, list[str]]:
    """*script* with every literal URL of another host made inert, and those URLs."""
    found: list[str] = []

    def inert(match: re.Match[str]) -> str:
        found.append(match["url"])
        return f"{match['quote']}{INERT}{match['quote']}"

    return EXTERNAL_LITERAL.sub(inert, script), found


@event_priority(-200)  # after the theme's files are copied, and after the other languages
def on_post_build(config: MkDocsConfig) -> None:
    for path in sorted(Path(config.site_dir).rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        fixed, found = neutralize(text)
        if found:
            path.write_text(fixed, encoding="utf-8")
            for url in found:
                log.info("offline: %s no longer loads %s", path.relative_to(config.site_dir), url)
