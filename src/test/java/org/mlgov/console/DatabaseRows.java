package org.mlgov.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of every table of the console's schema, for tests that assert that a request changed nothing. */
public final class DatabaseRows {

	private DatabaseRows() {
	}

	/**
	 * The rows of each table, by table name, in the order of their first column.
	 * @param jdbc the console's database
	 * @return the rows of every table
	 */
	public static Map<String, List<Map<String, Object>>> of(JdbcTemplate jdbc) {
		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
				+ "where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
				String.class);
		assertThat(tables).contains("draft", "audit_event");
		for (String table : tables) {
			rows.put(table, jdbc.queryForList("select * from " + table + " order by 1"));
		}
		return rows;
	}

}
