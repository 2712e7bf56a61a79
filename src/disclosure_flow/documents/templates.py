"""The templates documents are worded with (文书模板): Jinja2 files, checked when loaded.

The library ships one template per :class:`~disclosure_flow.documents.DocumentKind`
(``templates/reply.j2`` …, package data); a host points :class:`DocumentTemplates` at
its own folder to override one or all of them, file by file. Each template defines one
Jinja2 block per element of its document (``{% block remedies %}…{% endblock %}``);
a template that lacks one the law requires is refused when it is loaded, naming the
element — the library's check, not the template's goodwill — and so is one that does
not parse. After rendering, each element is checked again for what it must state (the
reconsideration body, the period, the date): see :mod:`disclosure_flow.documents.render`.

Templates render plain text: paragraphs separated by a blank line, lines of one
paragraph joined. They never write markup; each format escapes what they produce.
They run in Jinja2's sandbox with undefined names refused.

Needs the optional extra ``documents`` (Jinja2): ``pip install 'disclosure-flow[documents]'``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from disclosure_flow.documents.kinds import DocumentKind
from disclosure_flow.errors import DocumentError, TemplateError, Wording

if TYPE_CHECKING:
    import jinja2

__all__ = ["OPTIONAL_BLOCKS", "DocumentTemplates"]

#: Blocks a template may define besides its required ones: a closing formula (特此告知。).
OPTIONAL_BLOCKS = ("closing",)

_EXTRA = "pip install 'disclosure-flow[documents]'"


def _jinja() -> Any:
    try:
        import jinja2
        import jinja2.sandbox
    except ImportError:
        raise DocumentError(
            "templates",
            Wording(
                "documents need Jinja2, which is not installed", "生成文书需要 Jinja2，但未安装"
            ),
            Wording(f"install the extra: {_EXTRA}", f"安装可选依赖：{_EXTRA}"),
        ) from None
    return jinja2


class DocumentTemplates:
    """The set of templates documents are rendered with (文书模板集).

    Args:
        folder: a folder of the host's own templates (``reply.j2``, …): each file there
            replaces the library's template of the same name; ``None``: the library's
            templates only.

    Every template is loaded and checked at once, so a bad one is found when the host
    starts, not when a clerk prints.

    Raises:
        TemplateError: a template does not parse, uses ``{% extends %}``, or lacks a
            required element (block); the error names the template and the elements.
        DocumentError: Jinja2 is not installed; or *folder* is not a folder.
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        j2 = _jinja()
        loaders: list[Any] = []
        if folder is not None:
            path = Path(folder)
            if not path.is_dir():
                raise DocumentError(
                    "templates",
                    Wording(f"{path} is not a folder", f"{path} 不是文件夹"),
                    Wording("a folder of .j2 files", "存放 .j2 文件的文件夹"),
                )
            loaders.append(j2.FileSystemLoader(str(path)))
        loaders.append(j2.PackageLoader("disclosure_flow.documents", "templates"))
        self.folder = None if folder is None else Path(folder)
        self._env = j2.sandbox.ImmutableSandboxedEnvironment(
            loader=j2.ChoiceLoader(loaders),
            undefined=j2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self._templates = {kind: self._load(kind) for kind in DocumentKind}

    @classmethod
    @functools.cache
    def default(cls) -> DocumentTemplates:
        """The library's own templates, loaded once."""
        return cls()

    def _load(self, kind: DocumentKind) -> jinja2.Template:
        j2 = _jinja()
        name = kind.template_name
        try:
            source, filename, _ = self._env.loader.get_source(self._env, name)
            tree = self._env.parse(source, name, filename)
        except j2.TemplateSyntaxError as error:
            raise TemplateError(
                kind.value,
                name,
                Wording(
                    f"does not parse (line {error.lineno}: {error.message})",
                    f"无法解析（第 {error.lineno} 行：{error.message!r}）",
                ),
                Wording("a Jinja2 template that parses", "能够解析的 Jinja2 模板"),
            ) from None
        except j2.TemplateNotFound:  # pragma: no cover  # the package ships them all
            raise TemplateError(
                kind.value,
                name,
                Wording("not found", "找不到"),
                Wording("a template file", "模板文件"),
            ) from None
        if tree.find(j2.nodes.Extends) is not None:
            raise TemplateError(
                kind.value,
                name,
                Wording("uses {% extends %}", "使用了 {% extends %}"),
                Wording(
                    "a template that defines its own blocks (share wording with {% import %})",
                    "自己定义各块的模板（共用措辞请用 {% import %}）",
                ),
            )
        defined = {block.name for block in tree.find_all(j2.nodes.Block)}
        missing = tuple(b for b in kind.required_blocks if b not in defined)
        if missing:
            raise TemplateError(
                kind.value,
                name,
                Wording(
                    f"lacks the required element(s) {', '.join(missing)} of {kind.title_zh}",
                    f"缺少{kind.title_zh}的必备要素 {'、'.join(missing)}",
                ),
                Wording(
                    "a template that defines the blocks " + ", ".join(kind.required_blocks),
                    "定义了以下块的模板：" + "、".join(kind.required_blocks),
                ),
                missing=missing,
            )
        try:
            template: jinja2.Template = self._env.get_template(name)
        except j2.TemplateSyntaxError as error:  # pragma: no cover  # parsed above
            raise TemplateError(
                kind.value,
                name,
                Wording(str(error), f"无法编译（{str(error)!r}）"),
                Wording("a template that compiles", "能够编译的模板"),
            ) from None
        return template

    def render_blocks(self, kind: DocumentKind, context: Mapping[str, Any]) -> dict[str, str]:
        """Each block of *kind*'s template rendered with *context*: block name → text.

        Raises:
            TemplateError: a block refers to a name the context lacks, or breaks the
                sandbox's rules.
        """
        j2 = _jinja()
        template = self._templates[kind]
        out: dict[str, str] = {}
        names = (*kind.required_blocks, *(b for b in OPTIONAL_BLOCKS if b in template.blocks))
        try:
            # The whole template once, so that its top-level imports and sets are in the
            # context the blocks are then rendered with, one by one.
            ctx = template.new_context(dict(context))
            "".join(template.root_render_func(ctx))
        except (j2.UndefinedError, j2.exceptions.SecurityError) as error:
            raise TemplateError(
                kind.value,
                kind.template_name,
                Wording(f"cannot be rendered ({error})", f"无法生成（{str(error)!r}）"),
                Wording(
                    "a template that uses only the names a document provides",
                    "只使用文书所提供名称的模板",
                ),
            ) from None
        for name in names:
            try:
                out[name] = "".join(template.blocks[name](ctx))
            except (j2.UndefinedError, j2.exceptions.SecurityError) as error:
                raise TemplateError(
                    kind.value,
                    kind.template_name,
                    Wording(
                        f"element {name} cannot be rendered ({error})",
                        f"要素 {name} 无法生成（{str(error)!r}）",
                    ),
                    Wording(
                        "a template that uses only the names a document provides",
                        "只使用文书所提供名称的模板",
                    ),
                ) from None
        return out
