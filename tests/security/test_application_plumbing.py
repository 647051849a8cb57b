"""Application code's own plumbing: rows bound as values, conditions its callers wrote, quoted names,
fixed methods of objects, argument vectors, command wrappers.

Shapes from Matomo's data-access classes and the Zend_Db adapter it ships (45 findings on that
code, most of them these), Composer, Redmine and Jenkins, each beside the look-alike that must stay
a finding.
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


def test_a_fixed_method_of_an_object_a_caller_names_is_not_a_callable_from_outside() -> None:
    code = '''<?php
class Updater {
    private function executeSingleUpdateClass($className)
    {
        $update = StaticContainer::getContainer()->make($className);
        call_user_func(array($update, 'doUpdate'), $this);
    }
    protected function handleSingleValue(string $key, array $values, string $method): void
    {
        call_user_func([$this->configSource, $method], $key, $values[0]);
    }
}
'''
    assert deciding(code) == []
    request = "<?php\ncall_user_func([$handler, $_GET['action']], $_POST);\ncall_user_func($_GET['f']);\n"
    assert deciding(request) == [("PHP-CALLABLE", "critical", 2), ("PHP-CALLABLE", "critical", 3)]


def test_ruby_spawn_of_an_argument_vector_and_shell_quoted_parts_are_not_findings() -> None:
    code = '''module Redmine
  module Thumbnail
    CONVERT_BIN = 'convert'.freeze

    def self.generate(source, target, size)
      cmd = "#{shell_quote CONVERT_BIN} #{shell_quote source} -thumbnail #{shell_quote size.to_s} #{shell_quote target}"
      pid = Process.spawn(cmd)
      Process.wait2(pid)
    end

    def self.convert(source, target)
      args = ['pandoc', source, "-t", "gfm"]
      pid = Process.spawn(*args, out: target)
      Process.wait2(pid)
    end
  end
end
'''
    assert deciding(code, "ruby") == []
    spliced = code.replace("#{shell_quote source}", "#{source}")
    assert deciding(spliced, "ruby") == [("RB-SHELL", "critical", 7)]


def test_java_process_wrapper_named_for_its_command_and_the_environment_are_not_findings() -> None:
    code = '''import java.io.*;
import java.util.Map;

public final class LocalProc {
    public LocalProc(String[] cmd, File workDir) throws IOException {
        new ProcessBuilder(cmd).directory(workDir).start();
    }

    public static void restart(String cmd) throws IOException {
        String exe = System.getenv("WINSW_EXECUTABLE");
        new ProcessBuilder(exe, cmd).start();
    }
}
'''
    assert deciding(code, "java") == []
    value = code.replace("new ProcessBuilder(cmd)", 'new ProcessBuilder("sh", "-c", "tar xf " + workDir.getName() + " " + name)')
    value = value.replace("String[] cmd, File workDir", "String name, File workDir")
    assert deciding(value, "java") == [("JAVA-EXEC", "critical", 6)]


def test_a_record_found_by_a_request_id_is_not_the_id() -> None:
    """Redmine's settings page sends ``plugin_<id>=`` for the plugin ``Plugin.find(params[:id])`` returned:
    a registered plugin or an exception, not what the client typed."""
    code = '''class SettingsController < ApplicationController
  def plugin
    @plugin = Redmine::Plugin.find(params[:id])
    setting = params[:settings] ? params[:settings].permit!.to_h : {}
    Setting.send :"plugin_#{@plugin.id}=", setting
  end
end
'''
    assert deciding(code, "ruby") == []
    direct = code.replace('Setting.send :"plugin_#{@plugin.id}=", setting', 'Setting.send :"plugin_#{params[:id]}=", setting')
    assert deciding(direct, "ruby") == [("RB-DYNAMIC", "critical", 5)]


def test_ids_cast_in_place_by_a_reference_loop_are_numbers() -> None:
    """Matomo's ``foreach ($idActions as &$id) { $id = (int)$id; }`` before the ids go into ``IN (...)``."""
    code = '''<?php
class Actions {
    public function delete($idActions)
    {
        foreach ($idActions as &$id) {
            $id = (int)$id;
        }
        Db::query("DELETE FROM log_action WHERE idaction IN (" . implode(",", $idActions) . ")");
    }
}
'''
    assert deciding(code) == []
    trimmed = code.replace("$id = (int)$id;", "$id = trim($id);")
    assert deciding(trimmed) == [("PHP-SQL", "high", 8)]
    by_value = code.replace("as &$id", "as $id")
    assert deciding(by_value) == [("PHP-SQL", "high", 8)]
