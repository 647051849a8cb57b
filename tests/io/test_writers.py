import orjson
import pytest

from tritter_data.core.sample import SchemaError
from tritter_data.io.shards import BadLine, iter_shard_records
from tritter_data.io.writers import ShardWriter


def record(index, **extra):
    base = {"text": f"print({index})\n", "language": "python", "quality_score": 0.9}
    if extra.get("quality_label"):
        base.update(quality_label="negative", explanation="This code has quality issues:\n- x (line 1).\nFix: y")
    base["source"] = f"s{index}.py"
    if "license" in extra:
        base.update(license=extra["license"], stars=extra["stars"])
    return base


@pytest.mark.parametrize("compress", ["none", "zstd"])
def test_optional_fields_are_hoisted_to_the_head_of_shard_0(tmp_path, compress):
    with ShardWriter(tmp_path, shard_size=3, compress=compress) as writer:
        for index in range(8):
            if index == 4:
                writer.write(record(index, quality_label=True))
            elif index == 6:
                writer.write(record(index, license="MIT", stars=120))
            else:
                writer.write(record(index))
    shards = [list(iter_shard_records(path)) for path in writer.paths]
    sources = [[r["source"] for r in shard] for shard in shards]
    assert sources == [["s4.py", "s6.py", "s2.py"], ["s3.py", "s0.py", "s5.py"], ["s1.py", "s7.py"]]
    assert set(shards[0][0]) | set(shards[0][1]) >= {"quality_label", "explanation", "license", "stars"}


def test_nothing_moves_when_the_first_record_has_every_field(tmp_path):
    with ShardWriter(tmp_path, shard_size=2) as writer:
        writer.write(record(0, quality_label=True))
        writer.write(record(1))
        writer.write(record(2, quality_label=True))
    assert [r["source"] for p in writer.paths for r in iter_shard_records(p)] == ["s0.py", "s1.py", "s2.py"]


def test_records_are_validated_against_the_card(tmp_path):
    with ShardWriter(tmp_path) as writer:
        with pytest.raises(SchemaError, match="unknown field"):
            writer.write({**record(0), "path": "/abs"})
        with pytest.raises(SchemaError, match="needs an 'explanation'"):
            writer.write({**record(0), "quality_label": "negative"})
        with pytest.raises(SchemaError, match=r"quality_score.*in \[0, 1\]"):
            writer.write({**record(0), "quality_score": 1.5})


def test_bad_lines_are_reported_with_file_and_line(tmp_path):
    shard = tmp_path / "shard_00000.jsonl"
    shard.write_bytes(orjson.dumps(record(0)) + b"\n{not json\n" + orjson.dumps({"text": "x"}) + b"\n")
    items = list(iter_shard_records(shard))
    assert items[0]["source"] == "s0.py"
    assert isinstance(items[1], BadLine) and items[1].line == 2 and items[1].problem.startswith("invalid JSON")
    assert isinstance(items[2], BadLine) and "missing required field 'language'" in items[2].problem
