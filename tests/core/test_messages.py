"""Core messages: English text that the UI can translate (workbench.core.messages)."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from workbench.core.errors import CorpusError, ParameterError, WorkbenchError
from workbench.core.explore.expressions import ExpressionError, parse_expression
from workbench.core.explore.neighbours import OutOfVocabulary
from workbench.core.messages import Msg, fields, msg, render

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "workbench" / "core"

#: A pretend catalogue, as a translator would write it.
CATALOGUE = {
    "Read {done:,} of {total:,} vectors": "已读取 {done:,} / {total:,} 个向量",
    "{path} cannot be read: {reason}": "无法读取 {path}：{reason}",
    "permission denied": "权限不足",
    "'{word}' is not in the vocabulary ({size:,} words).":
        "“{word}”不在词表中（共 {size:,} 个词）。",
    "Broken {template}": "坏的 {nope}",
}


def translate(template: str) -> str:
    return CATALOGUE.get(template, template)


def test_msg_is_the_english_text():
    m = msg("Read {done:,} of {total:,} vectors", done=1200, total=30000)
    assert m == "Read 1,200 of 30,000 vectors"
    assert isinstance(m, str) and isinstance(m, Msg)
    assert m.template == "Read {done:,} of {total:,} vectors"
    assert m.values == {"done": 1200, "total": 30000}
    assert f"{m}" == "Read 1,200 of 30,000 vectors"
    assert msg("No braces {{here}}") == "No braces {here}"


def test_render_translates_template_and_nested_values():
    m = msg("{path} cannot be read: {reason}", path=Path("a.txt"), reason=msg("permission denied"))
    assert render(m, translate) == "无法读取 a.txt：权限不足"
    assert render(m, lambda t: t) == "a.txt cannot be read: permission denied"
    # an error whose message is a Msg is rendered the same way, also as a value
    err = CorpusError(m, path="a.txt")
    assert render(err, translate) == "无法读取 a.txt：权限不足"
    outer = msg("{path} cannot be read: {reason}", path="b", reason=err)
    assert render(outer, translate) == "无法读取 b：无法读取 a.txt：权限不足"


def test_render_keeps_plain_text_and_falls_back_on_a_broken_translation():
    assert render("plain", translate) == "plain"
    assert render(ValueError("bug"), translate) == "bug"
    assert render(msg("Broken {template}", template="x"), translate) == "Broken x"
    assert render(msg("Untranslated {n}", n=3), translate) == "Untranslated 3"


def test_messages_survive_pickling_inside_errors():
    err = ParameterError(msg("Read {done:,} of {total:,} vectors", done=5, total=10))
    back = pickle.loads(pickle.dumps(err))
    assert str(back) == "Read 5 of 10 vectors"
    assert isinstance(back.message, Msg) and back.message.values == {"done": 5, "total": 10}
    assert render(back, translate) == "已读取 5 / 10 个向量"


def test_errors_built_from_parts_stay_translatable():
    oov = OutOfVocabulary("cat", (), 12345)
    assert str(oov) == "'cat' is not in the vocabulary (12,345 words)."
    assert render(oov, translate) == "“cat”不在词表中（共 12,345 个词）。"
    assert render(pickle.loads(pickle.dumps(oov)), translate) == render(oov, translate)
    with pytest.raises(ExpressionError) as info:
        parse_expression("king + * man")
    assert isinstance(info.value.message, Msg)
    assert isinstance(info.value.message.values["problem"], Msg)


# ------------------------------------------------------------------ the whole core

_ERRORS = {"WorkbenchError", "CorpusError", "EncodingProblem", "ParameterError",
           "MissingDependency", "UnsafePickleError", "OutOfVocabulary", "ExpressionError",
           "_BinaryContent", "_EmptyContent"}


def _text_arguments(tree: ast.AST):
    """The message argument of every error construction and progress report."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in _ERRORS and node.args:
            yield node.args[0]
        elif name == "report" and isinstance(func, ast.Attribute):
            yield from node.args[1:2]
            yield from (k.value for k in node.keywords if k.arg == "message")


def test_core_writes_every_user_message_with_msg():
    """No literal or f-string reaches the user without going through msg()."""
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for arg in _text_arguments(tree):
            literal = isinstance(arg, ast.JoinedStr) or (
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value)
            if literal or isinstance(arg, ast.BinOp):
                offenders.append(f"{path.relative_to(ROOT)}:{arg.lineno}")
    assert offenders == []


def test_every_core_template_has_a_chinese_translation_with_the_same_fields(translation_tools):
    templates = translation_tools.core_messages()
    assert len(templates) > 400       # the extractor found the core's messages
    words = translation_tools.dictionary("zh_CN")
    missing = [t for t in templates if not words.get(t, "").strip()]
    assert missing == []
    wrong = [(t, words[t]) for t in templates if fields(t) != fields(words[t])]
    assert wrong == []
    for template in templates:       # every translation formats with the template's values
        values = {name: 1 for name in fields(template)}
        try:
            template.format(**values)
        except (ValueError, TypeError):
            continue                  # a spec that needs text, e.g. {word!r:>10}; checked above
        words[template].format(**values)


def test_workbench_error_keeps_english_str_for_scripts_and_logs():
    err = WorkbenchError(msg("{path} holds no vectors.", path="v.txt"), path="v.txt")
    assert str(err) == "v.txt holds no vectors."
    assert f"{err}" == "v.txt holds no vectors."
    assert err.path == "v.txt"


def test_stored_messages_come_back_translatable(tmp_path):
    from workbench.core.messages import dumps, loads
    from workbench.core.workspace import Workspace

    inner = CorpusError(msg("{path} cannot be read: {reason}", path=Path("a.txt"),
                            reason=msg("permission denied")))
    stored = dumps(inner)
    back = loads(stored)
    assert back == "a.txt cannot be read: permission denied"
    assert render(back, translate) == "无法读取 a.txt：权限不足"
    assert loads("plain words") == "plain words" and dumps("plain") == "plain"
    assert loads("{not json") == "{not json"
    # a template whose values no longer fit keeps the English text
    assert loads('{"msg": "{n:,} rows", "text": "3 rows", "values": {"n": "x"}}') == "3 rows"

    workspace = Workspace(tmp_path / "ws")
    with pytest.raises(CorpusError), workspace.recorded("test", {}, "fp") as _run:
        raise inner
    run = workspace.runs.list()[0]
    assert run.status == "failed"
    assert run.message == "a.txt cannot be read: permission denied"
    assert render(run.message, translate) == "无法读取 a.txt：权限不足"
