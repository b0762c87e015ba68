package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drafts lists read a summary of each draft (no specification JSON): the persona they show becomes a column of
 * its own, {@code draft.persona}, which the {@code Draft} aggregate keeps equal to its specification's persona. This
 * migration adds it, fills it from each draft's stored content ({@code spec.persona}), and indexes the order of the
 * list of all drafts (newest first). Java, since reading JSON is not portable between H2 and PostgreSQL; the DDL
 * runs unchanged on both.
 */
public class V18__draft_summary extends BaseJavaMigration {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("alter table draft add column persona varchar(100)");
			ddl.execute("create index ix_draft_updated on draft (updated_at, id)");
		}
		try (Statement select = connection.createStatement();
				PreparedStatement update = connection.prepareStatement("update draft set persona = ? where id = ?")) {
			select.setFetchSize(200);
			int pending = 0;
			try (ResultSet drafts = select.executeQuery("select id, content from draft")) {
				while (drafts.next()) {
					String persona = personaOf(drafts.getString("content"));
					if (persona != null) {
						update.setString(1, persona);
						update.setLong(2, drafts.getLong("id"));
						update.addBatch();
						if (++pending == 500) {
							update.executeBatch();
							pending = 0;
						}
					}
				}
			}
			if (pending > 0) {
				update.executeBatch();
			}
		}
	}

	static String personaOf(String content) {
		if (content == null) {
			return null;
		}
		JsonNode persona = JSON.readTree(content).path("spec").path("persona");
		return persona.isString() ? persona.asString() : null;
	}

}
