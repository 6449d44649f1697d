package sa.rawabit.platform.tools;

import java.nio.ByteBuffer;
import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads {@code control.tool_document} (the platform may only read it), filtered by row-level security. */
@Repository
class ToolDocumentRecords {

	private final DatabaseClient database;

	ToolDocumentRecords(DatabaseClient database) {
		this.database = database;
	}

	/** The latest version of every tool that has one. */
	Flux<ToolDocument> latest() {
		return database.sql("""
				select distinct on (tool_id) tool_id, version, file_name, media_type, size_bytes, public, uploaded_at
				from control.tool_document order by tool_id, version desc""").map(ToolDocumentRecords::row).all();
	}

	/** The given version, or the latest when {@code version} is null. */
	Mono<DocumentContent> content(String toolId, @Nullable Integer version) {
		String which = version == null ? " order by version desc limit 1" : " and version = $2";
		var query = database.sql("""
				select tool_id, version, file_name, media_type, size_bytes, public, uploaded_at, content
				from control.tool_document where tool_id = $1""" + which).bind(0, toolId);
		if (version != null) {
			query = query.bind(1, version);
		}
		return query.map(row -> {
			ByteBuffer buffer = row.get("content", ByteBuffer.class);
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return new DocumentContent(row(row), bytes);
		}).one();
	}

	private static ToolDocument row(Readable row) {
		return new ToolDocument(row.get("tool_id", String.class), row.get("version", Integer.class),
				row.get("file_name", String.class), row.get("media_type", String.class),
				row.get("size_bytes", Integer.class), row.get("public", Boolean.class),
				row.get("uploaded_at", Instant.class));
	}

	record DocumentContent(ToolDocument document, byte[] bytes) {
	}
}
