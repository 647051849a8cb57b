"""An ORM looking its caller's tables up in the catalog is the schema's business; a request value is not.

Shapes from typeorm's query runners (judged debatable by two reviewers, ten findings in two builds),
each beside the look-alike that must stay a finding.
"""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser

ANALYSER = InsecureCodeAnalyser()


def deciding(code: str, language: str) -> list[tuple[str, str, int]]:
    return [(f.rule_id, f.severity, f.line) for f in ANALYSER.analyse(code, language)
            if f.kind == "security" and f.severity != "low"]


QUERY_RUNNER = '''class MysqlQueryRunner {
    async hasDatabase(database) {
        const result = await this.query(`SELECT * FROM \\`INFORMATION_SCHEMA\\`.\\`SCHEMATA\\` WHERE \\`SCHEMA_NAME\\` = '${database}'`);
        return result.length ? true : false;
    }
    async hasColumn(tableOrName, columnName) {
        const sql = `PRAGMA table_xinfo(${this.escapePath(tableOrName)})`;
        const columns = await this.query(sql);
        return !!columns.find((column) => column["name"] === columnName);
    }
    async loadTableRecords(tablePath, tableOrIndex) {
        const [database, tableName] = this.splitTablePath(tablePath);
        return this.query(`SELECT ${database ? `'${database}'` : null} as database, * FROM ${this.escapePath(`${database ? `${database}.` : ""}sqlite_master`)} WHERE "type" = '${tableOrIndex}' AND "name" IN ('${tableName}')`);
    }
}
module.exports = { MysqlQueryRunner };
'''


def test_catalog_lookups_of_the_callers_quoted_table_names_are_not_findings() -> None:
    assert deciding(QUERY_RUNNER, "javascript") == []


def test_a_table_name_from_the_request_stays_a_finding() -> None:
    code = '''const express = require("express");
const app = express();
app.get("/count", async (req, res) => {
    const rows = await db.query(`SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '${req.query.table}'`);
    res.json(rows);
});
'''
    assert deciding(code, "javascript") == [("JS-SQL", "high", 4)]


def test_a_table_name_parameter_quoted_or_bare_is_not_a_finding() -> None:
    code = '''def has_table(cursor, table_name):
    """Whether the table exists (PostgreSQL catalog)."""
    cursor.execute("SELECT 1 FROM information_schema.tables WHERE table_name = '%s'" % table_name)
    return cursor.fetchone() is not None
'''
    assert deciding(code, "python") == []
    # spliced in bare it is the same name (matomo: "DELETE FROM " . $archiveTable)
    bare = '''<?php
class Model {
    public function deleteArchives($archiveTable, $idArchives)
    {
        $sql = "DELETE FROM " . $archiveTable . " WHERE idarchive IN (" . implode(",", array_map("intval", $idArchives)) . ")";
        Db::query($sql);
    }
}
'''
    assert deciding(bare, "php") == []


def test_a_value_parameter_quoted_as_a_literal_stays_a_finding() -> None:
    code = '''class Users {
    async byName(name) {
        return this.query(`SELECT * FROM users WHERE name = '${name}'`);
    }
}
module.exports = { Users };
'''
    assert deciding(code, "javascript") == [("JS-SQL", "high", 3)]


def test_a_value_beside_a_table_name_still_decides() -> None:
    """The table name does not hide the ids spliced in after it."""
    code = '''<?php
class Model {
    public function deleteArchives($archiveTable, $idArchives)
    {
        $sql = "DELETE FROM " . $archiveTable . " WHERE idarchive IN (" . implode(",", $idArchives) . ")";
        Db::query($sql);
    }
}
'''
    assert deciding(code, "php") == [("PHP-SQL", "high", 6)]


def test_ids_mapped_through_a_number_conversion_are_numbers() -> None:
    php = '''<?php
class Model {
    public function deleteInvalidations($idArchives)
    {
        $idArchives = array_map('intval', $idArchives);
        Db::query("DELETE FROM archive WHERE idarchive IN (" . implode(",", $idArchives) . ")");
    }
}
'''
    assert deciding(php, "php") == []
    python = '''def delete(cursor, ids):
    cursor.execute("DELETE FROM t WHERE id IN (%s)" % ",".join(map(str, map(int, ids))))
'''
    assert deciding(python, "python") == []
    assert deciding(python.replace("map(str, map(int, ids))", "map(str, ids)"), "python") == [("PY-SQL", "high", 2)]
