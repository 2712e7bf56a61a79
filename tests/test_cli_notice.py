"""Tests for ``disclosure-flow calendar import-notice`` (disclosure_flow.cli).

The notice texts are the golden files of tests/workdays/notices/ (their comment lines
taken off, as a clerk would paste them) and a made-up 2027 notice (TEST DATA).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from disclosure_flow import Overlay, OverlayKind
from disclosure_flow.cli import EXIT_IO, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main

NOTICES = Path(__file__).resolve().parent / "workdays" / "notices"

# TEST DATA ONLY: a made-up notice for 2027, not the real one.
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕9号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。1月31日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
五、端午节：6月9日（周三）放假1天，不调休。
六、中秋节：9月15日（周三）放假1天，不调休。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月3日
"""


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def pasted(name: str, tmp_path: Path) -> Path:
    """A golden notice without its comment lines, saved as a clerk would save it."""
    lines = (NOTICES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(x for x in lines if not x.startswith("#")), encoding="utf-8")
    return path


def test_import_writes_a_toml_file_that_loads_back_equal(tmp_path: Path) -> None:
    notice = pasted("2024", tmp_path)
    output = tmp_path / "2024.toml"
    code, text = run("calendar", "import-notice", str(notice), "-o", str(output))
    assert code == EXIT_OK, text
    assert "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）" in text
    assert "2024-02-04  星期日  上班    春节" in text
    assert "2024-02-10  星期六  放假    春节" in text
    assert "2024-06-08  星期六  放假    端午节（与周末连休，通知未逐日列出）" in text
    assert f"已写入 {output}" in text
    loaded = Overlay.load(output)
    assert loaded == Overlay.from_notice(notice.read_text(encoding="utf-8"))
    assert loaded.covers == (2024,)
    toml = output.read_text(encoding="utf-8")
    assert toml.startswith("# 由 disclosure-flow calendar import-notice 生成")


def test_import_in_english(tmp_path: Path) -> None:
    code, text = run("calendar", "import-notice", str(pasted("2025", tmp_path)), "--lang", "en")
    assert code == EXIT_OK, text
    assert "2025-01-26  Sun      working day  Spring Festival (春节)" in text
    assert "days off" in text
    assert "(nothing written: -o FILE writes the TOML)" in text


def test_import_with_a_supplement_and_a_source(tmp_path: Path) -> None:
    output = tmp_path / "2020.toml"
    code, text = run(
        "calendar",
        "import-notice",
        str(pasted("2020", tmp_path)),
        "--supplement",
        str(pasted("2020-extension", tmp_path)),
        "--source",
        "https://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm",
        "-o",
        str(output),
    )
    assert code == EXIT_OK, text
    assert "2020-02-02  星期日  放假    春节（延长至此日，此前各日均放假）" in text
    entries = {e.day: e for e in Overlay.load(output).entries}
    assert entries[dt.date(2020, 2, 1)].kind is OverlayKind.DAY_OFF
    assert "国办发明电〔2020〕1号" in entries[dt.date(2020, 2, 1)].source
    assert entries[dt.date(2020, 1, 24)].source.endswith("content_5454164.htm")


def test_the_written_file_makes_next_years_deadlines_final(tmp_path: Path) -> None:
    notice = tmp_path / "2027.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    output = tmp_path / "2027.toml"
    assert run("calendar", "import-notice", str(notice), "-o", str(output))[0] == EXIT_OK
    code, text = run("deadline", "2026-12-10", "--overlay", str(output), "--json")
    assert code == EXIT_OK, text
    data = json.loads(text)
    assert data["provisional"] is False
    # 20 working days from Thu 2026-12-10: 15 in December, then 4–8 January (1–3 off)
    assert data["due"] == "2027-01-08"
    assert run("deadline", "2026-12-10")[0] == EXIT_REFUSED  # without it: no data for 2027


def test_an_existing_file_is_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "2027.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    output = tmp_path / "2027.toml"
    output.write_text("# edited by hand\n", encoding="utf-8")
    code, _ = run("calendar", "import-notice", str(notice), "-o", str(output))
    assert code == EXIT_USAGE
    assert "已存在；要覆盖它，请加 --force" in capsys.readouterr().err
    assert run("calendar", "import-notice", str(notice), "-o", str(output), "--lang", "en")[0] == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == "# edited by hand\n"
    assert run("calendar", "import-notice", str(notice), "-o", str(output), "--force")[0] == 0
    assert Overlay.load(output).covers == (2027,)


def test_a_notice_that_contradicts_itself_exits_3_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "bad.txt"
    notice.write_text(NOTICE_2027.replace("1月31日（周日）", "1月31日（周六）"), encoding="utf-8")
    output = tmp_path / "bad.toml"
    code, _ = run("calendar", "import-notice", str(notice), "-o", str(output))
    assert code == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "NoticeError: 节假日安排通知，第 5 行（二、春节）" in err
    assert "周六" in err
    assert not output.exists()  # never a partial file


def test_a_missing_file_exits_4(tmp_path: Path) -> None:
    assert run("calendar", "import-notice", str(tmp_path / "none.txt"))[0] == EXIT_IO


def test_a_notice_saved_as_gb18030_and_one_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notice = tmp_path / "gbk.txt"
    notice.write_bytes(NOTICE_2027.encode("gb18030"))
    code, text = run("calendar", "import-notice", str(notice))
    assert code == EXIT_OK, text
    assert "2027-01-31  星期日  上班    春节" in text
    stdin = io.TextIOWrapper(io.BytesIO(("\ufeff" + NOTICE_2027).encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, text = run("calendar", "import-notice", "-")
    assert code == EXIT_OK, text
    assert "覆盖 2027 年" in text


def test_calendar_dates_still_work_beside_import_notice() -> None:
    code, text = run("calendar", "2026-10-10")
    assert code == EXIT_OK
    assert "国庆节" in text
    code, text = run("calendar", "2026-09-30", "2026-10-09")
    assert code == EXIT_OK
    assert "工作日 2 个" in text
    assert run("calendar", "import-notice")[0] == EXIT_USAGE  # FILE is required
    assert run("calendar", "2026-10-10", "import-notice")[0] == EXIT_USAGE  # not a DATE


def test_help_shows_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("calendar", "--help")[0] == EXIT_OK
    assert "calendar import-notice notice.txt -o 2027.toml" in capsys.readouterr().out
    assert run("calendar", "import-notice", "--help")[0] == EXIT_OK
    assert "--supplement" in capsys.readouterr().out
