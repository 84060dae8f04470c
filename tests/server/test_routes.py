"""The routes of ``ppid serve`` through Starlette's test client: each body equals the
command's ``--json``; bad input 422, too much 413, wrong paths and methods 404/405."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from ppid_core.examples.ikm import seed_survey_text
from ppid_core.examples.rb import PLAN, TEAM, example_path
from ppid_core.examples.requests import kpu_ntt_2024_text
from ppid_core.server import Limits
from tests.server._client import cli_json, client


@pytest.mark.parametrize(
    ("received", "zone"),
    [("2025-03-27", "WIB"), ("2025-03-27T16:30", "WITA"), ("2025-12-24T08:00+07:00", "WIT")],
)
def test_deadline_equals_the_command(received: str, zone: str) -> None:
    response = client().get("/v1/deadline", params={"received": received, "zone": zone})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == cli_json("deadline", received, "--zone", zone, "--json")


def test_deadline_without_zone_is_in_jakarta() -> None:
    body = client().get("/v1/deadline?received=2025-03-27").json()
    assert body == cli_json("deadline", "2025-03-27", "--json")
    assert (body["zone"], body["response_due"]) == ("Asia/Jakarta", "2025-04-22")


def test_calendar_equals_the_command() -> None:
    response = client().get("/v1/calendar/2025")
    assert response.status_code == 200
    assert response.json() == cli_json("calendar", "show", "2025", "--json")


def test_ikm_score_equals_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = seed_survey_text()
    (tmp_path / "skm.csv").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    response = client().post("/v1/ikm/score", files={"file": ("skm.csv", text.encode())})
    assert response.status_code == 200
    assert response.json() == cli_json("ikm", "score", "skm.csv", "--json")


def test_register_report_equals_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = kpu_ntt_2024_text()
    (tmp_path / "register.csv").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    response = client().post("/v1/register/report", files={"file": ("register.csv", text.encode())})
    assert response.status_code == 200
    body = response.json()
    assert body == cli_json("register", "report", "register.csv", "--json")
    assert body["total"] == 37


@pytest.mark.parametrize("name", [PLAN, TEAM])
def test_rb_check_says_what_the_command_prints(name: str) -> None:
    import io

    from ppid_core.cli import main

    path = example_path(name)
    out = io.StringIO()
    assert main(["rb", "check", str(path)], out=out) == 0
    line = out.getvalue().strip().replace(str(path), name)
    for response in (
        client().post("/v1/rb/check", files={"file": (name, path.read_bytes())}),
        client().post("/v1/rb/check", content=path.read_bytes()),  # the YAML as the body
    ):
        assert response.status_code == 200
        body = response.json()
        assert body["valid"] is True
        assert body["summary"] == line.replace(name, body["file"])


def test_rb_check_of_a_bad_file_is_422_with_every_located_error() -> None:
    text = b"kind: plan\nunit: KPU\nyear: 2022\nyear: 2023\nareas: nope\n"
    response = client().post("/v1/rb/check", files={"file": ("rencana.yaml", text)})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "bad input"
    assert body["errors"][0] == (
        "rencana.yaml:4:1 ($.year): duplicate key 'year' (first at line 3)"
    )
    assert all(e.startswith("rencana.yaml:") for e in body["errors"])


def test_health() -> None:
    body = client().get("/v1/health").json()
    assert body["status"] == "ok"
    assert body["version"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "/v1/deadline?received=2025-03",
            "received: RECEIVED '2025-03' is not a whole date; give the year, month and day "
            "(2025-03-27) or a datetime (2025-03-27T15:30+08:00)",
        ),
        ("/v1/deadline", "received: missing; give ?received=2025-03-27"),
        (
            "/v1/deadline?received=2025-03-27&zone=Mars",
            "zone: unknown zone 'Mars'; expected an Indonesian IANA zone (Asia/Jakarta, "
            "Asia/Pontianak, Asia/Makassar, Asia/Jayapura), WIB, WITA, WIT or a province name",
        ),
        ("/v1/calendar/20x5", "year: expected a year such as 2027, got '20x5'"),
        ("/v1/calendar/1800", "year: expected a year such as 2027, got '1800'"),
    ],
)
def test_bad_query_is_422(url: str, message: str) -> None:
    response = client().get(url)
    assert response.status_code == 422
    assert response.json() == {"error": "bad input", "errors": [message]}


def test_a_date_outside_the_data_is_422_without_a_traceback() -> None:
    response = client().get("/v1/deadline?received=1950-01-02")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        "1950-01-02 is outside the holiday data (2016-01-01 to 2027-12-31); years after the "
        "decreed data are estimated, at most 10 years ahead; the server's own holiday files "
        "go in $PPID_HOLIDAYS_DIR where it runs"
    ]
    assert "Traceback" not in response.text


def test_bad_survey_is_422_with_located_errors_and_no_personal_data() -> None:
    text = "Nama,Telepon,U1,U2,U3,U4,U5,U6,U7,U8,U9\nBudi Santoso,081234567890,4,4,4,4,4,4,4,4,x\n"
    response = client().post("/v1/ikm/score", files={"file": ("skm.csv", text.encode())})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors
    assert all(e.startswith("skm.csv") for e in errors)
    assert "Budi" not in response.text
    assert "081234567890" not in response.text


def test_upload_without_the_file_part_is_422() -> None:
    response = client().post("/v1/ikm/score", files={"other": ("a.csv", b"U1\n4\n")})
    assert response.status_code == 422
    assert response.json()["errors"] == ["no file: send it in the multipart part named 'file'"]
    response = client().post("/v1/ikm/score", content=b"U1,U2\n4,4\n")
    assert response.json()["errors"] == [
        "expected a multipart/form-data upload with the file in the part named 'file'"
    ]


def test_an_upload_over_the_size_limit_is_413() -> None:
    small = client(Limits(max_upload_bytes=1000))
    text = seed_survey_text().encode()
    response = small.post("/v1/ikm/score", files={"file": ("skm.csv", text)})
    assert response.status_code == 413
    assert response.json() == {
        "error": "too large",
        "errors": ["the upload is over this server's limit of 1000 bytes; send a smaller file"],
    }


def test_a_file_over_the_row_limit_is_413() -> None:
    few = client(Limits(max_rows=10))
    response = few.post("/v1/ikm/score", files={"file": ("skm.csv", seed_survey_text().encode())})
    assert response.status_code == 413
    assert response.json()["errors"] == [
        "the file has 150 respondents, more than this server's limit of 10; split the "
        "file, or score it with the ppid command"
    ]
    response = few.post(
        "/v1/register/report", files={"file": ("r.csv", kpu_ntt_2024_text().encode())}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0].startswith("the file has 37 requests")


def test_unknown_path_and_wrong_method_are_clean_json() -> None:
    response = client().get("/v2/deadline")
    assert (response.status_code, response.json()) == (
        404,
        {"error": "not found", "errors": ["GET /v2/deadline: not found"]},
    )
    response = client().delete("/v1/ikm/score")
    assert response.status_code == 405
    assert response.json()["errors"] == ["DELETE /v1/ikm/score: method not allowed"]
    assert response.headers["allow"] == "POST"


def test_nothing_is_written_even_for_a_big_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Starlette spools a multipart part over 1 MiB to a temporary file; the server
    # keeps the upload in memory instead. 1.9 MiB of survey rows, then nothing on disk.
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(tmp_path)
    header, *rows = seed_survey_text().splitlines()
    big = "\n".join([header, *rows * 200]) + "\n"
    assert len(big) > 1.5 * 1024 * 1024
    opened: list[str] = []

    def spy(*args: object, **kwargs: object) -> None:
        opened.append("TemporaryFile")
        raise AssertionError("no temporary file")

    monkeypatch.setattr(tempfile, "TemporaryFile", spy)
    response = client().post("/v1/ikm/score", files={"file": ("big.csv", big.encode())})
    assert response.status_code == 200
    assert response.json()["respondents"] == 150 * 200
    assert opened == []
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["tmp"]


def test_openapi_schema_and_docs_page() -> None:
    schema = client().get("/openapi.json").json()
    assert sorted(schema["paths"]) == [
        "/v1/calendar/{year}",
        "/v1/deadline",
        "/v1/health",
        "/v1/ikm/score",
        "/v1/rb/check",
        "/v1/register/report",
    ]
    page = client().get("/docs")
    assert page.status_code == 200
    assert "GET /v1/deadline" in page.text
    assert "<script" not in page.text
