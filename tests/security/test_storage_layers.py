"""A storage layer's own SQL: rows bound as values, conditions its callers wrote, quoted names.

Shapes from Matomo's data-access classes and the Zend_Db adapter it ships (real code scanned by
hand: 45 findings, most of them this), each beside the look-alike that must stay a finding.
"""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser

ANALYSER = InsecureCodeAnalyser()


def deciding(code: str, language: str = "php") -> list[tuple[str, str, int]]:
    return [(f.rule_id, f.severity, f.line) for f in ANALYSER.analyse(code, language)
            if f.kind == "security" and f.severity != "low"]


INSERT_ROW = '''<?php
class Model {
    public function createVisit($visit)
    {
        $fields = implode(", ", array_keys($visit));
        $values = Common::getSqlStringFieldsArray($visit);
        $table  = Common::prefixTable('log_visit');
        $sql  = "INSERT INTO $table ($fields) VALUES ($values)";
        $bind = array_values($visit);
        $db = $this->getDb();
        $db->query($sql, $bind);
        return $db->lastInsertId();
    }
}
'''


def test_a_row_inserted_with_its_values_bound_is_not_a_finding() -> None:
    assert deciding(INSERT_ROW) == []


def test_a_value_spliced_beside_the_bound_ones_stays_a_finding() -> None:
    spliced = INSERT_ROW.replace('VALUES ($values)"', "VALUES ($values) ON DUPLICATE KEY UPDATE note = '{$visit['note']}'\"")
    assert deciding(spliced) == [("PHP-SQL", "high", 11)]


UPDATE_WHERE = '''<?php
abstract class Zend_Db_Adapter_Abstract {
    public function update($table, array $bind, $where = '')
    {
        $set = array();
        foreach ($bind as $col => $val) {
            $set[] = $this->quoteIdentifier($col, true) . ' = ?';
        }
        $sql = "UPDATE " . $this->quoteIdentifier($table, true) . ' SET ' . implode(', ', $set)
             . (($where) ? " WHERE $where" : '');
        $stmt = $this->query($sql, array_values($bind));
        return $stmt->rowCount();
    }
}
'''


def test_a_condition_the_caller_wrote_is_the_callers_contract() -> None:
    assert deciding(UPDATE_WHERE) == []


def test_a_value_parameter_in_the_condition_stays_a_finding() -> None:
    code = '''<?php
class Users {
    public function rename($db, $name)
    {
        return $db->query("UPDATE users SET active = 1 WHERE name = '$name'");
    }
}
'''
    assert deciding(code) == [("PHP-SQL", "high", 5)]


def test_a_quoted_identifier_or_value_is_no_hole() -> None:
    code = '''<?php
function rows($db, $column, $name) {
    $col = $db->quoteIdentifier($column, true);
    $cond = $db->quoteInto("name = ?", $name);
    return $db->query("SELECT * FROM t WHERE $col IS NOT NULL AND " . $cond);
}
'''
    assert deciding(code) == []
